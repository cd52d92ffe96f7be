#!/usr/bin/env bash
# The project's test command (README "Quick start", .ci/run):
# installs missing dependencies, builds, and runs every test.
#   tests/run_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
stage() { printf '\n=== %s ===\n' "$*"; }

stage "dependencies"
packaging/install-deps.sh --windows

stage "build and test (dev preset: warnings as errors; C++, CLI, host, service, browser tests via CTest)"
cmake --workflow --preset dev

stage "resolver, command line, native host and redirect service under AddressSanitizer + UBSan"
cmake --preset asan >/dev/null
asan_tests=(resolver/resolver_tests cli/cli_tests native_host/native_host_unit_tests native_host/native_host_binary_tests
  redirector/redirector_unit_tests)
cmake --build build/asan -j"$(nproc)" --target coolpapers coolpapers-redirector "${asan_tests[@]##*/}"
for test in "${asan_tests[@]}"; do
  "build/asan/tests/$test"
done
# The service's own socket code (its reads reach into Asio's reactor) under
# real connections: keep-alive, pipelining, slow clients, shutdown.
REDIRECTOR=$root/build/asan/redirector/coolpapers-redirector node --test tests/redirector/server.test.mjs

stage "Windows: coolpapers.exe and the MSIs cross-built with MinGW-w64; resolver, host and CLI suites, the host started as Chrome starts it, both MSIs installed and removed, all under Wine"
cmake --workflow --preset windows
# The tests leave a wineserver that stops by itself 5 minutes later; stop it now.
WINEPREFIX=$root/build/windows/wineprefix wineserver -k 2>/dev/null || true

for script in tests/fuzz/run_*.sh; do
  [[ -x "$script" ]] || continue
  stage "fuzzing: $script"
  "$script"
done

for script in tests/packaging/run_*.sh; do
  [[ -x "$script" ]] || continue
  stage "packaging: $script"
  "$script"
done

stage "all tests passed"
