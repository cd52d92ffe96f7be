#!/bin/sh
# Runs the extension's tests in real Firefox ESR: headless, driven over
# Firefox's built-in Marionette protocol by a small Node client
# (tests/firefox/lib/marionette.mjs; no geckodriver, no npm packages), with
# the real `coolpapers` registered as the native host. One Firefox start
# per test file. See tests/firefox/README.md.
#
# Usage: tests/firefox/run.sh [PATH/TO/coolpapers]   (or COOLPAPERS_BIN=...)
# Needs: node >= 20, Debian's firefox-esr (/usr/lib/firefox-esr/firefox-esr,
# or FIREFOX_BIN), openssl. Writes only below one temp directory, removed at
# exit; a Firefox a test left behind is killed at exit.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-${COOLPAPERS_BIN:-}}
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "usage: $0 PATH/TO/coolpapers   (or set COOLPAPERS_BIN to the built binary)" >&2
  exit 2
fi
COOLPAPERS_BIN=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export COOLPAPERS_BIN

firefox=${FIREFOX_BIN:-/usr/lib/firefox-esr/firefox-esr}
for tool in node "$firefox" openssl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: missing $tool (apt-get install -y nodejs firefox-esr openssl)" >&2
    exit 2
  fi
done

browser_test_name=firefox-tests
. "$here/../support/browser_test_tmp.sh"

# The per-test timeout is a liveness bound only.
exec_status=0
node --experimental-detect-module --test --test-concurrency=1 --test-timeout=120000 "$here"/e2e/*.test.mjs || exec_status=$?
if [ "$exec_status" -eq 0 ]; then
  echo "== Firefox tests: all passed"
else
  echo "== Firefox tests: FAILED" >&2
fi
exit "$exec_status"
