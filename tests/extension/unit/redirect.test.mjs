// coolpapersRedirect with a fake chrome: every outcome opens a tab or shows
// a notification, and only allowed URLs are opened.
import assert from 'node:assert/strict';
import test from 'node:test';

import { hostReply, installFakeChrome, rejectWith } from '../lib/fake_chrome.mjs';

const fake = installFakeChrome();
const { coolpapersRedirect } = await import('../../../extension/sw/redirect.js');
const { NO_ID_MESSAGE, NOTIFICATION } = await import('../../../extension/lib/constants.js');

const TAB = { id: 7, index: 2, windowId: 1 };
const PAGE = { pageUrl: 'https://arxiv.org/abs/2312.00001v2' };

function answer(reply) {
  fake.state.nativeHandler = () => Promise.resolve(reply);
}

test('a resolved page opens in a new tab right of the current one', async () => {
  fake.reset();
  answer(hostReply.resolved('https://papers.cool/arxiv/2312.00001'));
  const result = await coolpapersRedirect(PAGE, TAB);
  assert.equal(result.ok, true);
  assert.equal(result.url, 'https://papers.cool/arxiv/2312.00001');
  assert.deepEqual(fake.calls.native[0].message,
    { type: 'resolve', pageUrl: 'https://arxiv.org/abs/2312.00001v2', base: 'https://papers.cool' });
  assert.deepEqual(fake.calls.tabsCreate,
    [{ url: 'https://papers.cool/arxiv/2312.00001', active: true, index: 3, openerTabId: 7, windowId: 1 }]);
  assert.deepEqual(fake.calls.notifications, []);
  assert.equal(fake.chrome.storage.local.data.recentRedirects[0].url, 'https://papers.cool/arxiv/2312.00001');
});

test('the "current tab" option navigates the tab instead', async () => {
  fake.reset();
  await fake.chrome.storage.sync.set({ settings: { openIn: 'currentTab' } });
  answer(hostReply.resolved('https://papers.cool/arxiv/2312.00001'));
  assert.equal((await coolpapersRedirect(PAGE, TAB)).ok, true);
  assert.deepEqual(fake.calls.tabsUpdate, [{ tabId: 7, props: { url: 'https://papers.cool/arxiv/2312.00001' } }]);
  assert.deepEqual(fake.calls.tabsCreate, []);
});

test('a configured mirror base is sent to the host and enforced on its answer', async () => {
  fake.reset();
  await fake.chrome.storage.sync.set({ settings: { baseUrl: 'https://mirror.test/cp' } });
  answer(hostReply.resolved('https://mirror.test/cp/arxiv/2312.00001'));
  assert.equal((await coolpapersRedirect(PAGE, TAB)).ok, true);
  assert.equal(fake.calls.native[0].message.base, 'https://mirror.test/cp');

  answer(hostReply.resolved('https://papers.cool/arxiv/2312.00001'));
  const refused = await coolpapersRedirect(PAGE, TAB);
  assert.equal(refused.ok, false);
  assert.match(refused.error, /not a page under https:\/\/mirror.test\/cp/);
  assert.equal(fake.calls.tabsCreate.length, 1, 'the second answer must not open anything');
  assert.equal(fake.calls.notifications.at(-1).id, NOTIFICATION.HOST_BROKEN);
});

test('a tab that went away still gets its page, at the end', async () => {
  fake.reset();
  fake.state.tabsCreateFails = true;
  answer(hostReply.resolved('https://papers.cool/arxiv/2312.00001'));
  assert.equal((await coolpapersRedirect(PAGE, TAB)).ok, true);
  assert.deepEqual(fake.calls.tabsCreate.at(-1), { url: 'https://papers.cool/arxiv/2312.00001', active: true });
});

test('no paper id: the notification says so in the host\'s plain words, which name what it looked at', async () => {
  fake.reset();
  answer(hostReply.error('no_match', 'No paper id found in the URL'));
  const result = await coolpapersRedirect({ pageUrl: 'https://doi.org/10.1145/3580305.3599000' }, TAB);
  assert.deepEqual(result, { ok: false, kind: 'no_id', error: 'No paper id found in the URL' });
  assert.deepEqual(fake.calls.notifications.map((n) => [n.id, n.options.message]),
    [[NOTIFICATION.NO_ID, 'No paper id found in the URL']]);
  assert.deepEqual(fake.calls.tabsCreate, []);
});

