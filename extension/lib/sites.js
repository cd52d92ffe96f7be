// The paper sites the page and PDF-viewer menus apply to. One table lists
// them, resolver/rules.json: the native host answers `describe` with its
// families (the user's own rule files included, so a site added there gets
// the page menu too); when the host cannot be asked, the build's copy of the
// built-in families (sites.json, generated from rules.json) is used.

import { askHost } from './native_host.js';

export const SITES_FILE = 'sites.json';

// Chrome refuses a whole menu item for one malformed pattern, so only the
// shape the host itself accepts passes (native_host/PROTOCOL.md, `describe`):
// SCHEME://HOST/PATH, scheme * or http(s), no port.
const MATCH_PATTERN = /^(\*|https?):\/\/(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*)\/[\x21-\x7e]*$/;
// Generous bounds on what a host may hand us, so a broken one cannot make
// the worker build a huge menu.
const MAX_FAMILIES = 1000;
const MAX_PATTERNS = 4000;

export function isMatchPattern(pattern) {
  return typeof pattern === 'string' && pattern.length <= 256 && MATCH_PATTERN.test(pattern);
}

// families (as `describe` gives them) -> {pagePatterns, pdfPatterns}: every
// valid pattern once, in table order.
export function menuPatterns(families) {
  const page = new Set();
  const pdf = new Set();
  const list = Array.isArray(families) ? families.slice(0, MAX_FAMILIES) : [];
  for (const family of list) {
    for (const [key, into] of [['pagePatterns', page], ['pdfPatterns', pdf]]) {
      const patterns = Array.isArray(family?.[key]) ? family[key] : [];
      for (const p of patterns) if (into.size < MAX_PATTERNS && isMatchPattern(p)) into.add(p);
    }
  }
  return { pagePatterns: [...page], pdfPatterns: [...pdf] };
}

async function readBuiltinFamilies() {
  const response = await fetch(chrome.runtime.getURL(SITES_FILE));
  if (!response.ok) throw new Error(`${SITES_FILE}: HTTP ${response.status}`);
  const data = await response.json();
  if (!Array.isArray(data?.families)) throw new Error(`${SITES_FILE} has no "families" list`);
  return data.families;
}

// -> {source: 'host' | 'built-in' | 'none', families}. Never rejects.
// `ask` and `readBuiltin` are parameters for the unit tests.
export async function loadFamilies({ ask = askHost, readBuiltin = readBuiltinFamilies } = {}) {
  try {
    const reply = await ask({ type: 'describe' });
    if (reply.ok === true && Array.isArray(reply.families)) return { source: 'host', families: reply.families };
    // An older host answers unknown_type: use the built-in list.
  } catch {
    // Missing, broken or silent host: the built-in list still gives the
    // built-in sites their menu (the click will then say what is wrong).
  }
  try {
    return { source: 'built-in', families: await readBuiltin() };
  } catch (err) {
    console.error(`Cool Papers: no list of sites (${err?.message ?? err}); was the extension built from rules.json?`);
    return { source: 'none', families: [] };
  }
}
