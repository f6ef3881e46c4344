#!/usr/bin/env bash
# Ferry's benchmark harness (issue 5): builds the inventory-app dataset in PostgreSQL, MariaDB and
# SQLite, then times every pairing of Ferry with the tool a user would otherwise use, on the same
# data in the same run, alternating the two tools run by run, and writes a Markdown report.
#
#   bench/run.sh [--scale tiny|small|medium|large] [--runs N] [--jobs N] [--seed N]
#                [--only GROUPS] [--out FILE] [--work DIR] [--reuse-data] [--no-build]
#
#   --scale       dataset size: tiny 5k rows (the harness's own test), small ~200k (default),
#                 medium ~5M (~1 GB in PostgreSQL), large ~50M
#   --runs N      timed runs per tool and pairing (default 3); medians are reported
#   --jobs N      parallelism of the --jobs/-j pairings (default: the number of cores)
#   --only GROUPS comma-separated subset of: postgres,mariadb,sqlite,transfer,copy (default: all)
#   --out FILE    report (default bench/RESULTS.md for medium and large, bench/RESULTS-<scale>.md
#                 otherwise); the raw measurements go beside it as .tsv
#   --work DIR    scratch space for dumps and archives (default $FERRY_BENCH_WORK or /tmp/ferry-bench)
#   --reuse-data  keep the databases of the previous run when scale, seed and generator match
#   --no-build    use the jars already built (ferry-cli/target/ferry.jar, ferry-bench/target/ferry-bench.jar)
#
# Needs the local servers of the test suite (PostgreSQL on 127.0.0.1:5432 as postgres with trust,
# MariaDB on 127.0.0.1:3306 as root without password); it installs missing tools
# (bench/install-tools.sh) and starts the servers (.ci/ensure-servers). It creates and drops the
# databases ferry_bench_src and ferry_bench_dst (prefix: $FERRY_BENCH_DB). Exit 1 if any timed command failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source bench/lib/setup.sh
source bench/lib/dataset.sh
source bench/lib/measure.sh
source bench/lib/report.sh

SCALE=small RUNS=3 JOBS=$(nproc) SEED=1 ONLY=postgres,mariadb,sqlite,transfer,copy OUT="" BUILD=1 REUSE=0
WORK=${FERRY_BENCH_WORK:-/tmp/ferry-bench}
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --scale) SCALE=${2:?}; shift 2 ;;
    --runs) RUNS=${2:?}; shift 2 ;;
    --jobs) JOBS=${2:?}; shift 2 ;;
    --seed) SEED=${2:?}; shift 2 ;;
    --only) ONLY=${2:?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    --work) WORK=${2:?}; shift 2 ;;
    --reuse-data) REUSE=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown option $1" >&2; usage ;;
  esac
done
case $SCALE in tiny|small|medium|large) ;; *) echo "run.sh: --scale must be tiny, small, medium or large" >&2; exit 2 ;; esac
[[ $RUNS =~ ^[1-9][0-9]*$ && $JOBS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs and --jobs must be positive numbers" >&2; exit 2; }
if [ -z "$OUT" ]; then
  case $SCALE in medium|large) OUT=bench/RESULTS.md ;; *) OUT=bench/RESULTS-$SCALE.md ;; esac
fi
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

bench_setup
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
RESULTS_TSV=$WORK/results.tsv
: > "$RESULTS_TSV"
: > "$WORK/pairings.tsv"

# --- the dataset -------------------------------------------------------------------------------
engines=(postgresql)   # always: the transfers' target, and the row counts of the report
if wants mariadb || wants transfer; then engines+=(mariadb); fi
if wants sqlite || wants transfer; then engines+=(sqlite); fi
ensure_dataset "${engines[@]}"
TOTAL_ROWS=$(awk -F'\t' '{s += $2} END {print s}' "$WORK/rows-postgresql.tsv")
LARGEST=$(sort -t$'\t' -k2,2n "$WORK/rows-postgresql.tsv" | tail -n1 | cut -f1)
PG_BYTES=$("${PSQL[@]}" -d ${SRC_DB} -Atc "SELECT pg_database_size(current_database())")
MY_BYTES="" SQLITE_BYTES=""
[[ " ${engines[*]} " != *" mariadb "* ]] || MY_BYTES=$("${MARIADB[@]}" -N -e "SELECT SUM(data_length + index_length) FROM information_schema.tables WHERE table_schema = '${SRC_DB}'")
[[ " ${engines[*]} " != *" sqlite "* ]] || SQLITE_BYTES=$(stat -c %s "$WORK/src.db")
log "dataset: $TOTAL_ROWS rows; PostgreSQL $((PG_BYTES >> 20)) MB, MariaDB $((${MY_BYTES:-0} >> 20)) MB, SQLite $((${SQLITE_BYTES:-0} >> 20)) MB"

