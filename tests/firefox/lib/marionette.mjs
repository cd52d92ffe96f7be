// A minimal client of Firefox's built-in Marionette protocol over TCP, so
// the tests need neither geckodriver (not in Debian 12) nor npm packages.
// Wire format: "<byte length>:<json>". The server speaks first; a request is
// [0, id, "Command", params] and its reply [1, id, error|null, result].

import { connect } from 'node:net';

export async function connectMarionette(port, { timeoutMs = 60000 } = {}) {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffer = Buffer.alloc(0);
  const waiting = new Map();  // id -> {resolve, reject}
  let greeting;
  const greeted = new Promise((resolve) => { greeting = resolve; });
  let closedError = null;

  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString('ascii'));
      if (buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
      buffer = buffer.subarray(colon + 1 + length);
      if (!Array.isArray(packet)) {
        greeting(packet);
        continue;
      }
      const [, id, error, result] = packet;
      const pending = waiting.get(id);
      if (!pending) continue;
      waiting.delete(id);
      if (error) pending.reject(new Error(`${pending.command}: ${error.error}: ${error.message}`));
      else pending.resolve(result);
    }
  });
  const failAll = (err) => {
    closedError = err;
    for (const pending of waiting.values()) pending.reject(err);
    waiting.clear();
  };
  socket.on('error', failAll);
  socket.on('close', () => failAll(new Error('Marionette connection closed')));

  const hello = await greeted;
  if (hello.applicationType !== 'gecko') throw new Error(`not Marionette: ${JSON.stringify(hello)}`);

  let nextId = 1;
  // Sends one command and resolves with its result (rejects with the
  // server's error, or after timeoutMs so a wedged browser fails the test).
  function send(command, params = {}) {
    if (closedError) return Promise.reject(closedError);
    const id = nextId++;
    const body = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`${command}: no reply within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      waiting.set(id, {
        command,
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      socket.write(`${body.length}:`);
      socket.write(body);
    });
  }
  return { send, close: () => socket.destroy() };
}
