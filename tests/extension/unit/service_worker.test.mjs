// The worker's wiring: which listeners exist and what each way in sends.
import assert from 'node:assert/strict';
import test from 'node:test';

import { hostReply, installFakeChrome } from '../lib/fake_chrome.mjs';

const fake = installFakeChrome();
await import('../../../extension/sw/service_worker.js');
const { MENU_IDS, MENU_ITEMS, MENU_TITLE, PAPER_PAGE_PATTERNS, PDF_VIEWER_PATTERNS } =
  await import('../../../extension/sw/context_menu.js');
const { COMMAND_REDIRECT_PAGE } = await import('../../../extension/sw/commands.js');

const resolvesTo = (url) => {
  fake.state.nativeHandler = () => Promise.resolve(hostReply.resolved(url));
};

test('the worker exposes coolpapersRedirect for tests and the console', () => {
  assert.equal(typeof globalThis.coolpapersRedirect, 'function');
});

test('onInstalled removes old menus, then creates the "Redirect to Cool Papers" items', async () => {
  const [installed] = fake.chrome.runtime.onInstalled.listeners;
  await installed({ reason: 'update' });
  await installed({ reason: 'update' }); // a second run must not hit "duplicate id"
  assert.equal(fake.calls.menusRemovedAll, 2);
  assert.deepEqual(fake.calls.menusCreated.map((m) => m.id), [MENU_IDS.LINK_OR_SELECTION, MENU_IDS.PAGE, MENU_IDS.PDF_VIEWER]);
  assert.equal(MENU_TITLE, 'Redirect to Cool Papers');
  for (const item of fake.calls.menusCreated) assert.equal(item.title, MENU_TITLE);
  assert.deepEqual(MENU_ITEMS[0].contexts, ['link', 'selection']);
  assert.equal(MENU_ITEMS[0].documentUrlPatterns, undefined, 'links and selections work on every page');
  assert.deepEqual(MENU_ITEMS[1].contexts, ['page']);
  // PDF viewers: everything ("frame" is what matches there), but not the
  // toolbar button's menu, which "all" would include.
  assert.ok(MENU_ITEMS[2].contexts.includes('frame'));
  assert.deepEqual([...MENU_ITEMS[2].contexts].sort(), ['audio', 'editable', 'frame', 'image', 'link', 'page', 'selection', 'video']);
});

test('the page item covers the paper sites, the PDF item the arXiv/OpenReview PDF viewers', () => {
  const [, page, pdf] = MENU_ITEMS;
  assert.deepEqual(page.documentUrlPatterns, [...PAPER_PAGE_PATTERNS]);
  assert.deepEqual(pdf.documentUrlPatterns, [...PDF_VIEWER_PATTERNS]);
  for (const p of ['*://arxiv.org/abs/*', '*://arxiv.org/html/*', '*://export.arxiv.org/*', '*://ar5iv.org/*',
    '*://www.alphaxiv.org/*', '*://huggingface.co/papers/*', '*://openreview.net/forum*', '*://aclanthology.org/*',
    '*://www.ijcai.org/proceedings/*', '*://proceedings.mlr.press/*', '*://openaccess.thecvf.com/*',
    '*://www.usenix.org/conference/*']) {
    assert.ok(page.documentUrlPatterns.includes(p), p);
  }
  for (const p of ['*://arxiv.org/pdf/*', '*://openreview.net/pdf*']) assert.ok(pdf.documentUrlPatterns.includes(p), p);
  // Chrome rejects the whole item for one malformed pattern: scheme://host/path.
  for (const p of [...page.documentUrlPatterns, ...pdf.documentUrlPatterns]) {
    assert.match(p, /^\*:\/\/(\*\.)?[a-z0-9.-]+\/[^\s]*$/, p);
  }
});

test('a click on our menu item resolves what Chrome reports; other items are ignored', async () => {
  fake.reset();
  resolvesTo('https://papers.cool/arxiv/2401.12345,2402.00012');
  const [clicked] = fake.chrome.contextMenus.onClicked.listeners;
  const info = { menuItemId: MENU_IDS.LINK_OR_SELECTION, selectionText: 'see arXiv:2401.12345 and 2402.00012v3', pageUrl: 'https://a.test/' };
  const result = await clicked(info, { id: 1, index: 0, windowId: 1 });
  assert.equal(result.ok, true);
  assert.deepEqual(fake.calls.native[0].message, {
    type: 'resolve', selectionText: info.selectionText, pageUrl: info.pageUrl, base: 'https://papers.cool',
  });
  assert.equal(clicked({ menuItemId: 'someone-else' }, { id: 1, index: 0 }), undefined);
  assert.equal(fake.calls.native.length, 1);
});

test('the keyboard command redirects the current tab\'s URL', async () => {
  fake.reset();
  resolvesTo('https://papers.cool/venue/NGB6YNnO5o@OpenReview');
  const [onCommand] = fake.chrome.commands.onCommand.listeners;
  const tab = { id: 5, index: 4, windowId: 2, url: 'https://openreview.net/forum?id=NGB6YNnO5o' };
  assert.equal((await onCommand(COMMAND_REDIRECT_PAGE, tab)).ok, true);
  assert.equal(fake.calls.native[0].message.pageUrl, tab.url);
  assert.deepEqual(fake.calls.tabsCreate[0], { url: 'https://papers.cool/venue/NGB6YNnO5o@OpenReview', active: true, index: 5, openerTabId: 5, windowId: 2 });
  assert.equal(onCommand('other-command', tab), undefined);
});

test('omnibox: "cp" text is resolved and opened where Chrome says', async () => {
  assert.deepEqual(fake.chrome.omnibox.defaultSuggestion, { description: 'Open on Cool Papers: %s' });
  const [entered] = fake.chrome.omnibox.onInputEntered.listeners;
  const rows = [
    ['2312.00001', 'currentTab', { selectionText: '2312.00001' }, 'update'],
    ['https://aclanthology.org/2023.acl-long.1.pdf', 'newForegroundTab', { pageUrl: 'https://aclanthology.org/2023.acl-long.1.pdf' }, 'create-active'],
    ['diffusion bridges', 'newBackgroundTab', { selectionText: 'diffusion bridges' }, 'create-background'],
  ];
  for (const [text, disposition, fields, how] of rows) {
    fake.reset();
    resolvesTo('https://papers.cool/arxiv/2312.00001');
    assert.equal((await entered(text, disposition)).ok, true, text);
    assert.deepEqual(fake.calls.native[0].message, { type: 'resolve', ...fields, base: 'https://papers.cool' });
    if (how === 'update') {
      assert.deepEqual(fake.calls.tabsUpdate, [{ tabId: 7, props: { url: 'https://papers.cool/arxiv/2312.00001' } }]);
    } else {
      assert.equal(fake.calls.tabsCreate[0].active, how === 'create-active', text);
      assert.equal(fake.calls.tabsCreate[0].index, 3);
    }
  }
});
