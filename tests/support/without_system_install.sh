#!/bin/sh
# Runs a test command as if coolpapers were not installed system-wide.
#
# Browsers read system directories that the .deb fills: Chromium's external
# extensions (the offered .crx), Firefox's native messaging hosts and its
# sideloaded add-ons. A test of what happens without them ("no host
# registered", "removing the offer uninstalls the extension") must not see
# the package that the README's quick start installs on the same machine.
# Each such directory that holds anything is covered with an empty tmpfs in
# a private mount namespace; nothing outside the command sees the change.
# That needs root; without it the command is not run and the reason is said.
#
#   tests/support/without_system_install.sh COMMAND [ARG...]
set -eu

hide=""
for dir in /usr/lib/chromium/extensions /usr/share/google-chrome/extensions \
           /usr/lib/mozilla/native-messaging-hosts \
           "/usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}"; do
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    hide="$hide $dir"
  fi
done
[ -n "$hide" ] || exec "$@"

if [ "$(id -u)" -ne 0 ]; then
  echo "$0: these system directories hold a browser registration (is the coolpapers package installed?):$hide" >&2
  echo "$0: this test must not see them: run it as root (it hides them in a private mount namespace), or remove the package (apt-get purge coolpapers)" >&2
  exit 2
fi
# The directory names hold no spaces; $0 of the inner shell carries them.
exec unshare --mount --propagation private sh -c '
  for dir in $0; do mount -t tmpfs -o mode=0755 coolpapers-test-hidden "$dir"; done
  exec "$@"' "$hide" "$@"
