// Options validation: every URL the extension opens is built on these values.
import assert from 'node:assert/strict';
import test from 'node:test';

import { installFakeChrome } from '../lib/fake_chrome.mjs';

const fake = installFakeChrome();
const { DEFAULT_SETTINGS, checkServiceBase, loadSettings, saveSettings, validateSettings } =
  await import('../../../extension/lib/settings.js');

test('defaults are papers.cool, a new tab, and no redirect service', () => {
  assert.deepEqual(validateSettings(undefined), { settings: { ...DEFAULT_SETTINGS }, errors: {} });
  assert.equal(DEFAULT_SETTINGS.baseUrl, 'https://papers.cool');
  assert.equal(DEFAULT_SETTINGS.openIn, 'newTab');
  assert.equal(DEFAULT_SETTINGS.serviceUrl, '');
});

test('accepted base URLs are normalised without a trailing slash', () => {
  const rows = [
    ['https://papers.cool', 'https://papers.cool'],
    ['https://papers.cool/', 'https://papers.cool'],
    ['  https://papers.cool//  ', 'https://papers.cool'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['https://mirror.example.org/cool/', 'https://mirror.example.org/cool'],
    ['HTTPS://Papers.Cool', 'https://papers.cool'],
  ];
  for (const [input, expected] of rows) {
    const r = checkServiceBase(input, 'Base');
    assert.deepEqual(r, { ok: true, url: expected }, `input ${JSON.stringify(input)}`);
  }
});

test('rejected base URLs say what is wrong', () => {
  const rows = [
    ['', /empty/],
    ['papers.cool', /not a URL/],
    ['javascript:alert(1)', /https:\/\/ or http:\/\//],
    ['file:///etc/passwd', /https:\/\/ or http:\/\//],
    ['chrome-extension://abc/', /https:\/\/ or http:\/\//],
    ['https://user:pw@papers.cool', /user name or password/],
    ['https://papers.cool/?x=1', /query/],
    ['https://papers.cool/?', /query/],
    ['https://papers.cool/#top', /fragment/],
    ['https://papers .cool', /spaces/],
    ['https://papers.cool\\@evil.com', /backslash/],
  ];
  for (const [input, message] of rows) {
    const r = checkServiceBase(input, 'Base');
    assert.equal(r.ok, false, `input ${JSON.stringify(input)} must be rejected`);
    assert.match(r.error, message, `input ${JSON.stringify(input)}`);
  }
});

test('a bad stored field falls back to its default and is reported', () => {
  const { settings, errors } = validateSettings({ baseUrl: 'ftp://x', openIn: 'window', serviceUrl: 'nope' });
  assert.deepEqual(settings, { ...DEFAULT_SETTINGS });
  assert.deepEqual(Object.keys(errors).sort(), ['baseUrl', 'openIn', 'serviceUrl']);
});

test('saveSettings stores nothing when any field is invalid', async () => {
  fake.reset();
  const bad = await saveSettings({ baseUrl: 'https://mirror.test', openIn: 'currentTab', serviceUrl: 'http://x/?q=' });
  assert.equal(bad.ok, false);
  assert.deepEqual(fake.chrome.storage.sync.data, {});

  const good = await saveSettings({ baseUrl: 'https://mirror.test/', openIn: 'currentTab', serviceUrl: 'http://127.0.0.1:8377/' });
  assert.equal(good.ok, true);
  assert.deepEqual(await loadSettings(),
    { baseUrl: 'https://mirror.test', openIn: 'currentTab', serviceUrl: 'http://127.0.0.1:8377' });
});

test('loadSettings ignores a hand-edited invalid base', async () => {
  fake.reset();
  await fake.chrome.storage.sync.set({ settings: { baseUrl: 'javascript:alert(1)', openIn: 'currentTab' } });
  assert.deepEqual(await loadSettings(), { ...DEFAULT_SETTINGS, openIn: 'currentTab' });
});
