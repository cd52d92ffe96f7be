// Toolbar popup: redirect the current page, show whether the native host is
// installed (ping: version and number of rules, or how to install it) and
// the last redirect. All work is done by the service worker.

import { INSTALL_HINT, MESSAGE } from '../lib/constants.js';
import { describeHost, describeLastRedirect } from './describe.js';

const $ = (id) => document.getElementById(id);

async function showStatus() {
  const status = await chrome.runtime.sendMessage({ type: MESSAGE.HOST_STATUS });
  const host = describeHost(status);
  $('host-status').textContent = host.text;
  $('host-status').dataset.state = host.state;
  if (host.state === 'missing') {
    $('install-hint').textContent = INSTALL_HINT;
    $('install-hint').hidden = false;
  }
  $('last-redirect').textContent = describeLastRedirect(status?.lastRedirect);
}

async function redirectThisPage() {
  $('redirect').disabled = true;
  // Opening the popup granted activeTab, so the active tab's URL is readable.
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const result = await chrome.runtime.sendMessage({
    type: MESSAGE.REDIRECT,
    tab: tab && { id: tab.id, index: tab.index, windowId: tab.windowId, url: tab.url },
  });
  if (result?.ok) {
    window.close();
    return;
  }
  $('redirect-result').textContent = result?.error ?? 'Could not redirect.';
  $('redirect-result').hidden = false;
  $('redirect').disabled = false;
}

$('redirect').addEventListener('click', redirectThisPage);
$('open-options').addEventListener('click', (event) => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
});
showStatus().catch((err) => {
  $('host-status').textContent = `Could not ask the service worker: ${err?.message ?? err}`;
  $('host-status').dataset.state = 'broken';
});
