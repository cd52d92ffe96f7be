// Messages to the worker: page links resolved in batches, and requests only
// the extension's own pages may make.
import assert from 'node:assert/strict';
import test from 'node:test';

import { EXTENSION_ID, installFakeChrome, rejectWith } from '../lib/fake_chrome.mjs';

const fake = installFakeChrome();
const { onMessage, resolveBatch } = await import('../../../extension/sw/messages.js');
const { MESSAGE } = await import('../../../extension/lib/constants.js');

// A host that resolves `https://arxiv.org/abs/ID` links to papers.cool pages
// and records each batch it was sent.
function batchHost({ capPerReply = Infinity } = {}) {
  const batches = [];
  fake.state.nativeHandler = (host, message) => {
    batches.push(message);
    const results = message.items.slice(0, capPerReply).map((item) => {
      const id = /arxiv\.org\/abs\/(.+)$/.exec(item.linkUrl ?? '')?.[1];
      return id ? { ok: true, url: `${message.base}/arxiv/${id}` } : { ok: false, error: { code: 'no_match', message: 'no id' } };
    });
    const truncated = results.length < message.items.length;
    return Promise.resolve({ ok: true, results, ...(truncated && { truncated: true, omitted: message.items.length - results.length }) });
  };
  return batches;
}

const links = (n) => Array.from({ length: n }, (_, i) => ({ linkUrl: `https://arxiv.org/abs/2312.${String(i).padStart(5, '0')}` }));

test('a listing page of up to 1,000 entries is one resolveBatch', async () => {
  fake.reset();
  const batches = batchHost();
  const reply = await resolveBatch([...links(3), { linkUrl: 'https://example.org/' }]);
  assert.equal(batches.length, 1);
  assert.deepEqual(batches[0], {
    type: 'resolveBatch', base: 'https://papers.cool',
    items: [...links(3), { linkUrl: 'https://example.org/' }],
  });
  assert.deepEqual(reply, {
    ok: true,
    results: [
      { url: 'https://papers.cool/arxiv/2312.00000' }, { url: 'https://papers.cool/arxiv/2312.00001' },
      { url: 'https://papers.cool/arxiv/2312.00002' }, null,
    ],
  });
});

test('more than 1,000 entries are split into batches of 1,000, in order', async () => {
  fake.reset();
  const batches = batchHost();
  const reply = await resolveBatch(links(2500));
  assert.deepEqual(batches.map((b) => b.items.length), [1000, 1000, 500]);
  assert.equal(reply.results.length, 2500);
  assert.equal(reply.results[2499].url, 'https://papers.cool/arxiv/2312.02499');
});

test('a truncated reply is continued with the omitted tail', async () => {
  fake.reset();
  const batches = batchHost({ capPerReply: 400 });
  const reply = await resolveBatch(links(1000));
  assert.deepEqual(batches.map((b) => b.items.length), [1000, 600, 200]);
  assert.equal(batches[1].items[0].linkUrl, 'https://arxiv.org/abs/2312.00400');
  assert.equal(reply.results.filter(Boolean).length, 1000);
});

test('a host that answers truncated but makes no progress does not loop', async () => {
  fake.reset();
  const batches = batchHost({ capPerReply: 0 });
  const reply = await resolveBatch(links(5));
  assert.equal(batches.length, 1);
  assert.deepEqual(reply, { ok: true, results: [null, null, null, null, null] });
});

test('results outside the base are dropped, not linked', async () => {
  fake.reset();
  fake.state.nativeHandler = () => Promise.resolve({
    ok: true,
    results: [{ ok: true, url: 'https://evil.com/arxiv/1' }, { ok: true, url: 'javascript:alert(1)' }, { ok: true, url: 'https://papers.cool/arxiv/2' }],
  });
  assert.deepEqual((await resolveBatch(links(3))).results, [null, null, { url: 'https://papers.cool/arxiv/2' }]);
});

test('without a host the batch fails quietly: no notification, no tab', async () => {
  fake.reset();
  fake.state.nativeHandler = rejectWith('Specified native messaging host not found.');
  const reply = await resolveBatch(links(2));
  assert.deepEqual(reply, { ok: false, error: 'Specified native messaging host not found.', kind: 'missing' });
  assert.deepEqual(fake.calls.notifications, []);
  assert.deepEqual(fake.calls.tabsCreate, []);
});

