// The toolbar popup in the browser, driven with real key events: the input
// box is focused on open, Enter resolves what was typed (like the omnibox),
// a text with no paper shows the host's reason in the error style, and the
// recent redirects list what was given and where it led. Screenshots of the
// popup and the options page at phone and desktop widths are written to
// build/<preset>/screenshots/ (COOLPAPERS_SCREENSHOT_DIR overrides it), to be
// looked at and kept as CI artifacts.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';

import { poll } from '../lib/chromium.mjs';
import { EXTENSION_DIR, EXTENSION_ID } from '../lib/paths.mjs';
import { startSession } from '../lib/session.mjs';

const SCREENSHOT_DIR = process.env.COOLPAPERS_SCREENSHOT_DIR ||
  resolve(EXTENSION_DIR, '..', '..', 'screenshots');
const WIDTHS = { phone: { width: 360, height: 640, mobile: true }, desktop: { width: 1280, height: 800, mobile: false } };

let s;
let browser;

before(async () => {
  s = await startSession({ prefix: 'cp-ext-popup' });
  browser = s.browser;
});
after(async () => { await s?.stop(); });
beforeEach(async () => {
  await browser.closeTabsExcept(s.homeTarget);
  await browser.evalWorker('chrome.storage.sync.clear().then(() => chrome.storage.local.clear())');
});

const evalIn = (page, expression) => browser.evalIn(page.sessionId, expression);
const text = (page, id) => evalIn(page, `document.getElementById(${JSON.stringify(id)}).textContent`);

async function openPopup() {
  const popup = await browser.openTab(`chrome-extension://${EXTENSION_ID}/popup/popup.html`);
  await browser.send('Page.bringToFront', {}, popup.sessionId);  // key events go to the page in front
  await poll(() => evalIn(popup, `document.getElementById('host-status').dataset.state !== 'checking'`),
    'the popup to show the host status');
  return popup;
}

// Types `value` into the focused element and presses Enter, as a keyboard does.
async function typeAndEnter(page, value) {
  if (value) await browser.send('Input.insertText', { text: value }, page.sessionId);
  for (const type of ['keyDown', 'keyUp']) {
    await browser.send('Input.dispatchKeyEvent', {
      type, key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, ...(type === 'keyDown' ? { text: '\r' } : {}),
    }, page.sessionId);
  }
}

async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const written = [];
  for (const [label, size] of Object.entries(WIDTHS)) {
    await browser.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1 }, page.sessionId);
    // Laid out for this width: nothing to scroll sideways, text not shrunk.
    assert.ok(await evalIn(page, `document.documentElement.scrollWidth <= ${size.width}`),
      `${name} is wider than ${size.width}px`);
    const { data } = await browser.send('Page.captureScreenshot', { format: 'png' }, page.sessionId);
    const file = join(SCREENSHOT_DIR, `${name}-${label}.png`);
    writeFileSync(file, Buffer.from(data, 'base64'));
    written.push(file);
  }
  await browser.send('Emulation.clearDeviceMetricsOverride', {}, page.sessionId);
  for (const file of written) {
    assert.deepEqual([...readFileSync(file).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], file);
  }
}

test('the input box has the focus on open and Enter opens what was typed', async () => {
  const popup = await openPopup();
  assert.equal(await evalIn(popup, 'document.activeElement.id'), 'resolve-input');
  await typeAndEnter(popup, 'see arXiv:2312.00001');
  await browser.waitForPage((p) => p.url === 'https://papers.cool/arxiv/2312.00001', 'the paper page to open');
});

test('a text with no paper shows the host\'s reason in the error style, and the focus stays in the box', async () => {
  const popup = await openPopup();
  await typeAndEnter(popup, '!!! ... ---');
  await poll(() => evalIn(popup, `!document.getElementById('resolve-error').hidden`), 'the error to show');
  assert.equal(await text(popup, 'resolve-error'), 'No paper id found in the text');
  assert.equal(await evalIn(popup, `getComputedStyle(document.getElementById('resolve-error')).color`), 'rgb(130, 7, 30)');
  assert.equal(await evalIn(popup, 'document.activeElement.id'), 'resolve-input');
  assert.equal(await evalIn(popup, `document.getElementById('resolve-submit').disabled`), false);
});

test('an empty box is not sent and says what to paste', async () => {
  const popup = await openPopup();
  await typeAndEnter(popup, '');
  await poll(() => evalIn(popup, `!document.getElementById('resolve-error').hidden`), 'the error to show');
  assert.match(await text(popup, 'resolve-error'), /^Paste a paper URL/);
});

test('the recent redirects list what was given and where it led, newest first; screenshots', async () => {
  for (const typed of ['https://arxiv.org/abs/2312.00001', 'Schrödinger bridge']) {
    const popup = await openPopup();
    await typeAndEnter(popup, typed);
    await poll(async () => (await browser.evalWorker(
      'chrome.storage.local.get("recentRedirects").then((r) => (r.recentRedirects ?? []).length)')) >= 1 &&
      (await browser.evalWorker(`chrome.storage.local.get("recentRedirects").then((r) => r.recentRedirects[0].input)`)) === typed,
    `the redirect of ${typed} to be recorded`);
  }
  const popup = await openPopup();
  await poll(() => evalIn(popup, `document.querySelectorAll('#recent li').length === 2`), 'the recent list');
  assert.deepEqual(await evalIn(popup, `[...document.querySelectorAll('#recent li')].map((li) => li.textContent)`), [
    'Schrödinger bridge → https://papers.cool/arxiv/search?highlight=1&query=Schr%C3%B6dinger%20bridge',
    'https://arxiv.org/abs/2312.00001 → https://papers.cool/arxiv/2312.00001',
  ]);
  await typeAndEnter(popup, '!!! ... ---');
  await poll(() => evalIn(popup, `!document.getElementById('resolve-error').hidden`), 'the error to show');
  await screenshot(popup, 'popup');

  const options = await browser.openTab(`chrome-extension://${EXTENSION_ID}/options/options.html`);
  await poll(() => evalIn(options, `document.getElementById('baseUrl').value !== ''`), 'the options to load');
  await screenshot(options, 'options');
});
