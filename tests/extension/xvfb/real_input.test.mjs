// Real user input under Xvfb (run through xvfb-run by run.sh): a right-click
// on an arXiv page and inside Chrome's PDF viewer (arXiv and OpenReview),
// the "Redirect to Cool Papers" menu item chosen with the keyboard, the
// keyboard shortcut, the omnibox keyword and the toolbar popup. Headless Chromium cannot open context
// menus at all (browser-e2e.md G7), so this is the only test of the menu as
// a user meets it.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';

import { poll, sleep } from '../lib/chromium.mjs';
import { startXvfbSession, xdotool } from '../lib/xvfb.mjs';

const ABS = 'https://arxiv.org/abs/2312.00001';
const EXPECTED = 'https://papers.cool/arxiv/2312.00001';
let s;
let browser;
let home; // the window's first tab, shown on screen

before(async () => {
  ({ s, home } = await startXvfbSession({ prefix: 'cp-ext-xvfb' }));
  browser = s.browser;
});
after(async () => { await s?.stop(); });
beforeEach(async () => {
  await browser.closeTabsExcept(s.homeTarget);
  await showAbstractPage();
});

async function showAbstractPage() {
  await browser.navigate(home.sessionId, ABS);
  // Wait for the content script so the page no longer changes under the mouse.
  await poll(() => browser.evalIn(home.sessionId,
    `['1', 'none', 'unavailable'].includes(document.documentElement.getAttribute('data-coolpapers-links'))`), 'the page to settle');
}

// Screen coordinates of a point inside the page's title element, right of
// its text (the element spans the width; the text does not), so the click
// lands on the page itself: not on a link, not on a selection.
async function pointOnPageBackground() {
  return browser.evalIn(home.sessionId, `(() => {
    const r = document.querySelector('h1.title').getBoundingClientRect();
    const chromeTop = window.outerHeight - window.innerHeight; // tab strip, toolbar, info bars
    return { x: Math.round(window.screenX + r.right - 40), y: Math.round(window.screenY + chromeTop + r.top + r.height / 2) };
  })()`);
}

// Right-clicks at (x, y) and picks the menu entry `upsFromBottom` above the
// end of the menu (Up from no selection starts at the last entry).
async function contextMenuPick({ x, y }, upsFromBottom) {
  xdotool('mousemove', String(x), String(y));
  await sleep(200);
  xdotool('click', '3');
  await sleep(700); // the menu opens asynchronously; keys sent earlier are lost
  xdotool('key', ...Array(upsFromBottom).fill('Up'), 'Return');
}

async function newTabAt(url) {
  return browser.waitForPage((p) => p.url === url && p.targetId !== home.targetId, `a new tab at ${url}`);
}

test('right-click on an arXiv page, choose "Redirect to Cool Papers": the paper opens in a new tab', async () => {
  // Chromium 156's page menu ends with: ... | Redirect to Cool Papers |
  // View page source, Inspect.
  await contextMenuPick(await pointOnPageBackground(), 3);
  await newTabAt(EXPECTED);
  const homeTab = await browser.evalWorker(`chrome.tabs.query({}).then((ts) => ts.find((t) => t.index === 0))`);
  const opened = await browser.evalWorker(`chrome.tabs.query({}).then((ts) => ts.find((t) => t.index === 1))`);
  assert.equal(opened.openerTabId, homeTab.id, 'opened by the page that was right-clicked');
  assert.deepEqual(await browser.notificationIds(), []);
});

test('the shortcut is actually assigned (Chromium drops suggested keys it does not accept)', async () => {
  const commands = await browser.evalWorker('chrome.commands.getAll()');
  assert.equal(commands.find((c) => c.name === 'redirect-current-page')?.shortcut, 'Ctrl+Shift+Y');
});

