// Paper pages of sites without a rule, with a real key press (the shortcut
// grants activeTab, which lets the extension read the page's meta tags):
// each opens the arXiv page when its tags name an arXiv id or arXiv PDF, a
// Cool Papers search for its title otherwise.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';

import { poll, sleep } from '../lib/chromium.mjs';
import { startXvfbSession, xdotool } from '../lib/xvfb.mjs';

const SEARCH = 'https://papers.cool/arxiv/search?highlight=1&query=';
const PAGES = [
  ['https://proceedings.neurips.cc/paper_files/paper/2023/hash/a85b405ed65c6477a4fe8302b5e06ce7-Abstract-Conference.html',
    `${SEARCH}Direct%20Preference%20Optimization%20Your%20Language%20Model%20is%20Secretly%20a%20Reward%20Model`],
  ['https://jmlr.org/papers/v21/20-074.html',
    `${SEARCH}Exploring%20the%20Limits%20of%20Transfer%20Learning%20with%20a%20Unified%20Text-to-Text%20Transformer`],
  ['https://www.ecva.net/papers/eccv_2022/papers_ECCV/html/1234_ECCV_2022_paper.php',
    `${SEARCH}Simple%20Baselines%20for%20Image%20Restoration`],
  ['https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
    'https://papers.cool/arxiv/1706.03762'],
  ['https://paperswithcode.com/paper/lora-low-rank-adaptation-of-large-language', 'https://papers.cool/arxiv/2106.09685'],
  ['https://dl.acm.org/doi/10.1145/3580305.3599000', `${SEARCH}Graph%20Learning%20for%20Recommendation`],
  ['https://ieeexplore.ieee.org/document/9157382', `${SEARCH}Deep%20Residual%20Learning%20for%20Image%20Recognition`],
];

let s;
let browser;
let home;

before(async () => {
  ({ s, home } = await startXvfbSession({ prefix: 'cp-ext-meta' }));
  browser = s.browser;
});
after(async () => { await s?.stop(); });
beforeEach(async () => {
  await browser.closeTabsExcept(s.homeTarget);
  await browser.evalWorker(
    'chrome.notifications.getAll().then((ns) => Promise.all(Object.keys(ns).map((id) => chrome.notifications.clear(id))))');
});

// Screen coordinates of a point in the page's body, away from links.
async function pointInPage() {
  return browser.evalIn(home.sessionId, `(() => {
    const chromeTop = window.outerHeight - window.innerHeight;
    return { x: Math.round(window.screenX + window.innerWidth - 60), y: Math.round(window.screenY + chromeTop + window.innerHeight - 60) };
  })()`);
}

for (const [pageUrl, expected] of PAGES) {
  test(`Ctrl+Shift+Y on ${new URL(pageUrl).hostname} opens ${expected}`, async () => {
    await browser.navigate(home.sessionId, pageUrl);
    await poll(() => browser.evalIn(home.sessionId, `document.readyState === 'complete'`), 'the page to load');
    // The previous test's tab was just closed: make this one the active tab
    // of the window before the key goes to it (the shortcut acts on it).
    await browser.send('Page.bringToFront', {}, home.sessionId);
    await sleep(300);
    const { x, y } = await pointInPage();
    xdotool('mousemove', String(x), String(y));
    xdotool('click', '1'); // focus the page
    await sleep(500);
    xdotool('key', 'ctrl+shift+y');
    await browser.waitForPage((p) => p.url === expected && p.targetId !== home.targetId, `a new tab at ${expected}`);
    assert.deepEqual(await browser.notificationIds(), []);
  });
}
