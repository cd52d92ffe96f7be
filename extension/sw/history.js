// The last successful redirect, shown by the popup. Kept in
// chrome.storage.local because the worker can be stopped at any time.

import { STORAGE } from '../lib/constants.js';

export async function recordRedirect(entry) {
  await chrome.storage.local.set({ [STORAGE.LAST_REDIRECT]: { ...entry, at: Date.now() } });
}

export async function lastRedirect() {
  const stored = await chrome.storage.local.get(STORAGE.LAST_REDIRECT);
  return stored[STORAGE.LAST_REDIRECT] ?? null;
}