test('the keyboard shortcut Ctrl+Shift+Y redirects the current page', async () => {
  const { x, y } = await pointOnPageBackground();
  xdotool('mousemove', String(x), String(y));
  xdotool('click', '1'); // focus the page
  await sleep(200);
  xdotool('key', 'ctrl+shift+y');
  await newTabAt(EXPECTED);
});

test('omnibox: typing "cp some words" and Enter searches Cool Papers in the current tab', async () => {
  const { x, y } = await pointOnPageBackground();
  xdotool('mousemove', String(x), String(y), 'click', '1');
  xdotool('key', 'ctrl+l');
  await sleep(300);
  // "cp" then a space switches the omnibox to the extension's keyword mode.
  xdotool('type', '--delay', '50', 'cp ');
  await sleep(300);
  xdotool('type', '--delay', '20', 'diffusion bridges');
  await sleep(300);
  xdotool('key', 'Return');
  const expected = 'https://papers.cool/arxiv/search?highlight=1&query=diffusion%20bridges';
  await browser.waitForPage((p) => p.targetId === home.targetId && p.url === expected, 'the current tab to show the search');
});

// Opens the toolbar popup with the mouse and returns its CDP session id.
async function openPopupFromToolbar() {
  // Unpinned, the extension's button lives in the Extensions (puzzle) menu
  // at the toolbar's right end. Opening the popup by a click is what grants
  // activeTab, which lets the popup read the page's URL (chrome.action.
  // openPopup() would not). Positions are Chromium 156's layout, measured
  // from the window's right edge.
  const right = await browser.evalIn(home.sessionId, 'window.screenX + window.outerWidth');
  xdotool('mousemove', String(right - 114), '62', 'click', '1');
  await sleep(700);
  xdotool('mousemove', String(right - 284), '223', 'click', '1');
  const popup = await browser.waitForPage((p) => p.url.endsWith('/popup/popup.html'), 'the popup');
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId: popup.targetId, flatten: true });
  await poll(() => browser.evalIn(sessionId, `document.getElementById('host-status').dataset.state === 'ok'`),
    'the popup to report the host as installed');
  return sessionId;
}

test('toolbar: the popup opened from the Extensions menu redirects the page', async () => {
  const sessionId = await openPopupFromToolbar();
  await browser.evalIn(sessionId, `document.getElementById('redirect').click()`);
  await newTabAt(EXPECTED);
  assert.deepEqual(await browser.notificationIds(), []);
});

test('toolbar: typing into the popup as it opens and pressing Enter opens that paper', async () => {
  await openPopupFromToolbar();
  // No click into the box: the keys go where the popup put the focus.
  xdotool('type', '--delay', '20', 'see arXiv:2401.12345');
  await sleep(200);
  xdotool('key', 'Return');
  await newTabAt('https://papers.cool/arxiv/2401.12345');
  assert.deepEqual(await browser.notificationIds(), []);
});

// Chrome's PDF viewer puts the PDF in a subframe of its own page; only the
// PDF_VIEWER item (context frame) reaches it. Its menu ends with:
// ... Rotate counterclockwise | Redirect to Cool Papers | Inspect.
for (const [pdfUrl, expected] of [
  ['https://arxiv.org/pdf/2312.00001', 'https://papers.cool/arxiv/2312.00001'],
  ['https://openreview.net/pdf?id=NGB6YNnO5o', 'https://papers.cool/venue/NGB6YNnO5o@OpenReview'],
]) {
  test(`right-click inside the PDF viewer showing ${pdfUrl}`, async () => {
    await browser.navigate(home.sessionId, pdfUrl);
    // The viewer builds its frames after the load event; wait for the frame
    // that holds the PDF itself.
    await poll(async () => (await browser.targets()).some((t) => t.type === 'iframe' && t.url === pdfUrl), 'the PDF viewer');
    await sleep(1000); // let the viewer paint before clicking into it
    await contextMenuPick({ x: 640, y: 500 }, 2);
    await newTabAt(expected);
  });
}
