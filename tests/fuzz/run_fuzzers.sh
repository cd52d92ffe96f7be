#!/bin/sh
# Builds the libFuzzer targets with clang (preset `fuzz`) and runs each for a
# bounded number of inputs over its committed seed corpus. Exit status is
# non-zero if the build fails or a fuzzer finds a crash, a leak, undefined
# behaviour or a broken promise of the protocol or the contract. About a
# minute on 2 cores once built (each target stops after FUZZ_RUNS inputs or
# FUZZ_SECONDS seconds, whichever comes first).
#
#   tests/fuzz/run_fuzzers.sh                 # default: 200000 runs per target
#   FUZZ_RUNS=200000 tests/fuzz/run_fuzzers.sh
#   FUZZ_BUILD_DIR=/tmp/fuzz tests/fuzz/run_fuzzers.sh
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build/fuzz}
runs=${FUZZ_RUNS:-200000}
jobs=${FUZZ_JOBS:-2}
seconds=${FUZZ_SECONDS:-25}  # per target, whatever FUZZ_RUNS says

# The preset compiles every library with clang++ (clang 14 on Debian 12),
# instrumented for coverage and the sanitizers; the fuzz targets add
# libFuzzer's main() themselves. A build directory configured earlier with
# other flags refuses to reconfigure; start its cache afresh then.
cmake --preset fuzz -B "$build" >/dev/null || cmake --preset fuzz -B "$build" --fresh >/dev/null
cmake --build "$build" -j "$jobs" --target native_host_fuzzer resolver_fuzzer redirector_fuzzer

# target name : its directory, holding corpus/ (committed seeds) and,
# optionally, a dictionary named after the target without "_fuzzer"
# (e.g. resolver.dict)
set -- "native_host_fuzzer:$root/native_host/fuzz" \
       "resolver_fuzzer:$root/resolver/fuzz" \
       "redirector_fuzzer:$root/redirector/fuzz"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for entry in "$@"; do
  target=${entry%%:*}
  dir=${entry#*:}
  seeds=$dir/corpus
  dict=$dir/$(echo "$target" | sed 's/_fuzzer$//').dict
  dict_option=
  if [ -f "$dict" ]; then dict_option=-dict=$dict; fi
  binary=$(find "$build" -type f -name "$target" -perm -u+x | head -n 1)
  if [ -z "$binary" ]; then
    echo "run_fuzzers: $target was not built" >&2
    exit 1
  fi
  # New inputs go to a scratch directory (listed first); the committed seeds
  # are only read. Crash reproducers are written next to the build.
  mkdir -p "$work/$target"
  echo "run_fuzzers: $target, $runs runs over $seeds"
  if ! "$binary" -runs="$runs" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
      -max_total_time="$seconds" -print_final_stats=1 $dict_option -artifact_prefix="$build/$target-" \
      "$work/$target" "$seeds"; then
    echo "run_fuzzers: $target FAILED; reproducer under $build/$target-*" >&2
    status=1
  fi
done
exit $status
