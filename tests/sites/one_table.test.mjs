// One table of sites: a family added to resolver/rules.json (with its
// examples) shows up, with no other edit, everywhere sites are listed.
//
// A throwaway family is added to a copy of the table, then:
//   - build-time outputs: the extension generator (cmake/generate_extension.cmake)
//     and the package description (packaging/package_description.cmake) run
//     on the copy: the manifest's content-script matches, sites.json (the
//     worker's built-in list of sites) and the .deb description name it;
//   - run-time outputs: the built binaries get the same family from a rule
//     file (the built-in table and rule files go through the same loader and
//     Resolver::families()): `coolpapers rules list`, `coolpapers --help`,
//     the host's `describe` (whose families the worker's menus are built
//     from) and the redirect service's page show it.
//
// Run by CTest (tests/sites/CMakeLists.txt) with COOLPAPERS_BIN, REDIRECTOR
// and CMAKE_COMMAND set.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { COOLPAPERS_BIN, REDIRECTOR, CMAKE_COMMAND = 'cmake' } = process.env;
if (!COOLPAPERS_BIN || !REDIRECTOR) throw new Error('set COOLPAPERS_BIN and REDIRECTOR to the built binaries');

const tmp = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'coolpapers-sites-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const DISPLAY = 'Throwaway Papers <&>';  // characters that need escaping in HTML
const FAMILY = {
  name: 'throwaway', display: DISPLAY, page: 'venue',
  page_patterns: ['*://throwaway.example/paper/*'],
  pdf_patterns: ['*://throwaway.example/pdf/*'],
};
const RULE = {
  id: 'throwaway', family: 'throwaway', literals: ['throwaway.example'],
  pattern: 'throwaway\\.example/(?:paper|pdf)/([0-9]+)', output: '{1}@Throwaway',
  examples: [{ field: 'page', input: 'https://throwaway.example/paper/42', url: 'https://papers.cool/venue/42@Throwaway' }],
};

// The built-in table plus the throwaway family, as one edit of rules.json would make it.
const table = JSON.parse(readFileSync(join(REPO, 'resolver', 'rules.json'), 'utf8'));
const tableCopy = join(tmp, 'rules.json');
writeFileSync(tableCopy, JSON.stringify({
  ...table,
  families: [...table.families, { ...FAMILY, content_script_patterns: ['https://throwaway.example/paper/*'] }],
  rules: [...table.rules, RULE],
}));
// The same family as a user's rule file (content_script_patterns are read
// only from the built-in table).
const userFile = join(tmp, 'user-rules.json');
writeFileSync(userFile, JSON.stringify({ schema: 1, families: [FAMILY], rules: [RULE] }));
const configHome = join(tmp, 'config');
mkdirSync(join(configHome, 'coolpapers'), { recursive: true });
writeFileSync(join(configHome, 'coolpapers', 'rules.json'), readFileSync(userFile));

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const userEnv = { ...process.env, XDG_CONFIG_HOME: configHome };

test('the generated extension: content-script matches and the built-in list of sites', () => {
  const out = join(tmp, 'extension');
  run(CMAKE_COMMAND, [`-DSOURCE_DIR=${join(REPO, 'extension')}`, `-DRULES=${tableCopy}`,
    `-DFILE_LIST=${join(REPO, 'packaging', 'extension-files.txt')}`, `-DOUTPUT_DIR=${out}`,
    '-P', join(REPO, 'cmake', 'generate_extension.cmake')]);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const matches = manifest.content_scripts[0].matches;
  assert.ok(matches.includes('https://throwaway.example/paper/*'), JSON.stringify(matches));
  assert.ok(matches.includes('https://arxiv.org/abs/*'), 'the built-in sites stay');
  const sites = JSON.parse(readFileSync(join(out, 'sites.json'), 'utf8'));
  assert.deepEqual(sites.families.at(-1), {
    name: 'throwaway', displayName: DISPLAY, page: 'venue', stage: 'id',
    pagePatterns: ['*://throwaway.example/paper/*'], pdfPatterns: ['*://throwaway.example/pdf/*'], source: 'built-in',
  });
});