function send(msg, sender) {
  return new Promise((resolve) => {
    const async = onMessage(msg, sender, resolve);
    if (!async) setImmediate(() => resolve('no async reply'));
  });
}

const contentScript = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.CL/new', tab: { id: 3, index: 0 } };
const popup = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup/popup.html` };

test('content scripts may ask for resolveBatch but not redirect or host status', async () => {
  fake.reset();
  batchHost();
  assert.equal((await send({ type: MESSAGE.RESOLVE_BATCH, items: links(1) }, contentScript)).ok, true);
  for (const type of [MESSAGE.REDIRECT, MESSAGE.HOST_STATUS]) {
    const reply = await send({ type, tab: { id: 3, index: 0, url: 'https://arxiv.org/abs/2312.00001' } }, contentScript);
    assert.equal(reply.ok, false, type);
    assert.match(reply.error, /only accepted from the extension's own pages/);
  }
  assert.deepEqual(fake.calls.tabsCreate, []);
  assert.equal(fake.calls.native.length, 1);
});

test('the popup gets the host status, the settings and the recent redirects', async () => {
  fake.reset();
  fake.state.nativeHandler = () => Promise.resolve({ ok: true, version: '0.1.0', rules: 12 });
  await fake.chrome.storage.local.set({ recentRedirects: [{ url: 'https://papers.cool/arxiv/1', via: 'host', at: 5 }] });
  const reply = await send({ type: MESSAGE.HOST_STATUS }, popup);
  assert.deepEqual(reply, {
    ok: true,
    host: { installed: true, version: '0.1.0', rules: 12 },
    serviceUrl: '',
    baseUrl: 'https://papers.cool',
    recent: [{ url: 'https://papers.cool/arxiv/1', via: 'host', at: 5 }],
  });
});

test('the popup button redirects the active tab\'s page', async () => {
  fake.reset();
  fake.state.nativeHandler = () => Promise.resolve({ ok: true, url: 'https://papers.cool/arxiv/2312.00001' });
  const reply = await send({ type: MESSAGE.REDIRECT, tab: { id: 4, index: 1, windowId: 1, url: 'https://arxiv.org/abs/2312.00001' } }, popup);
  assert.equal(reply.ok, true);
  assert.equal(fake.calls.native[0].message.pageUrl, 'https://arxiv.org/abs/2312.00001');
  assert.deepEqual(fake.calls.tabsCreate[0], { url: 'https://papers.cool/arxiv/2312.00001', active: true, index: 2, openerTabId: 4, windowId: 1 });
});

test('the popup\'s input box is read like the omnibox: a URL is a page, other text a selection', async () => {
  fake.reset();
  fake.state.nativeHandler = () => Promise.resolve({ ok: true, url: 'https://papers.cool/arxiv/2312.00001' });
  const tab = { id: 4, index: 1, windowId: 1, url: 'https://example.org/' };
  assert.equal((await send({ type: MESSAGE.RESOLVE_TEXT, text: '  see arXiv:2312.00001 ', tab }, popup)).ok, true);
  assert.equal((await send({ type: MESSAGE.RESOLVE_TEXT, text: 'https://arxiv.org/abs/2312.00001', tab }, popup)).ok, true);
  assert.deepEqual(fake.calls.native.map((c) => [c.message.selectionText, c.message.pageUrl]),
    [['see arXiv:2312.00001', undefined], [undefined, 'https://arxiv.org/abs/2312.00001']]);
  assert.equal(fake.calls.tabsCreate.length, 2);
  const recent = fake.chrome.storage.local.data.recentRedirects;
  assert.deepEqual(recent.map((r) => r.input), ['https://arxiv.org/abs/2312.00001', 'see arXiv:2312.00001']);
});

test('the input box is only for the extension\'s own pages', async () => {
  fake.reset();
  const stranger = { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' };
  assert.equal((await send({ type: MESSAGE.RESOLVE_TEXT, text: '2312.00001' }, stranger)).ok, false);
  assert.equal(fake.calls.native.length, 0);
});

test('unknown messages and other extensions are ignored', async () => {
  fake.reset();
  assert.equal(await send({ type: 'something-else' }, popup), 'no async reply');
  assert.equal(await send(null, popup), 'no async reply');
  const stranger = { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' };
  assert.equal((await send({ type: MESSAGE.HOST_STATUS }, stranger)).ok, false);
});
