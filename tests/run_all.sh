#!/usr/bin/env bash
# The project's test command (README "Quick start", .ci/run):
# installs missing dependencies, builds, and runs every test.
#   tests/run_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# Each stage's duration is printed when it ends, and all of them at exit
# (passed or not): CI has a time budget, and this shows where it goes.
stage_name='' stage_started=0 durations=''
end_stage() {
  [[ -n $stage_name ]] || return 0
  local took=$((SECONDS - stage_started)) name=${stage_name%% (*}
  name=${name:0:72}
  printf '=== %s: %d s ===\n' "$name" "$took"
  durations+=$(printf '%6d s  %s' "$took" "$name")$'\n'
  stage_name=''
}
stage() {
  end_stage
  stage_name=$* stage_started=$SECONDS
  printf '\n=== %s ===\n' "$*"
}
print_durations() {
  end_stage
  printf '\n=== time per stage (total %d s) ===\n%s' "$SECONDS" "$durations"
}
trap print_durations EXIT
# Every script a stage finds must run: one that is not executable (or a
# pattern that matched nothing) stops the run instead of being skipped.
run_script() {
  if [[ ! -x $1 ]]; then
    echo "run_all: $1 is not an executable file (chmod +x it, or remove it)" >&2
    exit 1
  fi
  "$1"
}

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

stage "redirect service with its portable read path (preset plain-asio-reads: COOLPAPERS_PLAIN_ASIO_READS)"
# Where EdgeReadSocket's epoll shortcut does not apply (another Boost, no
# epoll), reads go through Asio's async_read_some; this build forces that.
cmake --preset plain-asio-reads >/dev/null
cmake --build build/plain-asio-reads -j"$(nproc)" --target coolpapers-redirector redirector_unit_tests
build/plain-asio-reads/tests/redirector/redirector_unit_tests
REDIRECTOR=$root/build/plain-asio-reads/redirector/coolpapers-redirector node --test tests/redirector/server.test.mjs

stage "Windows: coolpapers.exe and the MSIs cross-built with MinGW-w64; resolver, host and CLI suites, the host started as Chrome starts it, both MSIs installed and removed, all under Wine"
cmake --workflow --preset windows
# The tests leave a wineserver that stops by itself 5 minutes later; stop it now.
WINEPREFIX=$root/build/windows/wineprefix wineserver -k 2>/dev/null || true

for script in tests/fuzz/run_*.sh; do
  stage "fuzzing: $script"
  run_script "$script"
done

for script in tests/packaging/run_*.sh; do
  stage "packaging: $script"
  run_script "$script"
done

end_stage
echo "=== all tests passed ==="