test('the package description', () => {
  const script = join(tmp, 'description.cmake');
  writeFileSync(script, `cmake_minimum_required(VERSION 3.25)
include(${JSON.stringify(join(REPO, 'cmake', 'sites.cmake'))})
include(${JSON.stringify(join(REPO, 'packaging', 'package_description.cmake'))})
coolpapers_read_sites(${JSON.stringify(tableCopy)})
coolpapers_package_description(text "\${COOLPAPERS_SITE_NAMES}")
message(NOTICE "\${text}")
`);
  const r = spawnSync(CMAKE_COMMAND, ['-P', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const description = r.stderr;  // message(NOTICE) writes to stderr
  assert.match(description.replace(/\n/g, ' '), /coolpapers resolves arXiv, OpenReview, .* and Throwaway Papers <&> links/);
  for (const line of description.trimEnd().split('\n')) assert.ok(line.length <= 79, line);
});

test('coolpapers rules list and rules test', () => {
  const list = run(COOLPAPERS_BIN, ['rules', 'list'], { env: userEnv });
  assert.match(list, /throwaway/);
  // (`rules list --json` prints the built-in table itself, which holds the
  // family once it is added to rules.json: the test above checks that table.)
  run(COOLPAPERS_BIN, ['rules', 'test', userFile]);
  assert.equal(run(COOLPAPERS_BIN, ['resolve', 'https://throwaway.example/paper/42'], { env: userEnv }).trim(),
    'https://papers.cool/venue/42@Throwaway');
});

test('coolpapers --help names the site', () => {
  const help = run(COOLPAPERS_BIN, ['--help'], { env: userEnv }).replace(/\s+/g, ' ');
  assert.match(help, /a paper URL \(arXiv, OpenReview, .*Throwaway Papers <&>\)/);
  const plain = run(COOLPAPERS_BIN, ['--help'], { env: { ...process.env, XDG_CONFIG_HOME: join(tmp, 'none') } });
  assert.ok(!plain.includes('Throwaway'));
  assert.match(plain.replace(/\s+/g, ' '), /ACL Anthology/);
});

// One native messaging frame in, one out.
function askHost(message) {
  const body = Buffer.from(JSON.stringify(message));
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length);
  const r = spawnSync(COOLPAPERS_BIN, ['native-host'], { input: Buffer.concat([header, body]), env: userEnv, timeout: 10_000 });
  assert.equal(r.status, 0, String(r.stderr));
  const length = r.stdout.readUInt32LE(0);
  return JSON.parse(r.stdout.subarray(4, 4 + length).toString('utf8'));
}

test('the host\'s describe gives the family and its patterns (the extension\'s page menu)', () => {
  const reply = askHost({ type: 'describe' });
  assert.equal(reply.ok, true);
  const mine = reply.families.find((f) => f.name === 'throwaway');
  assert.deepEqual(mine, {
    name: 'throwaway', displayName: DISPLAY, page: 'venue', stage: 'id',
    pagePatterns: ['*://throwaway.example/paper/*'], pdfPatterns: ['*://throwaway.example/pdf/*'],
    source: join(configHome, 'coolpapers', 'rules.json'),
  });
});

test('the redirect service\'s page lists the site, escaped', async () => {
  const child = spawn(REDIRECTOR, ['--rules', userFile, '--listen', '127.0.0.1:0', '--threads', '1'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    let stderr = '';
    const port = await new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no "listening" line: ${stderr}`)), 10_000);
      child.stderr.setEncoding('utf8').on('data', (chunk) => {
        stderr += chunk;
        const m = /listening on http:\/\/[^ ]*:(\d+)/.exec(stderr);
        if (m) { clearTimeout(timer); res(Number(m[1])); }
      });
      child.on('exit', (code) => rej(new Error(`exited with ${code}: ${stderr}`)));
    });
    const page = await new Promise((res, rej) => {
      http.get({ host: '127.0.0.1', port, path: '/' }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () => res(body));
      }).on('error', rej);
    });
    assert.ok(page.includes('<li>Throwaway Papers &lt;&amp;&gt;</li>'), page);
    assert.ok(page.includes('<li>ACL Anthology</li>'));
  } finally {
    child.kill('SIGTERM');
  }
});
