#!/usr/bin/env bash
# Installs the Debian packages alliance needs, only those missing.
# Runs `apt-get update` once, and only when something must be installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libfmt-dev libcli11-dev libtomlplusplus-dev libboost-dev libboost-math-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang clang-tidy libclang-rt-14-dev
  libsimdjson-dev libutf8proc-dev libicu-dev libzstd-dev zstd zlib1g-dev libyaml-cpp-dev
  libboost-graph-dev gnuplot-nox graphviz
  libssl-dev chromium
  libopenmpi-dev openmpi-bin
  libminizip-dev libpugixml-dev
  python3-dev python3-pybind11 pybind11-dev python3-numpy python3-pandas python3-pytest
  python3-setuptools python3-venv
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# The browser test of the report (tests/browser) runs on node and npm. A
# node that is already on PATH (e.g. from NodeSource, which bundles npm) is
# kept: Debian's npm package would conflict with it.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  for package in nodejs npm; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
