// The install route users get, in real Debian Chromium under Xvfb: no
// --load-extension, no developer mode. The packed extension is offered the
// way install.sh --user offers it, an external-extension file
// <user-data-dir>/External Extensions/<id>.json naming the .crx, and:
//   1. at the first start Chromium installs it enabled, its service worker
//      runs, the host answers, and a real right-click on an arXiv page opens
//      the Cool Papers tab;
//   2. a higher external_version with a new .crx upgrades it (found at the
//      next start, installed once the extension is idle);
//   3. with the file gone (what uninstalling does), the next start removes it.
// The browser is restarted on the same profile between the steps.
//   xvfb-run -a -s '-screen 0 1280x800x24' env COOLPAPERS_BIN=build/dev/native_host/coolpapers \
//     COOLPAPERS_CRX=build/dev/packaging/coolpapers.crx node --test --test-timeout=300000 \
//     tests/packaging/external_install.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium, poll, sleep } from '../extension/lib/chromium.mjs';
import { startFixtureServer } from '../extension/lib/fixture_server.mjs';
import { EXTENSION_DIR, EXTENSION_ID, HOST_NAME, coolpapersBinary } from '../extension/lib/paths.mjs';
import { makeProfile } from '../extension/lib/profile.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ABS = 'https://arxiv.org/abs/2312.00001';
const EXPECTED = 'https://papers.cool/arxiv/2312.00001';
const VERSION = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')).version;
const UPGRADE_VERSION = `${VERSION}.1`; // higher than VERSION for Chromium

let profile;
let server;
let browser;
let externalFile;

const xdotool = (...args) => execFileSync('xdotool', args, { stdio: ['ignore', 'pipe', 'pipe'] });

// Announces CRX (an absolute path) at VERSION, as install.sh --user does.
function offer(crx, version) {
  mkdirSync(dirname(externalFile), { recursive: true });
  writeFileSync(externalFile, `${JSON.stringify({ external_crx: crx, external_version: version }, null, 2)}\n`);
}

async function start() {
  browser = await launchChromium({
    userDataDir: profile.userDataDir, headless: false, loadExtension: false, resolverRules: server.resolverRules,
  });
}

async function restart() {
  await browser.close();
  browser = undefined;
  await start();
}

// What Chromium says about the extension, asked from inside it.
const self = () => browser.evalWorker(
  'chrome.management.getSelf().then((e) => ({ id: e.id, version: e.version, enabled: e.enabled, installType: e.installType }))');

before(async () => {
  assert.ok(process.env.DISPLAY, 'needs an X display: run under xvfb-run');
  const builtCrx = process.env.COOLPAPERS_CRX;
  assert.ok(builtCrx && existsSync(builtCrx), 'set COOLPAPERS_CRX to the built coolpapers.crx');
  profile = makeProfile('cp-external');
  profile.registerHost(coolpapersBinary());
  server = await startFixtureServer(profile.root);
  externalFile = join(profile.userDataDir, 'External Extensions', `${EXTENSION_ID}.json`);
  const crx = join(profile.root, 'coolpapers.crx');
  cpSync(builtCrx, crx);
  offer(crx, VERSION);
});
after(async () => {
  await browser?.close();
  await server?.close();
  profile?.cleanup();
});

test('first start: the offered .crx is installed and enabled, its service worker runs', async () => {
  await start(); // returns once the extension's service worker has loaded its module
  assert.deepEqual(await self(),
    { id: EXTENSION_ID, version: VERSION, enabled: true, installType: 'sideload' });
});

test('the extension reaches the host (ping)', async () => {
  const reply = await browser.evalWorker(`chrome.runtime.sendNativeMessage('${HOST_NAME}', { type: 'ping' })`);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.ok(reply.rules > 0);
});

test('a real right-click on an arXiv page, "Redirect to Cool Papers": the paper opens in a new tab', async () => {
  const [home] = await browser.pages();
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId: home.targetId, flatten: true });
  await browser.send('Page.enable', {}, sessionId);
  await browser.navigate(sessionId, ABS);
  // Wait for the content script so the page no longer changes under the mouse.
  await poll(() => browser.evalIn(sessionId,
    `['1', 'none', 'unavailable'].includes(document.documentElement.getAttribute('data-coolpapers-links'))`), 'the page to settle');
  // A point on the page's background: right of the title's text.
  const { x, y } = await browser.evalIn(sessionId, `(() => {
    const r = document.querySelector('h1.title').getBoundingClientRect();
    const chromeTop = window.outerHeight - window.innerHeight;
    return { x: Math.round(window.screenX + r.right - 40), y: Math.round(window.screenY + chromeTop + r.top + r.height / 2) };
  })()`);
  xdotool('mousemove', String(x), String(y));
  await sleep(200);
  xdotool('click', '3');
  await sleep(700); // the menu opens asynchronously; keys sent earlier are lost
  // Chromium 156's page menu ends with: Redirect to Cool Papers | View page source, Inspect.
  xdotool('key', 'Up', 'Up', 'Up', 'Return');
  await browser.waitForPage((p) => p.url === EXPECTED && p.targetId !== home.targetId, `a new tab at ${EXPECTED}`);
});

