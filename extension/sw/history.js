// The recent successful redirects, shown by the popup: what the user gave
// and the page it led to. Kept in chrome.storage.local because the worker
// can be stopped at any time.

import { RECENT_REDIRECTS_SHOWN, STORAGE } from '../lib/constants.js';

export async function recordRedirect(entry) {
  const stamped = { ...entry, at: Date.now() };
  const recent = await recentRedirects();
  await chrome.storage.local.set({
    [STORAGE.RECENT_REDIRECTS]: [stamped, ...recent].slice(0, RECENT_REDIRECTS_SHOWN),
  });
}

// The newest first, at most RECENT_REDIRECTS_SHOWN.
export async function recentRedirects() {
  const stored = await chrome.storage.local.get(STORAGE.RECENT_REDIRECTS);
  const recent = stored[STORAGE.RECENT_REDIRECTS];
  return Array.isArray(recent) ? recent.slice(0, RECENT_REDIRECTS_SHOWN) : [];
}
