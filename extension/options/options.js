// Options page: edits chrome.storage.sync through lib/settings.js, which
// validates every field the same way the service worker does.

import { STORAGE } from '../lib/constants.js';
import { DEFAULT_SETTINGS, saveSettings, validateSettings } from '../lib/settings.js';

const form = document.getElementById('options');
const FIELDS = ['baseUrl', 'openIn', 'serviceUrl'];

function showErrors(errors) {
  for (const field of FIELDS) {
    const el = document.getElementById(`${field}-error`);
    el.textContent = errors[field] ?? '';
    el.hidden = !errors[field];
  }
}

async function load() {
  const stored = await chrome.storage.sync.get(STORAGE.SETTINGS);
  const { settings } = validateSettings(stored[STORAGE.SETTINGS] ?? DEFAULT_SETTINGS);
  form.baseUrl.value = settings.baseUrl;
  form.serviceUrl.value = settings.serviceUrl;
  form.querySelector(`input[name="openIn"][value="${settings.openIn}"]`).checked = true;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const saved = document.getElementById('saved');
  saved.textContent = '';
  const result = await saveSettings({
    baseUrl: form.baseUrl.value,
    openIn: form.querySelector('input[name="openIn"]:checked')?.value,
    serviceUrl: form.serviceUrl.value,
  });
  showErrors(result.errors);
  if (result.ok) {
    form.baseUrl.value = result.settings.baseUrl;
    form.serviceUrl.value = result.settings.serviceUrl;
    saved.textContent = 'Saved.';
  }
});

load();