test('upgrade: a higher external_version with a new .crx replaces it once the extension is idle', async () => {
  // The same extension at a higher version, signed with the same key.
  const stage = join(profile.root, 'upgrade-stage');
  cpSync(EXTENSION_DIR, stage, { recursive: true });
  const manifestPath = join(stage, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.version = UPGRADE_VERSION;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const crx = join(profile.root, 'coolpapers-upgrade.crx');
  execFileSync(join(REPO, 'packaging', 'pack_extension.sh'),
    [stage, join(REPO, 'packaging', 'extension-key.pem'), crx, join(profile.root, 'upgrade.zip')]);
  offer(crx, UPGRADE_VERSION);
  // Chromium finds the new version at the start but installs it only once
  // the extension is idle (its worker stops after 30 s without events; the
  // worker starts at every browser start), or at the start after. So: no
  // DevTools session on the worker (it would keep it alive), and the version
  // asked from chrome://extensions.
  await browser.close();
  browser = await launchChromium({
    userDataDir: profile.userDataDir, headless: false, loadExtension: false, waitForWorker: false,
    resolverRules: server.resolverRules,
  });
  const versions = await extensionVersionsViaExtensionsPage();
  await poll(async () => (await versions())[EXTENSION_ID] === UPGRADE_VERSION,
    `version ${UPGRADE_VERSION} to be installed`, 120000);
  // The upgraded extension runs: its worker starts with the browser.
  await restart();
  assert.deepEqual(await self(),
    { id: EXTENSION_ID, version: UPGRADE_VERSION, enabled: true, installType: 'sideload' });
});

// The profile's record of the extension (Chromium 156 keeps it in
// Preferences; older versions in Secure Preferences), after the browser
// wrote its files at exit.
function profileEntry() {
  for (const file of ['Preferences', 'Secure Preferences']) {
    const path = join(profile.userDataDir, 'Default', file);
    if (!existsSync(path)) continue;
    const entry = JSON.parse(readFileSync(path, 'utf8')).extensions?.settings?.[EXTENSION_ID];
    if (entry) return entry;
  }
  return undefined;
}

// {id: version} of the extensions Chromium has, asked from a
// chrome://extensions tab (whose chrome.management sees all of them): a
// function to call again.
async function extensionVersionsViaExtensionsPage() {
  const { targetId } = await browser.send('Target.createTarget', { url: 'chrome://extensions' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  return () => browser.evalIn(sessionId,
    'chrome.management.getAll().then((all) => Object.fromEntries(all.map((e) => [e.id, e.version])))');
}

test('removal: without the external-extension file, the next start uninstalls it', async () => {
  await browser.close();
  browser = undefined;
  assert.equal(profileEntry()?.manifest?.version, UPGRADE_VERSION, 'the profile records the installed extension');
  const installed = join(profile.userDataDir, 'Default', 'Extensions', EXTENSION_ID);
  assert.ok(existsSync(installed), `${installed} holds the installed extension`);

  rmSync(externalFile);
  // The extension is gone, so there is no service worker of ours to wait for.
  browser = await launchChromium({
    userDataDir: profile.userDataDir, headless: false, loadExtension: false, waitForWorker: false,
    resolverRules: server.resolverRules,
  });
  // Chromium drops an external extension whose file is gone once its
  // providers have reported, shortly after start.
  const versions = await extensionVersionsViaExtensionsPage();
  await poll(async () => {
    const installed = await versions();
    return installed && !(EXTENSION_ID in installed);
  }, 'the extension to be uninstalled');
  await browser.close();
  browser = undefined;
  // (An empty entry may stay behind; an installed extension has a manifest and a path.)
  const entry = profileEntry();
  assert.equal(entry?.manifest ?? entry?.path, undefined, `the profile still lists the extension: ${JSON.stringify(entry)?.slice(0, 200)}`);
  await poll(() => !existsSync(installed), `${installed} to be deleted`);
});
