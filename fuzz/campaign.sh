#!/usr/bin/env bash
# The fuzzing campaign (docs/reliability.md): runs each target, one at a time
# and niced (the machine is shared), until RUNS executions or SECONDS
# seconds, from its committed corpus and seeds (inputs up to the larger of
# 64 KiB and its largest committed input, fuzz/max_len.sh); then minimises
# everything it kept into fuzz/corpus/<target>/ (libFuzzer -merge=1) and
# appends one line per target to LOG: target, executions, coverage,
# features, corpus files, seconds, result (clean; slow: only inputs slower
# than 10 s, kept in BUILD_DIR/fuzz-findings; FOUND).
# Usage: fuzz/campaign.sh BUILD_DIR [RUNS] [SECONDS] [TARGET...]
set -uo pipefail
build=$(cd "$1" && pwd)
runs=${2:-1000000}
seconds=${3:-900}
shift $(($# < 3 ? $# : 3))
root=$(cd "$(dirname "$0")/.." && pwd)
log=${LOG:-$build/fuzz-campaign.tsv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -gt 0 ]; then
  names=("$@")
else
  names=()
  for binary in "$build"/fuzz/*_fuzz; do names+=("$(basename "$binary" _fuzz)"); done
fi

for name in "${names[@]}"; do
  binary="$build/fuzz/${name}_fuzz"
  corpus="$root/fuzz/corpus/$name"
  mkdir -p "$corpus" "$work/$name" "$work/artifacts/$name"
  inputs=("$corpus")
  [ -d "$root/fuzz/seeds/$name" ] && inputs+=("$root/fuzz/seeds/$name")
  max_len=$("$root/fuzz/max_len.sh" "$name")
  start=$(date +%s)
  (cd "$work" && nice -n 10 "$binary" -runs="$runs" -max_total_time="$seconds" -max_len="$max_len" -timeout=30 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/$name/" \
      "$work/$name" "${inputs[@]}" >"$work/$name.log" 2>&1)
  status=$?
  elapsed=$(($(date +%s) - start))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log" | tail -n 1)
  coverage=$(grep -o 'cov: [0-9]*' "$work/$name.log" | tail -n 1 | cut -d' ' -f2)
  features=$(grep -o 'ft: [0-9]*' "$work/$name.log" | tail -n 1 | cut -d' ' -f2)
  # A slow unit (over 10 s, under the timeout) is kept for a look but is no
  # failure: a fuzzer stopped or starved by other jobs writes them too.
  result=clean
  compgen -G "$work/artifacts/$name/slow-unit-*" >/dev/null && result=slow
  if [ $status -ne 0 ] || compgen -G "$work/artifacts/$name/[!s]*" >/dev/null; then
    result=FOUND
  fi
  if [ "$result" != clean ]; then
    mkdir -p "$build/fuzz-findings/$name"
    cp "$work/artifacts/$name"/* "$build/fuzz-findings/$name/" 2>/dev/null
    tail -n 60 "$work/$name.log" >"$build/fuzz-findings/$name/log.txt"
  fi
  # Minimise the old corpus and everything new into a fresh folder.
  mkdir -p "$work/merged/$name"
  (cd "$work" && nice -n 10 "$binary" -merge=1 -max_len="$max_len" -timeout=30 -rss_limit_mb=2048 \
      -artifact_prefix="$work/artifacts/$name/" "$work/merged/$name" "$corpus" "$work/$name" \
      >"$work/$name.merge.log" 2>&1) &&
    rm -rf "$corpus" && mkdir -p "$corpus" && cp "$work/merged/$name"/* "$corpus/" 2>/dev/null
  files=$(find "$corpus" -type f | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "${executions:-0}" "${coverage:-0}" "${features:-0}" "$files" \
      "$elapsed" "$result" | tee -a "$log"
done
