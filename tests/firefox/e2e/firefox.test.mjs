// The extension in real Firefox ESR (headless, driven over Marionette) with
// the real `coolpapers` registered as its native host the way Firefox wants
// it (~/.mozilla/native-messaging-hosts/, allowed_extensions). One browser
// start for the whole file; tests run in order and each closes its tabs.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';

import { EXTENSION_DIR } from '../../extension/lib/paths.mjs';

import { poll } from '../../extension/lib/chromium.mjs';
import { GECKO_ID, startFirefox } from '../lib/firefox.mjs';

let s;
before(async () => {
  s = await startFirefox({ prefix: 'cp-firefox' });
  assert.equal(await s.installExtension(), GECKO_ID);
});
after(async () => { await s?.stop(); });
beforeEach(async () => { await s.closeOtherTabs(); });

async function expectTab(url) {
  await poll(async () => (await s.tabUrls()).includes(url), `a tab showing ${url}`);
}

test('the .xpi the build packs installs as the same add-on, at the manifest\'s version', async () => {
  // build/<preset>/packaging/coolpapers.xpi: the same reproducible zip
  // packaging/pack_extension.sh writes for the .crx (CTest passes its path).
  const xpi = process.env.COOLPAPERS_XPI || join(dirname(dirname(EXTENSION_DIR)), 'packaging', 'coolpapers.xpi');
  assert.ok(existsSync(xpi), `${xpi} is missing: build the coolpapers_extension_crx target`);
  try {
    assert.equal(await s.installExtension(xpi), GECKO_ID);
    const addon = await s.run('chrome', `return AddonManager.getAddonByID(arguments[0]).then((a) =>
      ({ active: a.isActive, version: a.version, temporary: a.temporarilyInstalled }))`, [GECKO_ID]);
    const { version } = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    assert.deepEqual(addon, { active: true, version, temporary: true });
  } finally {
    // The other tests use the unpacked folder, as installed by before().
    await s.installExtension();
  }
});

for (const [what, info, url] of [
  ['a paper page', { pageUrl: 'https://arxiv.org/abs/2312.00001' }, 'https://papers.cool/arxiv/2312.00001'],
  ['a link', { linkUrl: 'https://aclanthology.org/2023.acl-long.1/', pageUrl: 'https://example.org/' },
    'https://papers.cool/venue/2023.acl-long.1@ACL'],
  ['a selection with two ids', { selectionText: 'see arXiv:2401.12345 and 2402.00012v3', pageUrl: 'https://example.org/' },
    'https://papers.cool/arxiv/2401.12345,2402.00012'],
  // Firefox's PDF viewer (pdf.js) gives a page item's click the PDF as pageUrl, with no frameUrl.
  ['a PDF in the viewer', { pageUrl: 'https://arxiv.org/pdf/2312.00001' }, 'https://papers.cool/arxiv/2312.00001'],
]) {
  test(`${what} opens its Cool Papers tab through the native host`, async () => {
    const result = await s.redirect(info);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.via, 'host');
    assert.equal(result.url, url);
    await expectTab(url);
  });
}

test('no id anywhere: the result says so and a notification is shown', async () => {
  const { result, notifications } = await s.redirectWatchingNotifications({ pageUrl: 'https://example.org/' });
  assert.equal(result.ok, false, JSON.stringify(result));
  assert.equal(result.kind, 'no_id');
  assert.deepEqual(notifications.map((n) => [n.id, n.shown]), [['coolpapers-no-id', 'coolpapers-no-id']]);
});

test('the content script adds Cool Papers links on arXiv, OpenReview and ACL Anthology pages', async () => {
  for (const [page, expected] of [
    ['https://arxiv.org/abs/2312.00001v2', ['https://papers.cool/arxiv/2312.00001']],
    ['https://openreview.net/forum?id=NGB6YNnO5o', ['https://papers.cool/venue/NGB6YNnO5o@OpenReview']],
    ['https://aclanthology.org/2023.acl-long.1/', ['https://papers.cool/venue/2023.acl-long.1@ACL']],
  ]) {
    await s.navigate(page);
    const marker = await poll(() => s.run('content',
      `const v = document.documentElement.getAttribute('data-coolpapers-links'); return v !== null && v !== 'pending' && v;`),
    `the content script to finish on ${page}`);
    const links = await s.run('content', `return Array.from(document.querySelectorAll('a.coolpapers-link'), (a) => a.href);`);
    assert.equal(marker, String(expected.length), page);
    assert.deepEqual(links, expected, page);
  }
});

