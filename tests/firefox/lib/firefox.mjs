// One Firefox ESR for a test file: a temp HOME and profile, the real
// `coolpapers` registered as the native host the way install.sh registers it
// per user (~/.mozilla/native-messaging-hosts/, with allowed_extensions),
// the fixture server behind a local proxy, and Firefox started headless with
// Marionette. stop() undoes all of it and is safe after a failed start.
//
// Firefox's own temp files go below the temp HOME (it writes ~/.cache,
// ~/.config/mozilla and ~/Downloads even with --profile). It runs in its
// own process group, killed on stop() and when Node exits; with
// COOLPAPERS_TEST_PIDS set the group id is also written there for
// tests/firefox/run.sh to kill if Node itself dies.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { poll, sleep } from '../../extension/lib/chromium.mjs';
import { startFixtureServer } from '../../extension/lib/fixture_server.mjs';
import { EXTENSION_DIR, HOST_NAME, coolpapersBinary, makeTempDir } from '../../extension/lib/paths.mjs';
import { connectMarionette } from './marionette.mjs';
import { startTunnelProxy } from './tunnel_proxy.mjs';

export const FIREFOX = process.env.FIREFOX_BIN || '/usr/lib/firefox-esr/firefox-esr';
export const GECKO_ID = readFileSync(join(EXTENSION_DIR, 'GECKO_ID'), 'utf8').trim();
// Fixed with extensions.webextensions.uuids, so pages have a known address.
export const EXTENSION_UUID = '5c8d3c2e-0b9a-4d7e-9f3a-1e2d3c4b5a69';
export const EXTENSION_BASE = `moz-extension://${EXTENSION_UUID}/`;

const running = new Set();
process.on('exit', () => {
  for (const pid of running) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});

function userJs(prefs) {
  return Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join('');
}

