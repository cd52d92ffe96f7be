// Omnibox keyword `cp`: `cp 2312.00001`, `cp <paper URL>`, `cp some words`.
// Typed text is read like the command line's `auto` field: a URL is a page,
// anything else a selection (so plain words end in the search).

import { infoFromTypedText } from '../lib/requests.js';
import { DISPOSITION } from './open_tab.js';
import { coolpapersRedirect } from './redirect.js';

// omnibox.OnInputEnteredDisposition -> how open_tab.js opens the page.
const FROM_OMNIBOX = Object.freeze({
  currentTab: DISPOSITION.CURRENT_TAB,
  newForegroundTab: DISPOSITION.NEW_TAB,
  newBackgroundTab: DISPOSITION.NEW_BACKGROUND_TAB,
});

export async function onOmniboxEntered(text, disposition) {
  // Without the "tabs" permission this tab has no URL, but id and index are
  // all open_tab.js needs.
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return coolpapersRedirect(infoFromTypedText(text), tab, {
    disposition: FROM_OMNIBOX[disposition] ?? DISPOSITION.CURRENT_TAB,
  });
}

export function registerOmnibox() {
  // %s is Chrome's placeholder for the typed text; Chrome escapes it, so no
  // user text is ever put into the XML description by us.
  chrome.omnibox.setDefaultSuggestion({ description: 'Open on Cool Papers: %s' });
  chrome.omnibox.onInputEntered.addListener(onOmniboxEntered);
}
