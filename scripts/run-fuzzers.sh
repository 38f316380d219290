#!/usr/bin/env bash
# Runs each fuzzer for SECONDS seconds from a seed corpus of real data files.
# Usage: scripts/run-fuzzers.sh BUILD_DIR SECONDS
set -euo pipefail
build=$(cd "$1" && pwd)
seconds=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/csv" "$work/rules" "$work/panel"
find "$root/data" "$root/tests/fixtures" -name '*.csv' -size -64k -exec cp {} "$work/csv/" \; 2>/dev/null || true
cp "$root"/data/rules/*.toml "$work/rules/"
find "$root/tests/fixtures" -name '*.toml' -exec cp {} "$work/rules/" \; 2>/dev/null || true
find "$root/tests/fixtures" -name 'panel*.csv' -exec cp {} "$work/panel/" \; 2>/dev/null || true
printf 'iso3,year,variable,value,source\nUSA,2023,x,1.5,user\n' > "$work/panel/seed.csv"

# Every *_fuzz target runs; its seeds are the files gathered above (csv, rules,
# panel) plus whatever fuzz/seeds/<name>/ holds.
for binary in "$build"/fuzz/*_fuzz; do
  [ -x "$binary" ] || continue
  name=$(basename "$binary" _fuzz)
  mkdir -p "$work/$name"
  if [ -d "$root/fuzz/seeds/$name" ]; then cp "$root/fuzz/seeds/$name"/* "$work/$name/"; fi
  echo "fuzz: ${name}_fuzz for ${seconds}s" >&2
  (cd "$work" && "$binary" -max_total_time="$seconds" -max_len=65536 \
      -print_final_stats=1 "$work/$name" 2>&1 | tail -n 12)
done
