#!/usr/bin/env bash
# Checks that executables carry the hardening of cmake/build_policy.cmake,
# read from the ELF files themselves with readelf (binutils), the way
# Debian's hardening-check does, plus what hardening-check cannot see in a
# static binary:
#   PIE          ELF type DYN with the PIE flag (address-space randomisation;
#                -static-pie for the static coolpapers)
#   RELRO, NOW   a GNU_RELRO segment and BIND_NOW: relocations read-only
#                after start-up
#   NX stack     the GNU_STACK segment is not executable
#   stack        .GCC.command.line (-frecord-gcc-switches, kept by strip)
#   protector    exists and every translation unit in it was compiled with
#                -fstack-protector-strong and optimisation
#   fortify      a dynamically linked binary imports fortified __*_chk
#                functions (__snprintf_chk and __vsnprintf_chk do not
#                count: Debian's libre2.a calls them whatever we compile
#                with). A static binary imports nothing, and the only
#                fortified functions its code calls are those two, which
#                glibc's own code pulls in anyway; so for a static binary
#                the check reads the project's static libraries it was
#                linked from (every lib*.a under --build-dir): compiled with
#                _FORTIFY_SOURCE, they call __*_chk functions, without it
#                none.
# Usage: check_hardening.sh [--build-dir BUILD_DIR] BINARY...
#   --build-dir: the build tree the static BINARY came from (required when
#   one is static).
# Exit status 1 names every check that failed.
set -euo pipefail

build_dir=
if [[ ${1:-} == --build-dir ]]; then
  build_dir=$2
  shift 2
fi
if (($# == 0)); then
  echo "usage: $0 [--build-dir BUILD_DIR] BINARY..." >&2
  exit 2
fi
command -v readelf >/dev/null || {
  echo "$0: missing readelf: apt-get install -y binutils (or run packaging/install-deps.sh)" >&2
  exit 2
}

failures=0
verdict() {  # NAME BINARY CONDITION-DESCRIPTION: after a test, by its status
  if [[ $1 == ok ]]; then
    printf '  ok   %s: %s\n' "$2" "$3"
  else
    printf '  FAIL %s: %s\n' "$2" "$3" >&2
    failures=$((failures + 1))
  fi
}
check() {  # BINARY DESCRIPTION COMMAND...
  local binary=$1 what=$2
  shift 2
  if "$@"; then verdict ok "$binary" "$what"; else verdict fail "$binary" "$what"; fi
}

is_pie() { readelf -hW "$1" | grep -q 'Type: *DYN' && readelf -dW "$1" | grep -q 'FLAGS_1.*PIE'; }
has_relro() { readelf -lW "$1" | grep -q GNU_RELRO; }
binds_now() { readelf -dW "$1" | grep -Eq '\(FLAGS\).*BIND_NOW|FLAGS_1.*NOW'; }
stack_not_executable() { readelf -lW "$1" | awk '$1 == "GNU_STACK" { found = 1; if ($NF ~ /E/ || $(NF-1) ~ /E/) bad = 1 } END { exit !(found && !bad) }'; }
# Lines of .GCC.command.line: one per distinct set of compiler switches.
recorded_switches() { readelf -p .GCC.command.line "$1" 2>/dev/null | sed -n 's/^ *\[ *[0-9a-f]*\] *//p'; }
every_unit_protected() {
  local lines
  lines=$(recorded_switches "$1")
  [[ -n $lines ]] || return 1
  ! grep -v -- '-fstack-protector-strong' <<<"$lines" | grep -q . &&
    ! grep -Ev -- ' -O[23s]( |$)' <<<"$lines" | grep -q .
}
is_dynamic() { readelf -lW "$1" | grep -q INTERP; }
imports_fortified() {
  readelf --dyn-syms -W "$1" | awk '$7 == "UND" { sub(/@.*/, "", $8); print $8 }' |
    grep -E '^__[a-z0-9_]+_chk$' | grep -Evx '__v?snprintf_chk' | grep -q .
}
# Undefined symbols of the archives: what their code calls.
libraries_call_fortified() {
  local archives
  mapfile -t archives < <(find "$1" -name 'lib*.a')
  ((${#archives[@]})) || return 1
  nm "${archives[@]}" 2>/dev/null | awk '$1 == "U" { print $2 }' |
    grep -E '^__[a-z0-9_]+_chk$' | grep -vx '__stack_chk_fail' | grep -q .
}

for binary in "$@"; do
  name=$(basename "$binary")
  if [[ ! -f $binary ]]; then
    verdict fail "$name" "$binary does not exist"
    continue
  fi
  check "$name" "PIE (ELF type DYN, FLAGS_1 PIE)" is_pie "$binary"
  check "$name" "RELRO segment" has_relro "$binary"
  check "$name" "BIND_NOW (full RELRO)" binds_now "$binary"
  check "$name" "non-executable stack" stack_not_executable "$binary"
  check "$name" "every recorded compilation: -fstack-protector-strong, optimised" every_unit_protected "$binary"
  if is_dynamic "$binary"; then
    check "$name" "_FORTIFY_SOURCE: imports fortified __*_chk functions" imports_fortified "$binary"
  elif [[ -n $build_dir ]]; then
    check "$name" "_FORTIFY_SOURCE: the static libraries in $build_dir call fortified __*_chk functions" \
      libraries_call_fortified "$build_dir"
  else
    verdict fail "$name" "static: checking _FORTIFY_SOURCE needs --build-dir (the build tree it came from)"
  fi
done

if ((failures)); then
  echo "$(basename "$0"): $failures check(s) FAILED" >&2
  exit 1
fi
echo "$(basename "$0"): all checks passed"
