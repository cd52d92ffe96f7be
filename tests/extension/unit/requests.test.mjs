// Building host requests from what Chrome reports about a click.
import assert from 'node:assert/strict';
import test from 'node:test';

import { INPUT_MAX_CHARS } from '../../../extension/lib/constants.js';
import {
  firstInputText, hasInput, infoFromTypedText, resolveRequest, sanitizeBatchItem,
} from '../../../extension/lib/requests.js';
import { REQUEST_MEMBERS, resolutionExamples } from '../../resolution_examples.mjs';

test('a resolve request forwards the four OnClickData fields and the base', () => {
  const info = {
    menuItemId: 'x', editable: false, selectionText: 'arXiv:2312.00001',
    linkUrl: 'https://a.test/l', pageUrl: 'https://a.test/p', frameUrl: 'https://a.test/f',
  };
  assert.deepEqual(resolveRequest(info, 'https://papers.cool'), {
    type: 'resolve', selectionText: 'arXiv:2312.00001', linkUrl: 'https://a.test/l',
    pageUrl: 'https://a.test/p', frameUrl: 'https://a.test/f', base: 'https://papers.cool',
  });
});

test('empty, missing and non-string fields are left out', () => {
  assert.deepEqual(resolveRequest({ selectionText: '', linkUrl: undefined, pageUrl: 'https://a.test/', frameUrl: 5 }, 'B'),
    { type: 'resolve', pageUrl: 'https://a.test/', base: 'B' });
  assert.equal(hasInput({ selectionText: '', pageUrl: undefined }), false);
  assert.equal(hasInput({ frameUrl: 'https://a.test/' }), true);
  assert.equal(hasInput(undefined), false);
});

test('typed omnibox text is a page when it is a URL, a selection otherwise', () => {
  assert.deepEqual(infoFromTypedText('  https://openreview.net/forum?id=abc '), { pageUrl: 'https://openreview.net/forum?id=abc' });
  assert.deepEqual(infoFromTypedText('HTTP://arxiv.org/abs/2312.00001'), { pageUrl: 'HTTP://arxiv.org/abs/2312.00001' });
  assert.deepEqual(infoFromTypedText('2312.00001'), { selectionText: '2312.00001' });
  assert.deepEqual(infoFromTypedText('diffusion bridges'), { selectionText: 'diffusion bridges' });
  assert.deepEqual(infoFromTypedText('arxiv.org/abs/2312.00001'), { selectionText: 'arxiv.org/abs/2312.00001' });
});

test('batch items from a content script keep only known fields, each capped', () => {
  const long = 'x'.repeat(INPUT_MAX_CHARS + 10);
  assert.deepEqual(sanitizeBatchItem({ linkUrl: 'https://arxiv.org/abs/1', base: 'https://evil.com', type: 'ping', extra: 1 }),
    { linkUrl: 'https://arxiv.org/abs/1' });
  assert.equal(sanitizeBatchItem({ pageUrl: long }).pageUrl.length, INPUT_MAX_CHARS);
  assert.deepEqual(sanitizeBatchItem(null), {});
});

test('the redirect service gets the first field in priority order', () => {
  assert.equal(firstInputText({ pageUrl: 'p', linkUrl: 'l', selectionText: 's' }), 's');
  assert.equal(firstInputText({ pageUrl: 'p', linkUrl: 'l' }), 'l');
  assert.equal(firstInputText({ frameUrl: 'f', pageUrl: 'p' }), 'p');
  assert.equal(firstInputText({}), '');
});

test('every request of the contract\'s examples reaches the host as written, in priority order', () => {
  for (const example of resolutionExamples()) {
    // What Chrome reports about a click has more members than the texts.
    const info = { menuItemId: 'redirect', editable: false, ...example.request };
    const request = resolveRequest(info, 'https://papers.cool');
    assert.deepEqual(request, { type: 'resolve', ...example.request, base: 'https://papers.cool' }, example.where);
    assert.deepEqual(Object.keys(request).slice(1, -1), REQUEST_MEMBERS.filter((m) => m in example.request), example.where);
    assert.deepEqual(sanitizeBatchItem(info), example.request, example.where);
    // Without the host, the redirect service gets the first text in that order.
    assert.equal(firstInputText(info), Object.values(example.request)[0], example.where);
  }
});
