// A real right-click under Xvfb on a page of a site that only the user's own
// rule file knows (papers.example.test, fixtures/example_paper_42.html): the
// page menu's "Redirect to Cool Papers" is there, because the worker built
// the menu from the host's `describe`, and choosing it opens the paper.
// Same menu layout as real_input.test.mjs (Chromium 156: ... | Redirect to
// Cool Papers | View page source, Inspect); without our item the same keys
// pick another entry and no tab opens.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { sleep } from '../lib/chromium.mjs';
import { startXvfbSession, xdotool } from '../lib/xvfb.mjs';
import { USER_RULES } from '../lib/user_rules.mjs';

const PAGE = 'https://papers.example.test/paper/42';
const EXPECTED = 'https://papers.cool/venue/42@Example';
let s;
let home;

before(async () => {
  ({ s, home } = await startXvfbSession({ prefix: 'cp-ext-xvfb-user-site', userRules: USER_RULES }));
});
after(async () => { await s?.stop(); });

test('right-click on a user rule file\'s site, choose "Redirect to Cool Papers": its page opens', async () => {
  const { browser } = s;
  // Menus are made on install from the host's answer; wait for that to be done.
  const { source } = await browser.evalWorker('coolpapersCreateMenus()');
  assert.equal(source, 'host');
  const { sessionId } = home;
  await browser.navigate(sessionId, PAGE);
  const { x, y } = await browser.evalIn(sessionId, `(() => {
    const r = document.querySelector('h1.title').getBoundingClientRect();
    const chromeTop = window.outerHeight - window.innerHeight;
    return { x: Math.round(window.screenX + r.right - 40), y: Math.round(window.screenY + chromeTop + r.top + r.height / 2) };
  })()`);
  xdotool('mousemove', String(x), String(y));
  await sleep(200);
  xdotool('click', '3');
  await sleep(700);
  xdotool('key', 'Up', 'Up', 'Up', 'Return');
  await browser.waitForPage((p) => p.url === EXPECTED && p.targetId !== s.homeTarget, `a new tab at ${EXPECTED}`);
  assert.deepEqual(await browser.notificationIds(), []);
});