FERRY_HAS_TRANSFER=0 FERRY_RESTORE_JOBS=0
"${FERRY[@]}" --help 2>/dev/null | grep -qE '^ +transfer ' && FERRY_HAS_TRANSFER=1
"${FERRY[@]}" restore --help 2>/dev/null | grep -q -- '--jobs' && FERRY_RESTORE_JOBS=1

# --- PostgreSQL ---------------------------------------------------------------------------------
pg_backup_ferry() { rm -rf "$WORK/pg.ferry"; measure "$1" ferry "$2" "$WORK/pg.ferry" "${FERRY[@]}" backup --from "$PG_SRC" --to "$WORK/pg.ferry" -q; }
pg_backup_other() { rm -f "$WORK/pg.dump"; measure "$1" other "$2" "$WORK/pg.dump" pg_dump -h "$PG_HOST" -U "$PG_USER" -Fc -f "$WORK/pg.dump" ${SRC_DB}; }
pg_backup_jobs_ferry() { rm -rf "$WORK/pgj.ferry"; measure "$1" ferry "$2" "$WORK/pgj.ferry" "${FERRY[@]}" backup --from "$PG_SRC" --to "$WORK/pgj.ferry" --jobs "$JOBS" -q; }
pg_backup_jobs_other() { rm -rf "$WORK/pg.dir"; measure "$1" other "$2" "$WORK/pg.dir" pg_dump -h "$PG_HOST" -U "$PG_USER" -Fd -j "$JOBS" -f "$WORK/pg.dir" ${SRC_DB}; }
pg_restore_ferry() { pg_fresh ${DST_DB}; measure "$1" ferry "$2" "" "${FERRY[@]}" restore --from "$WORK/pg.ferry" --to "$PG_DST" -q; }
pg_restore_other() { pg_fresh ${DST_DB}; measure "$1" other "$2" "" pg_restore -h "$PG_HOST" -U "$PG_USER" -d ${DST_DB} "$WORK/pg.dump"; }
pg_restore_jobs_ferry() { pg_fresh ${DST_DB}; measure "$1" ferry "$2" "" "${FERRY[@]}" restore --from "$WORK/pgj.ferry" --to "$PG_DST" --jobs "$JOBS" -q; }
pg_restore_jobs_other() { pg_fresh ${DST_DB}; measure "$1" other "$2" "" pg_restore -h "$PG_HOST" -U "$PG_USER" -d ${DST_DB} -j "$JOBS" "$WORK/pg.dir"; }

if wants postgres; then
  pairing pg_backup "PostgreSQL backup" "ferry backup" "pg_dump -Fc" "$PG_BYTES"
  alternate pg_backup pg_backup_ferry pg_backup_other
  pairing pg_backup_jobs "PostgreSQL backup, $JOBS jobs" "ferry backup --jobs $JOBS" "pg_dump -Fd -j $JOBS" "$PG_BYTES"
  alternate pg_backup_jobs pg_backup_jobs_ferry pg_backup_jobs_other
  pairing pg_restore "PostgreSQL restore" "ferry restore" "pg_restore" "$PG_BYTES"
  alternate pg_restore pg_restore_ferry pg_restore_other
  if [ "$FERRY_RESTORE_JOBS" = 1 ]; then
    pairing pg_restore_jobs "PostgreSQL restore, $JOBS jobs" "ferry restore --jobs $JOBS" "pg_restore -j $JOBS" "$PG_BYTES"
    alternate pg_restore_jobs pg_restore_jobs_ferry pg_restore_jobs_other
  else
    pairing pg_restore_jobs "PostgreSQL restore, $JOBS jobs" "ferry restore (has no --jobs yet: same as above)" "pg_restore -j $JOBS" "$PG_BYTES" pg_restore
    alternate pg_restore_jobs "" pg_restore_jobs_other
  fi
fi

