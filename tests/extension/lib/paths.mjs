// Where things are: the extension under test, its id, the browser, and the
// real `coolpapers` binary registered as the native host.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export const TESTS_DIR = resolve(HERE, '..');
export const FIXTURES_DIR = join(TESTS_DIR, 'fixtures');
// COOLPAPERS_EXTENSION_DIR: test another copy of the extension (an installed
// package's /usr/share/coolpapers/extension) instead of this checkout's.
export const EXTENSION_DIR = process.env.COOLPAPERS_EXTENSION_DIR || resolve(HERE, '..', '..', '..', 'extension');
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
