// The extension's own pages in the browser: the popup with the real host,
// and the options page's validation.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, beforeEach, test } from 'node:test';

import { poll } from '../lib/chromium.mjs';
import { EXTENSION_ID } from '../lib/paths.mjs';
import { redirect, startSession } from '../lib/session.mjs';

let s;
let browser;

before(async () => {
  s = await startSession({ prefix: 'cp-ext-pages' });
  browser = s.browser;
});
after(async () => { await s?.stop(); });
beforeEach(async () => {
  await browser.closeTabsExcept(s.homeTarget);
  await browser.evalWorker('chrome.storage.sync.clear().then(() => chrome.storage.local.clear())');
});

const text = (page, id) => browser.evalIn(page.sessionId, `document.getElementById(${JSON.stringify(id)}).textContent`);

async function openPopup() {
  const popup = await browser.openTab(`chrome-extension://${EXTENSION_ID}/popup/popup.html`);
  await poll(() => browser.evalIn(popup.sessionId, `document.getElementById('host-status').dataset.state !== 'checking'`),
    'the popup to show the host status');
  return popup;
}

test('the popup shows the host version and rule count from ping, and the recent redirects', async () => {
  // What the binary itself says, to compare with what the popup shows.
  const version = execFileSync(s.hostBinary, ['--version'], { encoding: 'utf8' }).trim().split(/\s+/).pop();

  let popup = await openPopup();
  assert.match(await text(popup, 'host-status'), new RegExp(`^Installed: coolpapers ${version.replace(/\./g, '\\.')}, [1-9][0-9]* rules?\\.$`));
  assert.equal(await browser.evalIn(popup.sessionId, `document.getElementById('host-status').dataset.state`), 'ok');
  assert.equal(await browser.evalIn(popup.sessionId, `document.getElementById('install-hint').hidden`), true);
  assert.equal(await browser.evalIn(popup.sessionId, `document.getElementById('recent-none').hidden`), false);
  assert.equal(await text(popup, 'recent'), '');

  const result = await redirect(browser, { pageUrl: 'https://arxiv.org/abs/2312.00001' }, null);
  assert.equal(result.ok, true);
  popup = await openPopup();
  assert.equal(await text(popup, 'recent'), 'https://arxiv.org/abs/2312.00001 → https://papers.cool/arxiv/2312.00001');
  assert.equal(await browser.evalIn(popup.sessionId, `document.getElementById('recent-none').hidden`), true);
});

async function submitOptions(page, values) {
  await browser.evalIn(page.sessionId, `(() => {
    const form = document.getElementById('options');
    form.baseUrl.value = ${JSON.stringify(values.baseUrl)};
    form.serviceUrl.value = ${JSON.stringify(values.serviceUrl)};
    form.querySelector('input[name="openIn"][value=${JSON.stringify(values.openIn)}]').click();
    document.getElementById('saved').textContent = '';
    form.querySelector('button[type="submit"]').click();
  })()`);
}

const storedSettings = () => browser.evalWorker('chrome.storage.sync.get("settings").then((r) => r.settings ?? null)');

test('options: invalid URLs are refused with a message and nothing is stored', async () => {
  const page = await browser.openTab(`chrome-extension://${EXTENSION_ID}/options/options.html`);
  await poll(() => browser.evalIn(page.sessionId, `document.getElementById('baseUrl').value === 'https://papers.cool'`), 'the defaults to load');
  assert.equal(await browser.evalIn(page.sessionId, `document.querySelector('input[name="openIn"]:checked').value`), 'newTab');

  await submitOptions(page, { baseUrl: 'javascript:alert(1)', serviceUrl: 'http://127.0.0.1:8377/?q=', openIn: 'currentTab' });
  await poll(() => browser.evalIn(page.sessionId, `!document.getElementById('baseUrl-error').hidden`), 'the error messages');
  assert.match(await text(page, 'baseUrl-error'), /must start with https:\/\/ or http:\/\//);
  assert.match(await text(page, 'serviceUrl-error'), /must not contain a query/);
  assert.equal(await text(page, 'saved'), '');
  assert.equal(await storedSettings(), null);
});

test('options: valid values are normalised, stored in storage.sync and used', async () => {
  const page = await browser.openTab(`chrome-extension://${EXTENSION_ID}/options/options.html`);
  await poll(() => browser.evalIn(page.sessionId, `document.getElementById('baseUrl').value !== ''`), 'the options to load');
  await submitOptions(page, { baseUrl: 'https://mirror.test/cp/', serviceUrl: ' https://redirector.test ', openIn: 'currentTab' });
  await poll(async () => (await text(page, 'saved')) === 'Saved.', 'the save to finish');
  assert.deepEqual(await storedSettings(),
    { baseUrl: 'https://mirror.test/cp', openIn: 'currentTab', serviceUrl: 'https://redirector.test' });
  assert.equal(await browser.evalIn(page.sessionId, `document.getElementById('baseUrl').value`), 'https://mirror.test/cp');
  assert.equal(await browser.evalIn(page.sessionId, `document.getElementById('baseUrl-error').hidden`), true);

  // The worker picks the new base up at once: the options tab itself is
  // replaced ("current tab") by the mirror's page.
  const result = await redirect(browser, { pageUrl: 'https://arxiv.org/abs/2312.00001' }, await browser.tab(page.tabId));
  assert.equal(result.url, 'https://mirror.test/cp/arxiv/2312.00001');
  await browser.waitForPage((p) => p.targetId === page.targetId && p.url === result.url, 'the tab to navigate to the mirror');
});

test('a stopped worker loses nothing: settings, last redirect and menus live in Chrome, not in globals', async () => {
  await browser.evalWorker(`chrome.storage.sync.set({ settings: { baseUrl: 'https://mirror.test' } })`);
  assert.equal((await redirect(browser, { pageUrl: 'https://arxiv.org/abs/2312.00001' }, null)).ok, true);
  await browser.stopServiceWorker();

  // Opening the popup messages the worker, which wakes it up. (Not through
  // openTab(): that asks the worker, which is not attached now.)
  const { targetId } = await browser.send('Target.createTarget', { url: `chrome-extension://${EXTENSION_ID}/popup/popup.html` });
  const popup = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  await poll(() => browser.evalIn(popup.sessionId, `document.getElementById('host-status').dataset.state === 'ok'`),
    'the popup to get an answer from the restarted worker');
  assert.match(await text(popup, 'recent'), / → https:\/\/mirror\.test\/arxiv\/2312\.00001$/);
  await browser.attachServiceWorker();
  await browser.evalWorker(`chrome.contextMenus.update('coolpapers-redirect-page', {})`);
  const again = await redirect(browser, { pageUrl: 'https://arxiv.org/abs/2401.12345' }, null);
  assert.equal(again.url, 'https://mirror.test/arxiv/2401.12345');
});
