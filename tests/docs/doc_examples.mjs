// Runs the examples of the docs against the built binaries, so the docs fail
// the tests when they stop being true:
//   README.md            every ```console block: each "$ COMMAND" line is run
//                        with bash (stdout and stderr together, as a terminal
//                        shows them) and must print exactly the lines below it
//   native_host/PROTOCOL.md  every "-> REQUEST" line followed by "<- REPLY":
//                        REQUEST is sent to `coolpapers native-host` as one
//                        frame and the one reply must be REPLY
// In expected output, a line "..." stands for any number of lines and "..."
// inside a line for any text. A block that needs what a test run does not
// have (a browser, the network, the installed package) is marked with
//   <!-- doc-test: skip REASON -->
// on the line before it; it is skipped, and counted and named in the output.
//
// Commands run in the repository root with PATH starting at the directory
// of the built coolpapers, a fresh HOME, no XDG_CONFIG_HOME and no system
// registrations or browsers (a new user's machine), so nothing installed on
// the test machine changes results.
//
//   node tests/docs/doc_examples.mjs --bin build/dev/native_host/coolpapers [FILE...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = /^<!--\s*doc-test:\s*skip\s+(.+?)\s*-->$/;

// The fenced blocks of a Markdown file: { info, lines, line (1-based), skip }.
export function fencedBlocks(text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; ++i) {
    const open = /^```(\S*)/.exec(lines[i]);
    if (!open) continue;
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') --before;
    const skip = before >= 0 ? SKIP.exec(lines[before].trim())?.[1] ?? null : null;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].startsWith('```')) body.push(lines[j++]);
    blocks.push({ info: open[1], lines: body, line: i + 1, skip });
    i = j;
  }
  return blocks;
}

// One line of expected text against one actual line; "..." matches any text.
function lineMatches(expected, actual) {
  const parts = expected.split('...');
  if (parts.length === 1) return expected === actual;
  if (!actual.startsWith(parts[0])) return false;
  let at = parts[0].length;
  for (const part of parts.slice(1, -1)) {
    const found = actual.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  const last = parts[parts.length - 1];
  return actual.length - last.length >= at && actual.endsWith(last);
}

// Expected lines against actual lines; a line "..." matches any lines.
export function outputMatches(expected, actual) {
  if (expected.length === 0) return actual.length === 0;
  const [first, ...rest] = expected;
  if (first === '...') {
    for (let skip = 0; skip <= actual.length; ++skip) if (outputMatches(rest, actual.slice(skip))) return true;
    return false;
  }
  return actual.length > 0 && lineMatches(first, actual[0]) && outputMatches(rest, actual.slice(1));
}

function splitOutput(text) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// The "$ COMMAND" lines of a console block, each with its expected output.
function consoleExamples(block) {
  const examples = [];
  block.lines.forEach((line, i) => {
    if (line.startsWith('$ ')) examples.push({ command: line.slice(2), expected: [], line: block.line + 1 + i });
    else if (examples.length) examples[examples.length - 1].expected.push(line);
  });
  return examples;
}

// The "-> REQUEST" / "<- REPLY" pairs of a block.
function protocolExamples(block) {
  const examples = [];
  block.lines.forEach((line, i) => {
    if (line.startsWith('-> ')) examples.push({ request: line.slice(3), expected: null, line: block.line + 1 + i });
    else if (line.startsWith('<- ') && examples.length) examples[examples.length - 1].expected = line.slice(3);
  });
  return examples;
}

function frame(json) {
  const body = Buffer.from(json, 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length);
  return Buffer.concat([header, body]);
}

function replies(stdout) {
  const out = [];
  for (let at = 0; at + 4 <= stdout.length;) {
    const size = stdout.readUInt32LE(at);
    out.push(stdout.subarray(at + 4, at + 4 + size).toString('utf8'));
    at += 4 + size;
  }
  return out;
}

export function run({ bin, files }) {
  const home = mkdtempSync(join(tmpdir(), 'coolpapers-doc-examples-'));
  // COOLPAPERS_DOCTOR_ROOT: `coolpapers doctor` looks for system-wide
  // registrations and browsers below this empty directory.
  const env = {
    ...process.env, PATH: `${dirname(bin)}:/usr/bin:/bin`, HOME: home, LC_ALL: 'C.UTF-8', COOLPAPERS_DOCTOR_ROOT: home,
  };
  delete env.XDG_CONFIG_HOME;
  delete env.BROWSER;
  const results = { passed: 0, failed: [], skipped: [] };
  try {
    for (const file of files) {
      const text = readFileSync(resolve(root, file), 'utf8');
      for (const block of fencedBlocks(text)) {
        const examples = block.info === 'console' ? consoleExamples(block) : protocolExamples(block);
        if (examples.length === 0) continue;
        if (block.skip) {
          results.skipped.push(`${file}:${block.line}: ${examples.length} example(s) skipped: ${block.skip}`);
          continue;
        }
        for (const example of examples) {
          const where = `${file}:${example.line}`;
          if (example.command !== undefined) {
            const r = spawnSync('bash', ['-c', `exec 2>&1\n${example.command}`], { cwd: root, env, timeout: 30000 });
            const actual = splitOutput(r.stdout.toString('utf8'));
            if (outputMatches(example.expected, actual)) results.passed++;
            else results.failed.push(`${where}: $ ${example.command}\n  expected:\n${example.expected.map((l) => `    ${l}`).join('\n')}\n  actual:\n${actual.map((l) => `    ${l}`).join('\n')}`);
          } else {
            if (example.expected === null) {
              results.failed.push(`${where}: "-> ${example.request}" has no "<- " reply line after it`);
              continue;
            }
            const r = spawnSync(bin, ['native-host'], { env, input: frame(example.request), timeout: 30000 });
            const got = replies(r.stdout);
            if (got.length === 1 && lineMatches(example.expected, got[0])) results.passed++;
            else results.failed.push(`${where}: -> ${example.request}\n  expected: <- ${example.expected}\n  actual:   ${got.map((g) => `<- ${g}`).join('\n            ') || '(no reply)'} ${r.stderr}`);
          }
        }
      }
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--bin');
  if (at < 0 || !args[at + 1]) {
    console.error('usage: node tests/docs/doc_examples.mjs --bin PATH/TO/coolpapers [FILE...]');
    process.exit(2);
  }
  const bin = resolve(args[at + 1]);
  args.splice(at, 2);
  const files = args.length ? args : ['README.md', 'native_host/PROTOCOL.md'];
  const results = run({ bin, files });
  for (const failure of results.failed) console.log(`FAIL ${failure}`);
  for (const skipped of results.skipped) console.log(`SKIP ${skipped}`);
  console.log(`${results.passed} passed, ${results.failed.length} failed, ${results.skipped.length} block(s) skipped`);
  if (results.passed === 0 && results.failed.length === 0) {
    console.log('no examples found: the docs or this runner changed');
    process.exit(1);
  }
  process.exit(results.failed.length ? 1 : 0);
}
