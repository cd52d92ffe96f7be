#!/bin/sh
# Runs a Windows program under Wine for CTest (CMAKE_CROSSCOMPILING_EMULATOR):
#   wine-run.sh WINEPREFIX program.exe [args...]
# in a private prefix under the build folder, created on first use, with a
# wineserver that outlives each test (starting one costs ~3 s per test); it
# stops by itself 5 minutes after the last Windows process ends.
set -eu
WINEPREFIX=$1
shift
export WINEPREFIX WINEDEBUG=-all
mkdir -p "$WINEPREFIX"
# The first Windows process of a wineserver starts Wine's background services
# (winedevice.exe), which keep that process's stdio open until the server
# stops: started from a test, they would hold CTest's output pipe and the
# test would "run" 5 minutes. So whoever starts the server boots Wine with
# /dev/null as stdio (creating the prefix the first time), under a lock that
# makes the other callers wait for it (-o: the server must not inherit the
# lock). With a server up this costs ~1 ms.
flock -o "$WINEPREFIX/.wine-run.lock" sh -c '
  if wineserver -p300 </dev/null >/dev/null 2>&1; then
    wine cmd /c exit 0 </dev/null >/dev/null 2>&1
  fi'
exec wine "$@"
