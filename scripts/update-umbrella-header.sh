#!/usr/bin/env bash
# Rewrites include/alliance/alliance.h to include every public header; the
# layering test (tests/layering) fails when it is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo '// The umbrella header: everything a user of the alliance library includes.'
  echo '// Made by scripts/update-umbrella-header.sh; tests/layering checks it is complete.'
  echo '#ifndef ALLIANCE_ALLIANCE_H_'
  echo '#define ALLIANCE_ALLIANCE_H_'
  echo
  (cd include && find alliance -mindepth 2 -name '*.h' | LC_ALL=C sort) | sed 's/.*/#include "&"/'
  echo '#include "alliance/version.h"  // generated into the build folder from cmake/version.h.in'
  echo
  echo '#endif  // ALLIANCE_ALLIANCE_H_'
} > include/alliance/alliance.h.tmp
mv include/alliance/alliance.h.tmp include/alliance/alliance.h