# --- MariaDB ------------------------------------------------------------------------------------
my_backup_ferry() { rm -rf "$WORK/my.ferry"; measure "$1" ferry "$2" "$WORK/my.ferry" "${FERRY[@]}" backup --from "$MY_SRC" --to "$WORK/my.ferry" -q; }
my_backup_jobs_ferry() { rm -rf "$WORK/myj.ferry"; measure "$1" ferry "$2" "$WORK/myj.ferry" "${FERRY[@]}" backup --from "$MY_SRC" --to "$WORK/myj.ferry" --jobs "$JOBS" -q; }
my_backup_other() { rm -f "$WORK/my.sql"; measure "$1" other "$2" "$WORK/my.sql" mysqldump -h "$MY_HOST" -u"$MY_USER" --single-transaction --result-file="$WORK/my.sql" ${SRC_DB}; }
my_restore_ferry() { my_fresh ${DST_DB}; measure "$1" ferry "$2" "" "${FERRY[@]}" restore --from "$WORK/my.ferry" --to "$MY_DST" -q; }
my_restore_other() { my_fresh ${DST_DB}; measure "$1" other "$2" "" sh -c "${MARIADB[*]} ${DST_DB} < '$WORK/my.sql'"; }

if wants mariadb; then
  pairing my_backup "MariaDB backup" "ferry backup" "mysqldump --single-transaction" "$MY_BYTES"
  alternate my_backup my_backup_ferry my_backup_other
  pairing my_backup_jobs "MariaDB backup, $JOBS jobs" "ferry backup --jobs $JOBS" "mysqldump --single-transaction (one thread)" "$MY_BYTES" my_backup
  alternate my_backup_jobs my_backup_jobs_ferry ""
  pairing my_restore "MariaDB restore" "ferry restore" "mariadb < mysqldump file" "$MY_BYTES"
  alternate my_restore my_restore_ferry my_restore_other
fi

# --- SQLite -------------------------------------------------------------------------------------
sqlite_backup_ferry() { rm -rf "$WORK/sqlite.ferry"; measure "$1" ferry "$2" "$WORK/sqlite.ferry" "${FERRY[@]}" backup --from "jdbc:sqlite:$WORK/src.db" --to "$WORK/sqlite.ferry" -q; }
sqlite_backup_other() { rm -f "$WORK/sqlite.sql"; measure "$1" other "$2" "$WORK/sqlite.sql" sh -c "sqlite3 '$WORK/src.db' .dump > '$WORK/sqlite.sql'"; }
sqlite_restore_ferry() { rm -f "$WORK/dst.db"; measure "$1" ferry "$2" "$WORK/dst.db" "${FERRY[@]}" restore --from "$WORK/sqlite.ferry" --to "jdbc:sqlite:$WORK/dst.db" -q; }
sqlite_restore_other() { rm -f "$WORK/dst.db"; measure "$1" other "$2" "$WORK/dst.db" sh -c "sqlite3 '$WORK/dst.db' < '$WORK/sqlite.sql'"; }

if wants sqlite; then
  pairing sqlite_backup "SQLite backup" "ferry backup" "sqlite3 .dump" "$SQLITE_BYTES"
  alternate sqlite_backup sqlite_backup_ferry sqlite_backup_other
  pairing sqlite_restore "SQLite restore" "ferry restore" "sqlite3 < .dump file" "$SQLITE_BYTES"
  alternate sqlite_restore sqlite_restore_ferry sqlite_restore_other
fi

# --- cross-engine -------------------------------------------------------------------------------
pgloader_run() { # pairing run source-url: pgloader, then check that the largest table arrived whole
  pg_fresh ${DST_DB}
  # SBCL's default heap (the Debian build's) is exhausted by the medium dataset ("Heap exhausted, game
  # over"); pgloader's FAQ gives this runtime option for it. Its peak RSS is measured all the same.
  measure "$1" other "$2" "" pgloader --dynamic-space-size 4096 --no-ssl-cert-verification "$3" "postgresql://$PG_USER@$PG_HOST/${DST_DB}"
  [ "$MEASURED_OK" = 1 ] || return 0
  local expected schema arrived=none
  expected=$(awk -F'\t' -v t="$LARGEST" '$1 == t {print $2}' "$WORK/rows-postgresql.tsv")
  schema=$("${PSQL[@]}" -d ${DST_DB} -Atc "SELECT schemaname FROM pg_tables WHERE tablename = '$LARGEST'")
  [ -z "$schema" ] || arrived=$("${PSQL[@]}" -d ${DST_DB} -Atc "SELECT count(*) FROM \"$schema\".$LARGEST")
  [ "$arrived" = "$expected" ] || fail_last "$1" other "pgloader reported success but $LARGEST holds '$arrived' rows, not $expected"
}
sqlite_to_pg_ferry() { pg_fresh ${DST_DB}; measure "$1" ferry "$2" "" "${FERRY[@]}" transfer --from "jdbc:sqlite:$WORK/src.db" --to "$PG_DST" --jobs "$JOBS" -q; }
sqlite_to_pg_other() { pgloader_run "$1" "$2" "sqlite://$WORK/src.db"; }
my_to_pg_ferry() { pg_fresh ${DST_DB}; measure "$1" ferry "$2" "" "${FERRY[@]}" transfer --from "$MY_SRC" --to "$PG_DST" --jobs "$JOBS" -q; }
my_to_pg_other() { pgloader_run "$1" "$2" "mysql://$MY_USER@$MY_HOST/${SRC_DB}"; }

