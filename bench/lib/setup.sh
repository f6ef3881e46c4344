# Shared set-up of bench/run.sh and bench/profile.sh (sourced): connections, tools, servers, jars.
# Needs root (the repository), BUILD and WORK; sets PSQL, MARIADB, the JDBC URLs, FERRY, BENCH_JAR.

PG_HOST=127.0.0.1 PG_USER=postgres MY_HOST=127.0.0.1 MY_USER=root
# the databases the harness creates and drops: <prefix>_src and <prefix>_dst in both servers
SRC_DB=${FERRY_BENCH_DB:-ferry_bench}_src DST_DB=${FERRY_BENCH_DB:-ferry_bench}_dst
PSQL=(psql -h "$PG_HOST" -U "$PG_USER" -X -q -v ON_ERROR_STOP=1)
MARIADB=(mariadb -h "$MY_HOST" -u"$MY_USER" --default-character-set=utf8mb4)
PG_SRC=jdbc:postgresql://$PG_HOST/${SRC_DB}?user=$PG_USER
PG_DST=jdbc:postgresql://$PG_HOST/${DST_DB}?user=$PG_USER
MY_SRC=jdbc:mariadb://$MY_HOST/${SRC_DB}?user=$MY_USER
MY_DST=jdbc:mariadb://$MY_HOST/${DST_DB}?user=$MY_USER
# the JVM options of the ./ferry launcher, which users run (FERRY_JAVA_OPTS replaces them)
FERRY=(java ${FERRY_JAVA_OPTS:--Xmx384m -XX:+UseParallelGC} -jar "$root/ferry-cli/target/ferry.jar")
BENCH_JAR=$root/ferry-bench/target/ferry-bench.jar

log() { echo "bench: $*" >&2; }

bench_setup() { # tools, servers, jars, work directory
  bash "$root/bench/install-tools.sh"
  bash "$root/.ci/ensure-servers"
  if [ "$BUILD" = 1 ]; then
    log "building ferry.jar and ferry-bench.jar"
    (cd "$root" && ./mvnw -B -q -DskipTests package -pl ferry-cli,ferry-bench -am >&2)
  fi
  [ -f "$root/ferry-cli/target/ferry.jar" ] && [ -f "$BENCH_JAR" ] || { log "jars missing: run without --no-build"; exit 1; }
  mkdir -p "$WORK"
  WORK=$(cd "$WORK" && pwd)
}
