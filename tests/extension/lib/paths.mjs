// Where things are: the extension under test, its id, the browser, and the
// real `coolpapers` binary registered as the native host.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export const TESTS_DIR = resolve(HERE, '..');
export const FIXTURES_DIR = join(TESTS_DIR, 'fixtures');
export const REPO_DIR = resolve(HERE, '..', '..', '..');
export const RULES_FILE = join(REPO_DIR, 'resolver', 'rules.json');

// The extension under test is the one the build generates
// (build/<preset>/extension/unpacked: extension/ plus what comes from
// resolver/rules.json). COOLPAPERS_EXTENSION_DIR names it, or another copy
// (an installed package's /usr/share/coolpapers/extension); otherwise it is
// found beside COOLPAPERS_BIN's build tree, or in build/dev.
function findExtensionDir() {
  if (process.env.COOLPAPERS_EXTENSION_DIR) return resolve(process.env.COOLPAPERS_EXTENSION_DIR);
  const candidates = [];
  if (process.env.COOLPAPERS_BIN) {
    // BUILD/native_host/coolpapers -> BUILD/extension/unpacked
    candidates.push(resolve(dirname(resolve(process.env.COOLPAPERS_BIN)), '..', 'extension', 'unpacked'));
  }
  candidates.push(join(REPO_DIR, 'build', 'dev', 'extension', 'unpacked'));
  const found = candidates.find((dir) => existsSync(join(dir, 'manifest.json')));
  if (!found) {
    throw new Error(`no generated extension in ${candidates.join(' or ')}: build it (cmake --build build/dev --target coolpapers_extension) or set COOLPAPERS_EXTENSION_DIR`);
  }
  return found;
}
export const EXTENSION_DIR = findExtensionDir();
export const EXTENSION_ID = readFileSync(join(EXTENSION_DIR, 'EXTENSION_ID'), 'utf8').trim();
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/lib/chromium/chromium';
export const HOST_NAME = 'cool.papers.redirector';

// The built `coolpapers` (run.sh passes it as COOLPAPERS_BIN). Required: the
// browser tests are about the real host, so a missing binary is a failure,
// not a skip.
export function coolpapersBinary() {
  const bin = process.env.COOLPAPERS_BIN;
  if (!bin) throw new Error('COOLPAPERS_BIN is not set: pass the built coolpapers binary to tests/extension/run.sh');
  const abs = resolve(bin);
  if (!existsSync(abs)) throw new Error(`COOLPAPERS_BIN=${bin} does not exist`);
  return abs;
}

// A fresh directory under COOLPAPERS_TEST_TMP (run.sh's own temp dir) or the
// system temp dir; removed by the returned cleanup function.
export function makeTempDir(prefix) {
  const root = process.env.COOLPAPERS_TEST_TMP || tmpdir();
  const dir = mkdtempSync(join(root, `${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
