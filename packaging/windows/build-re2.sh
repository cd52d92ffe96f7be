#!/usr/bin/env bash
# Builds RE2 for 64-bit Windows (MinGW-w64) from Debian's own source package,
# the same RE2 version as the installed libre2-dev, and installs it (static
# library, headers, CMake package re2::re2) into a cache folder that every
# Windows build on this machine reuses.
#   packaging/windows/build-re2.sh [PREFIX]
# PREFIX defaults to $COOLPAPERS_WINDOWS_DEPS, else
# ${XDG_CACHE_HOME:-~/.cache}/coolpapers/mingw-w64-x86_64. The CMake
# configure of the `windows` preset runs this script when PREFIX has no RE2
# yet; run it by hand to rebuild (delete PREFIX first).
# Needs: packaging/install-deps.sh --windows, and network access to the
# Debian archive (apt-get source; no root needed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
prefix=${1:-${COOLPAPERS_WINDOWS_DEPS:-${XDG_CACHE_HOME:-$HOME/.cache}/coolpapers/mingw-w64-x86_64}}
toolchain=$root/cmake/mingw-w64-x86_64.cmake

version=$(dpkg-query -W -f='${source:Version}' libre2-dev 2>/dev/null) || {
  echo "build-re2: libre2-dev is not installed; run packaging/install-deps.sh --windows first" >&2
  exit 1
}
stamp=$prefix/re2-$version.stamp
if [[ -f $stamp ]]; then
  echo "build-re2: RE2 $version for MinGW already in $prefix"
  exit 0
fi
for tool in x86_64-w64-mingw32-g++-posix dpkg-source perl python3; do
  command -v "$tool" >/dev/null || {
    echo "build-re2: $tool not found; run packaging/install-deps.sh --windows first" >&2
    exit 1
  }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/coolpapers-re2.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "build-re2: fetching Debian's re2 $version source into $work"

# apt-get source with a private, deb-src-only copy of the machine's sources:
# no root, nothing written under /etc or /var.
mkdir -p "$work/apt/lists/partial" "$work/src"
sources=/etc/apt/sources.list.d/debian.sources
[[ -f $sources ]] || {
  echo "build-re2: $sources not found; this script expects Debian 12's deb822 sources" >&2
  exit 1
}
sed 's/^Types: deb$/Types: deb-src/' "$sources" >"$work/apt/src.sources"
apt_options=(-o "Dir::Etc::sourcelist=$work/apt/src.sources" -o Dir::Etc::sourceparts=/dev/null
  -o "Dir::State::Lists=$work/apt/lists" -o Debug::NoLocking=1 -o "APT::Sandbox::User=$(id -un)")
apt-get "${apt_options[@]}" update -qq
(cd "$work/src" && apt-get "${apt_options[@]}" source --download-only -qq "re2=$version")

# dpkg-source applies Debian's patches, among them the one that makes the
# table generators read /usr/share/unicode (unicode-data).
(cd "$work/src" && dpkg-source --no-check -x ./*.dsc re2) >/dev/null
cd "$work/src/re2"
# The dfsg source drops three generated tables; regenerate them as Debian's
# own build does.
perl re2/make_perl_groups.pl >re2/perl_groups.cc
python3 re2/make_unicode_casefold.py >re2/unicode_casefold.cc
python3 re2/make_unicode_groups.py >re2/unicode_groups.cc

cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_SHARED_LIBS=OFF -DRE2_BUILD_TESTING=OFF -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
nice -n 10 cmake --build build -j"$(nproc)" >/dev/null
cmake --install build >/dev/null
touch "$stamp"
echo "build-re2: RE2 $version for MinGW installed in $prefix"
