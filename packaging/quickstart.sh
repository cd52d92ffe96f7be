#!/usr/bin/env bash
# Quick start: from a fresh checkout to a working right-click in one command.
# Installs the build dependencies, builds the release binaries and the
# Debian package (package preset), installs the package, resolves a sample
# URL and runs `coolpapers doctor`. The package (or install.sh) offers the
# browsers the packed extension; what is left is restarting the browser.
#   packaging/quickstart.sh as root  the .deb, for everyone (apt; or run it with sudo)
#   packaging/quickstart.sh          not root: a per-user install (install.sh --user);
#                                    the build dependencies must be installed already
set -euo pipefail
cd "$(dirname "$0")/.."
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}

packaging/install-deps.sh --build
echo "$ cmake --workflow --preset package"
rm -f build/package/deb/coolpapers_*.deb
cmake --workflow --preset package >/dev/null
deb=$(ls build/package/deb/coolpapers_*.deb)
echo "built $deb"

if [[ $(id -u) -eq 0 ]]; then
  echo "$ apt-get install ./$deb"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "./$deb"
  bin=/usr/bin/coolpapers
  extension=/usr/share/coolpapers/extension
  offered="Chromium, Google Chrome and Edge" unpacked="Brave, Vivaldi"
  firefox_note="Debian's Firefox ESR needs no step: the package installed the extension for it (restart Firefox)."
else
  echo "$ packaging/install.sh --user --build-dir build/package"
  packaging/install.sh --user --build-dir build/package
  bin=$HOME/.local/bin/coolpapers
  extension=$HOME/.local/share/coolpapers/extension
  # Google Chrome reads external extensions only from a system directory.
  offered="Chromium and Edge" unpacked="Google Chrome, Brave, Vivaldi"
  firefox_note="Firefox: about:debugging > This Firefox > Load Temporary Add-on > $extension/manifest.json"
fi

echo
echo "$ coolpapers resolve https://arxiv.org/abs/2312.00001v2"
"$bin" resolve https://arxiv.org/abs/2312.00001v2
echo
echo "$ coolpapers doctor"
"$bin" doctor
echo
echo "$offered install the extension at their next start."
echo "$unpacked: load $extension unpacked once (chrome://extensions, Developer mode, Load unpacked)."
echo "$firefox_note"
echo "Next: restart the browser; right-click any paper."
