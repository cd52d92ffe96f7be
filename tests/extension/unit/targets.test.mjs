// Which URLs may be opened: the last line of defence against a host, a page
// or a setting that tries to send the user elsewhere.
import assert from 'node:assert/strict';
import test from 'node:test';

import { isAllowedTarget, isCoolPapersUrl, isServiceUrl, serviceUrlFor } from '../../../extension/lib/targets.js';

const BASE = 'https://papers.cool';

test('Cool Papers pages under the base are allowed', () => {
  for (const url of [
    'https://papers.cool/arxiv/2312.00001',
    'https://papers.cool/arxiv/2401.12345,2402.00012',
    'https://papers.cool/arxiv/cs.CL',
    'https://papers.cool/arxiv/search?highlight=1&query=Schr%C3%B6dinger%20bridge',
    'https://papers.cool/venue/NGB6YNnO5o@OpenReview',
  ]) assert.equal(isCoolPapersUrl(url, BASE), true, url);
});

test('anything else is refused, including look-alike hosts', () => {
  for (const url of [
    'https://papers.cool',
    'https://papers.cool/',
    'https://papers.cool/other/x',
    'https://papers.cool.evil.com/arxiv/2312.00001',
    'https://papers.cool@evil.com/arxiv/2312.00001',
    'http://papers.cool/arxiv/2312.00001',
    'https://evil.com/?https://papers.cool/arxiv/1',
    'javascript:alert(1)//https://papers.cool/arxiv/',
    '',
    undefined,
    42,
  ]) assert.equal(isCoolPapersUrl(url, BASE), false, String(url));
});

test('a mirror base with a path only allows pages under that path', () => {
  const mirror = 'https://mirror.test/cool';
  assert.equal(isCoolPapersUrl('https://mirror.test/cool/arxiv/2312.00001', mirror), true);
  assert.equal(isCoolPapersUrl('https://mirror.test/arxiv/2312.00001', mirror), false);
  assert.equal(isCoolPapersUrl('https://mirror.test/coolx/arxiv/2312.00001', mirror), false);
});

test('redirect-service URLs carry the input as ?q= and are allowed only when configured', () => {
  const service = 'http://127.0.0.1:8377';
  const url = serviceUrlFor(service, 'see arXiv:2312.00001 & more#x');
  assert.equal(url, 'http://127.0.0.1:8377/?q=see%20arXiv%3A2312.00001%20%26%20more%23x');
  assert.equal(isServiceUrl(url, service), true);
  assert.equal(isAllowedTarget(url, { baseUrl: BASE, serviceUrl: service }), true);
  assert.equal(isAllowedTarget(url, { baseUrl: BASE, serviceUrl: '' }), false);
  assert.equal(isServiceUrl('http://127.0.0.1:8377/healthz', service), false);
  assert.equal(isServiceUrl('http://127.0.0.1:83770/?q=x', service), false);
});
