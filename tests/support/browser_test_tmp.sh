# Sourced by the browser test runners (tests/extension/run.sh,
# tests/firefox/run.sh): one scratch directory per run, removed at exit, and
# every browser a test left behind killed at exit, even if Node was killed.
#   browser_test_name=NAME; . tests/support/browser_test_tmp.sh   (NAME names the directory)
# Sets and exports COOLPAPERS_TEST_TMP, COOLPAPERS_TEST_PIDS (each file there
# names the process group of a browser still running; the tests remove it
# when they close the browser themselves) and TMPDIR (browsers, xvfb-run and
# Node put their own temporary files there too).
COOLPAPERS_TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/coolpapers-$browser_test_name.XXXXXX")
COOLPAPERS_TEST_PIDS=$COOLPAPERS_TEST_TMP/pids
mkdir "$COOLPAPERS_TEST_PIDS" "$COOLPAPERS_TEST_TMP/tmp"
export COOLPAPERS_TEST_TMP COOLPAPERS_TEST_PIDS
TMPDIR=$COOLPAPERS_TEST_TMP/tmp
export TMPDIR

coolpapers_browser_cleanup() {
  for f in "$COOLPAPERS_TEST_PIDS"/*; do
    [ -e "$f" ] || continue
    kill -KILL -- "-$(basename "$f")" 2>/dev/null || true
  done
  rm -rf "$COOLPAPERS_TEST_TMP"
}
trap coolpapers_browser_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
