// The extension in Chromium with the real `coolpapers` as its native host:
// what each kind of input opens, and where the tab goes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';

import { poll } from '../lib/chromium.mjs';
import { redirect, setSettings, startSession } from '../lib/session.mjs';
import { resolutionExamples } from '../../resolution_examples.mjs';

// The host's words, which name what it looked at.
const noIdMessage = (request) =>
  (Object.keys(request).length === 1 ? 'No paper id found in the URL' : 'No paper id found in the link or page');
let s;
let browser;

before(async () => {
  s = await startSession({ prefix: 'cp-ext-redirect' });
  browser = s.browser;
});
after(async () => { await s?.stop(); });
beforeEach(async () => {
  await browser.closeTabsExcept(s.homeTarget);
  await browser.clearNotifications();
  await browser.evalWorker('chrome.storage.sync.clear().then(() => chrome.storage.local.clear())');
});

// Opens `pageUrl` in a tab, redirects `info` from it, and checks that a new
// tab with `expected` opened right of it, with it as opener.
async function expectNewTab(info, pageUrl, expected) {
  const source = await browser.openTab(pageUrl);
  // A tab right of the source, so "next to the source" and "at the end"
  // are different places.
  await browser.openTab('about:blank');
  const sourceTab = await browser.tab(source.tabId);
  const result = await redirect(browser, info, sourceTab);
  assert.equal(result.ok, true, `redirect failed: ${JSON.stringify(result)}`);
  assert.equal(result.url, expected);

  // CDP shows the URL (the extension has no "tabs" permission, so Chrome
  // hides it from chrome.tabs); chrome.tabs shows position and opener.
  await browser.waitForPage((t) => t.url === expected, `a tab at ${expected}`);
  const opened = await browser.tab(result.tabId);
  assert.equal(opened.index, sourceTab.index + 1, 'the new tab is right of the source tab');
  assert.equal(opened.openerTabId, sourceTab.id);
  assert.equal(opened.windowId, sourceTab.windowId);
  assert.deepEqual(await browser.notificationIds(), [], 'a successful redirect shows no notification');
  return { source, result };
}

test('an arXiv abstract page opens its Cool Papers page in a new tab next to it', async () => {
  await expectNewTab({ pageUrl: 'https://arxiv.org/abs/2312.00001v2' }, 'https://arxiv.org/abs/2312.00001v2',
    'https://papers.cool/arxiv/2312.00001');
});

test('a link is resolved before the page it is on', async () => {
  const { result } = await expectNewTab(
    { linkUrl: 'https://arxiv.org/abs/hep-th/9901001v1', pageUrl: 'https://arxiv.org/abs/2312.00001' },
    'https://arxiv.org/abs/2312.00001', 'https://papers.cool/arxiv/hep-th/9901001');
  assert.equal(result.field, 'linkUrl');
});

test('a selection with several ids opens them all on one page', async () => {
  const { result } = await expectNewTab(
    { selectionText: 'see arXiv:2401.12345 and 2402.00012v3', pageUrl: 'https://arxiv.org/abs/2312.00001' },
    'https://arxiv.org/abs/2312.00001', 'https://papers.cool/arxiv/2401.12345,2402.00012');
  assert.deepEqual(result.ids, ['2401.12345', '2402.00012']);
});

