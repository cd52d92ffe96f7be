#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build and test coolpapers.
# Runs apt-get only when something is missing (needs root then).
#   packaging/install-deps.sh          build + test dependencies
#   packaging/install-deps.sh --build  only what building needs
set -euo pipefail

build=(cmake g++ make pkg-config libboost1.81-dev libboost-json1.81-dev libre2-dev doctest-dev dpkg-dev file zip openssl)
# Tests and benchmarks: libFuzzer (clang), the browser tests (chromium,
# Xvfb, xdotool, node), the service tests and benchmark (nginx, wrk, curl),
# the package test (systemd-analyze verify), Google Benchmark. Building the
# Debian package needs dpkg-dev (dpkg-shlibdeps) and file; packing the
# extension (packaging/pack_extension.sh) zip and openssl.
test=(clang libclang-rt-14-dev chromium xvfb xdotool unzip nginx-light wrk curl systemd libbenchmark-dev)

wanted=("${build[@]}")
[[ "${1:-}" == "--build" ]] || wanted+=("${test[@]}")
command -v node >/dev/null 2>&1 || wanted+=(nodejs)

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#wanted[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: run as root (or with sudo) to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}"
