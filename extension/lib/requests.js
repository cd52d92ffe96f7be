// Turning what the user pointed at into native host requests (the protocol in
// native_host/PROTOCOL.md). Pure functions: no chrome.* here.

import { INPUT_FIELDS, INPUT_MAX_CHARS } from './constants.js';

// The input fields of `info` (contextMenus.OnClickData or our own object with
// the same field names) that hold non-empty strings, in priority order.
export function inputFields(info) {
  const fields = {};
  for (const name of INPUT_FIELDS) {
    const value = info?.[name];
    if (typeof value === 'string' && value !== '') fields[name] = value;
  }
  return fields;
}

// {type:"resolve", selectionText?, linkUrl?, pageUrl?, frameUrl?, pageMeta?, base}
// (pageMeta: the page's meta tags, already sanitised by lib/page_meta.js)
export function resolveRequest(info, baseUrl) {
  const pageMeta = info?.pageMeta && typeof info.pageMeta === 'object' ? { pageMeta: info.pageMeta } : {};
  return { type: 'resolve', ...inputFields(info), ...pageMeta, base: baseUrl };
}

// Items for {type:"resolveBatch"} from untrusted callers (content scripts):
// only the four known string fields survive, each at most INPUT_MAX_CHARS.
// (The target base is sent once, batch-wide.)
export function sanitizeBatchItem(item) {
  const clean = {};
  for (const [name, value] of Object.entries(inputFields(item))) {
    clean[name] = value.slice(0, INPUT_MAX_CHARS);
  }
  return clean;
}

export function hasInput(info) {
  return Object.keys(inputFields(info)).length > 0;
}

// What the omnibox (`cp TEXT`) and the command line's `auto` field mean by
// TEXT: a URL is a page the user is looking at, anything else is a selection
// (so plain words fall back to the search).
export function infoFromTypedText(text) {
  const trimmed = String(text ?? '').trim();
  if (/^https?:\/\//i.test(trimmed)) return { pageUrl: trimmed };
  return { selectionText: trimmed };
}

// The one text sent to the redirect service when the native host is missing:
// the service resolves a single input, so take the first field in priority
// order (selection, link, page, frame).
export function firstInputText(info) {
  const fields = inputFields(info);
  for (const name of INPUT_FIELDS) if (fields[name]) return fields[name];
  return '';
}
