#!/usr/bin/env bash
# Scale-out over MPI ranks on one machine (docs/scale-out.md): one process
# with T threads against mpirun -np R ranks of T' threads, on a corpus for
# `discourse count` and on Monte Carlo trials for `consensus pass`. The
# configurations run interleaved, REPEAT rounds, so that a machine shared
# with other jobs slows all of them alike. Every run's output is compared
# byte for byte with the first plain run's (a mismatch stops the script).
#
# Prints one line per run: what config round wall_s cpu_s load1, where cpu_s
# is user + sys of the whole job (mpirun waits for its ranks, so their CPU
# time is included) and load1 the 1-minute load average before the run.
#
# Usage: bench/mpi_scaling.sh CORPUS.jsonl [ALLIANCE_BINARY]
#   REPEAT=3 (default)  TRIALS=100000000 (default)  MPIRUN=mpirun
#   WHAT="count pass" (default; one of them alone runs only that part)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$1
bin=${2:-$root/build/release/apps/alliance/alliance}
repeat=${REPEAT:-3}
trials=${TRIALS:-100000000}
mpirun=(${MPIRUN:-mpirun} --oversubscribe)
[ "$(id -u)" = 0 ] && mpirun+=(--allow-run-as-root)
lexicon=$root/tests/fixtures/discourse/lexicon_quanteda.yaml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count=(discourse count "$corpus" --lexicon "$lexicon")
pass=(--seed 7 consensus pass --enlargement --rule unanimity,majority --trials "$trials" --format csv)

# run WHAT CONFIG ROUND LAUNCHER... -- ARGS...
run() {
  local what=$1 config=$2 round=$3
  shift 3
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S" -o "$out/time" "$@" > "$out/result" 2> "$out/err" || {
    cat "$out/err" >&2
    exit 1
  }
  if [ -f "$out/$what.expected" ]; then
    cmp -s "$out/result" "$out/$what.expected" || { echo "$what $config: output differs" >&2; exit 1; }
  else
    cp "$out/result" "$out/$what.expected"
  fi
  read -r wall user sys < "$out/time"
  echo "$what $config $round $wall $(echo "$user + $sys" | bc) $load"
}

echo "what config round wall_s cpu_s load1"
for round in $(seq 1 "$repeat"); do
  for what in ${WHAT:-count pass}; do
    declare -n args=$what
    run "$what" plain-t2 "$round" "$bin" --threads 2 "${args[@]}"
    run "$what" np2-t1 "$round" "${mpirun[@]}" -np 2 "$bin" --threads 1 "${args[@]}"
    run "$what" np4-t1 "$round" "${mpirun[@]}" -np 4 "$bin" --threads 1 "${args[@]}"
    run "$what" plain-t1 "$round" "$bin" --threads 1 "${args[@]}"
  done
done
