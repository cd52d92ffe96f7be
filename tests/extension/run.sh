#!/bin/sh
# Runs every test of the bundled Chrome extension:
#   1. unit tests of the extension's modules with a fake `chrome` (Node only);
#   2. end-to-end tests in headless Chromium, with the real `coolpapers`
#      registered as the native host in a throw-away profile;
#   3. real right-click and keyboard-shortcut tests in headful Chromium
#      under Xvfb (xvfb-run + xdotool).
#
# Usage: tests/extension/run.sh [PATH/TO/coolpapers]   (or COOLPAPERS_BIN=...)
# Needs: node >= 20, Debian's chromium (/usr/lib/chromium/chromium, or
# CHROMIUM_BIN), xvfb-run, xdotool, openssl. Never downloads a browser.
# Writes only below one temp directory, removed at exit; any Chromium a
# test left behind (even if Node was killed) is killed at exit.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-${COOLPAPERS_BIN:-}}
if [ -z "$bin" ]; then
  echo "usage: $0 PATH/TO/coolpapers   (or set COOLPAPERS_BIN)" >&2
  exit 2
fi
if [ ! -x "$bin" ]; then
  echo "$0: $bin is not an executable coolpapers binary" >&2
  exit 2
fi
COOLPAPERS_BIN=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export COOLPAPERS_BIN

chromium=${CHROMIUM_BIN:-/usr/lib/chromium/chromium}
for tool in node "$chromium" xvfb-run xdotool openssl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: missing $tool (apt-get install -y nodejs chromium xvfb xdotool openssl)" >&2
    exit 2
  fi
done

COOLPAPERS_TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/coolpapers-ext-tests.XXXXXX")
COOLPAPERS_TEST_PIDS=$COOLPAPERS_TEST_TMP/pids
mkdir "$COOLPAPERS_TEST_PIDS" "$COOLPAPERS_TEST_TMP/tmp"
export COOLPAPERS_TEST_TMP COOLPAPERS_TEST_PIDS
# Chromium, xvfb-run and Node put their own temporary files here too.
TMPDIR=$COOLPAPERS_TEST_TMP/tmp
export TMPDIR

cleanup() {
  # Each file in pids/ names the process group of a Chromium still running
  # (the tests remove the file when they close the browser themselves).
  for f in "$COOLPAPERS_TEST_PIDS"/*; do
    [ -e "$f" ] || continue
    pgid=$(basename "$f")
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
  rm -rf "$COOLPAPERS_TEST_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

status=0
run() {
  echo "== $1"
  shift
  if ! "$@"; then
    status=1
  fi
}

# Extension files are ES modules without a package.json saying so. The
# per-test timeout is a liveness bound only (a test takes seconds).
node_test="node --experimental-detect-module --test --test-concurrency=1 --test-timeout=120000"

run "unit tests (fake chrome)" \
  $node_test "$here"/unit/*.test.mjs
run "browser tests (headless Chromium, real native host)" \
  $node_test "$here"/e2e/*.test.mjs
run "real input tests (Chromium under Xvfb)" \
  xvfb-run -a -s '-screen 0 1280x800x24' $node_test "$here"/xvfb/*.test.mjs

if [ "$status" -eq 0 ]; then
  echo "== extension tests: all passed"
else
  echo "== extension tests: FAILED" >&2
fi
exit "$status"
