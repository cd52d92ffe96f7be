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
#                functions; a static one has none to import, so its
#                _FORTIFY_SOURCE is checked in its symbols before strip
#                (--fortify-proof). Either way, __snprintf_chk and
#                __vsnprintf_chk do not count: Debian's libre2.a calls them,
#                so they are there without our _FORTIFY_SOURCE too.
# Usage: check_hardening.sh [--fortify-proof UNSTRIPPED_STATIC_BINARY] BINARY...
# Exit status 1 names every check that failed.
set -euo pipefail

fortify_proof=
if [[ ${1:-} == --fortify-proof ]]; then
  fortify_proof=$2
  shift 2
fi
if (($# == 0)); then
  echo "usage: $0 [--fortify-proof UNSTRIPPED_STATIC_BINARY] BINARY..." >&2
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
# Fortified functions among the names on stdin, apart from the two that
# libre2.a brings whatever we compile with.
ours_fortified() { sed 's/@.*//' | grep -E '^_{2,3}[a-z0-9_]+_chk$' | grep -Evx '_{2,3}v?snprintf_chk' | grep -q .; }
imports_fortified() { readelf --dyn-syms -W "$1" | awk '$7 == "UND" { print $8 }' | ours_fortified; }
defines_own_fortified() { readelf -sW "$1" | awk '$4 == "FUNC" { print $8 }' | ours_fortified; }

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
  elif [[ -n $fortify_proof ]]; then
    check "$name" "_FORTIFY_SOURCE: $(basename "$fortify_proof") before strip has fortified __*_chk functions of its own" \
      defines_own_fortified "$fortify_proof"
  else
    verdict fail "$name" "static, so _FORTIFY_SOURCE needs --fortify-proof (the binary before strip)"
  fi
done

if ((failures)); then
  echo "$(basename "$0"): $failures check(s) FAILED" >&2
  exit 1
fi
echo "$(basename "$0"): all checks passed"
