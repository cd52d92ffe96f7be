// One browser session for a test file: a temp profile with the real
// `coolpapers` registered as the native host, the fixture server, and
// Chromium with the extension. stop() undoes all of it, and is safe to call
// after a failed start.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { launchChromium } from './chromium.mjs';
import { startFixtureServer } from './fixture_server.mjs';
import { coolpapersBinary } from './paths.mjs';
import { makeProfile } from './profile.mjs';

// COOLPAPERS_HOST_FROM_SYSTEM=1 leaves the profile's NativeMessagingHosts/
// empty, so Chromium uses the system-wide registration an installed package
// made (/etc/chromium/native-messaging-hosts/); for running
// e2e/redirect.test.mjs against the package as shipped.
//
// `userRules` (JSON text) becomes the user's own rule file as the host finds
// it: Chromium runs with HOME=<user-data-dir> (chromium.mjs), so
// <user-data-dir>/.config/coolpapers/rules.json.
export async function startSession({ prefix, headless = true, registerRealHost = true, userRules } = {}) {
  const hostBinary = coolpapersBinary();
  if (process.env.COOLPAPERS_HOST_FROM_SYSTEM === '1') registerRealHost = false;
  const profile = makeProfile(prefix);
  let server;
  let browser;
  const stop = async () => {
    await browser?.close();
    await server?.close();
    profile.cleanup();
  };
  try {
    if (registerRealHost) profile.registerHost(hostBinary);
    if (userRules !== undefined) {
      const dir = join(profile.userDataDir, '.config', 'coolpapers');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'rules.json'), userRules);
    }
    server = await startFixtureServer(profile.root);
    browser = await launchChromium({ userDataDir: profile.userDataDir, headless, resolverRules: server.resolverRules });
  } catch (err) {
    await stop();
    throw err;
  }
  // The first tab (about:blank from the command line) stays open throughout.
  const [first] = await browser.pages();
  return { browser, profile, server, hostBinary, homeTarget: first.targetId, stop };
}

// Calls coolpapersRedirect(info, tab) in the service worker.
export function redirect(browser, info, tab) {
  return browser.evalWorker(`coolpapersRedirect(${JSON.stringify(info)}, ${JSON.stringify(tab ?? null)})`);
}

export async function setSettings(browser, settings) {
  await browser.evalWorker(`chrome.storage.sync.set({ settings: ${JSON.stringify(settings)} })`);
}
