#!/usr/bin/env bash
# The Debian package, end to end (root; CI runs it from tests/run_all.sh):
#   1. build it with the package preset; check contents, modes, conffiles,
#      the manifests' bytes and the metadata (Depends = what the binaries
#      really link, as dpkg-shlibdeps computed it), also for a build with
#      COOLPAPERS_STATIC_HOST=OFF (build/package-dynamic), where libre2-9
#      must appear
#      The packed extension: the .crx is the build's, and each browser's
#      external-extension file (packaging/external-extensions.tsv) names it
#      with the package's version
#   2. install it (dpkg -i); coolpapers doctor; a native messaging round
#      trip against /usr/bin/coolpapers; the installed extension in Chromium
#      reaching the host through /etc/chromium/native-messaging-hosts (our
#      installed_extension.test.mjs and the extension's e2e/redirect.test.mjs);
#      the sideloaded extension enabled in a new Firefox ESR profile and
#      reaching the host through /usr/lib/mozilla (firefox_sideload.test.mjs)
#   3. remove (conffiles stay, as Debian does), then purge: nothing is left
#      (the package's paths and the directories it touches, before vs after)
#   4. packaging/install.sh --system into a temporary prefix: registered in
#      the system directories, doctor OK, --uninstall undoes it exactly
# A coolpapers package installed before the test is set aside and put back
# (see below).
# Usage: tests/packaging/run_package_tests.sh
set -euo pipefail
# shellcheck source=tests/packaging/lib.sh
source "$(dirname "$0")/lib.sh"

if [[ $(id -u) -ne 0 ]]; then
  echo "$0: needs root (it installs and purges the package)" >&2
  exit 2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/coolpapers-package-test.XXXXXX")
known_to_dpkg() { dpkg-query -W -f='${Status}' coolpapers 2>/dev/null | grep -qv "not-installed"; }

# A coolpapers package already on the machine (the quick start leaves one
# installed, and CI runs the quick start first) is set aside: its conffiles
# and its service's state are saved and it is purged, so the test starts
# from a machine without it. When the test ends, the package this test built
# is installed in its place and the conffiles and service state are put back.
set_aside_version=
set_aside_service=()
set_aside_conffiles=()
if known_to_dpkg; then
  set_aside_version=$(dpkg-query -W -f='${Version} (${db:Status-Status})' coolpapers)
  mkdir "$work/set-aside"
  while read -r path _; do
    [[ -f $path ]] || continue
    set_aside_conffiles+=("$path")
    cp -p "$path" "$work/set-aside/${#set_aside_conffiles[@]}"
  done < <(dpkg-query -W -f='${Conffiles}\n' coolpapers)
  if [[ -d /run/systemd/system ]]; then
    systemctl is-enabled --quiet coolpapers-redirector 2>/dev/null && set_aside_service+=(enable)
    systemctl is-active --quiet coolpapers-redirector 2>/dev/null && set_aside_service+=(start)
  fi
  dpkg --purge coolpapers >"$work/set-aside.log" 2>&1 || {
    cat "$work/set-aside.log" >&2
    echo "$0: could not purge the installed coolpapers package to test a fresh install" >&2
    exit 1
  }
  echo "note: coolpapers $set_aside_version is set aside for this test: purged now, put back when it ends"
fi

put_back_set_aside() {
  [[ -n $set_aside_version ]] || return 0
  if [[ ! -f ${deb:-} ]] || ! dpkg -i "$deb" >"$work/put-back.log" 2>&1; then
    echo "$0: coolpapers $set_aside_version was purged for this test and could not be reinstalled;" \
      "run packaging/quickstart.sh (saved conffiles: $work/set-aside, kept)" >&2
    work=  # keep the saved conffiles
    return 0
  fi
  local i
  for i in "${!set_aside_conffiles[@]}"; do cp -p "$work/set-aside/$((i + 1))" "${set_aside_conffiles[i]}"; done
  for action in "${set_aside_service[@]}"; do systemctl "$action" coolpapers-redirector >/dev/null 2>&1 || true; done
  # Removed but not purged before: only its conffiles were there.
  [[ $set_aside_version == *"(installed)" ]] || dpkg -r coolpapers >/dev/null 2>&1 || true
  echo "note: $(basename "$deb") put in place of coolpapers $set_aside_version, its conffiles as they were"
}

