// The page's meta tags: read on a click on the page itself, sanitised, sent
// to the host as pageMeta; never read for a link, a selection or another page.
import assert from 'node:assert/strict';
import test from 'node:test';

import { hostReply, installFakeChrome } from '../lib/fake_chrome.mjs';

const fake = installFakeChrome();
const { coolpapersRedirect } = await import('../../../extension/sw/redirect.js');
const {
  PAGE_META_MAX_CHARS, collectPageMeta, isPageClick, readPageMeta, sanitizePageMeta, PAGE_META_NAMES,
} = await import('../../../extension/lib/page_meta.js');

const JMLR = 'https://jmlr.org/papers/v21/20-074.html';
const TAB = { id: 7, index: 2, windowId: 1, url: JMLR };

// chrome.scripting.executeScript running `func` against a fake document.
function scriptingWith(metaTags) {
  const calls = [];
  fake.chrome.scripting = {
    async executeScript(details) {
      calls.push(details);
      globalThis.document = {
        querySelectorAll: () => metaTags.map(([name, content]) => ({
          getAttribute: (attr) => (attr === 'name' ? name : content),
        })),
      };
      try {
        return [{ frameId: 0, result: details.func(...details.args) }];
      } finally {
        delete globalThis.document;
      }
    },
  };
  return calls;
}

test('the page script keeps the first non-empty value of each wanted tag, any case', () => {
  globalThis.document = {
    querySelectorAll: () => [
      ['og:title', 'Not this'], ['CITATION_TITLE', '  Exploring Limits '], ['citation_title', 'Second'],
      ['dc.title', ''], ['DC.title', 'Dublin'], ['citation_doi', 'x'.repeat(5000)],
    ].map(([name, content]) => ({ getAttribute: (a) => (a === 'name' ? name : content) })),
  };
  try {
    const found = collectPageMeta(PAGE_META_NAMES, PAGE_META_MAX_CHARS);
    assert.deepEqual(Object.keys(found).sort(), ['DC.title', 'citation_doi', 'citation_title']);
    assert.equal(found.citation_title, 'Exploring Limits');
    assert.equal(found['DC.title'], 'Dublin');
    assert.equal(found.citation_doi.length, PAGE_META_MAX_CHARS);
  } finally {
    delete globalThis.document;
  }
});

test('whatever the page returns, only known string tags survive, capped', () => {
  assert.equal(sanitizePageMeta(undefined), undefined);
  assert.equal(sanitizePageMeta('citation_title'), undefined);
  assert.equal(sanitizePageMeta({ 'og:title': 'x', citation_title: 5, citation_doi: '  ' }), undefined);
  assert.deepEqual(sanitizePageMeta({ citation_title: ' T ', evil: 'x', citation_arxiv_id: '2106.09685' }),
    { citation_arxiv_id: '2106.09685', citation_title: 'T' });
  assert.equal(sanitizePageMeta({ citation_title: 'y'.repeat(9000) }).citation_title.length, PAGE_META_MAX_CHARS);
});

test('only a click on the page itself reads the page', () => {
  assert.equal(isPageClick({ pageUrl: JMLR }, TAB), true);
  assert.equal(isPageClick({ pageUrl: JMLR, linkUrl: 'https://a.test/' }, TAB), false);
  assert.equal(isPageClick({ pageUrl: JMLR, selectionText: 'words' }, TAB), false);
  assert.equal(isPageClick({ pageUrl: 'https://other.test/' }, TAB), false);  // typed, not this tab
  assert.equal(isPageClick({ pageUrl: JMLR }, { url: JMLR }), false);  // no tab id
  const pdf = 'https://jmlr.org/papers/volume21/20-074/20-074.pdf';
  assert.equal(isPageClick({ pageUrl: pdf }, { id: 1, url: pdf }), false);  // the PDF viewer
});

test('a page click sends the page meta tags with the request', async () => {
  fake.reset();
  const calls = scriptingWith([['citation_title', 'Exploring the Limits'], ['og:title', 'ignored']]);
  fake.state.nativeHandler = () => Promise.resolve(
    hostReply.resolved('https://papers.cool/arxiv/search?highlight=1&query=Exploring%20the%20Limits'));
  const result = await coolpapersRedirect({ pageUrl: JMLR }, TAB);
  assert.equal(result.ok, true);
  assert.equal(calls.length, 1);
  assert.deepEqual(calls[0].target, { tabId: 7 });
  assert.deepEqual(fake.calls.native[0].message, {
    type: 'resolve', pageUrl: JMLR, pageMeta: { citation_title: 'Exploring the Limits' }, base: 'https://papers.cool',
  });
});

test('a link click, or a page that cannot be scripted, sends no page meta', async () => {
  fake.reset();
  const calls = scriptingWith([['citation_title', 'T']]);
  fake.state.nativeHandler = () => Promise.resolve(hostReply.resolved('https://papers.cool/arxiv/2312.00001'));
  await coolpapersRedirect({ pageUrl: JMLR, linkUrl: 'https://arxiv.org/abs/2312.00001' }, TAB);
  assert.equal(calls.length, 0);
  assert.equal(fake.calls.native[0].message.pageMeta, undefined);

  fake.reset();
  fake.chrome.scripting = { executeScript: () => Promise.reject(new Error('Cannot access contents of the page')) };
  fake.state.nativeHandler = () => Promise.resolve(hostReply.error('no_match', 'No paper id found: JMLR pages ...'));
  const result = await coolpapersRedirect({ pageUrl: JMLR }, TAB);
  assert.equal(result.ok, false);
  assert.deepEqual(fake.calls.native[0].message, { type: 'resolve', pageUrl: JMLR, base: 'https://papers.cool' });
  assert.equal(await readPageMeta(7), undefined);
});
