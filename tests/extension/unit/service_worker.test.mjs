// The worker's wiring: which listeners exist and what each way in sends.
import assert from 'node:assert/strict';
import test from 'node:test';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { hostReply, installFakeChrome } from '../lib/fake_chrome.mjs';
import { EXTENSION_DIR as BUILT_EXTENSION_DIR } from '../lib/paths.mjs';

const fake = installFakeChrome();
await import('../../../extension/sw/service_worker.js');
const { MENU_IDS, MENU_TITLE, menuItems } = await import('../../../extension/sw/context_menu.js');
const { COMMAND_REDIRECT_PAGE } = await import('../../../extension/sw/commands.js');

const resolvesTo = (url) => {
  fake.state.nativeHandler = () => Promise.resolve(hostReply.resolved(url));
};

test('the worker exposes coolpapersRedirect for tests and the console', () => {
  assert.equal(typeof globalThis.coolpapersRedirect, 'function');
});

// What `describe` answers: the built-in families as the build generates
// them from resolver/rules.json (a user's family added by the test).
const BUILT_SITES = JSON.parse(readFileSync(join(BUILT_EXTENSION_DIR, 'sites.json'), 'utf8'));
const describeReply = (extra = []) => ({ ok: true, families: [...BUILT_SITES.families, ...extra] });

test('onInstalled and onStartup remove old menus, then create the "Redirect to Cool Papers" items from describe', async () => {
  fake.reset();
  fake.state.nativeHandler = (host, message) => (message.type === 'describe' ? describeReply() : undefined);
  const [installed] = fake.chrome.runtime.onInstalled.listeners;
  const [startup] = fake.chrome.runtime.onStartup.listeners;
  await installed({ reason: 'update' });
  await startup(); // a second run must not hit "duplicate id"
  assert.equal(fake.calls.menusRemovedAll, 2);
  assert.deepEqual(fake.calls.native.map((c) => c.message), [{ type: 'describe' }, { type: 'describe' }]);
  assert.deepEqual(fake.calls.menusCreated.map((m) => m.id), [MENU_IDS.LINK_OR_SELECTION, MENU_IDS.PAGE, MENU_IDS.PDF_VIEWER]);
  assert.equal(MENU_TITLE, 'Redirect to Cool Papers');
  for (const item of fake.calls.menusCreated) assert.equal(item.title, MENU_TITLE);
  const [link, page, pdf] = fake.calls.menusCreated;
  assert.deepEqual(link.contexts, ['link', 'selection']);
  assert.equal(link.documentUrlPatterns, undefined, 'links and selections work on every page');
  assert.deepEqual(page.contexts, ['page']);
  // PDF viewers: everything ("frame" is what matches there), but not the
  // toolbar button's menu, which "all" would include.
  assert.ok(pdf.contexts.includes('frame'));
  assert.deepEqual([...pdf.contexts].sort(), ['audio', 'editable', 'frame', 'image', 'link', 'page', 'selection', 'video']);
});

test('the page item covers the paper sites of the table, the PDF item their PDF viewers', async () => {
  fake.reset();
  fake.state.nativeHandler = () => describeReply();
  const { source, items } = await globalThis.coolpapersCreateMenus();
  assert.equal(source, 'host');
  const [, page, pdf] = items;
  for (const p of ['*://arxiv.org/abs/*', '*://arxiv.org/html/*', '*://export.arxiv.org/*', '*://ar5iv.org/*',
    '*://www.alphaxiv.org/*', '*://huggingface.co/papers/*', '*://openreview.net/forum*', '*://aclanthology.org/*',
    '*://www.ijcai.org/proceedings/*', '*://proceedings.mlr.press/*', '*://openaccess.thecvf.com/*',
    '*://www.usenix.org/conference/*', '*://arxiv.org/list/*']) {
    assert.ok(page.documentUrlPatterns.includes(p), p);
  }
  for (const p of ['*://arxiv.org/pdf/*', '*://openreview.net/pdf*']) assert.ok(pdf.documentUrlPatterns.includes(p), p);
  assert.equal(new Set(page.documentUrlPatterns).size, page.documentUrlPatterns.length, 'each pattern once');
});

test('a user family from describe gets the page menu; malformed patterns are dropped, not fatal', async () => {
  fake.reset();
  fake.state.nativeHandler = () => describeReply([{
    name: 'mine', displayName: 'Mine', page: 'venue', stage: 'id', source: '/home/u/.config/coolpapers/rules.json',
    pagePatterns: ['*://papers.example.test/paper/*', 'javascript:alert(1)', '*://a.test:8080/*', 42],
    pdfPatterns: ['https://papers.example.test/pdf/*'],
  }]);
  const { items } = await globalThis.coolpapersCreateMenus();
  const page = items.find((i) => i.id === MENU_IDS.PAGE);
  const pdf = items.find((i) => i.id === MENU_IDS.PDF_VIEWER);
  assert.ok(page.documentUrlPatterns.includes('*://papers.example.test/paper/*'));
  assert.ok(pdf.documentUrlPatterns.includes('https://papers.example.test/pdf/*'));
  for (const bad of ['javascript:alert(1)', '*://a.test:8080/*', 42]) assert.ok(!page.documentUrlPatterns.includes(bad));
});

test('without a host (or an older one) the built-in list from the build is used', async () => {
  const { loadFamilies } = await import('../../../extension/lib/sites.js');
  const readBuiltin = async () => BUILT_SITES.families;
  const missing = await loadFamilies({ ask: async () => { throw new Error('Specified native messaging host not found.'); }, readBuiltin });
  assert.equal(missing.source, 'built-in');
  assert.deepEqual(missing.families, BUILT_SITES.families);
  const older = await loadFamilies({ ask: async () => ({ ok: false, error: { code: 'unknown_type', message: 'x' } }), readBuiltin });
  assert.equal(older.source, 'built-in');
  const nothing = await loadFamilies({ ask: async () => ({ ok: false }), readBuiltin: async () => { throw new Error('404'); } });
  assert.deepEqual(nothing, { source: 'none', families: [] });
  // With no site at all only the link/selection item is made.
  assert.deepEqual(menuItems({ pagePatterns: [], pdfPatterns: [] }).map((i) => i.id), [MENU_IDS.LINK_OR_SELECTION]);
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
