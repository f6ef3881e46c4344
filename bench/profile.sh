#!/usr/bin/env bash
# CPU profiles of a ferry backup and a ferry restore of the PostgreSQL benchmark dataset, drawn as
# flame graphs: async-profiler (its agent ships inside ferry-bench.jar, from Maven Central) samples
# every thread, JVM and kernel frames included; dev.ferry.bench.profile.FlameGraphPng draws the PNG
# and writes where the time goes, by component and by hottest frame.
#
#   bench/profile.sh [--scale tiny|small|medium|large] [--jobs N] [--out DIR] [--work DIR] [--reuse-data] [--no-build]
#
#   --scale   dataset size (default small); --jobs N: the backup's readers (default 1)
#   --out     where the pictures and summaries go (default bench/profile)
#   --work, --reuse-data, --no-build: as for bench/run.sh (shares its dataset)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source bench/lib/setup.sh
source bench/lib/dataset.sh

SCALE=small SEED=1 JOBS=1 OUT=bench/profile BUILD=1 REUSE=0
WORK=${FERRY_BENCH_WORK:-/tmp/ferry-bench}
while [ $# -gt 0 ]; do
  case $1 in
    --scale) SCALE=${2:?}; shift 2 ;;
    --jobs) JOBS=${2:?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    --work) WORK=${2:?}; shift 2 ;;
    --reuse-data) REUSE=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
    *) echo "profile.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

bench_setup
ensure_dataset postgresql
mkdir -p "$OUT" "$WORK/profiler"
(cd "$WORK/profiler" && jar xf "$BENCH_JAR" linux-x64/libasyncProfiler.so)
AGENT=$WORK/profiler/linux-x64/libasyncProfiler.so

profiled() { # name title ferry-arguments...: one profiled ferry run, then its picture and summary
  local name=$1 title=$2 event=cpu; shift 2
  # cpu uses perf_events; where the kernel forbids them (containers), itimer samples CPU time as well
  [ "$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo 3)" -le 2 ] || event=itimer
  log "profiling ferry $1 ($event sampling)"
  /usr/bin/time -f "%e s wall, %U s user, %S s system CPU, %M kB peak RSS" -o "$WORK/$name.time" \
    java ${FERRY_JAVA_OPTS:-} "-agentpath:$AGENT=start,event=$event,interval=1ms,collapsed,file=$WORK/$name.collapsed" \
    -jar "$root/ferry-cli/target/ferry.jar" "$@" -q
  {
    echo "$title"
    echo "ferry $1: $(tail -n1 "$WORK/$name.time") ($event sampling, 1 ms)"
    java -cp "$BENCH_JAR" dev.ferry.bench.profile.FlameGraphPng "$WORK/$name.collapsed" "$OUT/$name-flame.png" "$title"
  } > "$OUT/$name-profile.txt"
  log "wrote $OUT/$name-flame.png and $OUT/$name-profile.txt"
}

rows=$(awk -F'\t' '{s += $2} END {print s}' "$WORK/rows-postgresql.tsv")
rm -rf "$WORK/profile.ferry"
profiled backup "ferry backup --jobs $JOBS, PostgreSQL, $SCALE dataset ($rows rows)" \
  backup --from "$PG_SRC" --to "$WORK/profile.ferry" --jobs "$JOBS"
pg_fresh ${DST_DB}
profiled restore "ferry restore, PostgreSQL, $SCALE dataset ($rows rows)" \
  restore --from "$WORK/profile.ferry" --to "$PG_DST"
