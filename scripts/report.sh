#!/usr/bin/env bash
# Runs pillar 1 on the embedded data and writes every output under OUT_DIR.
# Usage: scripts/report.sh ALLIANCE_BINARY OUT_DIR
set -euo pipefail
alliance=$1
out=$2/supply
mkdir -p "$out"

run() {
  local name=$1; shift
  echo "report: $name" >&2
  "$alliance" "$@"
}

run "classify (published)" supply classify --from published --format csv --output "$out/classify_published.csv"
run "classify (data)" supply classify --from data --format csv --output "$out/classify_data.csv"
run "classify table (published)" supply classify --from published --output "$out/classify_published.txt"
run "classify LaTeX (published)" supply classify --from published --format latex --output "$out/classify_published.tex"
run "summary (published)" supply summary --from published --output "$out/summary_published.txt"
run "summary (data)" supply summary --from data --format json --output "$out/summary_data.json"
run "audit" supply audit --output "$out/audit.txt"
run "audit (csv)" supply audit --format csv --output "$out/audit.csv"
run "sensitivity" supply sensitivity --vary B2.value=2,2.5,3.5 --vary B1.stat=median,mean \
    --vary data.kiel_cutoff=2023-06,2024-02 --output "$out/sensitivity.txt"
run "burden 2023" supply burden --year 2023 --output "$out/burden_2023.txt"
run "burden 2014-2024" supply burden --year all --format csv --output "$out/burden_all_years.csv"
consensus=$2/consensus
mkdir -p "$consensus"
run "consensus enlargement" consensus enlargement --rule unanimity,qmv:0.55:0.65,majority,quad \
    --trials 100000 --seed 1 --output "$consensus/enlargement.txt"
run "consensus enlargement with spoilers" consensus enlargement --rule unanimity,qmv:0.55:0.65,majority,quad \
    --spoilers HUN,TUR --trials 100000 --seed 1 --format csv --output "$consensus/enlargement_spoilers.csv"
echo "report: written to $out and $consensus" >&2
