// Messages from the content script (page links) and from the popup.
// The content script runs inside web pages, so it may only ask for
// resolveBatch, and what it sends is sanitised; redirecting and the host
// status are for the extension's own pages.

import { BATCH_MAX_ITEMS, BATCH_MAX_TOTAL_ITEMS, MESSAGE, TYPED_TEXT_MAX_CHARS } from '../lib/constants.js';
import { askHost, hostStatus, replyErrorText } from '../lib/native_host.js';
import { infoFromTypedText, sanitizeBatchItem } from '../lib/requests.js';
import { loadSettings } from '../lib/settings.js';
import { isCoolPapersUrl } from '../lib/targets.js';
import { recentRedirects } from './history.js';
import { coolpapersRedirect } from './redirect.js';

// Resolves many inputs with as few host round trips as the host allows
// (one for a listing page of up to BATCH_MAX_ITEMS entries). Returns
// {ok:true, results:[{url}|null, ...]} aligned with `items`, or
// {ok:false, error} when the host cannot be used. Shows nothing to the user:
// page links simply do not appear without a working host.
export async function resolveBatch(items) {
  if (!Array.isArray(items)) return { ok: false, error: 'items must be an array' };
  const settings = await loadSettings();
  const clean = items.slice(0, BATCH_MAX_TOTAL_ITEMS).map(sanitizeBatchItem);
  const results = [];
  try {
    for (let start = 0; start < clean.length; start += BATCH_MAX_ITEMS) {
      const chunk = clean.slice(start, start + BATCH_MAX_ITEMS);
      for (const r of await resolveChunk(chunk, settings.baseUrl)) {
        results.push(r?.ok === true && isCoolPapersUrl(r.url, settings.baseUrl) ? { url: r.url } : null);
      }
    }
  } catch (err) {
    return { ok: false, error: err.message, kind: err.kind };
  }
  while (results.length < items.length) results.push(null);
  return { ok: true, results };
}

// One resolveBatch, plus a resend of the tail whenever the host answers
// {"truncated":true} (it stops before its reply would pass Chrome's 1 MiB
// limit). Resolves with one raw result per item; rejects on host failure.
async function resolveChunk(items, base) {
  const results = [];
  while (results.length < items.length) {
    const reply = await askHost({ type: 'resolveBatch', base, items: items.slice(results.length) });
    if (reply.ok !== true || !Array.isArray(reply.results)) throw new Error(replyErrorText(reply));
    results.push(...reply.results);
    if (reply.truncated !== true || reply.results.length === 0) break; // no progress: give up on the rest
  }
  return results.slice(0, items.length);
}

export async function popupStatus() {
  const [host, settings, recent] = await Promise.all([hostStatus(), loadSettings(), recentRedirects()]);
  return { ok: true, host, serviceUrl: settings.serviceUrl, baseUrl: settings.baseUrl, recent };
}

function fromExtensionPage(sender) {
  return sender?.id === chrome.runtime.id && typeof sender.url === 'string' &&
    sender.url.startsWith(chrome.runtime.getURL(''));
}

const HANDLERS = {
  [MESSAGE.RESOLVE_BATCH]: { pagesOnly: false, run: (msg) => resolveBatch(msg.items) },
  [MESSAGE.HOST_STATUS]: { pagesOnly: true, run: () => popupStatus() },
  [MESSAGE.REDIRECT]: {
    pagesOnly: true,
    run: (msg) => coolpapersRedirect({ pageUrl: msg.tab?.url }, msg.tab),
  },
  // The popup's input box: read like the omnibox's typed text.
  [MESSAGE.RESOLVE_TEXT]: {
    pagesOnly: true,
    run: (msg) => coolpapersRedirect(infoFromTypedText(String(msg.text ?? '').slice(0, TYPED_TEXT_MAX_CHARS)), msg.tab),
  },
};

export function onMessage(msg, sender, sendResponse) {
  const handler = HANDLERS[msg?.type];
  if (!handler) return false;
  if (handler.pagesOnly && !fromExtensionPage(sender)) {
    sendResponse({ ok: false, error: `${msg.type} is only accepted from the extension's own pages` });
    return false;
  }
  handler.run(msg, sender).then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message ?? err) }));
  return true; // sendResponse is called asynchronously
}

export function registerMessages() {
  chrome.runtime.onMessage.addListener(onMessage);
}
