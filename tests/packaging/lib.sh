# shellcheck shell=bash
# Helpers shared by tests/packaging/run_*.sh (sourced, not run).

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
failures=0
# cmake --workflow builds with the generator's default (one job) otherwise.
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}

stage() { printf '\n--- %s\n' "$*"; }
pass() { printf '  ok   %s\n' "$*"; }
fail() {
  printf '  FAIL %s\n' "$*" >&2
  failures=$((failures + 1))
}
# check DESCRIPTION COMMAND...: passes iff COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq() {
  if [[ "$2" == "$3" ]]; then
    pass "$1"
  else
    fail "$1"
    diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | sed 's/^/       /' >&2 || true
  fi
}
finish() {
  if ((failures)); then
    echo "$(basename "$0"): $failures check(s) FAILED" >&2
    exit 1
  fi
  echo "$(basename "$0"): all checks passed"
}

# Rows of packaging/browsers.tsv: name, display, system_dir, user_dir, format.
browser_rows() { grep -v '^#' "$repo/packaging/browsers.tsv" | grep -v '^$'; }
extension_id() { tr -d ' \t\r\n' <"$repo/extension/EXTENSION_ID"; }

# The host manifest as the installers must write it for HOST_PATH.
expected_manifest() {
  sed -e "s|@COOLPAPERS_HOST_PATH@|$1|" -e "s|@COOLPAPERS_EXTENSION_ID@|$(extension_id)|" \
    "$repo/packaging/cool.papers.redirector.json.in"
}
# Firefox's host manifest for host PATH (allowed_extensions, the add-on id).
expected_firefox_manifest() {
  sed -e "s|@COOLPAPERS_HOST_PATH@|$1|" -e "s|@COOLPAPERS_GECKO_ID@|$(tr -d ' \t\r\n' <"$repo/extension/GECKO_ID")|" \
    "$repo/packaging/cool.papers.redirector.firefox.json.in"
}

# Column F of BROWSER's row in packaging/external-extensions.tsv (2: the
# system directory, 3: "yes" when it reads a per-user directory); empty when
# the browser has no row.
external_field() { grep -v '^#' "$repo/packaging/external-extensions.tsv" | awk -F'\t' -v n="$1" -v f="$2" '$1 == n { print $f }'; }
extension_version() { json_eval r.version <"$repo/extension/manifest.json"; }

# The external-extension file as the installers must write it for CRX_PATH.
expected_external() {
  printf '{\n  "external_crx": "%s",\n  "external_version": "%s"\n}\n' "$1" "$(extension_version)"
}

# json_eval EXPRESSION < JSON: prints the JavaScript EXPRESSION over `r`,
# the parsed input (node is a test dependency; no jq needed).
json_eval() {
  node -e "const r = JSON.parse(require('fs').readFileSync(0, 'utf8')); const v = ($1); console.log(typeof v === 'string' ? v : JSON.stringify(v));"
}

# Every entry below DIR with type, mode and, for files, a checksum: two
# equal snapshots mean nothing was added, removed or changed.
snapshot_tree() {
  (cd "$1" && find . -printf '%y %m %p -> %l\n' | sort && find . -type f -print0 | sort -z | xargs -0r sha256sum)
}

# Builds the release binaries and the .deb with the package preset.
build_package() {
  (cd "$repo" && cmake --preset package >/dev/null && cmake --build build/package -j"$(nproc)" >/dev/null)
}
