// When the native host is missing, forbidden, broken or silent: the user is
// told (a notification; the popup), nothing is opened, and page links do not
// appear. The host registration is swapped between tests; Chrome reads it
// again on every sendNativeMessage.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';

import { poll } from '../lib/chromium.mjs';
import { EXTENSION_ID } from '../lib/paths.mjs';
import { BROKEN_HOSTS } from '../lib/profile.mjs';
import { redirect, setSettings, startSession } from '../lib/session.mjs';

const PAGE = { pageUrl: 'https://arxiv.org/abs/2312.00001' };
let s;
let browser;

before(async () => {
  s = await startSession({ prefix: 'cp-ext-errors', registerRealHost: false });
  browser = s.browser;
});
after(async () => { await s?.stop(); });
beforeEach(async () => {
  s.profile.unregisterHost();
  await browser.closeTabsExcept(s.homeTarget);
  await browser.clearNotifications();
  await browser.evalWorker('chrome.storage.sync.clear().then(() => chrome.storage.local.clear())');
});

// Redirects PAGE from a fresh tab; checks the failure, its notification, and
// that no tab opened. Returns the result.
async function expectFailure(kind, notificationId, message) {
  const source = await browser.openTab('about:blank');
  const result = await redirect(browser, PAGE, await browser.tab(source.tabId));
  assert.equal(result.ok, false, JSON.stringify(result));
  assert.equal(result.kind, kind, result.error);
  assert.match(result.error, message);
  assert.deepEqual(await browser.notificationIds(), [notificationId]);
  assert.equal((await browser.pages()).length, 2, 'no tab was opened');
  return result;
}

test('host not installed: a notification says so and how to install it', async () => {
  const result = await expectFailure('host_missing', 'coolpapers-host-missing', /Specified native messaging host not found\./);
  assert.match(result.error, /README, section "Install"/);
});

test('host registered for another extension: treated as not installed', async () => {
  s.profile.registerHost(s.hostBinary, ['chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/']);
  await expectFailure('host_missing', 'coolpapers-host-missing', /Access to the specified native messaging host is forbidden\./);
});

test('host exits without answering: "host is broken" with Chrome\'s message', async () => {
  s.profile.registerHost(s.profile.writeScript('host-exits.sh', BROKEN_HOSTS.exits));
  await expectFailure('host_broken', 'coolpapers-host-broken', /^The native host is broken: Native host has exited\.$/);
});

test('host writes garbage instead of a frame: "host is broken"', async () => {
  s.profile.registerHost(s.profile.writeScript('host-garbage.sh', BROKEN_HOSTS.garbage));
  await expectFailure('host_broken', 'coolpapers-host-broken', /Error when communicating with the native messaging host\./);
});

test('host never answers: the extension gives up after its own timeout', async () => {
  s.profile.registerHost(s.profile.writeScript('host-silent.sh', BROKEN_HOSTS.silent));
  await expectFailure('host_timeout', 'coolpapers-host-timeout', /did not answer within 5 s/);
});

test('host not installed but a redirect service configured: the service gets the input', async () => {
  await setSettings(browser, { serviceUrl: 'https://redirector.test/' });
  const source = await browser.openTab('about:blank');
  const tab = await browser.tab(source.tabId);
  const result = await redirect(browser, { selectionText: 'arXiv:2312.00001', pageUrl: 'https://example.org/' }, tab);
  const expected = 'https://redirector.test/?q=arXiv%3A2312.00001';
  assert.deepEqual({ ok: result.ok, url: result.url, via: result.via }, { ok: true, url: expected, via: 'service' });
  await browser.waitForPage((p) => p.url === expected, 'the redirect service tab');
  assert.equal((await browser.tab(result.tabId)).index, tab.index + 1);
  assert.deepEqual(await browser.notificationIds(), []);
});

test('the popup shows the install hint when the host is missing', async () => {
  const popup = await browser.openTab(`chrome-extension://${EXTENSION_ID}/popup/popup.html`);
  const state = await poll(async () => {
    const v = await browser.evalIn(popup.sessionId, `document.getElementById('host-status').dataset.state`);
    return v !== 'checking' && v;
  }, 'the popup to show the host status');
  assert.equal(state, 'missing');
  assert.equal(await browser.evalIn(popup.sessionId, `document.getElementById('host-status').textContent`), 'Not installed.');
  const hint = await browser.evalIn(popup.sessionId, `(() => { const h = document.getElementById('install-hint');
    return h.hidden ? null : h.textContent; })()`);
  assert.match(hint, /README, section "Install"/);
});

test('no host: the content script adds nothing to an arXiv page', async () => {
  const page = await browser.openTab('https://arxiv.org/abs/2312.00001');
  const marker = await poll(() => browser.evalIn(page.sessionId,
    `document.documentElement.getAttribute('data-coolpapers-links')`).then((v) => v !== 'pending' && v), 'the content script to finish');
  assert.equal(marker, 'unavailable');
  assert.equal(await browser.evalIn(page.sessionId, `document.querySelectorAll('.coolpapers-link').length`), 0);
  assert.deepEqual(await browser.notificationIds(), [], 'page links never notify');
});
