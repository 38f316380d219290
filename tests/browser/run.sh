#!/usr/bin/env bash
# The report in a real browser: writes the report, installs playwright-core
# from the committed package-lock.json when node_modules is missing, then
# runs report_e2e.mjs (served on 127.0.0.1, headless Chromium).
# Usage: tests/browser/run.sh ALLIANCE_BINARY REPORT_DIR SCREENSHOT.png
set -euo pipefail
alliance=$1 report=$2 screenshot=$3
here=$(cd "$(dirname "$0")" && pwd)
"$alliance" -q report --output "$report"
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
node "$here/report_e2e.mjs" "$report" "$screenshot"
