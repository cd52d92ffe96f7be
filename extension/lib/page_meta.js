// The page's meta tags (Highwire/Google Scholar, Dublin Core), read on the
// user's click on the page itself, so that paper sites whose URLs hold no id
// still resolve (native_host/PROTOCOL.md, "pageMeta").
//
// Reading needs the "scripting" permission and the tab access that
// "activeTab" grants on the user's gesture: no host permissions. Where the
// page cannot be scripted (the PDF viewer, chrome:// pages, a page the click
// did not grant) nothing is read and the request goes without.

// The tags the resolver uses; og:title and <title> are left out on purpose
// (an index page or a blog has them too).
export const PAGE_META_NAMES = Object.freeze([
  'citation_arxiv_id', 'citation_doi', 'citation_pdf_url', 'citation_title', 'DC.title',
]);
export const PAGE_META_MAX_CHARS = 4096;

// Runs inside the page (chrome.scripting serialises it: self-contained, no
// closure): the first non-empty content of each wanted <meta name>.
export function collectPageMeta(names, maxChars) {
  const wanted = new Map(names.map((name) => [name.toLowerCase(), name]));
  const found = {};
  for (const meta of document.querySelectorAll('meta[name][content]')) {
    const name = wanted.get(String(meta.getAttribute('name')).trim().toLowerCase());
    const content = String(meta.getAttribute('content') ?? '').trim();
    if (name && content && !(name in found)) found[name] = content.slice(0, maxChars);
  }
  return found;
}

// What the page script returned, trusted no further than its shape: known
// names with non-empty string values, each capped. Returns undefined when
// nothing is left.
export function sanitizePageMeta(raw) {
  if (raw === null || typeof raw !== 'object') return undefined;
  const clean = {};
  for (const name of PAGE_META_NAMES) {
    const value = raw[name];
    if (typeof value === 'string' && value.trim() !== '') clean[name] = value.trim().slice(0, PAGE_META_MAX_CHARS);
  }
  return Object.keys(clean).length > 0 ? clean : undefined;
}

// True iff `info` is a click on the page itself (page menu, toolbar button,
// shortcut) of `tab`: a page URL that is the tab's, no link, no selection,
// and not a PDF (the PDF viewer has no page to read).
export function isPageClick(info, tab) {
  return typeof info?.pageUrl === 'string' && info.pageUrl !== '' && !info.linkUrl && !info.selectionText &&
    typeof tab?.id === 'number' && tab.url === info.pageUrl && !/\.pdf(?:[?#]|$)/i.test(info.pageUrl);
}

// The meta tags of the tab's top frame, or undefined (never rejects).
export async function readPageMeta(tabId) {
  try {
    const results = await chrome.scripting.executeScript({
      target: { tabId },
      func: collectPageMeta,
      args: [PAGE_META_NAMES, PAGE_META_MAX_CHARS],
    });
    return sanitizePageMeta(results?.[0]?.result);
  } catch {
    return undefined;
  }
}
