#!/usr/bin/env bash
# packaging/install.sh --user into a temporary HOME, one browser layout at a
# time: the host is registered where that browser looks, the packed extension
# is offered where that browser reads external extensions per user (or the
# output says what to do instead), `coolpapers doctor` finds it, a second install changes nothing, and --uninstall leaves the
# HOME exactly as it was (listing, modes, checksums). No root needed.
#   tests/packaging/run_install_sh_tests.sh
set -euo pipefail
# shellcheck source=tests/packaging/lib.sh
source "$(dirname "$0")/lib.sh"

stage "build (package preset: the release binaries the .deb ships)"
build_package
build=$repo/build/package
install_sh=$repo/packaging/install.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/coolpapers-install-sh.XXXXXX")
trap 'rm -rf "$work"' EXIT
empty_root=$work/empty-root  # doctor's system dirs: nothing registered there
mkdir "$empty_root"

# run_in_home HOME [XDG_CONFIG_HOME] -- COMMAND...: COMMAND with that HOME
# (and XDG_CONFIG_HOME, or none), no system registrations for doctor.
run_in_home() {
  local home=$1 xdg=$2
  shift 3
  if [[ -n $xdg ]]; then
    env HOME="$home" XDG_CONFIG_HOME="$xdg" COOLPAPERS_DOCTOR_ROOT="$empty_root" "$@"
  else
    env -u XDG_CONFIG_HOME HOME="$home" COOLPAPERS_DOCTOR_ROOT="$empty_root" "$@"
  fi
}

# True when TEXT has no line matching PATTERN.
lacks() { ! grep -q -- "$1" <<<"$2"; }

# One layout: BROWSER's profile directory exists under CONFIG (HOME/.config
# or XDG_CONFIG_HOME; Firefox's under HOME whatever XDG_CONFIG_HOME says);
# everything else is empty.
test_layout() {
  local name=$1 display=$2 user_dir=$3 use_xdg=$4 format=${5:-chromium}
  local home=$work/$name-home xdg="" config
  mkdir -p "$home"
  if ((use_xdg)); then xdg=$work/$name-xdg; config=$xdg; else config=$home/.config; fi
  [[ $format == firefox ]] && config=$home
  mkdir -p "$config/$user_dir"
  local label="$display (~/.config)"
  ((use_xdg)) && label="$display (\$XDG_CONFIG_HOME)"
  [[ $format == firefox ]] && label="$display (~/$user_dir)"
  stage "install.sh --user: $label"

  local before after1 after2 after3 out
  before=$(snapshot_tree "$work")
  out=$(run_in_home "$home" "$xdg" -- "$install_sh" --user --build-dir "$build" 2>&1) || fail "$label: install.sh failed: $out"
  after1=$(snapshot_tree "$work")
  local manifest=$config/$user_dir/NativeMessagingHosts/cool.papers.redirector.json expected
  expected=$(expected_manifest "$home/.local/bin/coolpapers")
  if [[ $format == firefox ]]; then
    manifest=$config/$user_dir/native-messaging-hosts/cool.papers.redirector.json
    expected=$(expected_firefox_manifest "$home/.local/bin/coolpapers")
  fi
  check_eq "$label: host manifest written where $display looks" "$expected" "$(cat "$manifest" 2>/dev/null)"
  check "$label: output names $display as registered" grep -q "registered for: $display\.$" <<<"$out"
  local crx=$home/.local/share/coolpapers/coolpapers.crx
  check "$label: the .crx installed is the build's" cmp -s "$build/packaging/coolpapers.crx" "$crx"
  check_eq "$label: the .crx is readable by all" 644 "$(stat -c %a "$crx" 2>/dev/null)"
  if [[ $format == firefox ]]; then
    check "$label: output says how Firefox gets the extension" grep -q "^Firefox: Debian's firefox-esr gets the extension" <<<"$out"
    check "$label: output gives the temporary add-on's path" \
      grep -q "^    $home/.local/share/coolpapers/extension/manifest.json$" <<<"$out"
    check "$label: Firefox is not offered the .crx" lacks "^Extension \(not \)\?offered to.*Firefox" "$out"
    check "$label: output ends with the next step" \
      test "$(tail -1 <<<"$out")" == "Next: load the extension in Firefox (above); right-click any paper."
  elif [[ $(external_field "$name" 3) == yes ]]; then
    check_eq "$label: external-extension file written where $display reads it" "$(expected_external "$crx")" \
      "$(cat "$config/$user_dir/External Extensions/$(extension_id).json" 2>/dev/null)"
    check "$label: output names $display as offered the extension" grep -q "^Extension offered to: $display " <<<"$out"
    check "$label: output ends with the next step" test "$(tail -1 <<<"$out")" == "Next: restart the browser; right-click any paper."
  else
    check "$label: no External Extensions directory for $display" test ! -e "$config/$user_dir/External Extensions"
    check "$label: output says why $display is not offered the extension" \
      grep -q "^Extension not offered to $display: " <<<"$out"
    check "$label: output gives the Load unpacked step with the path" \
      grep -q "choose $home/.local/share/coolpapers/extension$" <<<"$out"
  fi
  if [[ $name == chrome ]]; then
    check "$label: output tells Google Chrome users about --system" grep -q "sudo packaging/install.sh --system" <<<"$out"
  fi
  if [[ $format != firefox ]]; then
    check "$label: no Firefox step when Firefox is not in use" lacks "^Firefox:" "$out"
  fi
  check "$label: binaries installed" test -x "$home/.local/bin/coolpapers" -a -x "$home/.local/bin/coolpapers-redirector"
  check_eq "$label: the extension installed is extension/ minus tools, plus sites.json from rules.json" \
    "$( (cd "$repo/extension" && grep -v '^#' "$repo/packaging/extension-files.txt" | xargs find; echo sites.json) | sort)" \
    "$(cd "$home/.local/share/coolpapers/extension" && find . -mindepth 1 | sed 's|^\./||' | sort)"

  local report
  report=$(run_in_home "$home" "$xdg" -- "$home/.local/bin/coolpapers" doctor --json) && status=0 || status=$?
  check_eq "$label: doctor exits 0" 0 "$status"
  check_eq "$label: doctor: $name ready through the user registration" "true user" \
    "$(json_eval "r.browsers.find(b => b.name === '$name').ready + ' ' + r.browsers.find(b => b.name === '$name').effective" <<<"$report")"
  check_eq "$label: doctor: the host answered ping" "true" \
    "$(json_eval "r.browsers.find(b => b.name === '$name').user.ping.ok" <<<"$report")"
  check_eq "$label: doctor: no other browser registered" "$name" \
    "$(json_eval "r.browsers.filter(b => b.user.registered || b.system.registered).map(b => b.name).join(',')" <<<"$report")"

  out=$(run_in_home "$home" "$xdg" -- "$install_sh" --user --build-dir "$build" 2>&1) || fail "$label: second install.sh failed"
  after2=$(snapshot_tree "$work")
  check_eq "$label: a second install changes nothing" "$after1" "$after2"
  check "$label: a second install says so" grep -q "^Nothing changed" <<<"$out"

  out=$(run_in_home "$home" "$xdg" -- "$install_sh" --uninstall 2>&1) || fail "$label: --uninstall failed: $out"
  after3=$(snapshot_tree "$work")
  check_eq "$label: --uninstall leaves HOME exactly as before" "$before" "$after3"
  rm -rf "$home" "$work/$name-xdg"
}

