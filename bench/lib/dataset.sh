# The benchmark dataset in the three engines (sourced by bench/run.sh and bench/profile.sh).
# Needs WORK, SCALE, SEED, REUSE, BENCH_JAR, PSQL, MARIADB, PG_SRC, MY_SRC. Fills $WORK/rows-<engine>.tsv.

pg_fresh() { "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" 2>/dev/null; }
my_fresh() { "${MARIADB[@]}" -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4"; }
generator_digest() { find "$root/ferry-bench/src/main/java/dev/ferry/bench/data" -type f -exec cat {} + | md5sum | cut -c1-12; }

generate() { # engine url
  log "generating the $SCALE dataset in $1"
  java -cp "$BENCH_JAR" dev.ferry.bench.data.GenerateDataset --url "$2" --scale "$SCALE" --seed "$SEED" > "$WORK/rows-$1.tsv"
}

ensure_dataset() { # engines...: (re)generates each, unless --reuse-data and the same scale, seed and generator built it
  local engine stamp
  stamp="$SCALE $SEED $(generator_digest)"
  for engine in "$@"; do
    if [ "$REUSE" = 1 ] && [ -f "$WORK/dataset-$engine.stamp" ] && [ "$(cat "$WORK/dataset-$engine.stamp")" = "$stamp" ]; then
      log "reusing the $engine dataset of the previous run ($stamp)"
      continue
    fi
    rm -f "$WORK/dataset-$engine.stamp"
    case $engine in
      postgresql) pg_fresh ${SRC_DB} && generate postgresql "$PG_SRC" ;;
      mariadb) my_fresh ${SRC_DB} && generate mariadb "$MY_SRC" ;;
      sqlite) rm -f "$WORK/src.db" && generate sqlite "jdbc:sqlite:$WORK/src.db" ;;
    esac
    echo "$stamp" > "$WORK/dataset-$engine.stamp"
  done
}
