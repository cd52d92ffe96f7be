#!/usr/bin/env bash
# Installs coolpapers from a build tree, for one user (no root needed) or for
# the whole system, registers its native messaging host with every
# browser found (Chromium family and Firefox), and offers the Chromium-family
# ones the packed extension (coolpapers.crx, named by an external-extension
# file <id>.json that the browser installs from at its next start). The .deb
# is the other way; this is for
# source builds and machines where you are not root.
#
#   packaging/install.sh [--user|--system] [--browser NAME]... [--prefix DIR]
#                        [--build-dir DIR] [--uninstall]
#
# Idempotent: a second run changes nothing. Every file and directory it
# creates is listed in PREFIX/share/coolpapers/install-record, and
# --uninstall (same --prefix) removes exactly those and nothing else.
# The browser tables are packaging/browsers.tsv and external-extensions.tsv,
# the same ones the .deb and `coolpapers doctor` use.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(dirname "$here")
host_name=cool.papers.redirector

usage() {
  cat <<EOF
Usage: packaging/install.sh [--user|--system] [--browser NAME]... [--prefix DIR]
                            [--build-dir DIR] [--uninstall]

  --user         install for this user (default): binaries in ~/.local/bin,
                 the host registered and the extension offered in each
                 browser's user directory
  --system       install for everyone (root): binaries in /usr/local/bin, the
                 host registered and the extension offered in each browser's
                 system directory
  --browser NAME register only with NAME (repeatable): $(browser_names | tr '\n' ' ')
                 Default: --user every browser whose profile directory exists;
                 --system every browser.
  --prefix DIR   install prefix (default ~/.local, or /usr/local with --system)
  --build-dir D  where the built binaries are (default: the first of
                 build/release and build/package holding native_host/coolpapers)
  --uninstall    remove what an earlier run with the same --prefix installed

Firefox gets its own host manifest (allowed_extensions), in
~/.mozilla/native-messaging-hosts (--user) or /usr/lib/mozilla/native-messaging-hosts
(--system). The extension itself is loaded in Firefox as the README says.
EOF
}

die() {
  echo "install.sh: $*" >&2
  exit 2
}

# --- the browser table: name, display, system_dir, user_dir, format ---
table_rows() { grep -v '^#' "$here/browsers.tsv" | grep -v '^$'; }
browser_names() { table_rows | cut -f1; }
browser_field() { table_rows | awk -F'\t' -v n="$1" -v f="$2" '$1 == n { print $f }'; }
# --- external-extensions.tsv: name, system_dir, per_user (yes/no) ---
external_field() { grep -v '^#' "$here/external-extensions.tsv" | awk -F'\t' -v n="$1" -v f="$2" '$1 == n { print $f }'; }