while IFS=$'\t' read -r name display _system_dir user_dir format; do
  test_layout "$name" "$display" "$user_dir" 0 "$format"
done < <(browser_rows)
test_layout chromium Chromium chromium 1

stage "install.sh --user: edge cases"
home=$work/explicit-home
mkdir "$home"
before=$(snapshot_tree "$work")
out=$(run_in_home "$home" "" -- "$install_sh" --user --build-dir "$build" 2>&1)
check "no browser profile: says nothing was registered" grep -q "^No browser profile found under $home/.config" <<<"$out"
run_in_home "$home" "" -- "$install_sh" --uninstall >/dev/null
out=$(run_in_home "$home" "" -- "$install_sh" --user --browser vivaldi --browser edge --build-dir "$build" 2>&1)
check "--browser registers a browser without a profile directory" \
  test -f "$home/.config/vivaldi/NativeMessagingHosts/cool.papers.redirector.json" -a \
  -f "$home/.config/microsoft-edge/NativeMessagingHosts/cool.papers.redirector.json"
check "--browser registers only the browsers named" test ! -e "$home/.config/chromium"
run_in_home "$home" "" -- "$install_sh" --uninstall >/dev/null
check_eq "--uninstall also removes the directories it created (~/.config, ~/.local)" "$before" "$(snapshot_tree "$work")"

mkdir -p "$home/.config/chromium/NativeMessagingHosts"
echo '{"name":"org.example.other"}' >"$home/.config/chromium/NativeMessagingHosts/org.example.other.json"
before=$(snapshot_tree "$work")
run_in_home "$home" "" -- "$install_sh" --user --build-dir "$build" >/dev/null
run_in_home "$home" "" -- "$install_sh" --uninstall >/dev/null
check_eq "--uninstall keeps what was there before (another host's manifest)" "$before" "$(snapshot_tree "$work")"

out=$(run_in_home "$home" "" -- "$install_sh" --user --browser firefox --build-dir "$build" 2>&1) || fail "--browser firefox failed: $out"
check_eq "--browser firefox writes Firefox's manifest in ~/.mozilla/native-messaging-hosts" \
  "$(expected_firefox_manifest "$home/.local/bin/coolpapers")" \
  "$(cat "$home/.mozilla/native-messaging-hosts/cool.papers.redirector.json" 2>/dev/null)"
run_in_home "$home" "" -- "$install_sh" --uninstall >/dev/null
out=$(run_in_home "$home" "" -- "$install_sh" --uninstall 2>&1)
check "--uninstall with nothing installed says so" grep -q "nothing to uninstall" <<<"$out"

finish