if wants transfer; then
  [ "$FERRY_HAS_TRANSFER" = 1 ] || log "ferry has no transfer command yet: its side of the cross-engine pairings is recorded as not available"
  ferry_side=transfer
  [ "$FERRY_HAS_TRANSFER" = 1 ] || ferry_side=""
  pairing sqlite_to_pg "SQLite → PostgreSQL" "ferry transfer --jobs $JOBS" "pgloader" "$SQLITE_BYTES"
  alternate sqlite_to_pg "${ferry_side:+sqlite_to_pg_ferry}" sqlite_to_pg_other
  pairing my_to_pg "MariaDB → PostgreSQL" "ferry transfer --jobs $JOBS" "pgloader" "$MY_BYTES"
  alternate my_to_pg "${ferry_side:+my_to_pg_ferry}" my_to_pg_other
fi

# --- the limit: raw COPY through psql -----------------------------------------------------------
copy_script() { # direction (to|from) dir tables...: one \copy per table
  local direction=$1 dir=$2; shift 2
  for t in "$@"; do echo "\\copy $t $direction '$dir/$t.tsv'"; done
}
copy_out() { # pairing run tables...
  local pairing=$1 run=$2; shift 2
  rm -rf "$WORK/copy-out" && mkdir -p "$WORK/copy-out"
  copy_script to "$WORK/copy-out" "$@" > "$WORK/copy-out.sql"
  measure "$pairing" ferry "$run" "$WORK/copy-out" "${PSQL[@]}" -d ${SRC_DB} -f "$WORK/copy-out.sql"
}
copy_in() { # pairing run tables...: into the bare tables of pg_dump's pre-data section (no index, no constraint)
  local pairing=$1 run=$2; shift 2
  pg_fresh ${DST_DB}
  pg_dump -h "$PG_HOST" -U "$PG_USER" --section=pre-data ${SRC_DB} | "${PSQL[@]}" -d ${DST_DB} >/dev/null
  copy_script from "$WORK/copy-in" "$@" > "$WORK/copy-in.sql"
  measure "$pairing" ferry "$run" "" "${PSQL[@]}" -d ${DST_DB} -f "$WORK/copy-in.sql"
}
ALL_TABLES=($(cut -f1 "$WORK/rows-postgresql.tsv"))
copy_out_all() { copy_out "$1" "$2" "${ALL_TABLES[@]}"; }
copy_in_all() { copy_in "$1" "$2" "${ALL_TABLES[@]}"; }
copy_out_largest() { copy_out "$1" "$2" "$LARGEST"; }
copy_in_largest() { copy_in "$1" "$2" "$LARGEST"; }

if wants copy; then
  rm -rf "$WORK/copy-in" && mkdir -p "$WORK/copy-in"
  copy_script to "$WORK/copy-in" "${ALL_TABLES[@]}" | "${PSQL[@]}" -d ${SRC_DB}
  largest_rows=$(awk -F'\t' -v t="$LARGEST" '$1 == t {print $2}' "$WORK/rows-postgresql.tsv")
  limit copy_out_all "COPY TO, every table" "$TOTAL_ROWS" "$PG_BYTES"
  alternate copy_out_all copy_out_all ""
  limit copy_in_all "COPY FROM, every table (no indexes or constraints)" "$TOTAL_ROWS" "$PG_BYTES"
  alternate copy_in_all copy_in_all ""
  limit copy_out_largest "COPY TO, $LARGEST alone" "$largest_rows" ""
  alternate copy_out_largest copy_out_largest ""
  limit copy_in_largest "COPY FROM, $LARGEST alone" "$largest_rows" ""
  alternate copy_in_largest copy_in_largest ""
  rm -rf "$WORK/copy-in" "$WORK/copy-out"
fi

write_report "$OUT"
log "wrote $OUT and ${OUT%.md}.tsv"
report_failures