// `extraPrefs` are added to user.js (e.g. the sideload scopes of the package
// test); `registerRealHost` false leaves ~/.mozilla empty.
export async function startFirefox({ prefix, registerRealHost = true, extraPrefs = {} } = {}) {
  const hostBinary = coolpapersBinary();
  const temp = makeTempDir(prefix);
  const home = join(temp.dir, 'home');
  const profileDir = join(temp.dir, 'profile');
  const hostsDir = join(home, '.mozilla', 'native-messaging-hosts');
  const emptyDir = join(temp.dir, 'no-hosts');
  for (const dir of [profileDir, hostsDir, emptyDir]) mkdirSync(dir, { recursive: true });
  const manifestPath = join(hostsDir, `${HOST_NAME}.json`);

  let server;
  let proxy;
  let proc;
  let m;
  let pidFile = null;
  const stop = async () => {
    if (m) {
      await Promise.race([m.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => {}), sleep(5000)]);
      m.close();
    }
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((resolve) => { proc.once('exit', resolve); });
      await Promise.race([exited, sleep(5000)]);
      try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    if (proc) running.delete(proc.pid);
    if (pidFile) rmSync(pidFile, { force: true });
    await proxy?.close();
    await server?.close();
    temp.cleanup();
  };

  const session = {
    root: temp.dir, home, hostBinary, manifestPath,
    // Registers `path` for our add-on (or `ids`) in the per-user directory.
    registerHost(path, ids = [GECKO_ID]) {
      writeFileSync(manifestPath, JSON.stringify({
        name: HOST_NAME, description: 'Cool Papers native host (Firefox tests)', path, type: 'stdio', allowed_extensions: ids,
      }, null, 2));
    },
    unregisterHost() { rmSync(manifestPath, { force: true }); },
    stop,
  };
  try {
    if (registerRealHost) session.registerHost(hostBinary);
    server = await startFixtureServer(temp.dir);
    proxy = await startTunnelProxy(server.port);
    session.server = server;
    writeFileSync(join(profileDir, 'user.js'), userJs({
      'marionette.port': 0,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Every https:// page comes from the fixture server, through a proxy
      // that tunnels every CONNECT to it; nothing reaches the network.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'dom.security.https_first': false,
      // openreview.net and others are HSTS-preloaded, and HSTS forbids
      // accepting the fixture server's self-signed certificate.
      'network.stricttransportsecurity.preloadlist': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...extraPrefs,
    }));
    const env = { ...process.env, HOME: home, MOZ_CRASHREPORTER_DISABLE: '1', TMPDIR: temp.dir };
    delete env.XDG_CONFIG_HOME;
    proc = spawn(FIREFOX, ['--marionette', '-remote-allow-system-access', '--headless', '--no-remote', '--profile', profileDir],
      { stdio: ['ignore', 'ignore', 'pipe'], env, detached: true });
    running.add(proc.pid);
    if (process.env.COOLPAPERS_TEST_PIDS) {
      pidFile = join(process.env.COOLPAPERS_TEST_PIDS, String(proc.pid));
      writeFileSync(pidFile, `${proc.pid}\n`);
    }
    let stderr = '';
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (d) => { stderr = (stderr + d).slice(-50000); });
    const portFile = join(profileDir, 'MarionetteActivePort');
    const port = await poll(() => {
      if (proc.exitCode !== null) throw new Error(`firefox exited (${proc.exitCode}):\n${stderr}`);
      return existsSync(portFile) && Number(readFileSync(portFile, 'utf8'));
    }, 'Firefox to start Marionette', 60000);
    m = await connectMarionette(port);
    await m.send('WebDriver:NewSession', { capabilities: {} });
  } catch (err) {
    await stop();
    throw err;
  }
  session.send = m.send;
  // The fixture server's certificate is self-signed. The acceptInsecureCerts
  // capability did not take effect on ESR 153, so do what it would do, before
  // every navigation.
  const allowSelfSignedCertificates = async () => {
    await m.send('Marionette:SetContext', { value: 'chrome' });
    await m.send('WebDriver:ExecuteScript', { script: `Cc['@mozilla.org/security/certoverride;1']
      .getService(Ci.nsICertOverrideService).setDisableAllSecurityChecksAndLetAttackersInterceptMyData(true);` });
  };
  // Runs `script` (a function body; `arguments` holds args) in the chrome
  // (browser UI) or content context and returns its value.
  session.run = async (context, script, args = []) => {
    await m.send('Marionette:SetContext', { value: context });
    return (await m.send('WebDriver:ExecuteScript', { script, args })).value;
  };
  // Firefox also reads /usr/lib/mozilla/native-messaging-hosts/, where an
  // installed package registers the host for everyone; the missing-host test
  // points that lookup at an empty directory instead (restored by restore()).
  session.hideSystemHosts = () => session.run('chrome', `
    const dir = Services.dirsvc.get('XRESysNativeManifests', Ci.nsIFile);
    const empty = Cc['@mozilla.org/file/local;1'].createInstance(Ci.nsIFile);
    empty.initWithPath(arguments[0]);
    Services.dirsvc.undefine('XRESysNativeManifests');
    Services.dirsvc.set('XRESysNativeManifests', empty);
    return dir.path;`, [emptyDir]);
  session.restoreSystemHosts = (path) => session.run('chrome', `
    const dir = Cc['@mozilla.org/file/local;1'].createInstance(Ci.nsIFile);
    dir.initWithPath(arguments[0]);
    Services.dirsvc.undefine('XRESysNativeManifests');
    Services.dirsvc.set('XRESysNativeManifests', dir);`, [path]);
  // URLs of all tabs, as the browser shows them.
  session.tabUrls = () => session.run('chrome', 'return gBrowser.tabs.map((t) => t.linkedBrowser.currentURI.spec)');
  // Closes every tab but the first.
  session.closeOtherTabs = () => session.run('chrome', 'for (const t of gBrowser.tabs.slice(1)) gBrowser.removeTab(t);');
  // Installs the unpacked extension temporarily; resolves with its id.
  session.installExtension = async (dir = EXTENSION_DIR) => (await m.send('Addon:Install', { path: dir, temporary: true })).value;
  // Calls coolpapersRedirect(info, tab) in the background page, from an
  // extension page opened in the first tab (which wakes the event page).
  session.redirect = async (info, tab = null) => {
    await session.openExtensionPage();
    return session.run('content', `return browser.runtime.getBackgroundPage().then(async (bg) =>
      bg.coolpapersRedirect(arguments[0], arguments[1] ?? await browser.tabs.getCurrent()));`, [info, tab]);
  };
  // Like redirect(), and also returns the notifications the background asked
  // Firefox to show: [{id, title, message, shown}] (shown: the id Firefox's
  // notifications.create resolved with). Firefox's notifications.getAll()
  // sometimes lists nothing headless, so the calls themselves are recorded.
  session.redirectWatchingNotifications = async (info) => {
    await session.openExtensionPage();
    return session.run('content', `return browser.runtime.getBackgroundPage().then(async (bg) => {
      const api = bg.chrome.notifications;
      const original = api.create;
      const notifications = [];
      api.create = async (id, options) => {
        const entry = { id, title: options.title, message: options.message, shown: null };
        notifications.push(entry);
        entry.shown = await original.call(api, id, options);
        return entry.shown;
      };
      try {
        const result = await bg.coolpapersRedirect(arguments[0], await browser.tabs.getCurrent());
        return { result, notifications };
      } finally {
        api.create = original;
      }
    });`, [info]);
  };
  session.openExtensionPage = async () => {
    await session.run('chrome', 'gBrowser.selectedTab = gBrowser.tabs[0];');
    await m.send('Marionette:SetContext', { value: 'content' });
    const current = (await m.send('WebDriver:GetCurrentURL')).value;
    if (!current.startsWith(EXTENSION_BASE)) await m.send('WebDriver:Navigate', { url: `${EXTENSION_BASE}options/options.html` });
  };
  session.navigate = async (url) => {
    await allowSelfSignedCertificates();
    await m.send('Marionette:SetContext', { value: 'content' });
    await m.send('WebDriver:Navigate', { url });
  };
  session.browserConsole = () => session.run('chrome',
    'return Services.console.getMessageArray().map((m) => m.message || String(m)).slice(-40).join("\\n")');
  return session;
}
