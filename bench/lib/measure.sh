# Timing primitives of bench/run.sh (sourced). Every timed command runs under GNU time, which gives
# its wall-clock seconds and the peak resident set size of the process (and of its children, for
# shell pipelines: the largest one). Records go to $RESULTS_TSV, one per command:
#   pairing  side(ferry|other)  run  seconds  peak-rss-kB  output-bytes  status(ok|failed: ...)
# Pairings and limits are described in $WORK/pairings.tsv:
#   id  kind(pair|limit)  label  ferry-label  other-label  source-bytes  rows  fallback-pairing

pairing() { # id label ferry-label other-label source-bytes [fallback-pairing for a missing Ferry side]
  printf '%s\tpair\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$TOTAL_ROWS" "${6:-}" >> "$WORK/pairings.tsv"
  log "$2: $3 vs $4"
}

limit() { # id label rows source-bytes: a single tool, timed alone
  printf '%s\tlimit\t%s\t%s\t\t%s\t%s\t\n' "$1" "$2" "$2" "$4" "$3" >> "$WORK/pairings.tsv"
  log "$2"
}

alternate() { # id ferry-fn other-fn: RUNS runs of each, the order swapped every run; an empty fn is skipped
  local id=$1 first=$2 second=$3 i
  for ((i = 1; i <= RUNS; i++)); do
    if ((i % 2)); then
      [ -z "$first" ] || "$first" "$id" "$i"
      [ -z "$second" ] || "$second" "$id" "$i"
    else
      [ -z "$second" ] || "$second" "$id" "$i"
      [ -z "$first" ] || "$first" "$id" "$i"
    fi
  done
}

measure() { # pairing side run output-path command...: times the command; sets MEASURED_OK; never fails
  local pairing=$1 side=$2 run=$3 output=$4; shift 4
  local seconds rss bytes=""
  MEASURED_OK=0
  if /usr/bin/time -f '%e %M' -o "$WORK/time.out" "$@" < /dev/null > "$WORK/cmd.out" 2> "$WORK/cmd.err"; then
    read -r seconds rss < <(tail -n1 "$WORK/time.out")
    [ -z "$output" ] || bytes=$(du -sb "$output" | cut -f1)
    printf '%s\t%s\t%s\t%s\t%s\t%s\tok\n' "$pairing" "$side" "$run" "$seconds" "$rss" "$bytes" >> "$RESULTS_TSV"
    log "  run $run $side: ${seconds}s, peak RSS $((rss / 1024)) MB"
    MEASURED_OK=1
  else
    local why
    why=$(grep -v '^Command exited with non-zero status' "$WORK/cmd.err" | grep . | tail -n3 | tr '\n\t' '  ' | cut -c1-300)
    printf '%s\t%s\t%s\t\t\t\tfailed: %s\n' "$pairing" "$side" "$run" "${why:-exit status $(head -n1 "$WORK/time.out")}" >> "$RESULTS_TSV"
    log "  run $run $side FAILED: $1 ... ${why}"
  fi
}

fail_last() { # pairing side message: a command that exited 0 but did not do its job
  printf '%s\t%s\t-\t\t\t\tfailed: %s\n' "$1" "$2" "$3" >> "$RESULTS_TSV"
  log "  FAILED: $3"
}

report_failures() { # exit 1 when any timed command failed
  local failed
  failed=$(awk -F'\t' '$7 != "ok"' "$RESULTS_TSV")
  [ -z "$failed" ] && return 0
  echo "bench: some commands failed (see the report):" >&2
  echo "$failed" | cut -f1,2,3,7 >&2
  return 1
}
