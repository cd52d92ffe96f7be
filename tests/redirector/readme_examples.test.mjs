// The README's examples of the redirect service, run against the real
// binary: in section "Redirect service", every ```sh block made of `curl`
// commands is run with bash (the documented address replaced by the test
// server's), and each command must print exactly the "# " lines that
// follow it. In an expected line, "..." stands for any text. So the
// README's service examples fail this test when they stop being true.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './support.mjs';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md');
const DOCUMENTED = 'http://127.0.0.1:8377';

// [{ command, expected: [lines], line }] of the section's curl blocks.
function curlExamples(markdown) {
  const start = markdown.indexOf('\n## Redirect service');
  assert.ok(start >= 0, 'README has a "Redirect service" section');
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const firstLine = markdown.slice(0, start).split('\n').length;
  const examples = [];
  const lines = section.split('\n');
  for (let i = 0; i < lines.length; ++i) {
    if (lines[i] !== '```sh') continue;
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].startsWith('```'); ++j) body.push({ text: lines[j], line: firstLine + j });
    i = j;
    if (!body.filter((l) => !l.text.startsWith('#')).every((l) => l.text.startsWith('curl '))) continue;
    for (const { text, line } of body) {
      if (text.startsWith('# ')) examples.at(-1)?.expected.push(text.slice(2));
      else examples.push({ command: text, expected: [], line });
    }
  }
  return examples;
}

function lineMatches(expected, actual) {
  const parts = expected.split('...');
  if (parts.length === 1) return expected === actual;
  if (!actual.startsWith(parts[0]) || !actual.endsWith(parts.at(-1))) return false;
  let at = parts[0].length;
  for (const part of parts.slice(1, -1)) {
    const found = actual.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return at <= actual.length - parts.at(-1).length;
}

let server;
before(async () => { server = await startServer([], { threads: 1 }); });
after(async () => { await server.stop(); });

test('every curl example of the README\'s service section prints what the README says', () => {
  const examples = curlExamples(fs.readFileSync(README, 'utf8'));
  assert.ok(examples.length >= 6, `found only ${examples.length} examples`);
  for (const { command, expected, line } of examples) {
    assert.ok(expected.length > 0, `README.md:${line}: "${command}" shows no output to check`);
    assert.ok(command.includes(DOCUMENTED), `README.md:${line}: "${command}" uses another address`);
    const run = command.replaceAll(DOCUMENTED, `http://127.0.0.1:${server.port}`);
    const r = spawnSync('bash', ['-c', run], { encoding: 'utf8', timeout: 10_000 });
    const actual = r.stdout.replaceAll('\r', '').split('\n');
    while (actual.length && actual.at(-1) === '') actual.pop();
    const ok = actual.length === expected.length && expected.every((e, k) => lineMatches(e, actual[k]));
    assert.ok(ok, `README.md:${line}: ${command}\nexpected:\n${expected.join('\n')}\nactual:\n${actual.join('\n')}`);
  }
});
