// Talking to the native host: one request, one reply, a timeout of our own,
// and the browsers' error strings sorted into the three things a user can act on.

import { HOST_NAME, HOST_TIMEOUT_MS } from './constants.js';

export const HOST_FAILURE = Object.freeze({
  MISSING: 'missing', // not installed / not registered for this extension
  BROKEN: 'broken',   // installed, but crashed or spoke garbage
  TIMEOUT: 'timeout', // started, never answered
});

export class HostError extends Error {
  constructor(kind, message) {
    super(message);
    this.name = 'HostError';
    this.kind = kind;
  }
}

// Exact strings of Chromium 156 and Firefox ESR 153. A missing manifest, a
// manifest whose path is wrong, and one that does not list our origin (or
// add-on id) all mean "not installed for this browser" to the user. Firefox
// says "No such native application <name>" for all of these (the real reason
// is only in its browser console) and "An unexpected error occurred" for a
// host that cannot start or exits without replying: broken, like every
// other message. Neither browser times out by itself; askHost does.
const MISSING_MESSAGES = [
  'Specified native messaging host not found.',
  'Access to the specified native messaging host is forbidden.',
  'No such native application',
];

export function classifyHostError(message) {
  const text = String(message ?? '');
  if (MISSING_MESSAGES.some((m) => text.includes(m))) return HOST_FAILURE.MISSING;
  return HOST_FAILURE.BROKEN;
}

// Sends `message` to the host and resolves with its reply object. Rejects
// with a HostError: MISSING, BROKEN (including "Native host has exited.",
// "Error when communicating with the native messaging host." and a reply that
// is not an object) or TIMEOUT after `timeoutMs`.
export async function askHost(message, { timeoutMs = HOST_TIMEOUT_MS } = {}) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new HostError(HOST_FAILURE.TIMEOUT, `The native host did not answer within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
  });
  try {
    const reply = await Promise.race([sendNative(message), timeout]);
    if (reply === null || typeof reply !== 'object' || Array.isArray(reply)) {
      throw new HostError(HOST_FAILURE.BROKEN, 'The native host sent a reply that is not a JSON object.');
    }
    return reply;
  } finally {
    clearTimeout(timer);
  }
}

async function sendNative(message) {
  try {
    // The promise form; the bindings may also throw synchronously (a message
    // over 64 MiB), which `await` inside this try turns into a rejection.
    return await chrome.runtime.sendNativeMessage(HOST_NAME, message);
  } catch (err) {
    const text = err?.message ?? String(err);
    throw new HostError(classifyHostError(text), text);
  }
}

// {type:"ping"} -> {installed:true, version, rules} or {installed:false,
// kind, message}. Never rejects: the popup shows whatever this says.
export async function hostStatus() {
  try {
    const reply = await askHost({ type: 'ping' });
    if (reply.ok !== true) {
      return { installed: false, kind: HOST_FAILURE.BROKEN, message: replyErrorText(reply) };
    }
    return { installed: true, version: String(reply.version ?? '?'), rules: Number(reply.rules ?? 0) };
  } catch (err) {
    return { installed: false, kind: err.kind ?? HOST_FAILURE.BROKEN, message: err.message };
  }
}

// A readable message from {"ok":false,"error":{"code","message"}}.
export function replyErrorText(reply) {
  const code = reply?.error?.code;
  const message = reply?.error?.message;
  if (code && message) return `${message} (${code})`;
  return message || code || 'The native host answered with an error but gave no reason.';
}
