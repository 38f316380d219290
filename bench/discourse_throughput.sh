#!/usr/bin/env bash
# Whole-program throughput of `alliance discourse count` (read, parse,
# tokenise, match, aggregate, write) with both tokenisers against `wc -w` on
# the same file in the same run: the synthetic corpora of
# ../shared/tools/gen_corpus.py and the allies' UN General Debate speeches.
#
# The runs of one corpus are interleaved (wc, simple, icu, wc, simple, icu,
# ...), REPEAT rounds, so that a machine shared with other jobs slows all of
# them alike; each line gives medians over the rounds:
#   corpus tool wall_s MB/s peak_RSS_MiB cpu_s MB/cpu_s wall_ratio cpu_ratio
# wall_ratio = wc's median wall time / the tool's (higher is faster than
# wc); cpu_ratio the same with CPU time (user + sys), which load distorts far
# less. MB = 10^6 bytes of the uncompressed JSON Lines (for the .zst corpus:
# of its decompressed text, which is what both programs read).
#
# Usage: bench/discourse_throughput.sh [ALLIANCE_BINARY]
#   SIZES="100MB 1GB" (default)   REPEAT=5 (default)   THREADS=2 (default)
#   TMPDIR=/tmp (default; the corpora are generated there and deleted after,
#     an existing one from an earlier run is reused and kept)
#   SHARED=the shared folder (default: ../shared beside the checkout)
#   UNGDC=path of ungdc_allies_1946-2024.jsonl.zst (default: the embedded
#     data/corpora/ungdc_allies/ if present, else $SHARED/data/corpora/...;
#     UNGDC=none skips it)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/release/apps/alliance/alliance}
sizes=${SIZES:-"100MB 1GB"}
repeat=${REPEAT:-5}
threads=${THREADS:-2}
tmp=${TMPDIR:-/tmp}
# The shared folder beside the checkout (beside the main one for a git
# worktree one level deeper), or SHARED=path.
shared=${SHARED:-$root/../shared}
[ -d "$shared" ] || shared=$root/../../shared
generator=$shared/tools/gen_corpus.py
lexicon=$root/tests/fixtures/discourse/lexicon_quanteda.yaml
ungdc_name=ungdc_allies/ungdc_allies_1946-2024.jsonl.zst
if [ -z "${UNGDC:-}" ]; then
  UNGDC=$root/data/corpora/$ungdc_name
  [ -f "$UNGDC" ] || UNGDC=$shared/data/corpora/$ungdc_name
fi
[ -x "$bin" ] || { echo "no alliance binary at $bin (build it or pass its path)" >&2; exit 2; }
stats="$tmp/alliance_bench_time.$$"
trap 'rm -f "$stats"' EXIT

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# bench_corpus LABEL BYTES FILE [COUNT_OPTION...]: REPEAT interleaved rounds
# of wc -w and both tokenisers on FILE, then one line per tool.
bench_corpus() {
  local label=$1 bytes=$2 file=$3 tools=(wc simple icu)
  shift 3
  declare -A wall cpu rss
  for _ in $(seq "$repeat"); do
    for tool in "${tools[@]}"; do
      local command
      case $tool in
        wc) command=(wc -w "$file") ;;
        *) command=("$bin" discourse count "$file" --lexicon "$lexicon" --threads "$threads" --tokenizer "$tool" "$@") ;;
      esac
      local start end kib user sys
      start=$(date +%s.%N)
      /usr/bin/time -f "%M %U %S" -o "$stats" "${command[@]}" > /dev/null
      end=$(date +%s.%N)
      read -r kib user sys < <(tail -n 1 "$stats")
      wall[$tool]+="$(echo "$end - $start" | bc -l) "
      cpu[$tool]+="$(echo "$user + $sys" | bc -l) "
      rss[$tool]+="$kib "
    done
  done
  local wc_wall wc_cpu
  wc_wall=$(echo "${wall[wc]}" | median)
  wc_cpu=$(echo "${cpu[wc]}" | median)
  for tool in "${tools[@]}"; do
    local w c r name=$tool
    w=$(echo "${wall[$tool]}" | median)
    c=$(echo "${cpu[$tool]}" | median)
    r=$(echo "${rss[$tool]}" | tr ' ' '\n' | sort -n | tail -n 1)
    [ "$tool" = wc ] && name="wc -w" || name="alliance $tool x$threads"
    printf '%-8s %-20s %7.3f s %7.1f MB/s %6.1f MiB %7.3f cpu-s %7.1f MB/cpu-s %5.2fx %5.2fx\n' "$label" "$name" \
      "$w" "$(echo "$bytes / 1000000 / $w" | bc -l)" "$(echo "$r / 1024" | bc -l)" "$c" \
      "$(echo "$bytes / 1000000 / ($c + 0.001)" | bc -l)" "$(echo "$wc_wall / $w" | bc -l)" \
      "$(echo "$wc_cpu / ($c + 0.001)" | bc -l)"
  done
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -m) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# binary: $bin ($("$bin" --version)); load average: $(cut -d' ' -f1-3 /proc/loadavg); REPEAT=$repeat THREADS=$threads"
echo "# corpus   tool                 wall (median)  MB/s  peak RSS  cpu (median)  MB/cpu-s  wall_ratio cpu_ratio (wc -w / tool)"
for size in $sizes; do
  corpus="$tmp/alliance_bench_$size.jsonl"
  # The generator is deterministic (same size, same bytes).
  keep=0
  if [ -s "$corpus" ]; then keep=1; else /usr/bin/python3 "$generator" --size "$size" -o "$corpus" > /dev/null 2>&1; fi
  cat "$corpus" > /dev/null  # warm the page cache: measure the programs, not the disk
  bench_corpus "$size" "$(stat -L -c %s "$corpus")" "$corpus"
  [ "$keep" = 1 ] || rm -f "$corpus"
done
if [ "$UNGDC" != none ] && [ -f "$UNGDC" ]; then
  # Both read the same decompressed file: the comparison is of the programs,
  # not of zstd. The speeches have a year and no date; by year and country.
  plain="$tmp/alliance_bench_ungdc.$$.jsonl"
  zstd -dcq "$UNGDC" > "$plain"
  bench_corpus ungdc "$(stat -c %s "$plain")" "$plain" --year-field year --by year,country
  rm -f "$plain"
elif [ "$UNGDC" != none ]; then
  echo "# no UN corpus at $UNGDC (set UNGDC=path or UNGDC=none)" >&2
fi
