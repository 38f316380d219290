#!/usr/bin/env bash
# clang-tidy (.clang-tidy) on every source file of src/ and apps/, using the
# compile commands of a configured build folder (default build/release).
# Exits non-zero when any check fires: every check is an error.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
if [ ! -f "$build/compile_commands.json" ]; then
  echo "run-clang-tidy: no $build/compile_commands.json; configure the build first" >&2
  exit 2
fi
tidy=$(command -v run-clang-tidy || command -v run-clang-tidy-14)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The CLI is a unity build: its sources reach the compile commands only through
# the generated Unity/unity_*.cxx files, whose diagnostics in apps/ the header
# filter of .clang-tidy keeps.
"$tidy" -quiet -p "$build" -j "$(nproc)" \
  "$(pwd)/(src|apps)/.*\.cc$|.*/alliance_cli\.dir/Unity/unity_.*\.cxx$" >"$log" 2>&1
status=$?
grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated|^Suppressed [0-9]+ warnings|^Use -header-filter|^Use -system-headers|^clang-tidy-14 |^Running clang-tidy' "$log"
if [ "$status" -eq 0 ]; then echo "clang-tidy: clean"; fi
exit "$status"
