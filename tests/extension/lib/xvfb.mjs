// What the tests under Xvfb share (tests/extension/xvfb/, run by run.sh
// through xvfb-run): a headful session whose first tab, the one shown on
// screen, is attached with page events on, and xdotool for real input.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { startSession } from './session.mjs';

export const xdotool = (...args) => execFileSync('xdotool', args, { stdio: ['ignore', 'pipe', 'pipe'] });

// startSession() with a window; returns the session and `home`, its first
// tab ({ targetId, sessionId }).
export async function startXvfbSession(options) {
  assert.ok(process.env.DISPLAY, 'needs an X display: run under xvfb-run (tests/extension/run.sh does)');
  const s = await startSession({ ...options, headless: false });
  const { sessionId } = await s.browser.send('Target.attachToTarget', { targetId: s.homeTarget, flatten: true });
  await s.browser.send('Page.enable', {}, sessionId);
  return { s, home: { targetId: s.homeTarget, sessionId } };
}
