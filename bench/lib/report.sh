# The report of bench/run.sh (sourced): medians of $RESULTS_TSV per pairing and side, as Markdown.
# Uses only POSIX awk and sort.

median() { # pairing side field(4 seconds, 6 bytes): median over the successful runs, empty if none
  awk -F'\t' -v p="$1" -v s="$2" -v f="$3" '$1 == p && $2 == s && $7 == "ok" {print $f}' "$RESULTS_TSV" | sort -n |
    awk '{a[NR] = $1} END {if (NR) print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'
}
peak() { # pairing side: the largest peak RSS of any run, kB
  awk -F'\t' -v p="$1" -v s="$2" '$1 == p && $2 == s && $7 == "ok" && $5 > m {m = $5} END {if (m) print m}' "$RESULTS_TSV"
}
measured() { # pairing side field: the median, or the fallback pairing's when this side was not run separately
  local m fallback
  m=$(median "$1" "$2" "$3")
  fallback=$(field "$1" 8)
  [ -n "$m" ] || [ -z "$fallback" ] || m=$(median "$fallback" "$2" "$3")
  echo "$m"
}
failure() { # pairing side: the first failure message, if any
  awk -F'\t' -v p="$1" -v s="$2" '$1 == p && $2 == s && $7 != "ok" {print substr($7, 9); exit}' "$RESULTS_TSV"
}
calc() { awk "BEGIN {printf \"$1\", $2}"; }
ratio() { [ -n "$1" ] && [ -n "$2" ] && calc "%.2f" "$1 / $2" || echo "–"; }
mb() { [ -n "$1" ] && calc "%.1f" "$1 / 1048576" || echo "–"; }
rate() { # count seconds: per second, thousands separated
  [ -n "$1" ] && [ -n "$2" ] || { echo "–"; return; }
  calc "%.0f" "$1 / $2" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'
}
mbps() { [ -n "$1" ] && [ -n "$2" ] && [ -n "$3" ] && calc "%.1f" "$2 / 1048576 / $3" || echo "–"; }
kb_mb() { [ -n "$1" ] && calc "%.0f" "$1 / 1024" || echo "–"; }
secs() { [ -n "$1" ] && calc "%.2f" "$1" || echo "–"; }
cell() { # pairing side median-seconds: the seconds, or why there are none
  local why
  why=$(failure "$1" "$2")
  if [ -n "$why" ]; then why=${why:0:120}; echo "**failed**: ${why//|/\\|}"
  elif [ -n "$3" ]; then secs "$3"
  elif [[ $1 == *_to_pg && $2 == ferry ]]; then echo "not available yet"
  else echo "–"; fi
}
field() { awk -F'\t' -v id="$1" -v f="$2" '$1 == id {print $f; exit}' "$WORK/pairings.tsv"; }

pair_row() { # id: one line of the main table
  local id=$1 label ferry other bytes rows fallback fs os note=""
  label=$(field "$id" 3) ferry=$(field "$id" 4) other=$(field "$id" 5) bytes=$(field "$id" 6) rows=$(field "$id" 7) fallback=$(field "$id" 8)
  local fid=$id oid=$id
  fs=$(median "$id" ferry 4) os=$(median "$id" other 4)
  [ -n "$fs" ] || [ -z "$fallback" ] || { fid=$fallback; fs=$(median "$fid" ferry 4); note=" (²)"; }
  [ -n "$os" ] || [ -z "$fallback" ] || { oid=$fallback; os=$(median "$oid" other 4); note=" (²)"; }
  echo "| $label | $ferry | $(cell "$fid" ferry "$fs") | $other | $(cell "$oid" other "$os") | $(ratio "$fs" "$os")$note" \
       "| $(rate "$rows" "$fs") / $(rate "$rows" "$os") | $(mbps "$rows" "$bytes" "$fs") / $(mbps "$rows" "$bytes" "$os")" \
       "| $(mb "$(median "$fid" ferry 6)") / $(mb "$(median "$oid" other 6)") | $(kb_mb "$(peak "$fid" ferry)") / $(kb_mb "$(peak "$oid" other)") |"
}

limit_row() { # id
  local id=$1 s rows bytes
  s=$(median "$id" ferry 4) rows=$(field "$id" 7) bytes=$(field "$id" 6)
  echo "| $(field "$id" 3) | $(cell "$id" ferry "$s") | $(rate "$rows" "$s") | $(mbps "$rows" "$bytes" "$s") | $(mb "$(median "$id" ferry 6)") |"
}

target_row() { # text measured limit(<=): met when measured <= limit
  local verdict="n/a"
  [ -z "$2" ] || [ "$2" = "–" ] || verdict=$(awk -v m="$2" -v l="$3" 'BEGIN {print (m <= l ? "**met**" : "missed")}')
  echo "| $1 | ${2:-–} | ≤ $3 | $verdict |"
}

ferry_peak_mb() { # tsv: the largest peak RSS of any Ferry run in a results file, MB
  awk -F'\t' '$2 == "ferry" && $7 == "ok" && $1 !~ /^copy_/ && $5 > m {m = $5} END {if (m) printf "%.0f", m / 1024}' "$1"
}

versions() {
  echo "- Ferry: $(git describe --always --dirty 2>/dev/null || echo unknown) ($("${FERRY[@]}" --version 2>/dev/null | head -n1)), $(java -version 2>&1 | head -n1)"
  echo "- PostgreSQL server $("${PSQL[@]}" -d postgres -Atc 'SHOW server_version'); $(pg_dump --version); $(pg_restore --version)"
  echo "- MariaDB server $("${MARIADB[@]}" -N -e 'SELECT VERSION()'); $(mysqldump --version)"
  echo "- SQLite shell $(sqlite3 --version | cut -d' ' -f1); $(pgloader --version < /dev/null 2>/dev/null | head -n1 | tr -d '"')"
}

