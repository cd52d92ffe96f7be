// The package as shipped, in a real browser: Chromium loads the installed
// extension (/usr/share/coolpapers/extension) into a fresh profile that
// registers no host, so the only registration it can find is the package's
// /etc/chromium/native-messaging-hosts/cool.papers.redirector.json, whose
// "path" is /usr/bin/coolpapers. Run by run_package_tests.sh while the
// package is installed, with COOLPAPERS_EXTENSION_DIR set to the installed
// extension; reuses the extension tests' browser harness.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launchChromium } from '../extension/lib/chromium.mjs';
import { EXTENSION_DIR, EXTENSION_ORIGIN, HOST_NAME, makeTempDir } from '../extension/lib/paths.mjs';
import { redirect } from '../extension/lib/session.mjs';

const SYSTEM_MANIFEST = `/etc/chromium/native-messaging-hosts/${HOST_NAME}.json`;
let temp;
let browser;

before(async () => {
  assert.equal(EXTENSION_DIR, '/usr/share/coolpapers/extension', 'set COOLPAPERS_EXTENSION_DIR to the installed extension');
  const manifest = JSON.parse(readFileSync(SYSTEM_MANIFEST, 'utf8'));
  assert.equal(manifest.path, '/usr/bin/coolpapers');
  assert.deepEqual(manifest.allowed_origins, [EXTENSION_ORIGIN]);
  temp = makeTempDir('cp-installed');
  const userDataDir = join(temp.dir, 'profile');
  browser = await launchChromium({ userDataDir });
  // Chromium creates the profile's NativeMessagingHosts directory itself;
  // it must stay without a manifest of ours.
  assert.equal(existsSync(join(userDataDir, 'NativeMessagingHosts', `${HOST_NAME}.json`)), false,
    'the profile registers no host of its own');
});
after(async () => {
  await browser?.close();
  temp?.cleanup();
});

test('the installed extension reaches the installed host through the system registration (ping)', async () => {
  const reply = await browser.evalWorker(`chrome.runtime.sendNativeMessage('${HOST_NAME}', { type: 'ping' })`);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.match(reply.version, /^\d+\.\d+\.\d+$/);
  assert.ok(reply.rules > 0);
});

test('a right-click redirect of an arXiv page opens its Cool Papers page', async () => {
  const source = await browser.openTab('about:blank');
  const tab = await browser.tab(source.tabId);
  const result = await redirect(browser, { pageUrl: 'https://arxiv.org/abs/2312.00001v2' }, tab);
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.equal(result.url, 'https://papers.cool/arxiv/2312.00001');
  await browser.waitForPage((t) => t.url === 'https://papers.cool/arxiv/2312.00001', 'the Cool Papers tab');
});
