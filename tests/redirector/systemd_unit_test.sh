#!/bin/sh
# Checks packaging/coolpapers-redirector.service: the hardening the issue
# asks for is present, nothing is writable, and systemd accepts the file
# (systemd-analyze verify, with ExecStart pointed at the built binary).
#   systemd_unit_test.sh UNIT_FILE REDIRECTOR_BINARY
set -eu
unit=$1
binary=$2
status=0
require() {
  if ! grep -qx "$1" "$unit"; then
    echo "missing in $unit: $1" >&2
    status=1
  fi
}
require 'DynamicUser=yes'
require 'ProtectSystem=strict'
require 'NoNewPrivileges=yes'
require 'ProtectHome=yes'
require 'PrivateTmp=yes'
require 'CapabilityBoundingSet='
require 'RestrictAddressFamilies=AF_INET AF_INET6'
require 'KillSignal=SIGTERM'
if grep -Eq '^(ReadWritePaths|StateDirectory|CacheDirectory|LogsDirectory|RuntimeDirectory|ConfigurationDirectory)=' "$unit"; then
  echo "$unit grants a writable path" >&2
  status=1
fi
grep -q '^ExecStart=/usr/local/bin/coolpapers-redirector ' "$unit" || { echo "unexpected ExecStart" >&2; status=1; }
if command -v systemd-analyze >/dev/null 2>&1; then
  copy=$(mktemp -d)/coolpapers-redirector.service
  sed "s#^ExecStart=/usr/local/bin/coolpapers-redirector#ExecStart=$binary#" "$unit" >"$copy"
  systemd-analyze verify "$copy" || status=1
  rm -rf "$(dirname "$copy")"
else
  echo "missing systemd-analyze, which checks the unit: apt-get install -y systemd (or run packaging/install-deps.sh)" >&2
  status=1
fi
exit $status
