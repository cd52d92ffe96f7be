#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build and test coolpapers.
# Runs apt-get only when something is missing (needs root then).
#   packaging/install-deps.sh          build + test dependencies
#   packaging/install-deps.sh --build  only what building needs
#   packaging/install-deps.sh --windows  also the Windows cross build and its
#                                        Wine tests (README "Windows")
set -euo pipefail

build=(cmake g++ make pkg-config libboost1.81-dev libboost-json1.81-dev libre2-dev doctest-dev dpkg-dev file zip openssl)
# Tests and benchmarks: libFuzzer (clang), the browser tests (chromium,
# firefox-esr, Xvfb, xdotool, node), the service tests and benchmark (nginx, wrk, curl),
# the package test (systemd-analyze verify), Google Benchmark. Building the
# Debian package needs dpkg-dev (dpkg-shlibdeps) and file; packing the
# extension (packaging/pack_extension.sh) zip and openssl.
test=(clang libclang-rt-14-dev chromium firefox-esr xvfb xdotool unzip nginx-light wrk curl systemd libbenchmark-dev)

# Windows (cmake --workflow --preset windows): the MinGW-w64 -posix g++ (the
# -win32 one has no std::thread/std::mutex), Wine to run the tests and
# msiexec, wixl to build the MSI, msitools (msiinfo) to inspect it; building
# RE2 from Debian's source package needs unicode-data, python3-six and perl.
windows=(g++-mingw-w64-x86-64-posix wine wine64 wixl msitools unicode-data python3-six perl)

wanted=("${build[@]}")
case "${1:-}" in
  --build) ;;
  --windows) wanted+=("${test[@]}") ;;
  "") wanted+=("${test[@]}") ;;
  *) echo "install-deps: unknown option '$1' (use --build, --windows or nothing)" >&2; exit 2 ;;
esac
command -v node >/dev/null 2>&1 || wanted+=(nodejs)

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# The Windows tools are console programs: without recommends, Wine does not
# pull in a desktop's worth of graphics and font packages.
missing_windows=()
if [[ "${1:-}" == "--windows" ]]; then
  for pkg in "${windows[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing_windows+=("$pkg")
  done
  wanted+=("${windows[@]}")
fi
if ((${#missing[@]} + ${#missing_windows[@]} == 0)); then
  echo "install-deps: all ${#wanted[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]} ${missing_windows[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: run as root (or with sudo) to install: ${missing[*]} ${missing_windows[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
((${#missing[@]} == 0)) || apt-get install -y -qq "${missing[@]}"
((${#missing_windows[@]} == 0)) || apt-get install -y -qq --no-install-recommends "${missing_windows[@]}"