machine() {
  local cpu
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  echo "$(nproc) cores (${cpu:-unknown CPU}), $(free -g | awk '/^Mem:/ {print $2}') GB memory, $(uname -sr)"
}

dataset_table() {
  echo "| table | rows |"
  echo "|---|---:|"
  awk -F'\t' '{printf "| %s | %d |\n", $1, $2}' "$WORK/rows-postgresql.tsv"
  echo "| **total** | **$TOTAL_ROWS** |"
}

targets() {
  local small_tsv=bench/RESULTS-small.tsv peak small_peak
  target_row "PostgreSQL backup time / pg_dump -Fc" "$(ratio "$(measured pg_backup ferry 4)" "$(measured pg_backup other 4)")" 0.8
  target_row "Ferry archive size / pg_dump -Fc file" "$(ratio "$(measured pg_backup ferry 6)" "$(measured pg_backup other 6)")" 1.1
  target_row "PostgreSQL restore time / pg_restore" "$(ratio "$(measured pg_restore ferry 4)" "$(measured pg_restore other 4)")" 0.8
  target_row "PostgreSQL restore time / pg_restore -j $JOBS" "$(ratio "$(measured pg_restore_jobs ferry 4)" "$(measured pg_restore_jobs other 4)")" 0.8
  target_row "SQLite → PostgreSQL time / pgloader" "$(ratio "$(measured sqlite_to_pg ferry 4)" "$(measured sqlite_to_pg other 4)")" 0.5
  target_row "MariaDB → PostgreSQL time / pgloader" "$(ratio "$(measured my_to_pg ferry 4)" "$(measured my_to_pg other 4)")" 0.5
  target_row "PostgreSQL backup time / raw COPY TO of every table" "$(ratio "$(measured pg_backup ferry 4)" "$(measured copy_out_all ferry 4)")" 1.5
  target_row "PostgreSQL restore time / raw COPY FROM of every table" "$(ratio "$(measured pg_restore ferry 4)" "$(measured copy_in_all ferry 4)")" 1.5
  peak=$(ferry_peak_mb "$RESULTS_TSV")
  target_row "peak RSS of any Ferry process, MB" "$peak" 512
  if [ "$SCALE" != small ] && [ -f "$small_tsv" ] && [ -n "$peak" ]; then
    small_peak=$(ferry_peak_mb "$small_tsv")
    target_row "peak RSS here / at the small scale (flat: memory does not grow with rows)" "$(ratio "$peak" "$small_peak")" 1.25
  fi
}

write_report() { # file
  local out=$1 id
  mkdir -p "$(dirname "$out")"
  {
    echo "# Ferry benchmark: $SCALE scale"
    echo
    echo "Run by \`bench/run.sh --scale $SCALE --runs $RUNS --jobs $JOBS --seed $SEED --only $ONLY\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo "Medians of $RUNS runs per tool, the two tools of a pairing alternating run by run."
    echo
    echo "- Machine: $(machine); load average at the start ${LOAD_AT_START:-?}, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
    versions
    echo
    echo "## Dataset"
    echo
    echo "The inventory app (ferry-bench \`dev.ferry.bench.data.Dataset\`), seed $SEED, the same rows in every engine:"
    echo "PostgreSQL $(mb "$PG_BYTES") MB, MariaDB $(mb "$MY_BYTES") MB (InnoDB data and indexes), SQLite $(mb "$SQLITE_BYTES") MB."
    echo
    dataset_table
    echo
    echo "## Ferry next to the other tools"
    echo
    echo "| operation | Ferry | s | other tool | s | Ferry / other | rows/s (Ferry / other) | MB/s (Ferry / other) | output MB (Ferry / other) | peak RSS MB (Ferry / other) |"
    echo "|---|---|---:|---|---:|---:|---:|---:|---:|---:|"
    for id in $(awk -F'\t' '$2 == "pair" {print $1}' "$WORK/pairings.tsv"); do pair_row "$id"; done
    echo
    if grep -q $'\tlimit\t' "$WORK/pairings.tsv"; then
      echo "## The limit: raw COPY through psql (PostgreSQL)"
      echo
      echo "| command | s | rows/s | MB/s | output MB |"
      echo "|---|---:|---:|---:|---:|"
      for id in $(awk -F'\t' '$2 == "limit" {print $1}' "$WORK/pairings.tsv"); do limit_row "$id"; done
      echo
    fi
    echo "## Targets (issue 5)"
    echo
    echo "| target | measured | goal | verdict |"
    echo "|---|---:|---:|---|"
    targets
    echo
    echo "## How to read this"
    echo
    echo "- Seconds are wall-clock time of the whole command (GNU time), JVM start-up included for Ferry."
    echo "  Restores start from an empty database each run and include indexes and constraints; Ferry's"
    echo "  restore also includes its proof (every table read back and hashed before commit)."
    echo "- rows/s counts every row of the dataset; MB/s is the source database's size on disk divided by the time."
    echo "- Output is the archive, dump file or directory (for restores into SQLite, the database file)."
    echo "- Peak RSS is the client process's (the largest child for shell pipelines), not the database server's."
    echo "- (²) no separate measurement: the figure is the one of the row above (same command)."
    echo "- \"Flat\" memory: Ferry's largest peak RSS here is within 1.25 × its largest in bench/RESULTS-small.tsv."
    echo "- Raw measurements, one line per command: \`$(basename "${out%.md}").tsv\`."
  } > "$out"
  cp "$RESULTS_TSV" "${out%.md}.tsv"
}
