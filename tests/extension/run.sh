#!/bin/sh
# Runs the tests of the bundled Chrome extension, one suite or all three:
#   unit  the extension's modules with a fake `chrome` (Node only);
#   e2e   headless Chromium, with the real `coolpapers` registered as the
#         native host in a throw-away profile;
#   xvfb  real right-click and keyboard-shortcut tests in headful Chromium
#         under Xvfb (xvfb-run + xdotool).
# CTest runs each suite as its own test (extension_unit, extension_e2e,
# extension_xvfb), so a failure names its suite.
#
# Usage: tests/extension/run.sh unit|e2e|xvfb|all PATH/TO/coolpapers
#        (or COOLPAPERS_BIN=... instead of the path)
# Needs: node >= 20, Debian's chromium (/usr/lib/chromium/chromium, or
# CHROMIUM_BIN), xvfb-run, xdotool, openssl. Never downloads a browser.
# Every suite checks for all of them, so a missing tool fails every suite
# the same way rather than some suites passing without their browser.
# Writes only below one temp directory, removed at exit; any Chromium a
# test left behind (even if Node was killed) is killed at exit.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
usage="usage: $0 unit|e2e|xvfb|all PATH/TO/coolpapers   (or set COOLPAPERS_BIN)"
suite=${1:-}
case $suite in
  unit | e2e | xvfb | all) ;;
  *)
    echo "$0: unknown suite '$suite'" >&2
    echo "$usage" >&2
    exit 2
    ;;
esac
bin=${2:-${COOLPAPERS_BIN:-}}
if [ -z "$bin" ]; then
  echo "$usage" >&2
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

browser_test_name=ext-tests
. "$here/../support/browser_test_tmp.sh"

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

if [ "$suite" = unit ] || [ "$suite" = all ]; then
  run "unit tests (fake chrome)" \
    $node_test "$here"/unit/*.test.mjs
fi
if [ "$suite" = e2e ] || [ "$suite" = all ]; then
  run "browser tests (headless Chromium, real native host)" \
    $node_test "$here"/e2e/*.test.mjs
fi
if [ "$suite" = xvfb ] || [ "$suite" = all ]; then
  run "real input tests (Chromium under Xvfb)" \
    xvfb-run -a -s '-screen 0 1280x800x24' $node_test "$here"/xvfb/*.test.mjs
fi

if [ "$status" -eq 0 ]; then
  echo "== extension tests ($suite): all passed"
else
  echo "== extension tests ($suite): FAILED" >&2
fi
exit "$status"
