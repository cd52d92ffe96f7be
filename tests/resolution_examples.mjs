// The examples of docs/resolution.md, read from docs/resolution-examples.jsonl:
// the one table the extension's (and any Node) test suites run. The C++
// suites read it with tests/support/resolution_examples.cpp.
//
// The file is found from this module's own place in the source tree (this
// module and the table live in the same checkout); COOLPAPERS_EXAMPLES_FILE
// names another copy.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_FILE = process.env.COOLPAPERS_EXAMPLES_FILE
  || resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'resolution-examples.jsonl');

// The request members in priority order, as the native messaging protocol names them.
export const REQUEST_MEMBERS = ['selectionText', 'linkUrl', 'pageUrl', 'frameUrl'];
const KEYS = ['request', 'url', 'family', 'ids', 'truncated', 'message', 'why'];
const DEFAULT_BASE = 'https://papers.cool/';

function parseLine(text, line) {
  const fail = (what) => {
    throw new Error(`${EXAMPLES_FILE}:${line}: ${what} (the format is described at the top of the file)`);
  };
  let o;
  try {
    o = JSON.parse(text);
  } catch (e) {
    fail(`not valid JSON: ${e.message}`);
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) fail('not a JSON object');
  for (const key of Object.keys(o)) if (!KEYS.includes(key)) fail(`unknown key "${key}"`);

  const { request } = o;
  if (request === null || typeof request !== 'object' || Array.isArray(request)) fail('"request" must be an object');
  for (const key of Object.keys(request)) {
    if (key !== 'pageMeta' && !REQUEST_MEMBERS.includes(key)) fail(`unknown request member "${key}"`);
  }
  const { pageMeta } = request;
  if (pageMeta !== undefined) {
    if (pageMeta === null || typeof pageMeta !== 'object' || Array.isArray(pageMeta) || Object.keys(pageMeta).length === 0) {
      fail('"pageMeta" must be a non-empty object of tags');
    }
    if (!Object.values(pageMeta).every((v) => typeof v === 'string')) fail('each "pageMeta" value must be a string');
  }
  const members = REQUEST_MEMBERS.filter((m) => m in request);
  for (const m of members) if (typeof request[m] !== 'string' || request[m] === '') fail(`"${m}" must be a non-empty string`);
  if (members.length === 0) fail('"request" needs at least one of selectionText, linkUrl, pageUrl, frameUrl');

  if (!('url' in o) || !(o.url === null || typeof o.url === 'string')) fail('"url" must be the expected URL or null');
  if (typeof o.url === 'string' && !o.url.startsWith(DEFAULT_BASE)) fail(`"url" must start with ${DEFAULT_BASE}`);
  if ('family' in o && (typeof o.family !== 'string' || o.family === '')) fail('"family" must be a non-empty string');
  if ('ids' in o && !(Array.isArray(o.ids) && o.ids.every((id) => typeof id === 'string'))) fail('"ids" must be an array of strings');
  if ('truncated' in o && typeof o.truncated !== 'boolean') fail('"truncated" must be true or false');
  if ('message' in o && (typeof o.message !== 'string' || o.message === '')) fail('"message" must be a non-empty string');
  if (o.url === null && ('family' in o || 'ids' in o || 'truncated' in o)) fail('an example with no answer has no family, ids or truncated');
  if (o.url !== null && 'message' in o) fail('"message" goes with "url": null');
  if (typeof o.why !== 'string' || o.why === '') fail('"why" must say why, in words');

  return {
    line,
    // The texts only, in priority order; the page's meta tags are pageMeta.
    request: Object.fromEntries(members.map((m) => [m, request[m]])),
    pageMeta,
    url: o.url,
    truncated: o.truncated === true,
    message: o.message,
    family: o.family,
    ids: o.ids,
    why: o.why,
    where: `docs/resolution-examples.jsonl:${line}: ${o.why}`,
  };
}

// Every example of the file. Throws, naming the file and line, for a line
// that is not a well-formed example, and for a file that holds none.
export function resolutionExamples() {
  const examples = [];
  readFileSync(EXAMPLES_FILE, 'utf8').split('\n').forEach((text, i) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    examples.push(parseLine(text, i + 1));
  });
  if (examples.length === 0) throw new Error(`${EXAMPLES_FILE} holds no examples`);
  return examples;
}

// The member a single typed or pasted text stands for in the command line's
// and the redirect service's `auto` mode (docs/resolution.md, "Inputs and
// their order"): a URL is a page, anything else a selection.
export function typedMember(text) {
  return /^ *https?:\/\//i.test(text) ? 'pageUrl' : 'selectionText';
}
