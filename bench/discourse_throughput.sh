#!/usr/bin/env bash
# Whole-program throughput of `alliance discourse count` (read, parse,
# tokenise, match, aggregate, write) on synthetic corpora from
# ../shared/tools/gen_corpus.py, at --threads 1 and 2, with `wc -w` on the
# same file in the same run as a yardstick. Prints one line per run:
#   size tool wall_seconds MB/s peak_RSS_MiB cpu_seconds MB_per_cpu_second
# (MB = 10^6 bytes of the uncompressed JSON Lines file; the run with the best
# wall time of REPEAT runs is kept, the page cache warmed first; cpu = user +
# sys, which a machine shared with other jobs distorts far less than the wall
# time). The corpora are deleted after.
#
# Usage: bench/discourse_throughput.sh [ALLIANCE_BINARY]
#   SIZES="100MB 1GB" (default)  REPEAT=3 (default)  TMPDIR=/tmp (default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/release/apps/alliance/alliance}
sizes=${SIZES:-"100MB 1GB"}
repeat=${REPEAT:-3}
tmp=${TMPDIR:-/tmp}
generator=$root/../shared/tools/gen_corpus.py
lexicon=$root/tests/fixtures/discourse/lexicon_quanteda.yaml
[ -x "$bin" ] || { echo "no alliance binary at $bin (build it or pass its path)" >&2; exit 2; }

measure() {  # measure LABEL COMMAND...: best wall time of $repeat runs, peak RSS
  local label=$1; shift
  local best="" best_cpu="" rss=0 stats="$tmp/alliance_bench_time.$$"
  for _ in $(seq "$repeat"); do
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$stats" "$@" > /dev/null
    end=$(date +%s.%N)
    local seconds kib cpu
    seconds=$(echo "$end - $start" | bc -l)
    read -r kib user sys < <(tail -n 1 "$stats")
    cpu=$(echo "$user + $sys" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc -l)" = 1 ]; then best=$seconds; best_cpu=$cpu; fi
    if [ "$kib" -gt "$rss" ]; then rss=$kib; fi
  done
  rm -f "$stats"
  printf '%-6s %-22s %8.3f s %8.1f MB/s %6.1f MiB %7.2f cpu-s %8.1f MB/cpu-s\n' "$size" "$label" "$best" \
    "$(echo "$bytes / 1000000 / $best" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$best_cpu" \
    "$(echo "$bytes / 1000000 / ($best_cpu + 0.001)" | bc -l)"
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -m) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# binary: $bin ($("$bin" --version)); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in $sizes; do
  corpus="$tmp/alliance_bench_$size.jsonl"
  # The generator is deterministic (same size, same bytes): an existing file
  # from an earlier run is reused and kept.
  keep=0
  if [ -s "$corpus" ]; then keep=1; else /usr/bin/python3 "$generator" --size "$size" -o "$corpus" > /dev/null 2>&1; fi
  bytes=$(stat -c %s "$corpus")
  cat "$corpus" > /dev/null  # warm the page cache: measure the program, not the disk
  for threads in 1 2; do
    measure "alliance --threads $threads" "$bin" discourse count "$corpus" --lexicon "$lexicon" --threads "$threads"
  done
  measure "wc -w" wc -w "$corpus"
  [ "$keep" = 1 ] || rm -f "$corpus"
done
