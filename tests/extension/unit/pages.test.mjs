// The manifest, the files it names, and what the popup says.
import assert from 'node:assert/strict';
import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

import { MESSAGE } from '../../../extension/lib/constants.js';
import { describeHost, describeRecent } from '../../../extension/popup/describe.js';

import { EXTENSION_DIR as EXT, REPO_DIR, RULES_FILE } from '../lib/paths.mjs';

const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));

// The id is the first 128 bits of SHA-256 of the DER public key, hex digits
// mapped 0-9a-f -> a-p (how Chromium names an extension).
function idOfPublicKey(der) {
  return [...createHash('sha256').update(der).digest('hex').slice(0, 32)]
    .map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

test('EXTENSION_ID is the id of the manifest key and of the signing key', () => {
  const id = readFileSync(join(EXT, 'EXTENSION_ID'), 'utf8').trim();
  assert.match(id, /^[a-p]{32}$/);
  const manifestKey = Buffer.from(manifest.key, 'base64');
  assert.equal(idOfPublicKey(manifestKey), id, 'the manifest "key" gives another id than EXTENSION_ID');
  // The private key that signs coolpapers.crx: a packed copy gets its id
  // from this key, an unpacked one from the manifest's.
  const signingKey = createPublicKey(readFileSync(join(REPO_DIR, 'packaging', 'extension-key.pem')))
    .export({ type: 'spki', format: 'der' });
  assert.equal(idOfPublicKey(signingKey), id, 'packaging/extension-key.pem gives another id than EXTENSION_ID');
  assert.deepEqual(signingKey, manifestKey);
});

test('Firefox\'s add-on id in the manifest is GECKO_ID, the one the native host serves', () => {
  const gecko = manifest.browser_specific_settings?.gecko;
  assert.equal(gecko?.id, readFileSync(join(EXT, 'GECKO_ID'), 'utf8').trim());
  // The oldest Firefox allowed to install it (only ESR 153 is tested).
  assert.match(gecko.strict_min_version, /^\d+\.0$/);
});

test('the manifest asks only for what is used', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'contextMenus', 'nativeMessaging', 'notifications', 'scripting', 'storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.optional_host_permissions, undefined);
  assert.ok(!JSON.stringify(manifest).includes('<all_urls>'));
  // Chromium runs the service worker; Firefox (which disables background
  // service workers) runs the same file as a module event page.
  assert.deepEqual(manifest.background, { service_worker: 'sw/service_worker.js', scripts: ['sw/service_worker.js'], type: 'module' });
  assert.equal(manifest.omnibox.keyword, 'cp');
  // Chromium 156 on Linux silently leaves Alt+Shift+<letter> suggestions
  // unassigned (tested); Ctrl+Shift+Y is assigned (the Xvfb test presses it).
  assert.equal(manifest.commands['redirect-current-page'].suggested_key.default, 'Ctrl+Shift+Y');
});

test('every file the manifest names exists, and icons have their sizes', () => {
  const files = [
    manifest.background.service_worker, manifest.action.default_popup, manifest.options_ui.page,
    ...manifest.content_scripts.flatMap((c) => c.js),
    ...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon),
  ];
  for (const f of files) assert.ok(existsSync(join(EXT, f)), f);
  for (const [size, file] of Object.entries(manifest.icons)) {
    const png = readFileSync(join(EXT, file));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG', file);
    assert.equal(png.readUInt32BE(16), Number(size), `${file} width`);
    assert.equal(png.readUInt32BE(20), Number(size), `${file} height`);
  }
});

test('content scripts run exactly where the rule table says, over https', () => {
  const matches = manifest.content_scripts.flatMap((c) => c.matches);
  const table = JSON.parse(readFileSync(RULES_FILE, 'utf8'));
  const expected = [...new Set(table.families.flatMap((f) => f.content_script_patterns ?? []))];
  assert.deepEqual(matches, expected);
  for (const m of ['https://arxiv.org/abs/*', 'https://arxiv.org/list/*', 'https://openreview.net/forum*', 'https://aclanthology.org/*']) {
    assert.ok(matches.includes(m), m);
  }
  for (const m of matches) assert.match(m, /^https:\/\/[a-z0-9.-]+\/[^\s]*$/, m);
});

test('sites.json is the rule table\'s families, as the host\'s describe gives them', () => {
  const sites = JSON.parse(readFileSync(join(EXT, 'sites.json'), 'utf8'));
  const table = JSON.parse(readFileSync(RULES_FILE, 'utf8'));
  assert.deepEqual(sites.families.map((f) => f.name), table.families.map((f) => f.name));
  for (const [i, f] of table.families.entries()) {
    assert.deepEqual(sites.families[i], {
      name: f.name, displayName: f.display ?? f.name, page: f.page, stage: f.stage ?? 'id',
      pagePatterns: f.page_patterns ?? [], pdfPatterns: f.pdf_patterns ?? [], source: 'built-in',
    });
  }
});

test('the content script uses the same message name as the worker', () => {
  const source = readFileSync(join(EXT, 'content', 'page_links.js'), 'utf8');
  assert.ok(source.includes(`const RESOLVE_BATCH = '${MESSAGE.RESOLVE_BATCH}';`));
  assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(source), 'no HTML parsing of outside text');
});

test('the popup says installed, missing (with or without the service) or broken', () => {
  assert.deepEqual(describeHost({ host: { installed: true, version: '0.1.0', rules: 31 } }),
    { state: 'ok', text: 'Installed: coolpapers 0.1.0, 31 rules.' });
  assert.deepEqual(describeHost({ host: { installed: true, version: '0.1.0', rules: 1 } }).text, 'Installed: coolpapers 0.1.0, 1 rule.');
  assert.deepEqual(describeHost({ host: { installed: false, kind: 'missing', message: 'x' }, serviceUrl: '' }),
    { state: 'missing', text: 'Not installed.' });
  assert.match(describeHost({ host: { installed: false, kind: 'missing' }, serviceUrl: 'http://127.0.0.1:8377' }).text,
    /Using the redirect service http:\/\/127.0.0.1:8377 instead/);
  assert.deepEqual(describeHost({ host: { installed: false, kind: 'broken', message: 'Native host has exited.' } }),
    { state: 'broken', text: 'Broken: Native host has exited.' });
  assert.equal(describeHost(undefined).state, 'broken');
});

test('the popup lists each recent redirect as what was given and where it led', () => {
  assert.equal(describeRecent(null), null);
  assert.equal(describeRecent({ input: 'x' }), null);
  assert.equal(describeRecent({ input: 'x', url: 'javascript:alert(1)' }), null);
  assert.deepEqual(describeRecent({ input: 'arXiv:1', url: 'https://papers.cool/arxiv/1', via: 'host', at: 0 }),
    { input: 'arXiv:1', url: 'https://papers.cool/arxiv/1', text: 'arXiv:1 → https://papers.cool/arxiv/1' });
  assert.equal(describeRecent({ url: 'https://papers.cool/arxiv/1' }).input, '(this page)');
  assert.match(describeRecent({ input: 'x', url: 'http://s/?q=x', via: 'service' }).text, /via the redirect service/);
});
