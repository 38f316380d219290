#!/usr/bin/env bash
# Prints the -max_len of one fuzz target: the larger of 65536 bytes and its
# largest committed input (fuzz/seeds/<target>/, fuzz/corpus/<target>/), so
# that every seed is read whole (the NATO workbook's seeds are up to 200 KB).
# Used by scripts/run-fuzzers.sh and fuzz/campaign.sh.
# Usage: fuzz/max_len.sh TARGET
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
largest=65536
for dir in "$root/fuzz/seeds/$1" "$root/fuzz/corpus/$1"; do
  [ -d "$dir" ] || continue
  size=$(find "$dir" -type f -printf '%s\n' | sort -n | tail -n 1)
  [ -n "$size" ] && [ "$size" -gt "$largest" ] && largest=$size
done
echo "$largest"
