// Opening a URL next to the tab the user acted on, or in place of it.
// The single place that opens pages: it refuses anything isAllowedTarget
// rejects, so no caller can open a URL outside the configured base or the
// configured redirect service.

import { isAllowedTarget } from '../lib/targets.js';

// How to open: the options' OPEN_IN values, plus the omnibox's background tab.
export const DISPOSITION = Object.freeze({
  NEW_TAB: 'newTab',
  CURRENT_TAB: 'currentTab',
  NEW_BACKGROUND_TAB: 'newBackgroundTab',
});

const isId = (n) => Number.isInteger(n) && n >= 0;

export async function openTarget(url, tab, disposition, settings) {
  if (!isAllowedTarget(url, settings)) {
    throw new Error(`refusing to open ${url}: it is neither under ${settings.baseUrl} nor the configured redirect service`);
  }
  if (disposition === DISPOSITION.CURRENT_TAB && isId(tab?.id)) {
    return chrome.tabs.update(tab.id, { url });
  }
  const props = { url, active: disposition !== DISPOSITION.NEW_BACKGROUND_TAB };
  if (isId(tab?.index)) props.index = tab.index + 1;
  if (isId(tab?.id)) props.openerTabId = tab.id;
  if (isId(tab?.windowId)) props.windowId = tab.windowId;
  try {
    return await chrome.tabs.create(props);
  } catch (err) {
    // The tab may have been closed meanwhile (so its id and window are gone):
    // still open the page, just without a position.
    console.warn('Cool Papers: opening next to the tab failed, opening at the end:', err?.message ?? err);
    return chrome.tabs.create({ url, active: props.active });
  }
}