test('inside a PDF viewer the frame URL is resolved', async () => {
  await expectNewTab(
    { frameUrl: 'https://arxiv.org/pdf/2312.00001v1', pageUrl: 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html' },
    'about:blank', 'https://papers.cool/arxiv/2312.00001');
});

// The contract's examples that a click on a page or a link sends
// (docs/resolution-examples.jsonl): each opens its page, or says there is none.
// Rows with the page's meta tags are left to xvfb/page_meta.test.mjs, where
// the extension reads them from real pages.
const PAGE_AND_LINK_EXAMPLES = resolutionExamples()
  .filter((e) => !e.pageMeta && Object.keys(e.request).every((m) => m === 'pageUrl' || m === 'linkUrl'));

test('every page and link example of the contract opens its Cool Papers page', async () => {
  assert.ok(PAGE_AND_LINK_EXAMPLES.length > 0, 'the examples file has page and link rows');
  for (const example of PAGE_AND_LINK_EXAMPLES) {
    if (example.url === null) {
      const result = await redirect(browser, example.request, null);
      if (example.message) {
        // A paper site without a rule: the host's message names it.
        assert.deepEqual({ ok: result.ok, kind: result.kind }, { ok: false, kind: 'no_id' }, example.where);
        assert.ok(result.error.includes(example.message), `${example.where}: ${result.error}`);
      } else {
        assert.deepEqual(result, { ok: false, kind: 'no_id', error: noIdMessage(example.request) }, example.where);
      }
      await browser.clearNotifications();
      continue;
    }
    const { result } = await expectNewTab(example.request, 'about:blank', example.url)
      .catch((e) => { e.message = `${example.where}\n${e.message}`; throw e; });
    if (example.family) assert.equal(result.family, example.family, example.where);
    if (example.ids) assert.deepEqual(result.ids, example.ids, example.where);
    await browser.closeTabsExcept(s.homeTarget);
  }
});

test('a selection without ids falls back to the search', async () => {
  await expectNewTab({ selectionText: 'Schrödinger bridge, diffusion!', pageUrl: 'https://example.org/' }, 'about:blank',
    'https://papers.cool/arxiv/search?highlight=1&query=Schr%C3%B6dinger%20bridge%20diffusion');
});

test('no id anywhere: a notification says so and nothing opens', async () => {
  const before = (await browser.pages()).length;
  const result = await redirect(browser, { pageUrl: 'https://doi.org/10.1145/3580305.3599000' }, null);
  assert.deepEqual(result, { ok: false, kind: 'no_id', error: 'No paper id found in the URL' });
  assert.deepEqual(await browser.notificationIds(), ['coolpapers-no-id']);
  assert.equal((await browser.pages()).length, before);
});

test('the "current tab" option replaces the page instead of opening a tab', async () => {
  await setSettings(browser, { openIn: 'currentTab' });
  const source = await browser.openTab('https://arxiv.org/abs/2312.00001');
  const before = (await browser.pages()).length;
  const result = await redirect(browser, { pageUrl: 'https://arxiv.org/abs/2312.00001' }, await browser.tab(source.tabId));
  assert.equal(result.ok, true);
  await browser.waitForPage((t) => t.targetId === source.targetId && t.url === 'https://papers.cool/arxiv/2312.00001',
    'the source tab to navigate');
  assert.equal((await browser.pages()).length, before);
});

test('a mirror base from the options is used for the host and the tab', async () => {
  await setSettings(browser, { baseUrl: 'https://mirror.test/cp/' });
  await expectNewTab({ pageUrl: 'https://openreview.net/forum?id=NGB6YNnO5o' }, 'about:blank',
    'https://mirror.test/cp/venue/NGB6YNnO5o@OpenReview');
});

test('the context menu items exist after install', async () => {
  for (const id of ['coolpapers-redirect-link-or-selection', 'coolpapers-redirect-page', 'coolpapers-redirect-pdf-viewer']) {
    // There is no contextMenus.getAll; update() rejects for an unknown id.
    await browser.evalWorker(`chrome.contextMenus.update(${JSON.stringify(id)}, {})`);
  }
  await assert.rejects(browser.evalWorker(`chrome.contextMenus.update('no-such-item', {})`), /Cannot find menu item/);
});

// Waits for a tab right of `tab` whose opener is `tab`.
async function openedBy(tab) {
  return poll(() => browser.evalWorker(`chrome.tabs.query({}).then((ts) => ts.some((t) =>
    t.openerTabId === ${tab.id} && t.index === ${tab.index + 1} && t.windowId === ${tab.windowId}))`), 'a tab opened next to the source');
}

test('the real listeners: menu click, keyboard command and omnibox', async (t) => {
  // Chromium's extension events have an (undocumented) dispatch() that runs
  // the registered listeners; the Xvfb test clicks the real menu.
  const hasDispatch = await browser.evalWorker(`typeof chrome.contextMenus.onClicked.dispatch === 'function'
    && typeof chrome.commands.onCommand.dispatch === 'function'
    && typeof chrome.omnibox.onInputEntered.dispatch === 'function'`);
  assert.ok(hasDispatch, 'this Chromium has no event dispatch(); drive the listeners another way');

  await t.test('context menu click on a link', async () => {
    const source = await browser.openTab('https://arxiv.org/abs/2312.00001');
    const tab = await browser.tab(source.tabId);
    await browser.evalWorker(`chrome.contextMenus.onClicked.dispatch(
      { menuItemId: 'coolpapers-redirect-link-or-selection', linkUrl: 'https://aclanthology.org/2023.acl-long.1/',
        pageUrl: 'https://arxiv.org/abs/2312.00001', editable: false }, ${JSON.stringify(tab)})`);
    await browser.waitForPage((p) => p.url === 'https://papers.cool/venue/2023.acl-long.1@ACL', 'the ACL tab');
    await openedBy(tab);
  });

  await t.test('keyboard command on an arXiv page', async () => {
    const source = await browser.openTab('https://arxiv.org/abs/2312.00001');
    const tab = { ...(await browser.tab(source.tabId)), url: 'https://arxiv.org/abs/2312.00001' };
    await browser.evalWorker(`chrome.commands.onCommand.dispatch('redirect-current-page', ${JSON.stringify(tab)})`);
    await browser.waitForPage((p) => p.url === 'https://papers.cool/arxiv/2312.00001', 'the tab opened by the command');
    await openedBy(tab);
  });

  await t.test('omnibox "cp 2402.00012" in the current tab', async () => {
    const source = await browser.openTab('https://arxiv.org/abs/2312.00001');
    await browser.send('Target.activateTarget', { targetId: source.targetId });
    await browser.evalWorker(`chrome.omnibox.onInputEntered.dispatch('2402.00012', 'currentTab')`);
    await browser.waitForPage((p) => p.targetId === source.targetId && p.url === 'https://papers.cool/arxiv/2402.00012',
      'the active tab to navigate');
  });
});
