#!/usr/bin/env bash
# Runs every libFuzzer target of a clang build (asan or fuzz preset):
#   1. replays, once each, every committed input: fuzz/corpus/<target>/ (the
#      minimised campaign corpus, docs/reliability.md) and fuzz/seeds/<target>/;
#   2. then fuzzes each target SECONDS seconds from those inputs (new inputs
#      go to a scratch folder; the committed corpus is left as it is).
# Inputs may be as long as the larger of 64 KiB and the target's largest
# committed input (fuzz/max_len.sh).
# A target that finds something does not stop the others: every target runs,
# then the script prints each reproducer and fails.
# Usage: scripts/run-fuzzers.sh BUILD_DIR [SECONDS]   (SECONDS 0: replay only)
set -uo pipefail
build=$(cd "$1" && pwd)
seconds=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
findings="$build/fuzz-findings"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$findings"

targets=()
for binary in "$build"/fuzz/*_fuzz; do
  [ -x "$binary" ] && targets+=("$binary")
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "run-fuzzers: no *_fuzz binaries under $build/fuzz (configure with the asan or fuzz preset)" >&2
  exit 1
fi

# The committed inputs of one target, as libFuzzer corpus folders.
inputs_of() {
  local name=$1
  for dir in "$root/fuzz/corpus/$name" "$root/fuzz/seeds/$name"; do
    [ -d "$dir" ] && echo "$dir"
  done
}

# run NAME PHASE ARGS...: runs the target, keeping any crash, leak, timeout
# or out-of-memory input under $findings/NAME/.
failed=()
run() {
  local binary=$1 phase=$2
  shift 2
  local name
  name=$(basename "$binary" _fuzz)
  mkdir -p "$findings/$name" "$work/log"
  local log="$work/log/$name.$phase"
  local max_len
  max_len=$("$root/fuzz/max_len.sh" "$name")
  (cd "$work" && nice -n 10 "$binary" -artifact_prefix="$findings/$name/" -max_len="$max_len" -timeout=30 \
      -rss_limit_mb=2048 -print_final_stats=1 "$@" >"$log" 2>&1)
  local status=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|INFO: Loaded|cov:)' "$log" | tail -n 3 |
    sed "s/^/  $name $phase: /" >&2
  if [ $status -ne 0 ] || compgen -G "$findings/$name/*" >/dev/null; then
    failed+=("$name")
    tail -n 40 "$log" >"$findings/$name/log.txt"
    echo "  $name $phase: FOUND a problem (exit $status)" >&2
  fi
}

echo "run-fuzzers: replaying the committed corpora" >&2
for binary in "${targets[@]}"; do
  name=$(basename "$binary" _fuzz)
  mapfile -t dirs < <(inputs_of "$name")
  [ ${#dirs[@]} -gt 0 ] && run "$binary" replay -runs=0 "${dirs[@]}"
done

if [ "$seconds" -gt 0 ]; then
  echo "run-fuzzers: fuzzing each target for ${seconds}s" >&2
  for binary in "${targets[@]}"; do
    name=$(basename "$binary" _fuzz)
    mkdir -p "$work/new/$name"
    mapfile -t dirs < <(inputs_of "$name")
    run "$binary" fuzz -max_total_time="$seconds" "$work/new/$name" "${dirs[@]}"
  done
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "run-fuzzers: FAILED: $(printf '%s\n' "${failed[@]}" | sort -u | tr '\n' ' ')" >&2
  for name in $(printf '%s\n' "${failed[@]}" | sort -u); do
    for input in "$findings/$name"/*; do
      [ "$(basename "$input")" = log.txt ] && continue
      echo "  reproduce: $build/fuzz/${name}_fuzz $input" >&2
    done
    echo "  log: $findings/$name/log.txt" >&2
  done
  exit 1
fi
echo "run-fuzzers: ${#targets[@]} targets, no finding" >&2
