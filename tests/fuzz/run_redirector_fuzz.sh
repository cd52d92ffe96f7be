#!/bin/sh
# Builds the redirector's libFuzzer target (preset `fuzz`, clang) and runs it
# for a bounded time over its committed seed corpus (redirector/fuzz/corpus).
# Non-zero exit if the build fails or the fuzzer finds a crash, a leak,
# undefined behaviour, or a response that breaks the service's promises
# (see redirector/fuzz/redirector_fuzzer.cpp). Well under a minute once built.
#
#   tests/fuzz/run_redirector_fuzz.sh
#   FUZZ_SECONDS=300 FUZZ_RUNS=10000000 tests/fuzz/run_redirector_fuzz.sh
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build/redir-fuzz}
runs=${FUZZ_RUNS:-300000}
seconds=${FUZZ_SECONDS:-40}
jobs=${FUZZ_JOBS:-2}

cmake --preset fuzz -B "$build" \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" -j "$jobs" --target redirector_fuzzer

binary=$(find "$build" -type f -name redirector_fuzzer -perm -u+x | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "run_redirector_fuzz: up to $runs runs / $seconds s over redirector/fuzz/corpus"
# New inputs go to a scratch directory (listed first); the seeds are only read.
"$binary" -runs="$runs" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 -dict="$root/redirector/fuzz/redirector.dict" \
  -artifact_prefix="$build/redirector_fuzzer-" "$work" "$root/redirector/fuzz/corpus"