cleanup() {
  # Never leave the package this test installed, whatever failed.
  if known_to_dpkg; then
    dpkg --purge coolpapers >/dev/null 2>&1 || true
  fi
  if [[ -f $work/system-prefix/share/coolpapers/install-record ]]; then
    "$repo/packaging/install.sh" --uninstall --system --prefix "$work/system-prefix" >/dev/null 2>&1 || true
  fi
  put_back_set_aside
  [[ -z $work ]] || rm -rf "$work"
}
trap cleanup EXIT

stage "build the package: cmake --workflow --preset package"
rm -f "$repo"/build/package/deb/coolpapers_*.deb
(cd "$repo" && cmake --workflow --preset package >"$work/build.log" 2>&1) || {
  tail -30 "$work/build.log" >&2
  exit 1
}
debs=("$repo"/build/package/deb/coolpapers_*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || { echo "expected one .deb, found: ${debs[*]}" >&2; exit 1; }
deb=${debs[0]}
pass "built $(basename "$deb")"

stage "contents"
version=$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' "$repo/CMakeLists.txt" | head -1)
id=$(extension_id)
# Chromium-format system dirs (Firefox's manifest has its own format and check)
system_dirs=$(browser_rows | awk -F'\t' '$5 == "chromium" { print $3 }' | sort -u)
external_dirs=$(grep -v '^#' "$repo/packaging/external-extensions.tsv" | cut -f2 | sort -u)
{
  echo "./usr/bin/coolpapers"
  echo "./usr/bin/coolpapers-redirector"
  for dir in $system_dirs; do echo ".$dir/cool.papers.redirector.json"; done
  # extension/'s shipped entries plus sites.json, generated from rules.json
  # ... once unpacked (Chromium's Load unpacked), once sideloaded for Firefox
  for ext_dir in usr/share/coolpapers/extension \
    "usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/$(tr -d ' \t\r\n' <"$repo/extension/GECKO_ID")"; do
    (cd "$repo/extension" && grep -v '^#' "$repo/packaging/extension-files.txt" | while read -r e; do find "$e" -type f; done
     echo sites.json) |
      sed "s|^\./||; s|^|./$ext_dir/|"
  done
  echo "./usr/lib/mozilla/native-messaging-hosts/cool.papers.redirector.json"
  echo "./usr/share/coolpapers/coolpapers.crx"
  for dir in $external_dirs; do echo ".$dir/$id.json"; done
  echo "./usr/share/doc/coolpapers/copyright"
  echo "./usr/share/doc/coolpapers/README.md"
  echo "./usr/share/man/man1/coolpapers.1.gz"
  echo "./usr/share/man/man1/coolpapers-redirector.1.gz"
  if [[ -f $repo/packaging/coolpapers-redirector.service ]]; then
    echo "./lib/systemd/system/coolpapers-redirector.service"
  fi
} | sort >"$work/expected-files"
dpkg-deb --contents "$deb" | awk '$1 !~ /^d/ { print $1, $NF }' | sort -k2 >"$work/files-with-modes"
check_eq "exactly the expected files (binaries, manifests, extension without tools/, docs, man pages, unit)" \
  "$(cat "$work/expected-files")" "$(awk '{ print $2 }' "$work/files-with-modes" | sort)"
if [[ ! -f $repo/packaging/coolpapers-redirector.service ]]; then
  fail "packaging/coolpapers-redirector.service does not exist yet, so the package has no systemd unit"
fi
check_eq "binaries are 0755, everything else 0644" \
  "$(awk '{ print ($2 ~ /^\.\/usr\/bin\//) ? "-rwxr-xr-x" : "-rw-r--r--", $2 }' "$work/files-with-modes")" \
  "$(cat "$work/files-with-modes")"
dpkg-deb -x "$deb" "$work/tree"
description=$(dpkg-deb -f "$deb" Description | tr -s ' \n' '  ')
for site in $(json_eval "r.families.filter((f) => (f.stage ?? 'id') === 'id').map((f) => (f.display ?? f.name).replace(/ /g, '_')).join(' ')" <"$repo/resolver/rules.json"); do
  check "the package description names ${site//_/ } (from rules.json)" grep -qF -- "${site//_/ }" <<<"$description"
done
check_eq "the shipped manifest's content-script matches are the table's content_script_patterns" \
  "$(json_eval "[...new Set(r.families.flatMap((f) => f.content_script_patterns ?? []))].join(' ')" <"$repo/resolver/rules.json")" \
  "$(json_eval "r.content_scripts[0].matches.join(' ')" <"$work/tree/usr/share/coolpapers/extension/manifest.json")"
for dir in $system_dirs; do
  check_eq "$dir/cool.papers.redirector.json: path /usr/bin/coolpapers, origin chrome-extension://$id/" \
    "$(expected_manifest /usr/bin/coolpapers)" "$(cat "$work/tree$dir/cool.papers.redirector.json")"
done
check_eq "/usr/lib/mozilla/native-messaging-hosts/cool.papers.redirector.json: Firefox's format, path /usr/bin/coolpapers" \
  "$(expected_firefox_manifest /usr/bin/coolpapers)" \
  "$(cat "$work/tree/usr/lib/mozilla/native-messaging-hosts/cool.papers.redirector.json")"
check_eq "the extension's id file is the development id" "$id" "$(cat "$work/tree/usr/share/coolpapers/extension/EXTENSION_ID")"
check "the .crx is the one the build packed" cmp -s "$repo/build/package/packaging/coolpapers.crx" "$work/tree/usr/share/coolpapers/coolpapers.crx"
check_eq "the extension's version is the package's" "$version" "$(extension_version)"
for dir in $external_dirs; do
  check_eq "$dir/$id.json: external_crx /usr/share/coolpapers/coolpapers.crx, external_version $version" \
    "$(expected_external /usr/share/coolpapers/coolpapers.crx)" "$(cat "$work/tree$dir/$id.json")"
done
check_eq "conffiles: the host manifests in /etc" "$(for d in $system_dirs; do echo "$d/cool.papers.redirector.json"; done)" \
  "$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | sort)"
if [[ -f $repo/packaging/coolpapers-redirector.service ]]; then
  check_eq "the systemd unit is packaging's, with ExecStart at /usr/bin/coolpapers-redirector" \
    "$(sed 's|^ExecStart=[^ ]*/coolpapers-redirector|ExecStart=/usr/bin/coolpapers-redirector|' \
      "$repo/packaging/coolpapers-redirector.service")" \
    "$(cat "$work/tree/lib/systemd/system/coolpapers-redirector.service")"
fi
check "man page of coolpapers documents doctor" grep -q "coolpapers doctor" <(zcat "$work/tree/usr/share/man/man1/coolpapers.1.gz")

stage "metadata"
field() { dpkg-deb --field "$deb" "$1"; }
check_eq "Package" coolpapers "$(field Package)"
check_eq "Version" "$version-1" "$(field Version)"
check_eq "Architecture" "$(dpkg --print-architecture)" "$(field Architecture)"
check "Maintainer, Description, Homepage, Section set" test -n "$(field Maintainer)" -a -n "$(field Description)" \
  -a "$(field Homepage)" = https://papers.cool -a -n "$(field Section)"
# Depends must name exactly the packages of the shared libraries the
# shipped binaries need (NEEDED entries), no more, no fewer.
needed_packages() {  # TREE: an extracted package
  local lib path candidate owner
  for binary in "$1/usr/bin/"*; do
    objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }'
  done | sort -u | while read -r lib; do
    path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ { print $NF; exit }')
    owner=""
    for candidate in "$path" "/usr$path" "${path#/usr}" "$(readlink -f "$path")"; do
      owner=$(dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1) && [[ -n $owner ]] && break
    done
    echo "${owner:-UNKNOWN($lib)}"
  done | sort -u
}
depends_names() { dpkg-deb --field "$1" Depends | tr ',' '\n' | sed 's/^ *//; s/ *(.*//; s/:.*//' | sort -u; }
# (awk reads all of objdump's output: grep -q would stop early, and
# pipefail would report objdump's SIGPIPE as a failure.)
links_re2() { [[ -n $(objdump -p "$1/usr/bin/"* | awk '$1 == "NEEDED" && $2 ~ /^libre2\./') ]]; }