mode=user
uninstall=0
prefix=
build_dir=
selected=()
while (($#)); do
  case $1 in
    --user) mode=user ;;
    --system) mode=system ;;
    --uninstall) uninstall=1 ;;
    --browser) (($# > 1)) || die "--browser needs a name"; selected+=("$2"); shift ;;
    --browser=*) selected+=("${1#*=}") ;;
    --prefix) (($# > 1)) || die "--prefix needs a directory"; prefix=$2; shift ;;
    --prefix=*) prefix=${1#*=} ;;
    --build-dir) (($# > 1)) || die "--build-dir needs a directory"; build_dir=$2; shift ;;
    --build-dir=*) build_dir=${1#*=} ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument \"$1\" (try --help)" ;;
  esac
  shift
done

for name in "${selected[@]}"; do
  [[ -n $(browser_field "$name" 1) ]] || die "unknown browser \"$name\"; known: $(browser_names | tr '\n' ' ')"
done

[[ -n ${HOME:-} ]] || die "HOME is not set"
# Chromium-family browsers put their profile under $XDG_CONFIG_HOME (an
# absolute path, per the XDG spec), else ~/.config; Firefox's user_dir is
# below HOME whatever XDG_CONFIG_HOME says.
if [[ ${XDG_CONFIG_HOME:-} == /* ]]; then config_home=$XDG_CONFIG_HOME; else config_home=$HOME/.config; fi

if [[ -z $prefix ]]; then
  if [[ $mode == user ]]; then prefix=$HOME/.local; else prefix=/usr/local; fi
fi
[[ $prefix == /* ]] || prefix=$PWD/$prefix
prefix=${prefix%/}
# The prefix goes into JSON files as is.
[[ $prefix != *[\"\\]* ]] || die "the prefix \"$prefix\" holds a quote or backslash; choose another --prefix"
record=$prefix/share/coolpapers/install-record

# --- the record: lines "dir<TAB>PATH" / "file<TAB>PATH", in creation order ---
declare -a recorded=()
declare -A is_recorded=()
if [[ -f $record ]]; then
  while IFS= read -r line; do
    [[ -n $line ]] || continue
    recorded+=("$line")
    is_recorded[$line]=1
  done <"$record"
fi
remember() {
  local line="$1"$'\t'"$2"
  [[ -n ${is_recorded[$line]:-} ]] && return 0
  recorded+=("$line")
  is_recorded[$line]=1
}

if ((uninstall)); then
  if ((${#recorded[@]} == 0)); then
    echo "install.sh: nothing to uninstall: no record at $record"
    exit 0
  fi
  # Files first, then the directories this script created, newest first, and
  # only while empty: anything else a user put there stays.
  for ((i = ${#recorded[@]} - 1; i >= 0; i--)); do
    kind=${recorded[i]%%$'\t'*} path=${recorded[i]#*$'\t'}
    if [[ $kind == file && ( -e $path || -L $path ) ]]; then
      rm -f -- "$path"
      echo "removed   $path"
    fi
  done
  rm -f -- "$record"
  for ((i = ${#recorded[@]} - 1; i >= 0; i--)); do
    kind=${recorded[i]%%$'\t'*} path=${recorded[i]#*$'\t'}
    [[ $kind == dir && -d $path ]] || continue
    if rmdir -- "$path" 2>/dev/null; then
      echo "removed   $path/"
    else
      echo "kept      $path/ (not empty: it holds files install.sh did not put there)"
    fi
  done
  echo "coolpapers is uninstalled from $prefix."
  exit 0
fi

if [[ $mode == system ]]; then
  [[ $(id -u) -eq 0 ]] || die "--system needs root; use --user to install for yourself"
  if dpkg-query -W -f='${Status}' coolpapers 2>/dev/null | grep -q "install ok installed"; then
    die "the coolpapers package is installed and owns the system registrations; use --user, or remove the package"
  fi
fi

# --- what to install ---
if [[ -z $build_dir ]]; then
  for candidate in "$source_dir/build/release" "$source_dir/build/package"; do
    if [[ -x $candidate/native_host/coolpapers ]]; then build_dir=$candidate; break; fi
  done
  [[ -n $build_dir ]] || die "no built coolpapers in build/release or build/package: build first (cmake --workflow --preset release) or pass --build-dir"
fi
host_binary=$build_dir/native_host/coolpapers
redirector_binary=$build_dir/redirector/coolpapers-redirector
[[ -x $host_binary ]] || die "$host_binary is not an executable: not a coolpapers build directory?"
extension_id=$(tr -d ' \t\r\n' <"$source_dir/extension/EXTENSION_ID")
[[ $extension_id =~ ^[a-p]{32}$ ]] || die "extension/EXTENSION_ID does not hold an extension id"
# The packed extension and its version, as the build made them.
built_crx=$build_dir/packaging/coolpapers.crx
[[ -f $built_crx ]] || die "$built_crx is missing: rebuild (cmake --build $build_dir) to pack the extension"
crx_version=$(sed -n 's/^ *"version" *: *"\([0-9.]*\)".*/\1/p' "$build_dir/extension/unpacked/manifest.json" 2>/dev/null | head -1)
[[ -n $crx_version ]] || die "no version in $build_dir/extension/unpacked/manifest.json: rebuild (cmake --build $build_dir)"

# Creates DIR and every missing parent, recording each one created.
make_dirs() {
  local dir=$1 missing=()
  while [[ ! -d $dir ]]; do
    missing=("$dir" "${missing[@]}")
    dir=$(dirname "$dir")
  done
  for dir in "${missing[@]}"; do
    mkdir -m 0755 -- "$dir"  # readable by the browser whatever the umask
    remember dir "$dir"
  done
}

# Copies SRC to DEST with MODE unless DEST already has the same bytes and
# mode (so a second run touches nothing). Prints what happened when VERBOSE.
changed=0
put_file() {
  local src=$1 dest=$2 mode=$3 verbose=${4:-1}
  make_dirs "$(dirname "$dest")"
  remember file "$dest"
  if [[ -f $dest ]] && cmp -s -- "$src" "$dest" && [[ $(stat -c %a -- "$dest") == "$mode" ]]; then
    ((verbose)) && echo "unchanged $dest"
    return 0
  fi
  cp -- "$src" "$dest.tmp.$$"
  chmod "$mode" "$dest.tmp.$$"
  mv -f -- "$dest.tmp.$$" "$dest"
  changed=$((changed + 1))
  ((verbose)) && echo "installed $dest"
  return 0
}

put_file "$host_binary" "$prefix/bin/coolpapers" 755
if [[ -x $redirector_binary ]]; then
  put_file "$redirector_binary" "$prefix/bin/coolpapers-redirector" 755
else
  echo "note: $redirector_binary is not built; coolpapers-redirector (the optional HTTP service) is not installed"
fi

# The extension: the folder the build generated (as the .deb ships it).
extension_src=$build_dir/extension/unpacked
[[ -f $extension_src/manifest.json ]] ||
  die "$extension_src is missing: build the extension first (cmake --build $build_dir --target coolpapers_extension)"
extension_dir=$prefix/share/coolpapers/extension
extension_before=$changed
while IFS= read -r -d '' file; do
  put_file "$file" "$extension_dir/${file#"$extension_src/"}" 644 0
done < <(find "$extension_src" -type f -print0 | sort -z)
if ((changed > extension_before)); then echo "installed $extension_dir/"; else echo "unchanged $extension_dir/"; fi
crx=$prefix/share/coolpapers/coolpapers.crx
put_file "$built_crx" "$crx" 644

# The host manifests: the templates of the .deb, "path" = this prefix's
# binary; one per format of browsers.tsv (Firefox rejects Chrome's).
gecko_id=$(tr -d ' \t\r\n' <"$source_dir/extension/GECKO_ID")
[[ $gecko_id =~ ^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+$ ]] || die "extension/GECKO_ID does not hold a Firefox add-on id"
manifest_dir=$(mktemp -d)
trap 'rm -rf "$manifest_dir"' EXIT
sed -e "s|@COOLPAPERS_HOST_PATH@|$prefix/bin/coolpapers|" -e "s|@COOLPAPERS_EXTENSION_ID@|$extension_id|" \
  "$here/cool.papers.redirector.json.in" >"$manifest_dir/chromium"
sed -e "s|@COOLPAPERS_HOST_PATH@|$prefix/bin/coolpapers|" -e "s|@COOLPAPERS_GECKO_ID@|$gecko_id|" \
  "$here/cool.papers.redirector.firefox.json.in" >"$manifest_dir/firefox"
# The external-extension file: the browser installs (or upgrades to) the .crx
# at its next start when external_version is the version inside it.
external=$manifest_dir/external
printf '{\n  "external_crx": "%s",\n  "external_version": "%s"\n}\n' "$crx" "$crx_version" >"$external"

# A browser's per-user directories: its profile, and where host manifests go.
profile_dir() {
  if [[ $(browser_field "$1" 5) == firefox ]]; then echo "$HOME/$(browser_field "$1" 4)"; else echo "$config_home/$(browser_field "$1" 4)"; fi
}
user_host_dir() {
  if [[ $(browser_field "$1" 5) == firefox ]]; then echo "$(profile_dir "$1")/native-messaging-hosts"; else echo "$(profile_dir "$1")/NativeMessagingHosts"; fi
}

if ((${#selected[@]} == 0)); then
  while IFS= read -r name; do
    if [[ $mode == system || -d $(profile_dir "$name") ]]; then selected+=("$name"); fi
  done < <(browser_names)
fi

registered=()
declare -A done_dirs=()
for name in "${selected[@]}"; do
  if [[ $mode == system ]]; then
    dir=$(browser_field "$name" 3)
  else
    dir=$(user_host_dir "$name")
  fi
  registered+=("$(browser_field "$name" 2)")
  [[ -n ${done_dirs[$dir]:-} ]] && continue  # Brave shares Chrome's system dir
  done_dirs[$dir]=1
  put_file "$manifest_dir/$(browser_field "$name" 5)" "$dir/$host_name.json" 644
done

offered=()
not_offered=()
firefox_selected=0
for name in "${selected[@]}"; do
  display=$(browser_field "$name" 2)
  system_external=$(external_field "$name" 2)
  if [[ $(browser_field "$name" 5) == firefox ]]; then
    firefox_selected=1  # no .crx for Firefox: it has its own step (below)
  elif [[ -z $system_external ]]; then
    not_offered+=("$display: which directory it installs external extensions from is not known; load the extension unpacked (below)")
  elif [[ $mode == system ]]; then
    put_file "$external" "$system_external/$extension_id.json" 644
    offered+=("$display")
  elif [[ $(external_field "$name" 3) == yes ]]; then
    put_file "$external" "$config_home/$(browser_field "$name" 4)/External Extensions/$extension_id.json" 644
    offered+=("$display")
  else
    not_offered+=("$display: it installs external extensions only from $system_external, for all users; run sudo packaging/install.sh --system, or load the extension unpacked (below)")
  fi
done

mkdir -p -- "$(dirname "$record")"  # exists: the extension is in it
printf '%s\n' "${recorded[@]}" >"$record.tmp.$$"
if cmp -s -- "$record.tmp.$$" "$record"; then rm -f -- "$record.tmp.$$"; else mv -f -- "$record.tmp.$$" "$record"; fi

echo
if ((${#registered[@]} == 0)); then
  echo "No browser profile found under $config_home or $HOME (looked for: $(table_rows | cut -f4 | tr '\n' ' '))."
  echo "The host is not registered anywhere; pass --browser NAME to register it anyway."
else
  echo "Host $host_name registered for: $(printf '%s, ' "${registered[@]}" | sed 's/, $//')."
fi
if ((changed == 0)); then echo "Nothing changed: everything was already in place."; fi
case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) echo "Note: $prefix/bin is not on your PATH." ;;
esac
echo
if ((${#offered[@]})); then
  echo "Extension offered to: $(printf '%s, ' "${offered[@]}" | sed 's/, $//') ($crx, version $crx_version)."
fi
for line in "${not_offered[@]}"; do echo "Extension not offered to $line."; done
if ((${#not_offered[@]})); then
  echo "To load it unpacked: open chrome://extensions (brave://extensions, ...), turn on Developer mode,"
  echo "click \"Load unpacked\" and choose $extension_dir"
fi
if ((firefox_selected)); then
  echo "Firefox: Debian's firefox-esr gets the extension from the .deb; otherwise open"
  echo "about:debugging#/runtime/this-firefox, click \"Load Temporary Add-on...\" and choose"
  echo "    $extension_dir/manifest.json"
fi
echo "Check the setup any time with: $prefix/bin/coolpapers doctor"
uninstall_command="packaging/install.sh --uninstall"
[[ $mode == system ]] && uninstall_command+=" --system"
if [[ $mode == user && $prefix != "$HOME/.local" ]] || [[ $mode == system && $prefix != /usr/local ]]; then
  uninstall_command+=" --prefix $prefix"
fi
echo "Uninstall with: $uninstall_command"
echo
if ((${#offered[@]})); then
  echo "Next: restart the browser; right-click any paper."
elif ((firefox_selected && ${#not_offered[@]} == 0)); then
  echo "Next: load the extension in Firefox (above); right-click any paper."
else
  echo "Next: load the extension unpacked (above); right-click any paper."
fi
