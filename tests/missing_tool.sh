#!/bin/sh
# Stands in for a program a test needs that CMake did not find when it
# configured the build (tests/CMakeLists.txt, coolpapers_find_test_tool):
# the test still runs, and fails saying what to install, instead of being
# left out of `ctest` without a word.
#   missing_tool.sh PROGRAM DEBIAN_PACKAGE [the test's arguments, ignored]
echo "missing $1, which this test needs: apt-get install -y $2 (or run packaging/install-deps.sh)," \
  "then configure the build again" >&2
exit 1