// Right-clicks `selector` on the current page with Marionette's pointer
// actions (a real context menu, headless), then chooses our item `menuId`.
async function rightClickAndChoose(selector, menuId) {
  const element = (await s.send('WebDriver:FindElement', { using: 'css selector', value: selector })).value;
  await s.send('Marionette:SetContext', { value: 'content' });
  await s.send('WebDriver:PerformActions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
    actions: [{ type: 'pointerMove', origin: element, x: 0, y: 0 }, { type: 'pointerDown', button: 2 }, { type: 'pointerUp', button: 2 }] }] });
  await s.send('WebDriver:ReleaseActions');
  // The XUL id of an extension's item: <add-on id, "@" and "." made "_">-menuitem-_<item id>.
  const itemId = `${GECKO_ID.replace(/[@.]/g, '_')}-menuitem-_${menuId}`;
  await s.run('chrome', `return (async () => {
    const menu = document.getElementById('contentAreaContextMenu');
    if (menu.state !== 'open') await new Promise((r) => menu.addEventListener('popupshown', r, { once: true }));
    const item = document.getElementById(arguments[0]);
    if (!item || item.hidden) throw new Error('our item ' + arguments[0] + ' is not in the context menu');
    if (item.parentNode.state !== 'open') {  // two or more items of one add-on sit in a submenu
      const shown = new Promise((r) => item.parentNode.addEventListener('popupshown', r, { once: true }));
      item.parentNode.parentNode.openMenu(true);
      await shown;
    }
    item.parentNode.activateItem(item);
  })()`, [itemId]);
}

test('a real right-click on an arXiv page shows our item, and choosing it opens the tab', async () => {
  await s.navigate('https://arxiv.org/abs/2312.00001');
  await rightClickAndChoose('h1.title', 'coolpapers-redirect-page');
  await expectTab('https://papers.cool/arxiv/2312.00001');
});

test('a real right-click in Firefox\'s PDF viewer (a page context there, not a frame) opens the paper', async () => {
  await s.navigate('https://arxiv.org/pdf/2312.00001');
  // pdf.js renders into #viewerContainer once the document has loaded.
  await poll(() => s.run('content', `return !!document.querySelector('#viewerContainer .page')`), 'the PDF viewer to render');
  await rightClickAndChoose('#viewerContainer', 'coolpapers-redirect-pdf-viewer');
  await expectTab('https://papers.cool/arxiv/2312.00001');
});

test('the omnibox keyword: "cp 2312.00001" + Enter opens the paper', async () => {
  await s.run('chrome', `gBrowser.selectedTab = gBrowser.tabs[0]; gURLBar.focus(); gURLBar.value = '';`);
  const urlbar = (await s.send('WebDriver:FindElement', { using: 'css selector', value: '#urlbar-input' })).value;
  await s.send('WebDriver:ElementSendKeys', { id: urlbar.ELEMENT ?? Object.values(urlbar)[0], text: 'cp 2312.00001' });
  await s.run('chrome', `return (async () => {
    await gURLBar.lastQueryContextPromise;
    gURLBar.handleCommand();
  })()`);
  await expectTab('https://papers.cool/arxiv/2312.00001');
});

// Last: it unregisters the host.
test('no host registered: "not installed" and a notification', async () => {
  const systemDir = await s.hideSystemHosts();
  s.unregisterHost();
  try {
    const { result, notifications } = await s.redirectWatchingNotifications({ pageUrl: 'https://arxiv.org/abs/2312.00001' });
    assert.equal(result.ok, false);
    // Firefox's "No such native application" is sorted as not installed.
    assert.equal(result.kind, 'host_missing', JSON.stringify(result));
    assert.match(result.error, /No such native application cool\.papers\.redirector/);
    assert.deepEqual(notifications.map((n) => [n.id, n.shown]), [['coolpapers-host-missing', 'coolpapers-host-missing']]);
    assert.match(notifications[0].message, /install/i);
  } finally {
    await s.restoreSystemHosts(systemDir);
    s.registerHost(s.hostBinary);
  }
});
