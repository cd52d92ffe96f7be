// The package's extension in Debian's Firefox ESR, as a user gets it: a new
// profile, no add-on installed by the test (no Marionette Addon:Install), and
// the add-on found in /usr/share/mozilla/extensions/{ec8030f7-...}/ enabled
// and reaching the host through /usr/lib/mozilla/native-messaging-hosts/.
// Run by run_package_tests.sh after `dpkg -i`, with
//   COOLPAPERS_EXTENSION_DIR=/usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/coolpapers@papers.cool
//   COOLPAPERS_BIN=/usr/bin/coolpapers
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { GECKO_ID, startFirefox } from '../firefox/lib/firefox.mjs';

let s;
before(async () => {
  // Marionette's automation prefs switch sideloading off (enabledScopes 5,
  // autoDisableScopes 0); put back what a user's Firefox has: every scope
  // enabled, and Debian's autoDisableScopes (profile and user scopes only),
  // under which the system scope's add-ons start enabled with no prompt.
  s = await startFirefox({
    prefix: 'cp-firefox-sideload',
    registerRealHost: false,
    extraPrefs: { 'extensions.enabledScopes': 15, 'extensions.autoDisableScopes': 3 },
  });
});
after(async () => { await s?.stop(); });

test('the sideloaded add-on is enabled in a new profile, unsigned, from the system scope', async () => {
  const addon = await s.run('chrome', `return AddonManager.getAddonByID(arguments[0]).then((a) => a &&
    ({ active: a.isActive, userDisabled: a.userDisabled, scope: a.scope, temporary: a.temporarilyInstalled }))`, [GECKO_ID]);
  assert.deepEqual(addon, { active: true, userDisabled: false, scope: 8 /* AddonManager.SCOPE_SYSTEM */, temporary: false });
});

test('it reaches /usr/bin/coolpapers through the system registration and opens the paper', async () => {
  const result = await s.redirect({ pageUrl: 'https://arxiv.org/abs/2312.00001' });
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.equal(result.via, 'host');
  assert.equal(result.url, 'https://papers.cool/arxiv/2312.00001');
});
