// The "Redirect to Cool Papers" context menu item.
//
// Chrome matches an item's `contexts` and `documentUrlPatterns` together, so
// "links and selections everywhere, the page on paper sites, everything in
// their PDF viewers" takes three items with the same title:
//   - LINK_OR_SELECTION: contexts link + selection, on every page;
//   - PAGE: context page, only on paper sites (documentUrlPatterns);
//   - PDF_VIEWER: every web content context, only in arXiv/OpenReview PDFs.
// Chrome offers `page` only when the click is on no link, selection, image
// or editable field, so on web pages at most one item shows. The PDF viewer
// is different (checked under Xvfb on Chromium 156): its content is a
// subframe whose document URL is the PDF's, so `page` never matches there
// and `frame` must be used. PDF_VIEWER lists what `all` stands for except
// `action`: `all` would also put the item into the toolbar button's own
// right-click menu. On a selection inside a PDF both
// LINK_OR_SELECTION and PDF_VIEWER match and Chrome groups them under the
// extension's name; both send the same click data, so either entry does the
// same thing.

import { coolpapersRedirect } from './redirect.js';

export const MENU_TITLE = 'Redirect to Cool Papers';

export const MENU_IDS = Object.freeze({
  LINK_OR_SELECTION: 'coolpapers-redirect-link-or-selection',
  PAGE: 'coolpapers-redirect-page',
  PDF_VIEWER: 'coolpapers-redirect-pdf-viewer',
});

// Pages of paper sites, where the page menu item applies. `*://` stands for http and https.
export const PAPER_PAGE_PATTERNS = Object.freeze([
  '*://arxiv.org/abs/*', '*://www.arxiv.org/abs/*',
  '*://arxiv.org/html/*', '*://www.arxiv.org/html/*',
  '*://arxiv.org/list/*', '*://www.arxiv.org/list/*',
  '*://export.arxiv.org/*',
  '*://ar5iv.org/*', '*://ar5iv.labs.arxiv.org/*',
  '*://alphaxiv.org/*', '*://www.alphaxiv.org/*',
  '*://huggingface.co/papers/*',
  '*://openreview.net/forum*',
  '*://aclanthology.org/*', '*://www.aclweb.org/anthology/*',
  '*://ijcai.org/proceedings/*', '*://www.ijcai.org/proceedings/*',
  '*://proceedings.mlr.press/*',
  '*://openaccess.thecvf.com/*',
  '*://usenix.org/conference/*', '*://www.usenix.org/conference/*',
  '*://ojs.aaai.org/index.php/AAAI/article/*',
]);

// Chrome's built-in PDF viewer showing an arXiv or OpenReview PDF.
export const PDF_VIEWER_PATTERNS = Object.freeze([
  '*://arxiv.org/pdf/*', '*://www.arxiv.org/pdf/*', '*://export.arxiv.org/pdf/*',
  '*://openreview.net/pdf*',
]);

// `all` without `action` (and without `launcher`/`tab`, which `all` leaves
// out anyway).
const WEB_CONTENT_CONTEXTS = Object.freeze(['page', 'frame', 'selection', 'link', 'editable', 'image', 'video', 'audio']);

export const MENU_ITEMS = Object.freeze([
  { id: MENU_IDS.LINK_OR_SELECTION, title: MENU_TITLE, contexts: ['link', 'selection'] },
  { id: MENU_IDS.PAGE, title: MENU_TITLE, contexts: ['page'], documentUrlPatterns: [...PAPER_PAGE_PATTERNS] },
  { id: MENU_IDS.PDF_VIEWER, title: MENU_TITLE, contexts: [...WEB_CONTENT_CONTEXTS], documentUrlPatterns: [...PDF_VIEWER_PATTERNS] },
]);

// Menus persist across worker restarts; create them once per install or
// update, after removing whatever an older version left behind.
export async function createMenus() {
  await chrome.contextMenus.removeAll();
  for (const item of MENU_ITEMS) {
    await new Promise((resolve) => {
      chrome.contextMenus.create(item, () => {
        if (chrome.runtime.lastError) {
          console.error(`Cool Papers: creating menu item ${item.id} failed:`, chrome.runtime.lastError.message);
        }
        resolve();
      });
    });
  }
}

export function onMenuClicked(info, tab) {
  if (!Object.values(MENU_IDS).includes(info.menuItemId)) return undefined;
  return coolpapersRedirect(info, tab);
}

export function registerContextMenu() {
  chrome.runtime.onInstalled.addListener(createMenus);
  chrome.contextMenus.onClicked.addListener(onMenuClicked);
}
