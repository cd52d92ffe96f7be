// packaging/pack_extension.sh on the extension the build generates
// (COOLPAPERS_EXTENSION_DIR, else as tests/extension/lib/paths.mjs finds
// it): the packed extension is reproducible (same
// sources, same bytes, whatever the files' times and modes) and is a CRX3
// that Chromium accepts under the id of extension/EXTENSION_ID: the header's
// key is the manifest's key, its crx_id that key's id, and its signature
// verifies over the signed data and the zip. Installing it in real Chromium
// is installed_crx.test.mjs.
//   node --test tests/packaging/crx.test.mjs
//   COOLPAPERS_CRX=build/dev/packaging/coolpapers.crx node --test ...  (also
//   checks the build's copy is the same bytes)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, verify } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

import { EXTENSION_DIR } from '../extension/lib/paths.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXT = join(REPO, 'extension');
const PACKER = join(REPO, 'packaging', 'pack_extension.sh');
const KEY = join(REPO, 'packaging', 'extension-key.pem');
const EXTENSION_ID = readFileSync(join(EXT, 'EXTENSION_ID'), 'utf8').trim();
// The source manifest's key: the generated one is a copy.
const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));

const work = mkdtempSync(join(process.env.COOLPAPERS_TEST_TMP || tmpdir(), 'coolpapers-crx-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

// A copy of the generated extension at DIR.
function stage(dir) {
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

function everyFile(dir, visit) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) everyFile(path, visit);
    else visit(path);
  }
}

function pack(dir, name) {
  const crx = join(work, `${name}.crx`);
  const zip = join(work, `${name}.zip`);
  execFileSync(PACKER, [dir, KEY, crx, zip], { stdio: ['ignore', 'inherit', 'inherit'] });
  return { crx: readFileSync(crx), zip: readFileSync(zip) };
}

// Length-delimited fields of a protobuf message: [{field, value}].
function protobufFields(buf) {
  const fields = [];
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = buf[at++];
      assert.ok(byte !== undefined, 'protobuf ends inside a varint');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < buf.length) {
    const tag = varint();
    assert.equal(tag & 7, 2, `field ${Math.floor(tag / 8)} is not length-delimited`);
    const length = varint();
    assert.ok(at + length <= buf.length, 'protobuf field runs past its message');
    fields.push({ field: Math.floor(tag / 8), value: buf.subarray(at, at + length) });
    at += length;
  }
  return fields;
}

const one = (fields, number) => {
  const found = fields.filter((f) => f.field === number);
  assert.equal(found.length, 1, `expected one field ${number}, found ${found.length}`);
  return found[0].value;
};

const first = pack(stage(join(work, 'a')), 'a');

test('the same sources give the same bytes, whatever their times and modes', () => {
  const other = stage(join(work, 'b'));
  everyFile(other, (path) => {
    chmodSync(path, 0o600);
    utimesSync(path, new Date('2031-05-06T07:08:09Z'), new Date('2031-05-06T07:08:09Z'));
  });
  const second = pack(other, 'b');
  assert.ok(first.zip.equals(second.zip), 'the two .zip files differ');
  assert.ok(first.crx.equals(second.crx), 'the two .crx files differ');
});

test('the build made the same bytes', { skip: !process.env.COOLPAPERS_CRX && 'COOLPAPERS_CRX not set' }, () => {
  assert.ok(readFileSync(process.env.COOLPAPERS_CRX).equals(first.crx), `${process.env.COOLPAPERS_CRX} differs from a fresh pack`);
});

test('the .crx is a CRX3 signed by the key of EXTENSION_ID, around the .zip', () => {
  const { crx, zip } = first;
  assert.equal(crx.subarray(0, 4).toString('latin1'), 'Cr24');
  assert.equal(crx.readUInt32LE(4), 3);
  const headerLength = crx.readUInt32LE(8);
  const header = protobufFields(crx.subarray(12, 12 + headerLength));
  const archive = crx.subarray(12 + headerLength);
  assert.ok(archive.equals(zip), 'the archive inside the .crx is not the .zip');

  const proof = protobufFields(one(header, 2));
  const publicKey = one(proof, 1);
  const signature = one(proof, 2);
  assert.equal(publicKey.toString('base64'), manifest.key, 'the .crx is signed by another key than the manifest "key"');

  const signedHeaderData = one(header, 10000);
  const crxId = one(protobufFields(signedHeaderData), 1);
  const idHex = createHash('sha256').update(publicKey).digest().subarray(0, 16);
  assert.ok(crxId.equals(idHex), 'crx_id is not the first 16 bytes of SHA-256 of the key');
  const id = [...crxId.toString('hex')].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  assert.equal(id, EXTENSION_ID);

  const size = Buffer.alloc(4);
  size.writeUInt32LE(signedHeaderData.length);
  const signed = Buffer.concat([Buffer.from('CRX3 SignedData\0', 'latin1'), size, signedHeaderData, archive]);
  const key = { key: publicKey, format: 'der', type: 'spki' };
  assert.ok(verify('sha256', signed, key, signature), 'the RSA-SHA256 signature does not verify');
});

test('the .zip holds exactly the generated extension\'s files, in byte order', () => {
  const listing = execFileSync('unzip', ['-Z1', join(work, 'a.zip')], { encoding: 'utf8' }).trim().split('\n');
  const files = [];
  everyFile(EXTENSION_DIR, (path) => files.push(relative(EXTENSION_DIR, path)));
  assert.deepEqual(listing, files.sort());
  assert.ok(listing.includes('manifest.json'));
  assert.ok(!listing.includes('README.md'), 'extension/README.md is not shipped');
});

test('manifest.json is stored uncompressed (coolpapers doctor reads the version from it)', () => {
  const verbose = execFileSync('unzip', ['-v', join(work, 'a.zip')], { encoding: 'utf8' });
  assert.match(verbose, /^\s*\d+\s+Stored\s+.*\smanifest\.json$/m);
});

test('a bad argument is an error that says what to pass', () => {
  let failure;
  try {
    execFileSync(PACKER, [join(work, 'missing'), KEY, join(work, 'x.crx'), join(work, 'x.zip')], { stdio: 'pipe' });
  } catch (error) {
    failure = error;
  }
  assert.ok(failure, 'packing a missing directory succeeded');
  assert.equal(failure.status, 2);
  assert.match(failure.stderr.toString(), /manifest\.json does not exist: pass the extension's directory/);
});
