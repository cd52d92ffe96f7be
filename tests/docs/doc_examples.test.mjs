// The doc-test runner itself: it finds the examples, matches "...", counts
// marked blocks as skipped, and fails a wrong example.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';

import { fencedBlocks, outputMatches, run } from './doc_examples.mjs';

const bin = process.env.COOLPAPERS_BIN;

test('"..." alone matches any lines, inside a line any text', () => {
  assert.ok(outputMatches(['a', '...', 'z'], ['a', 'b', 'c', 'z']));
  assert.ok(outputMatches(['a', '...', 'z'], ['a', 'z']));
  assert.ok(outputMatches(['x ... y'], ['x 1 2 y']));
  assert.ok(!outputMatches(['x ... y'], ['x 1 2 z']));
  assert.ok(!outputMatches(['a'], ['a', 'b']));
  assert.ok(!outputMatches(['ab...ba'], ['aba']));
});

test('a skip marker applies to the next block only', () => {
  const blocks = fencedBlocks('<!-- doc-test: skip needs a browser -->\n```console\n$ x\n```\n\n```console\n$ y\n```\n');
  assert.deepEqual(blocks.map((b) => [b.info, b.skip, b.line]), [['console', 'needs a browser', 2], ['console', null, 6]]);
});

test('a wrong example fails, a right one passes, a marked one is counted as skipped', () => {
  assert.ok(bin, 'set COOLPAPERS_BIN to the built coolpapers');
  const dir = mkdtempSync(join(tmpdir(), 'coolpapers-doc-runner-'));
  try {
    const doc = join(dir, 'doc.md');
    writeFileSync(doc, [
      '```console', '$ coolpapers resolve arXiv:2401.00001', 'https://papers.cool/arxiv/2401.00001',
      '$ coolpapers resolve arXiv:2401.00001', 'https://papers.cool/arxiv/2401.99999', '```',
      '<!-- doc-test: skip needs the network -->', '```console', '$ false', 'never', '```',
      '```', '-> {"type":"ping"}', '<- {"ok":true,...}', '-> {"type":"ping"}', '<- {"ok":false}', '```', ''].join('\n'));
    const results = run({ bin, files: [doc] });
    assert.equal(results.passed, 2);
    assert.equal(results.failed.length, 2);
    assert.match(results.failed[0], /expected:\n {4}https:\/\/papers.cool\/arxiv\/2401.99999/);
    assert.match(results.failed[1], /<- \{"ok":false\}/);
    assert.deepEqual(results.skipped, [`${doc}:8: 1 example(s) skipped: needs the network`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
