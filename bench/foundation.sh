#!/usr/bin/env bash
# Foundation benchmark (issue 2): ~1M rows in PostgreSQL and MariaDB, Ferry's backup and restore
# timed next to pg_dump -Fc / pg_restore and mysqldump / reload, in the same run, on the same data.
# Usage: bench/foundation.sh [rows]     (default 1000000). Needs the local servers (.ci/ensure-servers).
# Not a test: prints a Markdown table of medians of 3 alternating runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${RUNS:-3}
JOBS=${JOBS:-2}
work=$(mktemp -d /tmp/ferry-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
./mvnw -B -q -DskipTests package -pl ferry-cli -am
FERRY="java -jar ferry-cli/target/ferry.jar"
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
MY="mariadb -h 127.0.0.1 -uroot"

now() { date +%s.%N; }
elapsed() { awk -v a="$(now)" -v b="$1" 'BEGIN {printf "%.2f", a - b}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

pg_seed() {
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS bench_src" -c "CREATE DATABASE bench_src"
  $PSQL -d bench_src <<SQL
CREATE TABLE customer (id bigserial PRIMARY KEY, name text NOT NULL, email varchar(200), created timestamptz NOT NULL);
CREATE TABLE item (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customer(id), sku varchar(32) NOT NULL,
  price numeric(12,4), qty integer NOT NULL, active boolean NOT NULL, note text, added timestamp NOT NULL);
CREATE INDEX item_customer ON item(customer_id);
INSERT INTO customer (name, email, created) SELECT 'customer ' || g, 'c' || g || '@example.org', now() - g * interval '1 minute'
  FROM generate_series(1, $ROWS / 10) g;
INSERT INTO item (customer_id, sku, price, qty, active, note, added)
  SELECT 1 + (g % ($ROWS / 10)), 'SKU-' || md5(g::text)::varchar(12), (g % 100000) / 100.0, g % 500, g % 3 = 0,
         CASE WHEN g % 4 = 0 THEN NULL ELSE 'note ' || g || ' ünïcødé' END, timestamp '2026-01-01' + g * interval '1 second'
  FROM generate_series(1, $ROWS) g;
ANALYZE;
SQL
}

pg_fresh() { $PSQL -d postgres -c "DROP DATABASE IF EXISTS bench_dst WITH (FORCE)" -c "CREATE DATABASE bench_dst"; }

my_seed() {
  $MY -e "DROP DATABASE IF EXISTS bench_src; CREATE DATABASE bench_src CHARACTER SET utf8mb4"
  $MY bench_src <<SQL
CREATE TABLE customer (id bigint AUTO_INCREMENT PRIMARY KEY, name text NOT NULL, email varchar(200), created datetime(6) NOT NULL);
CREATE TABLE item (id bigint AUTO_INCREMENT PRIMARY KEY, customer_id bigint NOT NULL, sku varchar(32) NOT NULL,
  price decimal(12,4), qty int NOT NULL, active tinyint(1) NOT NULL, note text, added datetime NOT NULL,
  KEY item_customer (customer_id), CONSTRAINT item_customer_fk FOREIGN KEY (customer_id) REFERENCES customer(id));
INSERT INTO customer (name, email, created) SELECT concat('customer ', seq), concat('c', seq, '@example.org'), now(6)
  FROM seq_1_to_$((ROWS / 10));
INSERT INTO item (customer_id, sku, price, qty, active, note, added)
  SELECT 1 + (seq % $((ROWS / 10))), left(concat('SKU-', md5(seq)), 16), (seq % 100000) / 100.0, seq % 500, seq % 3 = 0,
         if(seq % 4 = 0, NULL, concat('note ', seq, ' ünïcødé')), '2026-01-01' + interval seq second
  FROM seq_1_to_$ROWS;
ANALYZE TABLE customer, item;
SQL
}

my_fresh() { $MY -e "DROP DATABASE IF EXISTS bench_dst; CREATE DATABASE bench_dst CHARACTER SET utf8mb4"; }

declare -A T
run() { # name, command...
  local name=$1; shift
  local s; s=$(now); "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  T[$name]+="$(elapsed "$s") "
}

echo "seeding $ROWS rows..." >&2
pg_seed; my_seed
for i in $(seq 1 "$RUNS"); do
  rm -rf "$work"/*
  run pg_dump_fc pg_dump -h 127.0.0.1 -U postgres -Fc -f "$work/pg.dump" bench_src
  run ferry_backup_pg $FERRY backup --from jdbc:postgresql://127.0.0.1/bench_src --user postgres --to "$work/pg.ferry" --jobs "$JOBS" -q
  pg_fresh; run pg_restore pg_restore -h 127.0.0.1 -U postgres -d bench_dst "$work/pg.dump"
  pg_fresh; run ferry_restore_pg $FERRY restore --from "$work/pg.ferry" --to jdbc:postgresql://127.0.0.1/bench_dst --user postgres -q
  run mysqldump mysqldump -h 127.0.0.1 -uroot --single-transaction --result-file="$work/my.sql" bench_src
  run ferry_backup_my $FERRY backup --from jdbc:mariadb://127.0.0.1/bench_src --user root --to "$work/my.ferry" --jobs "$JOBS" -q
  my_fresh; run mysql_reload sh -c "$MY bench_dst < '$work/my.sql'"
  my_fresh; run ferry_restore_my $FERRY restore --from "$work/my.ferry" --to jdbc:mariadb://127.0.0.1/bench_dst --user root -q
  sizes="pg_dump -Fc $(du -sb "$work/pg.dump" | cut -f1) B, ferry(pg) $(du -sb "$work/pg.ferry" | cut -f1) B, mysqldump $(du -sb "$work/my.sql" | cut -f1) B, ferry(mariadb) $(du -sb "$work/my.ferry" | cut -f1) B"
done
m() { echo "${T[$1]}" | tr ' ' '\n' | grep . | median; }
ratio() { awk -v a="$(m "$1")" -v b="$(m "$2")" 'BEGIN {printf "%.2f", a / b}'; }
echo "## Foundation benchmark: $ROWS rows, $RUNS runs, $(nproc) cores, $(date -u +%F)"
echo
echo "| operation | Ferry (s) | reference tool | reference (s) | ratio Ferry/ref |"
echo "|---|---|---|---|---|"
echo "| backup PostgreSQL (--jobs $JOBS) | $(m ferry_backup_pg) | pg_dump -Fc | $(m pg_dump_fc) | $(ratio ferry_backup_pg pg_dump_fc) |"
echo "| restore PostgreSQL | $(m ferry_restore_pg) | pg_restore | $(m pg_restore) | $(ratio ferry_restore_pg pg_restore) |"
echo "| backup MariaDB (--jobs $JOBS) | $(m ferry_backup_my) | mysqldump --single-transaction | $(m mysqldump) | $(ratio ferry_backup_my mysqldump) |"
echo "| restore MariaDB | $(m ferry_restore_my) | mariadb < dump.sql | $(m mysql_reload) | $(ratio ferry_restore_my mysql_reload) |"
echo
echo "Sizes: $sizes"
