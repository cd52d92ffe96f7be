// node original_matcher_v8.mjs LINES.tsv KEPT.tsv
//
// Times the original extension's matcher (Cool Papers Redirector v0.2.0,
// Chrome/background.js of the public repository bojone/papers.cool) under
// Node's V8 on "field<TAB>text" lines (field: selection, link or page).
// The original's code is read at run time from a local git copy named by
// $PAPERS_COOL_REPO (git clone https://github.com/bojone/papers.cool) and is
// never part of this project.
//
// The original throws on some inputs (an absent field when nothing matched);
// the lines it handles are written to KEPT.tsv, and only those are timed.
// Prints one line per field and one for all:
//   v8 FIELD ns_per_input N inputs K cpu_ns_per_input C
// each the median of 7 timed passes after 3 warm-up passes: N from the wall
// clock, C from the process's CPU time (process.cpuUsage(), which also counts
// V8's helper threads: the garbage collector's and the compiler's).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import vm from 'node:vm';

const repo = process.env.PAPERS_COOL_REPO;
if (!repo) {
  console.error('original_matcher_v8.mjs: set PAPERS_COOL_REPO to a git clone of https://github.com/bojone/papers.cool');
  process.exit(2);
}
const [linesPath, keptPath] = process.argv.slice(2);
if (!linesPath || !keptPath) {
  console.error('usage: node original_matcher_v8.mjs LINES.tsv KEPT.tsv');
  process.exit(2);
}

// The original registers a contextMenus.onClicked listener; capture it with
// stubs of the chrome APIs it calls, so only its matching runs.
const source = execFileSync('git', ['-C', repo, 'show', 'HEAD:Chrome/background.js'], { encoding: 'utf8' });
let onClicked = null;
const chrome = {
  contextMenus: { create() {}, onClicked: { addListener(listener) { onClicked = listener; } } },
  tabs: { create() {} },
  notifications: { create() {} },
};
vm.runInContext(source, vm.createContext({ chrome }));
if (typeof onClicked !== 'function') {
  console.error(`original_matcher_v8.mjs: ${repo} Chrome/background.js registered no click listener`);
  process.exit(2);
}

const infoKey = { selection: 'selectionText', link: 'linkUrl', page: 'pageUrl' };
const clicks = fs.readFileSync(linesPath, 'utf8').split('\n').filter((l) => l !== '').map((line) => {
  const tab = line.indexOf('\t');
  const field = line.slice(0, tab);
  return { line, field, info: { [infoKey[field]]: line.slice(tab + 1) } };
});
const tab = { id: 1 };
const handled = (c) => { try { onClicked(c.info, tab); return true; } catch { return false; } };
const kept = clicks.filter(handled);
fs.writeFileSync(keptPath, kept.map((c) => `${c.line}\n`).join(''));

const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];

function medianNsPerInput(set) {
  for (let w = 0; w < 3; w++) for (const c of set) onClicked(c.info, tab);
  const wall = [];
  const cpu = [];
  for (let p = 0; p < 7; p++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const c of set) onClicked(c.info, tab);
    wall.push(Number(process.hrtime.bigint() - t0) / set.length);
    const used = process.cpuUsage(c0);
    cpu.push(((used.user + used.system) * 1000) / set.length);
  }
  return `ns_per_input ${median(wall).toFixed(1)} inputs ${set.length} cpu_ns_per_input ${median(cpu).toFixed(1)}`;
}

for (const field of ['selection', 'link', 'page']) {
  const set = kept.filter((c) => c.field === field);
  console.log(`v8 ${field} ${medianNsPerInput(set)}`);
}
console.log(`v8 all ${medianNsPerInput(kept)} of ${clicks.length}`);
