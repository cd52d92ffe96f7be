// A site from the user's own rule file (~/.config/coolpapers/rules.json)
// gets the page menu: the worker asks the real host `describe` and builds
// the page item's documentUrlPatterns from its answer. The real right-click
// on that page is in xvfb/user_site.test.mjs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startSession } from '../lib/session.mjs';
import { USER_RULES } from '../lib/user_rules.mjs';

const PAGE = 'https://papers.example.test/paper/42';
const EXPECTED = 'https://papers.cool/venue/42@Example';

let s;
before(async () => { s = await startSession({ prefix: 'cp-ext-user-sites', userRules: USER_RULES }); });
after(async () => { await s?.stop(); });

test('the page menu covers the user\'s site as well as the built-in ones, as the host describes them', async () => {
  const { source, items } = await s.browser.evalWorker('coolpapersCreateMenus()');
  assert.equal(source, 'host');
  const page = items.find((i) => i.id === 'coolpapers-redirect-page');
  assert.ok(page.documentUrlPatterns.includes('*://papers.example.test/paper/*'), JSON.stringify(page));
  assert.ok(page.documentUrlPatterns.includes('*://arxiv.org/abs/*'));
  // Chrome accepted the items (update() rejects for an unknown id).
  await s.browser.evalWorker(`chrome.contextMenus.update('coolpapers-redirect-page', {})`);
});

test('the page menu\'s click on the user\'s site opens its Cool Papers page', async () => {
  const source = await s.browser.openTab(PAGE);
  const tab = await s.browser.tab(source.tabId);
  await s.browser.evalWorker(`chrome.contextMenus.onClicked.dispatch(
    { menuItemId: 'coolpapers-redirect-page', pageUrl: ${JSON.stringify(PAGE)}, editable: false }, ${JSON.stringify(tab)})`);
  await s.browser.waitForPage((p) => p.url === EXPECTED, `a tab at ${EXPECTED}`);
});
