// Content script: adds a "Cool Papers" link to arXiv abstract pages, next to
// every entry of arXiv listing pages (/list/...), to OpenReview forum pages
// and to ACL Anthology paper pages.
//
// All entries of a page are resolved with one resolveBatch message to the
// service worker, which asks the native host; links appear only for entries
// the host resolved. Without a working host nothing visible happens.
// Links are built with DOM APIs and textContent only; page text is never
// parsed as HTML. A classic script (content scripts cannot be modules), kept
// free of globals by the IIFE.

(() => {
  'use strict';

  // Must equal MESSAGE.RESOLVE_BATCH in lib/constants.js (a unit test checks).
  const RESOLVE_BATCH = 'coolpapers/resolveBatch';
  const LINK_CLASS = 'coolpapers-link';
  const LINK_TEXT = 'Cool Papers';
  const DONE_ATTRIBUTE = 'data-coolpapers-links';
  // OpenReview renders the forum with JavaScript; wait this long for it.
  const RENDER_WAIT_MS = 15000;

  function makeLink(url, extraClass) {
    const a = document.createElement('a');
    a.href = url;
    a.textContent = LINK_TEXT;
    a.title = 'Open this paper on Cool Papers';
    a.target = '_blank';
    a.rel = 'noopener';
    a.className = extraClass ? `${LINK_CLASS} ${extraClass}` : LINK_CLASS;
    return a;
  }

  const isArxivHost = (host) => host === 'arxiv.org' || host === 'www.arxiv.org';

  // Each site: when it applies, which element shows the page is rendered,
  // and its entries: {item (the resolve input), place(url) (adds the link)}.
  const SITES = [
    {
      name: 'arxiv-abs',
      applies: (loc) => isArxivHost(loc.hostname) && loc.pathname.startsWith('/abs/'),
      readySelector: '#abs-outer, #abs, h1.title',
      entries: (doc, loc) => [{
        item: { pageUrl: loc.href },
        place(url) {
          // The "Access Paper" list (View PDF, HTML, TeX Source, ...).
          const list = doc.querySelector('.extra-services .full-text ul');
          if (list) {
            const li = doc.createElement('li');
            li.append(makeLink(url, 'abs-button'));
            list.append(li);
            return;
          }
          const title = doc.querySelector('h1.title');
          if (title) title.after(makeLink(url));
        },
      }],
    },
    {
      name: 'arxiv-list',
      applies: (loc) => isArxivHost(loc.hostname) && loc.pathname.startsWith('/list/'),
      readySelector: 'dl',
      entries: (doc) => Array.from(doc.querySelectorAll('dl > dt'))
        .map((dt) => ({ dt, abs: dt.querySelector('a[title="Abstract"]') }))
        .filter(({ abs }) => abs && abs.href)
        .map(({ dt, abs }) => ({
          item: { linkUrl: abs.href },
          place(url) {
            // After the "[pdf, html, other]" links: " [Cool Papers]".
            const span = doc.createElement('span');
            span.className = 'coolpapers-entry';
            span.append(' [', makeLink(url), ']');
            dt.append(span);
          },
        })),
    },
    {
      name: 'openreview-forum',
      applies: (loc) => loc.hostname === 'openreview.net' && loc.pathname === '/forum',
      readySelector: '.forum-title',
      rendersLate: true,
      entries: (doc, loc) => [{
        item: { pageUrl: loc.href },
        place(url) {
          const title = doc.querySelector('.forum-title');
          const box = doc.createElement('div');
          box.className = 'forum-content-link';
          box.append(makeLink(url));
          title.append(box);
        },
      }],
    },
    {
      name: 'acl-paper',
      applies: (loc) => loc.hostname === 'aclanthology.org',
      // Only paper pages have the PDF/Cite/... button block; volume, event
      // and people pages do not, so they get nothing.
      readySelector: '.acl-paper-link-block',
      entries: (doc, loc) => [{
        item: { pageUrl: loc.href },
        place(url) {
          doc.querySelector('.acl-paper-link-block').append(makeLink(url, 'btn btn-secondary'));
        },
      }],
    },
  ];

  function whenPresent(selector, timeoutMs) {
    return new Promise((resolve) => {
      const found = document.querySelector(selector);
      if (found) {
        resolve(found);
        return;
      }
      const observer = new MutationObserver(() => {
        const el = document.querySelector(selector);
        if (el) {
          observer.disconnect();
          clearTimeout(timer);
          resolve(el);
        }
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, timeoutMs);
      observer.observe(document.documentElement, { childList: true, subtree: true });
    });
  }

  // Marks the page with how it went (pending, none, unavailable, or the
  // number of links added): invisible, and what the tests wait for.
  async function run() {
    const site = SITES.find((s) => s.applies(location));
    if (!site) return;
    const root = document.documentElement;
    if (root.hasAttribute(DONE_ATTRIBUTE)) return; // injected twice
    root.setAttribute(DONE_ATTRIBUTE, 'pending');
    // Server-rendered pages are complete at document_idle; only pages built
    // by JavaScript are waited for.
    const ready = site.rendersLate
      ? await whenPresent(site.readySelector, RENDER_WAIT_MS)
      : document.querySelector(site.readySelector);
    const entries = ready ? site.entries(document, location) : [];
    if (entries.length === 0) {
      root.setAttribute(DONE_ATTRIBUTE, 'none');
      return;
    }
    let reply;
    try {
      reply = await chrome.runtime.sendMessage({ type: RESOLVE_BATCH, items: entries.map((e) => e.item) });
    } catch {
      return; // worker unavailable (extension reloaded): show nothing
    }
    if (!reply || reply.ok !== true || !Array.isArray(reply.results)) {
      root.setAttribute(DONE_ATTRIBUTE, 'unavailable');
      return;
    }
    let added = 0;
    entries.forEach((entry, i) => {
      const url = reply.results[i]?.url;
      if (typeof url === 'string') {
        entry.place(url);
        added += 1;
      }
    });
    root.setAttribute(DONE_ATTRIBUTE, String(added));
  }

  run();
})();
