// "Cool Papers" links added by the content script to local copies of arXiv,
// OpenReview and ACL Anthology pages, resolved by the real host. The host is
// registered through a wrapper that records each request, to check that a
// listing page costs one resolveBatch.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';

import { poll } from '../lib/chromium.mjs';
import { recordingHost } from '../lib/profile.mjs';
import { startSession } from '../lib/session.mjs';

let s;
let browser;
let requestLog;

before(async () => {
  s = await startSession({ prefix: 'cp-ext-links' });
  browser = s.browser;
  requestLog = join(s.profile.root, 'host-requests.log');
  s.profile.registerHost(s.profile.writeScript('recording-host.sh', recordingHost(s.hostBinary, requestLog)));
});
after(async () => { await s?.stop(); });
beforeEach(async () => {
  await browser.closeTabsExcept(s.homeTarget);
  writeFileSync(requestLog, '');
});

// Request frames the host received from the content script's page: 4-byte
// length + JSON, back to back. The worker's `describe` (it builds the page
// menus from the host's families when the browser starts) may land in the
// log at any time during the first test, so it is left out.
function hostRequests() {
  const bytes = readFileSync(requestLog);
  const out = [];
  for (let at = 0; at + 4 <= bytes.length;) {
    const length = bytes.readUInt32LE(at);
    out.push(JSON.parse(bytes.subarray(at + 4, at + 4 + length).toString('utf8')));
    at += 4 + length;
  }
  return out.filter((request) => request.type !== 'describe');
}

// Opens `url`, waits for the content script to finish, and returns the
// added links: [{href, text, context}], context being the text of the
// element the link was put in.
async function linksOn(url) {
  const page = await browser.openTab(url);
  const marker = await poll(() => browser.evalIn(page.sessionId,
    `document.documentElement.getAttribute('data-coolpapers-links')`).then((v) => v !== null && v !== 'pending' && v),
  `the content script to finish on ${url}`);
  const links = await browser.evalIn(page.sessionId, `Array.from(document.querySelectorAll('a.coolpapers-link'), (a) => ({
    href: a.href, text: a.textContent, target: a.target, rel: a.rel,
    container: a.parentElement.closest('dt, li, .forum-title, .acl-paper-link-block, #abs')?.tagName.toLowerCase()
      + '.' + (a.parentElement.closest('dt, li, .forum-title, .acl-paper-link-block, #abs')?.className ?? ''),
  }))`);
  return { page, marker, links };
}

test('arXiv abstract page: one link in the "Access Paper" list', async () => {
  const { marker, links } = await linksOn('https://arxiv.org/abs/2312.00001v2');
  assert.equal(marker, '1');
  assert.deepEqual(links, [{
    href: 'https://papers.cool/arxiv/2312.00001', text: 'Cool Papers', target: '_blank', rel: 'noopener', container: 'li.',
  }]);
  const requests = hostRequests();
  assert.deepEqual(requests, [{
    type: 'resolveBatch', base: 'https://papers.cool', items: [{ pageUrl: 'https://arxiv.org/abs/2312.00001v2' }],
  }]);
});

test('arXiv listing page: a link in every entry, from one resolveBatch', async () => {
  const { page, marker, links } = await linksOn('https://arxiv.org/list/cs.CL/new');
  const ids = ['2312.00001', '2312.00002', '2312.00017', '2312.00100', '2311.09999', '2310.01234'];
  assert.equal(marker, String(ids.length));
  assert.deepEqual(links.map((l) => l.href), ids.map((id) => `https://papers.cool/arxiv/${id}`));
  for (const link of links) assert.equal(link.container, 'dt.');
  // Each link sits in the entry of its own paper.
  const pairs = await browser.evalIn(page.sessionId, `Array.from(document.querySelectorAll('dl > dt'), (dt) =>
    [dt.querySelector('a[title="Abstract"]').id, dt.querySelector('a.coolpapers-link')?.href])`);
  assert.deepEqual(pairs, ids.map((id) => [id, `https://papers.cool/arxiv/${id}`]));

  const requests = hostRequests();
  assert.equal(requests.length, 1, 'one host request for the whole page');
  assert.equal(requests[0].type, 'resolveBatch');
  assert.deepEqual(requests[0].items, ids.map((id) => ({ linkUrl: `https://arxiv.org/abs/${id}` })));
});

test('page text that looks like HTML stays text', async () => {
  const { page } = await linksOn('https://arxiv.org/list/cs.CL/new');
  assert.equal(await browser.evalIn(page.sessionId, `document.querySelectorAll('b, img').length`), 0);
});

test('OpenReview forum rendered after load: the link waits for the title', async () => {
  const { marker, links } = await linksOn('https://openreview.net/forum?id=NGB6YNnO5o');
  assert.equal(marker, '1');
  assert.deepEqual(links.map((l) => [l.href, l.container]),
    [['https://papers.cool/venue/NGB6YNnO5o@OpenReview', 'div.forum-title mt-2 mb-2']]);
});

test('ACL Anthology paper page: a button next to PDF / Cite / Search', async () => {
  const { page, marker, links } = await linksOn('https://aclanthology.org/2023.acl-long.1/');
  assert.equal(marker, '1');
  assert.deepEqual(links.map((l) => [l.href, l.container]),
    [['https://papers.cool/venue/2023.acl-long.1@ACL', 'div.acl-paper-link-block order-lg-last']]);
  const buttons = await browser.evalIn(page.sessionId,
    `Array.from(document.querySelectorAll('.acl-paper-link-block > a'), (a) => a.textContent.trim())`);
  assert.deepEqual(buttons, ['PDF', 'Cite', 'Search', 'Cool Papers']);
});

test('ACL Anthology volume page: not a paper page, no link and no host call', async () => {
  const { marker, links } = await linksOn('https://aclanthology.org/volumes/2023.acl-long/');
  assert.equal(marker, 'none');
  assert.deepEqual(links, []);
  assert.deepEqual(hostRequests(), []);
});
