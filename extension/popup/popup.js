// Toolbar popup: resolve pasted text (the omnibox's path), redirect the
// current page, list the recent redirects, and show whether the native host
// is installed (ping: version and number of rules, or how to install it).
// All work is done by the service worker.

import { INSTALL_HINT, MESSAGE } from '../lib/constants.js';
import { describeHost, describeRecent } from './describe.js';

const $ = (id) => document.getElementById(id);

function showRecent(recent) {
  const list = $('recent');
  list.replaceChildren();
  for (const entry of Array.isArray(recent) ? recent : []) {
    const line = describeRecent(entry);
    if (!line) continue;
    const item = document.createElement('li');
    item.title = line.text;
    const input = document.createElement('span');
    input.className = 'input';
    input.textContent = `${line.input} → `;
    const link = document.createElement('a');
    link.href = line.url;
    link.target = '_blank';
    link.textContent = line.url;
    item.append(input, link);
    list.append(item);
  }
  $('recent-none').hidden = list.children.length > 0;
}

async function showStatus() {
  const status = await chrome.runtime.sendMessage({ type: MESSAGE.HOST_STATUS });
  const host = describeHost(status);
  $('host-status').textContent = host.text;
  $('host-status').dataset.state = host.state;
  if (host.state === 'missing') {
    $('install-hint').textContent = INSTALL_HINT;
    $('install-hint').hidden = false;
  }
  showRecent(status?.recent);
}

// The tab the popup belongs to: opening the popup granted activeTab, so its
// URL is readable.
async function activeTab() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab && { id: tab.id, index: tab.index, windowId: tab.windowId, url: tab.url };
}

// Sends `message` with the active tab; closes the popup once a page opened,
// else shows why in `errorId` and re-enables `buttonId`.
async function ask(message, buttonId, errorId) {
  $(buttonId).disabled = true;
  $(errorId).hidden = true;
  let result;
  try {
    result = await chrome.runtime.sendMessage({ ...message, tab: await activeTab() });
  } catch (err) {
    result = { ok: false, error: `Could not ask the service worker: ${err?.message ?? err}` };
  }
  $(buttonId).disabled = false;
  if (result?.ok) {
    window.close();
    return false;
  }
  $(errorId).textContent = result?.error ?? 'Could not redirect.';
  $(errorId).hidden = false;
  return true;
}

async function resolveTyped(event) {
  event.preventDefault();
  const input = $('resolve-input');
  const text = input.value.trim();
  if (!text) {
    $('resolve-error').textContent = 'Paste a paper URL, an arXiv id or a reference first.';
    $('resolve-error').hidden = false;
    input.focus();
    return;
  }
  if (await ask({ type: MESSAGE.RESOLVE_TEXT, text }, 'resolve-submit', 'resolve-error')) {
    input.focus();
    input.select();
  }
}

$('resolve-form').addEventListener('submit', resolveTyped);
$('redirect').addEventListener('click', () => ask({ type: MESSAGE.REDIRECT }, 'redirect', 'redirect-result'));
$('open-options').addEventListener('click', (event) => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
});
$('resolve-input').focus();
showStatus().catch((err) => {
  $('host-status').textContent = `Could not ask the service worker: ${err?.message ?? err}`;
  $('host-status').dataset.state = 'broken';
});
