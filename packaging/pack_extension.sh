#!/usr/bin/env bash
# Packs an extension directory into a signed CRX3 (what Chromium-family
# browsers install from an external-extension file) and a plain .zip (what a
# store upload takes), reproducibly: the same sources and key give the same
# bytes (fixed timestamps, modes and file order; RSA PKCS#1 v1.5 signatures
# are deterministic). Needs only zip, openssl and coreutils: no browser.
#
#   packaging/pack_extension.sh EXTENSION_DIR KEY.pem OUT.crx OUT.zip
#
# Every regular file under EXTENSION_DIR goes into the archive, so pass a
# directory that holds exactly what ships (the build generates one:
# build/<preset>/extension/unpacked).
#
# CRX3 layout (Chromium's components/crx_file/crx3.proto):
#   "Cr24", le32 version 3, le32 header length, CrxFileHeader, the zip
#   CrxFileHeader  { repeated AsymmetricKeyProof sha256_with_rsa = 2;
#                    optional bytes signed_header_data = 10000; }
#   AsymmetricKeyProof { optional bytes public_key = 1; optional bytes signature = 2; }
#   SignedData     { optional bytes crx_id = 1; }   (the header's signed_header_data)
# The signature covers "CRX3 SignedData\x00" + le32(len(signed_header_data))
# + signed_header_data + the zip; crx_id is the first 16 bytes of the
# SHA-256 of the DER public key (the extension id before its a-p spelling).
set -euo pipefail

die() {
  echo "pack_extension.sh: $*" >&2
  exit 2
}

(($# == 4)) || die "usage: pack_extension.sh EXTENSION_DIR KEY.pem OUT.crx OUT.zip"
extension_dir=$1 key=$2 out_crx=$3 out_zip=$4
[[ -f $extension_dir/manifest.json ]] || die "$extension_dir/manifest.json does not exist: pass the extension's directory"
[[ -r $key ]] || die "cannot read the signing key $key"
for tool in zip openssl; do
  command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install $tool)"
done

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

# --- the zip: a staged copy with fixed modes and times, names in byte order ---
cp -R -- "$extension_dir" "$work/stage"
find "$work/stage" -type d -exec chmod 755 {} +
find "$work/stage" -type f -exec chmod 644 {} +
# 1980-01-01 is the earliest time a zip entry can hold; TZ=UTC so the local
# time zip records is the same on every machine.
find "$work/stage" -exec env TZ=UTC touch -h -d '1980-01-01 00:00:00' {} +
(
  cd "$work/stage"
  # -X: no uid/gid or extra timestamps; -D: no directory entries; -n:
  # manifest.json stored uncompressed, so `coolpapers doctor` can read the
  # version inside the .crx without an inflater (-9 would turn -n off).
  find . -type f -printf '%P\n' | LC_ALL=C sort | TZ=UTC zip -X -D -n manifest.json -q "$work/archive.zip" -@
)

# --- binary helpers: hex strings in, bytes out ---
# shellcheck disable=SC2001  # sed: every byte pair at once, portable to any bash
bytes() { printf '%b' "$(sed 's/../\\x&/g' <<<"$1")"; }
le32_hex() { printf '%02x%02x%02x%02x' $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255)); }
varint_hex() {
  local n=$1 out=
  while ((n > 127)); do
    out+=$(printf '%02x' $((n & 127 | 128)))
    n=$((n >> 7))
  done
  printf '%s%02x' "$out" "$n"
}
# A length-delimited protobuf field: tag (number << 3 | 2), length, FILE's bytes.
field() {
  bytes "$(varint_hex $(($1 << 3 | 2)))$(varint_hex "$(stat -c %s -- "$2")")"
  cat -- "$2"
}

openssl pkey -in "$key" -pubout -outform DER -out "$work/public_key" 2>/dev/null ||
  die "$key is not a private key openssl can read"
openssl dgst -sha256 -binary "$work/public_key" | head -c 16 >"$work/crx_id"
field 1 "$work/crx_id" >"$work/signed_header_data"
{
  printf 'CRX3 SignedData\0'
  bytes "$(le32_hex "$(stat -c %s -- "$work/signed_header_data")")"
  cat -- "$work/signed_header_data" "$work/archive.zip"
} >"$work/signed"
openssl dgst -sha256 -sign "$key" -out "$work/signature" "$work/signed"
{
  field 1 "$work/public_key"
  field 2 "$work/signature"
} >"$work/proof"
{
  field 2 "$work/proof"
  field 10000 "$work/signed_header_data"
} >"$work/header"
{
  printf 'Cr24'
  bytes "$(le32_hex 3)$(le32_hex "$(stat -c %s -- "$work/header")")"
  cat -- "$work/header" "$work/archive.zip"
} >"$work/crx"

# Replace the outputs only when complete: a failed run leaves none half-written.
chmod 644 "$work/crx" "$work/archive.zip"
mv -f -- "$work/crx" "$out_crx"
mv -f -- "$work/archive.zip" "$out_zip"
