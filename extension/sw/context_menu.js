// The "Redirect to Cool Papers" context menu item.
//
// Chrome matches an item's `contexts` and `documentUrlPatterns` together, so
// "links and selections everywhere, the page on paper sites, everything in
// their PDF viewers" takes three items with the same title:
//   - LINK_OR_SELECTION: contexts link + selection, on every page;
//   - PAGE: context page, only on paper sites (documentUrlPatterns);
//   - PDF_VIEWER: every web content context, only in paper sites' PDFs.
// The sites and their patterns come from the rule table (lib/sites.js).
// Chrome offers `page` only when the click is on no link, selection, image
// or editable field, so on web pages at most one item shows. The PDF viewers
// differ (checked on Chromium 156 and Firefox ESR 153): Chromium's content
// is a subframe whose document URL is the PDF's, so there `page` never
// matches and only `frame` does; Firefox's pdf.js is the page itself, so
// there `page` matches and `frame` does not. PDF_VIEWER holds both, so one
// item serves both browsers. PDF_VIEWER lists what `all` stands for except
// `action`: `all` would also put the item into the toolbar button's own
// right-click menu. On a selection inside a PDF both
// LINK_OR_SELECTION and PDF_VIEWER match and Chrome groups them under the
// extension's name; both send the same click data, so either entry does the
// same thing.

import { loadFamilies, menuPatterns } from '../lib/sites.js';
import { coolpapersRedirect } from './redirect.js';

export const MENU_TITLE = 'Redirect to Cool Papers';

export const MENU_IDS = Object.freeze({
  LINK_OR_SELECTION: 'coolpapers-redirect-link-or-selection',
  PAGE: 'coolpapers-redirect-page',
  PDF_VIEWER: 'coolpapers-redirect-pdf-viewer',
});

// `all` without `action` (and without `launcher`/`tab`, which `all` leaves
// out anyway).
const WEB_CONTENT_CONTEXTS = Object.freeze(['page', 'frame', 'selection', 'link', 'editable', 'image', 'video', 'audio']);

// The items for the given patterns. The page and PDF items exist only when
// some site gives them patterns (an empty documentUrlPatterns is not "none").
export function menuItems({ pagePatterns, pdfPatterns }) {
  const items = [{ id: MENU_IDS.LINK_OR_SELECTION, title: MENU_TITLE, contexts: ['link', 'selection'] }];
  if (pagePatterns.length > 0) {
    items.push({ id: MENU_IDS.PAGE, title: MENU_TITLE, contexts: ['page'], documentUrlPatterns: [...pagePatterns] });
  }
  if (pdfPatterns.length > 0) {
    items.push({ id: MENU_IDS.PDF_VIEWER, title: MENU_TITLE, contexts: [...WEB_CONTENT_CONTEXTS], documentUrlPatterns: [...pdfPatterns] });
  }
  return items;
}

// Menus persist across worker restarts; they are made on install or update
// and at browser start-up (when the user's rule file may have changed),
// after removing whatever was there before. The sites are read first, so the
// old menus stay usable while the host answers. Calls are serialised: two
// events at once must not interleave removeAll and create.
// Resolves to {source, items}: where the sites came from and what was made.
let pending = Promise.resolve();
export function createMenus() {
  const run = pending.then(async () => {
    const { source, families } = await loadFamilies();
    const items = menuItems(menuPatterns(families));
    await chrome.contextMenus.removeAll();
    for (const item of items) {
      await new Promise((resolve) => {
        chrome.contextMenus.create(item, () => {
          if (chrome.runtime.lastError) {
            console.error(`Cool Papers: creating menu item ${item.id} failed:`, chrome.runtime.lastError.message);
          }
          resolve();
        });
      });
    }
    return { source, items };
  });
  pending = run.catch(() => {});
  return run;
}

export function onMenuClicked(info, tab) {
  if (!Object.values(MENU_IDS).includes(info.menuItemId)) return undefined;
  return coolpapersRedirect(info, tab);
}

export function registerContextMenu() {
  chrome.runtime.onInstalled.addListener(() => createMenus());
  chrome.runtime.onStartup.addListener(() => createMenus());
  chrome.contextMenus.onClicked.addListener(onMenuClicked);
}