test('no paper id: a host message that is not the resolver\'s is replaced by the extension\'s own', async () => {
  for (const message of [undefined, 42, 'Click here: http://evil.example/', `No paper id found${'!'.repeat(300)}`]) {
    fake.reset();
    answer(hostReply.error('no_match', message));
    const result = await coolpapersRedirect({ pageUrl: 'https://doi.org/10.1145/3580305.3599000' }, TAB);
    assert.deepEqual(result, { ok: false, kind: 'no_id', error: NO_ID_MESSAGE });
  }
  assert.equal(NO_ID_MESSAGE, 'No paper id found in the selection, link or page');
});

test('a click with nothing to resolve is not sent to the host and is not silent', async () => {
  fake.reset();
  const result = await coolpapersRedirect({ pageUrl: undefined }, TAB);
  assert.equal(result.kind, 'no_id');
  assert.equal(fake.calls.native.length, 0);
  assert.equal(fake.calls.notifications[0].id, NOTIFICATION.NO_ID);
});

test('host not installed or forbidden: the notification points to the README "Install" section', async () => {
  for (const message of ['Specified native messaging host not found.', 'Access to the specified native messaging host is forbidden.']) {
    fake.reset();
    fake.state.nativeHandler = rejectWith(message);
    const result = await coolpapersRedirect(PAGE, TAB);
    assert.equal(result.kind, 'host_missing');
    const [n] = fake.calls.notifications;
    assert.equal(n.id, NOTIFICATION.HOST_MISSING);
    assert.ok(n.options.message.includes(message));
    assert.match(n.options.message, /README, section "Install"/);
    assert.equal(n.options.type, 'basic');
    assert.match(n.options.iconUrl, /^chrome-extension:\/\/.*\/icons\/icon128\.png$/);
  }
});

test('host missing with a redirect service configured: the service gets the input', async () => {
  fake.reset();
  await fake.chrome.storage.sync.set({ settings: { serviceUrl: 'http://127.0.0.1:8377' } });
  fake.state.nativeHandler = rejectWith('Specified native messaging host not found.');
  const result = await coolpapersRedirect({ selectionText: 'arXiv:2312.00001', pageUrl: 'https://a.test/' }, TAB);
  assert.equal(result.ok, true);
  assert.equal(result.url, 'http://127.0.0.1:8377/?q=arXiv%3A2312.00001');
  assert.equal(fake.calls.tabsCreate[0].url, result.url);
  assert.deepEqual(fake.calls.notifications, []);
});

test('a broken host (exited, garbage, error reply) is reported with its message', async () => {
  const cases = [
    [rejectWith('Native host has exited.'), /Native host has exited\./],
    [rejectWith('Error when communicating with the native messaging host.'), /Error when communicating/],
    [() => Promise.resolve(hostReply.error('internal', 'The host ran out of memory.')), /ran out of memory\. \(internal\)/],
    [() => Promise.resolve({ ok: true }), /undefined, which is not a page under/],
  ];
  for (const [handler, message] of cases) {
    fake.reset();
    await fake.chrome.storage.sync.set({ settings: { serviceUrl: 'http://127.0.0.1:8377' } });
    fake.state.nativeHandler = handler;
    const result = await coolpapersRedirect(PAGE, TAB);
    assert.equal(result.kind, 'host_broken');
    assert.match(result.error, /^The native host is broken: /);
    assert.match(result.error, message);
    assert.equal(fake.calls.notifications[0].id, NOTIFICATION.HOST_BROKEN);
    assert.deepEqual(fake.calls.tabsCreate, [], 'a broken host must not fall back to the service');
  }
});

test('a base URL the host refuses points the user to the options', async () => {
  fake.reset();
  answer(hostReply.error('bad_config', '"base" is not a valid target base: no host'));
  const result = await coolpapersRedirect(PAGE, TAB);
  assert.equal(result.kind, 'bad_config');
  assert.match(result.error, /^Check the Cool Papers base URL in the extension's options: "base" is not a valid target base/);
  assert.equal(fake.calls.notifications[0].id, NOTIFICATION.FAILED);
});

test('a host that never answers ends in a timeout notification', async (t) => {
  fake.reset();
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const pending = coolpapersRedirect(PAGE, TAB);
  // askHost arms its timer before it calls sendNativeMessage: once the host
  // has the message, moving the clock fires the timeout.
  while (fake.calls.native.length === 0) await new Promise(setImmediate);
  t.mock.timers.tick(4999);
  await new Promise(setImmediate);
  assert.equal(fake.calls.notifications.length, 0, 'no timeout before 5 s');
  t.mock.timers.tick(1);
  const result = await pending;
  assert.equal(result.kind, 'host_timeout');
  assert.match(result.error, /did not answer within 5 s/);
  assert.equal(fake.calls.notifications[0].id, NOTIFICATION.HOST_TIMEOUT);
});
