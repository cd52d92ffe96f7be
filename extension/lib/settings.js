// User options (chrome.storage.sync): what they may be, their defaults, and
// the one validation both the options page and the service worker use, so a
// value that reaches the worker by any route (sync from another machine, a
// hand-edited profile) is checked the same way before anything is opened.

import { DEFAULT_BASE_URL, OPEN_IN, STORAGE } from './constants.js';

export const DEFAULT_SETTINGS = Object.freeze({
  baseUrl: DEFAULT_BASE_URL,
  openIn: OPEN_IN.NEW_TAB,
  serviceUrl: '', // empty: no redirect-service fallback
});

// Returns {ok:true, url} with the URL normalised (no trailing slash), or
// {ok:false, error} saying what is wrong in plain words. Accepts only absolute
// http(s) URLs without credentials, query or fragment, because every URL the
// extension opens is built by appending to this one.
export function checkServiceBase(text, what) {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (raw === '') return { ok: false, error: `${what} is empty` };
  if (/[\s\\]/.test(raw)) return { ok: false, error: `${what} must not contain spaces or backslashes` };
  let url;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: `${what} is not a URL: ${raw}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: `${what} must start with https:// or http://` };
  }
  if (!url.hostname) return { ok: false, error: `${what} has no host name` };
  if (url.username || url.password) return { ok: false, error: `${what} must not contain a user name or password` };
  if (url.search || raw.includes('?')) return { ok: false, error: `${what} must not contain a query (?...)` };
  if (url.hash || raw.includes('#')) return { ok: false, error: `${what} must not contain a fragment (#...)` };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

// Validates a settings object as stored. Returns {settings, errors}: settings
// always holds usable values (a bad field falls back to its default), errors
// maps each bad field to its message.
export function validateSettings(raw) {
  const input = raw && typeof raw === 'object' ? raw : {};
  const settings = { ...DEFAULT_SETTINGS };
  const errors = {};

  if (input.baseUrl !== undefined && input.baseUrl !== '') {
    const base = checkServiceBase(input.baseUrl, 'Cool Papers base URL');
    if (base.ok) settings.baseUrl = base.url;
    else errors.baseUrl = base.error;
  }

  if (input.openIn !== undefined) {
    if (Object.values(OPEN_IN).includes(input.openIn)) settings.openIn = input.openIn;
    else errors.openIn = `unknown choice: ${String(input.openIn)}`;
  }

  if (typeof input.serviceUrl === 'string' && input.serviceUrl.trim() !== '') {
    const service = checkServiceBase(input.serviceUrl, 'Redirect service URL');
    if (service.ok) settings.serviceUrl = service.url;
    else errors.serviceUrl = service.error;
  }
  return { settings, errors };
}

// Reads the settings; invalid stored values fall back to defaults.
export async function loadSettings() {
  const stored = await chrome.storage.sync.get(STORAGE.SETTINGS);
  return validateSettings(stored[STORAGE.SETTINGS]).settings;
}

// Stores `raw` only if every field is valid. Returns {ok, settings, errors}.
export async function saveSettings(raw) {
  const { settings, errors } = validateSettings(raw);
  if (Object.keys(errors).length > 0) return { ok: false, settings, errors };
  await chrome.storage.sync.set({ [STORAGE.SETTINGS]: settings });
  return { ok: true, settings, errors };
}
