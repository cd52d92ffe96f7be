// The native host client: Chrome's error strings, our own timeout, odd replies.
import assert from 'node:assert/strict';
import test from 'node:test';

import { installFakeChrome, rejectWith } from '../lib/fake_chrome.mjs';

const fake = installFakeChrome();
const { HOST_FAILURE, askHost, classifyHostError, hostStatus, replyErrorText } =
  await import('../../../extension/lib/native_host.js');

test('Chrome error strings are sorted into missing and broken', () => {
  const rows = [
    ['Specified native messaging host not found.', HOST_FAILURE.MISSING],
    ['Access to the specified native messaging host is forbidden.', HOST_FAILURE.MISSING],
    ['Native host has exited.', HOST_FAILURE.BROKEN],
    ['Error when communicating with the native messaging host.', HOST_FAILURE.BROKEN],
    ['The sender sent an invalid JSON message; message ignored.', HOST_FAILURE.BROKEN],
    ['Invalid native messaging host name specified.', HOST_FAILURE.BROKEN],
    [undefined, HOST_FAILURE.BROKEN],
  ];
  for (const [message, kind] of rows) assert.equal(classifyHostError(message), kind, String(message));
});

test('Firefox error strings are sorted into missing and broken', () => {
  const rows = [
    ['No such native application cool.papers.redirector', HOST_FAILURE.MISSING],
    ['An unexpected error occurred', HOST_FAILURE.BROKEN],
    ['Native application tried to send a message of 1048577 bytes, which exceeds the limit of 1048576 bytes.', HOST_FAILURE.BROKEN],
  ];
  for (const [message, kind] of rows) assert.equal(classifyHostError(message), kind, String(message));
});

test('askHost sends to cool.papers.redirector and returns the reply', async () => {
  fake.reset();
  fake.state.nativeHandler = () => Promise.resolve({ ok: true, version: '0.1.0', rules: 12 });
  assert.deepEqual(await askHost({ type: 'ping' }), { ok: true, version: '0.1.0', rules: 12 });
  assert.deepEqual(fake.calls.native, [{ host: 'cool.papers.redirector', message: { type: 'ping' } }]);
});

test('a host that never answers is given up after the timeout', async () => {
  fake.reset(); // default handler never settles
  await assert.rejects(askHost({ type: 'ping' }, { timeoutMs: 30 }),
    (err) => err.kind === HOST_FAILURE.TIMEOUT && /did not answer within 0.03 s/.test(err.message));
});

test('rejections and synchronous throws keep Chrome\'s message', async () => {
  fake.reset();
  fake.state.nativeHandler = rejectWith('Native host has exited.');
  await assert.rejects(askHost({ type: 'ping' }), (err) => err.kind === HOST_FAILURE.BROKEN && err.message === 'Native host has exited.');
  fake.state.nativeHandler = () => { throw new Error('Error in invocation of runtime.sendNativeMessage: Message exceeded maximum allowed size of 64MiB.'); };
  await assert.rejects(askHost({ type: 'ping' }), (err) => err.kind === HOST_FAILURE.BROKEN && /64MiB/.test(err.message));
  fake.state.nativeHandler = rejectWith('Specified native messaging host not found.');
  await assert.rejects(askHost({ type: 'ping' }), (err) => err.kind === HOST_FAILURE.MISSING);
});

test('a reply that is not a JSON object is a broken host', async () => {
  fake.reset();
  for (const reply of [null, undefined, 'text', 3, [1]]) {
    fake.state.nativeHandler = () => Promise.resolve(reply);
    await assert.rejects(askHost({ type: 'ping' }), (err) => err.kind === HOST_FAILURE.BROKEN, JSON.stringify(reply));
  }
});

test('hostStatus never rejects and says why the host is unusable', async () => {
  fake.reset();
  fake.state.nativeHandler = () => Promise.resolve({ ok: true, version: '0.1.0', rules: 31 });
  assert.deepEqual(await hostStatus(), { installed: true, version: '0.1.0', rules: 31 });
  fake.state.nativeHandler = rejectWith('Specified native messaging host not found.');
  assert.deepEqual(await hostStatus(), { installed: false, kind: 'missing', message: 'Specified native messaging host not found.' });
  fake.state.nativeHandler = () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'boom' } });
  assert.deepEqual(await hostStatus(), { installed: false, kind: 'broken', message: 'boom (internal)' });
});

test('error replies are readable whatever the host left out', () => {
  assert.equal(replyErrorText({ ok: false, error: { code: 'bad_json', message: 'Not JSON.' } }), 'Not JSON. (bad_json)');
  assert.equal(replyErrorText({ ok: false, error: { code: 'internal' } }), 'internal');
  assert.match(replyErrorText({ ok: false }), /gave no reason/);
});