depends=$(depends_names "$deb")
check_eq "Depends = the packages of the libraries the binaries link (dpkg-shlibdeps, not a hand-kept list)" \
  "$(needed_packages "$work/tree")" "$depends"
if links_re2 "$work/tree"; then
  check "a dynamically linked RE2 shows up as libre2-9" grep -qx libre2-9 <<<"$depends"
else
  check "RE2 is linked statically (COOLPAPERS_STATIC_HOST), so libre2-9 is not a dependency" \
    test -z "$(grep -x 'libre2-9' <<<"$depends")"
fi

stage "metadata of a dynamically linked build (COOLPAPERS_STATIC_HOST=OFF)"
dynamic=$repo/build/package-dynamic
(cd "$repo" && cmake --preset package -B "$dynamic" -DCOOLPAPERS_STATIC_HOST=OFF >"$work/dynamic.log" 2>&1 &&
  cmake --build "$dynamic" >>"$work/dynamic.log" 2>&1 && rm -f "$dynamic"/deb/*.deb &&
  cpack --config "$dynamic/CPackConfig.cmake" -B "$dynamic/deb" >>"$work/dynamic.log" 2>&1) ||
  { tail -30 "$work/dynamic.log" >&2; fail "building the dynamic package"; }
dynamic_deb=$(ls "$dynamic"/deb/coolpapers_*.deb)
dpkg-deb -x "$dynamic_deb" "$work/dynamic-tree"
dynamic_depends=$(depends_names "$dynamic_deb")
check_eq "dynamic build: Depends = the packages of the libraries the binaries link" \
  "$(needed_packages "$work/dynamic-tree")" "$dynamic_depends"
check "dynamic build: the binaries link libre2.so.9" links_re2 "$work/dynamic-tree"
needs_re2_and_json() { grep -qx libre2-9 <<<"$dynamic_depends" && grep -q '^libboost-json' <<<"$dynamic_depends"; }
check "dynamic build: so libre2-9 and the Boost.JSON runtime are dependencies" needs_re2_and_json

stage "install (dpkg -i)"
# Every path the package has, plus the directories it touches: their state
# before install must be their state after purge.
dpkg-deb --contents "$deb" | awk '{ print $NF }' | sed 's|^\.||; s|/$||' | grep -v '^$' | sort >"$work/package-paths"
while read -r path; do
  if [[ -e $path && ! -d $path ]]; then
    echo "$0: $path exists already (left by a manual install?); remove it first" >&2
    exit 2
  fi
done <"$work/package-paths"
# shellcheck disable=SC2206  # split on purpose: directory names without spaces
touched=(/etc/chromium /etc/opt /lib/systemd/system /usr/bin /usr/share/coolpapers /usr/share/doc/coolpapers /usr/share/man/man1
  /usr/lib/mozilla /usr/share/mozilla $external_dirs)
state() {
  while read -r path; do [[ -e $path ]] && echo "exists $path" || echo "absent $path"; done <"$work/package-paths"
  for dir in "${touched[@]}"; do if [[ -d $dir ]]; then find "$dir" -printf '%y %m %p\n'; fi; done | sort
}
state >"$work/state-before"
# Directories the package ships that exist but no package owns (an empty
# /etc/opt, say): dpkg counts them as the package's and deletes them on
# purge if empty. Note their modes so they can be put back afterwards.
while read -r path; do
  if [[ -d $path ]] && ! dpkg -S "$path" >/dev/null 2>&1; then echo "$(stat -c %a "$path") $path"; fi
done <"$work/package-paths" >"$work/unowned-dirs"
dpkg -i "$deb" >"$work/dpkg-install.log" 2>&1 || { cat "$work/dpkg-install.log" >&2; fail "dpkg -i"; }
check "dpkg -s reports it installed" grep -qx "install ok installed" <(dpkg-query -W -f="\${Status}" coolpapers)
check "/usr/bin/coolpapers --version is $version" grep -qx "coolpapers $version" <(/usr/bin/coolpapers --version)
check "coolpapers-redirector --version is $version" grep -qx "coolpapers-redirector $version" <(/usr/bin/coolpapers-redirector --version)
check_eq "coolpapers resolve https://arxiv.org/abs/2312.00001v2" "https://papers.cool/arxiv/2312.00001" \
  "$(/usr/bin/coolpapers resolve https://arxiv.org/abs/2312.00001v2)"
check "systemd-analyze verify accepts the installed unit (its ExecStart exists)" \
  systemd-analyze verify /lib/systemd/system/coolpapers-redirector.service
check "the redirector's unit is not enabled" test -z "$(find /etc/systemd/system -name 'coolpapers-redirector*' 2>/dev/null)"

stage "coolpapers doctor (package install)"
empty_home=$work/home
# A Chromium profile: doctor counts a browser as ready only when it is
# installed (its profile or program exists) and registered.
mkdir -p "$empty_home/.config/chromium"
out=$(env -u XDG_CONFIG_HOME -u COOLPAPERS_DOCTOR_ROOT HOME="$empty_home" /usr/bin/coolpapers doctor) && status=0 || status=$?
check_eq "doctor exits 0" 0 "$status"
check "doctor says OK" grep -qx "doctor: OK" <<<"$out"
report=$(env -u XDG_CONFIG_HOME -u COOLPAPERS_DOCTOR_ROOT HOME="$empty_home" /usr/bin/coolpapers doctor --json) || true
check_eq "doctor --json: every installed browser ready through its system registration" \
  "$(json_eval "r.browsers.map(b => b.name + ':' + (b.installed ? 'system' : 'not installed')).join('\n')" <<<"$report")" \
  "$(json_eval "r.browsers.map(b => b.name + ':' + (b.ready ? b.effective : b.installed ? 'NOT READY' : 'not installed')).join('\n')" <<<"$report")"
check_eq "doctor --json: Chromium (its profile exists) is installed and ready" "true true" \
  "$(json_eval "r.browsers.find(b => b.name === 'chromium').installed + ' ' + r.browsers.find(b => b.name === 'chromium').ready" <<<"$report")"
check_eq "doctor --json: the package's reinstall command" "sudo apt-get install --reinstall coolpapers" \
  "$(json_eval "r.reinstall" <<<"$report")"
check_eq "doctor --json: no problems, extension dir found" "0 /usr/share/coolpapers/extension" \
  "$(json_eval "r.errors + ' ' + r.extension_dir" <<<"$report")"
check_eq "doctor --json: the package offers the extension (version and id checked) to the browsers of external-extensions.tsv" \
  "$(grep -v '^#' "$repo/packaging/external-extensions.tsv" | cut -f1 | tr '\n' ',' | sed 's/,$//')" \
  "$(json_eval "r.browsers.filter(b => b.extension.offered === 'system').map(b => b.name).join(',')" <<<"$report")"
if [[ $(json_eval "r.browsers.find(b => b.name === 'firefox').installed" <<<"$report") == true ]]; then
  check "doctor: Firefox's extension is the sideloaded folder, not a .crx offer" \
    grep -q "Debian's Firefox ESR loads the one the package puts in" <<<"$out"
fi
printf '%s\n' "$out" | sed 's/^/       /'

stage "native messaging round trip against /usr/bin/coolpapers"
# A frame as Chromium writes it: 4-byte little-endian length, then JSON.
frame() {
  local n=${#1}
  printf "\\x$(printf %02x $((n & 255)))\\x$(printf %02x $((n >> 8 & 255)))\\x00\\x00%s" "$1"
}
(cd / && frame '{"type":"resolve","pageUrl":"https://arxiv.org/abs/2312.00001v2"}' |
  /usr/bin/coolpapers "chrome-extension://$id/" >"$work/reply") && status=0 || status=$?
check_eq "host exits 0 at end of input" 0 "$status"
length=$(od -An -tu4 -N4 "$work/reply" | tr -d ' ')
body=$(tail -c +5 "$work/reply")
check_eq "reply length prefix = body size" "$(($(stat -c %s "$work/reply") - 4))" "$length"
check_eq "reply: the Cool Papers URL" "true https://papers.cool/arxiv/2312.00001 pageUrl" \
  "$(json_eval "r.ok + ' ' + r.url + ' ' + r.field" <<<"$body")"

stage "the installed extension in Chromium, through the system registration"
ext_tmp=$work/ext
mkdir -p "$ext_tmp/pids"
if COOLPAPERS_EXTENSION_DIR=/usr/share/coolpapers/extension COOLPAPERS_BIN=/usr/bin/coolpapers \
  COOLPAPERS_TEST_TMP=$ext_tmp COOLPAPERS_TEST_PIDS=$ext_tmp/pids HOME=$empty_home \
  node --test --test-concurrency=1 --test-timeout=120000 "$repo/tests/packaging/installed_extension.test.mjs" \
  >"$work/extension-test.log" 2>&1; then
  pass "installed_extension.test.mjs ($(grep -c '^ok ' "$work/extension-test.log") tests)"
else
  sed 's/^/       /' "$work/extension-test.log" | tail -40 >&2
  fail "installed_extension.test.mjs"
fi
# The extension's own end-to-end redirect tests, against the package as
# shipped (tests/extension/README.md: COOLPAPERS_HOST_FROM_SYSTEM=1 registers
# nothing in the test profile).
if COOLPAPERS_EXTENSION_DIR=/usr/share/coolpapers/extension COOLPAPERS_BIN=/usr/bin/coolpapers \
  COOLPAPERS_HOST_FROM_SYSTEM=1 COOLPAPERS_TEST_TMP=$ext_tmp COOLPAPERS_TEST_PIDS=$ext_tmp/pids \
  node --experimental-detect-module --test --test-concurrency=1 --test-timeout=120000 \
  "$repo/tests/extension/e2e/redirect.test.mjs" >"$work/extension-e2e.log" 2>&1; then
  pass "tests/extension/e2e/redirect.test.mjs with COOLPAPERS_HOST_FROM_SYSTEM=1 ($(grep -c '^ok ' "$work/extension-e2e.log") tests)"
else
  sed 's/^/       /' "$work/extension-e2e.log" | tail -40 >&2
  fail "tests/extension/e2e/redirect.test.mjs against the installed package"
fi
for f in "$ext_tmp/pids"/*; do [[ -e $f ]] && kill -KILL -- "-$(basename "$f")" 2>/dev/null; done || true

stage "the installed extension in Debian's Firefox ESR: sideloaded, enabled, through the system registration"
firefox_addon_dir="/usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/$(tr -d ' \t\r\n' <"$repo/extension/GECKO_ID")"
if COOLPAPERS_EXTENSION_DIR=$firefox_addon_dir COOLPAPERS_BIN=/usr/bin/coolpapers \
  COOLPAPERS_TEST_TMP=$ext_tmp COOLPAPERS_TEST_PIDS=$ext_tmp/pids \
  node --test --test-concurrency=1 --test-timeout=120000 "$repo/tests/packaging/firefox_sideload.test.mjs" \
  >"$work/firefox-sideload.log" 2>&1; then
  pass "firefox_sideload.test.mjs ($(grep -c '^ok ' "$work/firefox-sideload.log") tests)"
else
  sed 's/^/       /' "$work/firefox-sideload.log" | tail -40 >&2
  fail "firefox_sideload.test.mjs"
fi
for f in "$ext_tmp/pids"/*; do [[ -e $f ]] && kill -KILL -- "-$(basename "$f")" 2>/dev/null; done || true

stage "install.sh --system refuses to compete with the package"
out=$("$repo/packaging/install.sh" --system --build-dir "$repo/build/package" 2>&1) && status=0 || status=$?
check_eq "install.sh --system exits 2 while the package is installed" 2 "$status"
check "and says why" grep -q "the coolpapers package is installed" <<<"$out"

stage "remove, then purge"
dpkg -r coolpapers >"$work/dpkg-remove.log" 2>&1 || { cat "$work/dpkg-remove.log" >&2; fail "dpkg -r"; }
check "remove: binaries and extension are gone" test ! -e /usr/bin/coolpapers -a ! -e /usr/share/coolpapers
for dir in $external_dirs; do
  check "remove: $dir/$id.json is gone (the browser uninstalls the extension at its next start)" test ! -e "$dir/$id.json"
done
check "remove: the host manifests (conffiles) stay until purge" \
  test -f /etc/chromium/native-messaging-hosts/cool.papers.redirector.json
dpkg --purge coolpapers >"$work/dpkg-purge.log" 2>&1 || { cat "$work/dpkg-purge.log" >&2; fail "dpkg --purge"; }
while read -r mode path; do
  if [[ ! -d $path ]]; then
    mkdir -m "$mode" "$path"
    echo "  note: dpkg removed $path (empty, owned by no package, so counted as coolpapers'); put back"
  fi
done <"$work/unowned-dirs"
check_eq "purge: every path of the package and every directory it touched is as before install" \
  "$(cat "$work/state-before")" "$(state)"
check "purge: dpkg keeps no record of it" test -z "$(ls /var/lib/dpkg/info/coolpapers.* 2>/dev/null)"
not_known_to_dpkg() { ! known_to_dpkg; }
check "purge: dpkg lists it as installed no more" not_known_to_dpkg

stage "install.sh --system (root, no package): the system directories, then exactly undone"
prefix=$work/system-prefix
out=$("$repo/packaging/install.sh" --system --prefix "$prefix" --build-dir "$repo/build/package" 2>&1) ||
  fail "install.sh --system failed: $out"
for dir in $system_dirs; do
  check_eq "install.sh --system: $dir/cool.papers.redirector.json points at $prefix/bin/coolpapers" \
    "$(expected_manifest "$prefix/bin/coolpapers")" "$(cat "$dir/cool.papers.redirector.json" 2>/dev/null)"
done
for dir in $external_dirs; do
  check_eq "install.sh --system: $dir/$id.json names $prefix/share/coolpapers/coolpapers.crx" \
    "$(expected_external "$prefix/share/coolpapers/coolpapers.crx")" "$(cat "$dir/$id.json" 2>/dev/null)"
done
env -u XDG_CONFIG_HOME -u COOLPAPERS_DOCTOR_ROOT HOME="$empty_home" "$prefix/bin/coolpapers" doctor >/dev/null &&
  status=0 || status=$?
check_eq "install.sh --system: doctor exits 0" 0 "$status"
"$repo/packaging/install.sh" --uninstall --system --prefix "$prefix" >/dev/null
check_eq "install.sh --uninstall --system: every directory touched is as before" \
  "$(cat "$work/state-before")" "$(state)"
check "install.sh --uninstall --system: the prefix is gone" test ! -e "$prefix"

finish
