// Launching Debian's Chromium with the extension loaded and driving it over
// the DevTools protocol on --remote-debugging-pipe (fd 3 = commands to the
// browser, fd 4 = replies and events; messages end with '\0'). No npm
// dependencies, no port. Recipe and flags: tests/extension/README.md.
//
// Every browser started here runs in its own process group, which is killed
// when the test process exits for any reason, so a failing or crashing test
// leaves no Chromium behind. With COOLPAPERS_TEST_PIDS set (run.sh does),
// the group id is also written there, for run.sh to kill if Node itself is
// killed.

import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CHROMIUM, EXTENSION_DIR, EXTENSION_ID } from './paths.mjs';

export const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms).unref(); });

// Polls `fn` until it returns something truthy. A liveness limit only: the
// tests never assert on how long anything took.
export async function poll(fn, what, timeoutMs = 20000) {
  const start = Date.now();
  let lastError;
  while (Date.now() - start < timeoutMs) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

const running = new Set();
function killAll() {
  for (const pid of running) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killAll);
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(signal, () => { killAll(); process.exit(128 + number); });
}

class CdpPipe {
  constructor(proc) {
    this.proc = proc;
    this.nextId = 0;
    this.pending = new Map();
    this.listeners = new Set();
    let buffer = '';
    proc.stdio[4].setEncoding('utf8');
    proc.stdio[4].on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        this.dispatch(message);
      }
    });
    this.exitedEarly = false;
    proc.on('exit', () => {
      this.exitedEarly = true;
      for (const { reject, method } of this.pending.values()) reject(new Error(`browser exited during ${method}`));
      this.pending.clear();
    });
    // Writing to a browser that died fails with EPIPE: report it through
    // the command's promise, not as an uncaught 'error' event.
    proc.stdio[3].on('error', () => {});
  }

  dispatch(message) {
    if (message.id !== undefined) {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  send(method, params = {}, sessionId = undefined) {
    return new Promise((resolve, reject) => {
      if (this.exitedEarly) {
        reject(new Error(`browser has exited; cannot send ${method}`));
        return;
      }
      this.nextId += 1;
      this.pending.set(this.nextId, { resolve, reject, method });
      this.proc.stdio[3].write(`${JSON.stringify({ id: this.nextId, method, params, ...(sessionId && { sessionId }) })}\0`);
    });
  }

  // Resolves with the first event `method` (in `sessionId`, if given) for
  // which `predicate(params)` holds.
  waitForEvent(method, { sessionId, predicate = () => true, timeoutMs = 20000 } = {}) {
    return new Promise((resolve, reject) => {
      const listener = (message) => {
        if (message.method !== method) return;
        if (sessionId && message.sessionId !== sessionId) return;
        if (!predicate(message.params)) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(message.params);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out waiting for ${method}`));
      }, timeoutMs);
      timer.unref();
      this.listeners.add(listener);
    });
  }
}

// Starts Chromium. `userDataDir` must exist (the host manifest goes into its
// NativeMessagingHosts/). `headless: false` needs a DISPLAY (xvfb-run).
// `loadExtension: false` loads nothing from the command line: the extension
// then comes only from what the profile or the system offers (an external-
// extension file naming the packed .crx). `waitForWorker: false` returns
// without waiting for the extension's service worker (an installed
// extension's worker starts only when an event needs it).
export async function launchChromium({
  userDataDir, headless = true, resolverRules = [], extraArgs = [], loadExtension = true, waitForWorker = true,
}) {
  const args = [
    ...(headless ? ['--headless=new'] : ['--window-position=0,0', '--window-size=1280,800']),
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--password-store=basic', '--use-mock-keychain',
    `--user-data-dir=${userDataDir}`, '--remote-debugging-pipe', '--enable-logging=stderr',
    ...(loadExtension ? [`--load-extension=${EXTENSION_DIR}`, `--disable-extensions-except=${EXTENSION_DIR}`] : []),
    // The fixture server's certificate is self-signed; every host name the
    // tests use is mapped to it, and everything else fails to resolve, so a
    // test never reaches the network.
    '--ignore-certificate-errors',
    `--host-resolver-rules=${[...resolverRules, 'MAP * ~NOTFOUND'].join(', ')}`,
    ...extraArgs,
    'about:blank',
  ];
  const env = { ...process.env, HOME: userDataDir };
  // The host inherits this environment: keep the user's own rule files
  // ($XDG_CONFIG_HOME/coolpapers/rules.json) out of the tests.
  delete env.XDG_CONFIG_HOME;
  const proc = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], env, detached: true });
  running.add(proc.pid);
  const pidFile = process.env.COOLPAPERS_TEST_PIDS ? join(process.env.COOLPAPERS_TEST_PIDS, String(proc.pid)) : null;
  if (pidFile) writeFileSync(pidFile, `${proc.pid}\n`);
  const exited = new Promise((resolve) => { proc.on('exit', resolve); });
  exited.then(() => running.delete(proc.pid));

  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d) => { stderr = (stderr + d).slice(-200000); });

  const cdp = new CdpPipe(proc);
  const browser = new Browser(proc, cdp, exited, () => stderr, pidFile);
  try {
    if (waitForWorker) await browser.attachServiceWorker();
    else await poll(async () => (await browser.pages()).length > 0, 'the first tab');
  } catch (err) {
    await browser.close();
    throw new Error(`${err.message}\n--- chromium stderr ---\n${browser.stderrTail()}`);
  }
  return browser;
}

class Browser {
  constructor(proc, cdp, exited, stderr, pidFile) {
    this.proc = proc;
    this.cdp = cdp;
    this.exited = exited;
    this.stderr = stderr;
    this.pidFile = pidFile;
  }

  send(method, params, sessionId) {
    return this.cdp.send(method, params, sessionId);
  }

  stderrTail(lines = 60) {
    return this.stderr().split('\n').filter((l) => !/dbus|bus\.cc|Fontconfig/i.test(l)).slice(-lines).join('\n');
  }

  async targets() {
    return (await this.send('Target.getTargets')).targetInfos;
  }

  async pages() {
    return (await this.targets()).filter((t) => t.type === 'page');
  }

  // Attaches to the extension's service worker and waits until its module
  // has run (the target shows up before that: browser-e2e.md G1).
  async attachServiceWorker() {
    const prefix = `chrome-extension://${EXTENSION_ID}/`;
    const sw = await poll(async () => (await this.targets())
      .find((t) => t.type === 'service_worker' && t.url.startsWith(prefix)), 'the extension service worker');
    const { sessionId } = await this.send('Target.attachToTarget', { targetId: sw.targetId, flatten: true });
    this.swSession = sessionId;
    await poll(() => this.evalWorker(`typeof globalThis.coolpapersRedirect === 'function'`), 'the service worker module to load');
  }

  // Stops the extension's service worker, as Chrome does after 30 s idle.
  // The next extension event (a message, a click) starts it again; call
  // attachServiceWorker() after that to talk to the new one.
  async stopServiceWorker() {
    const prefix = `chrome-extension://${EXTENSION_ID}/`;
    const sw = (await this.targets()).find((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
    await this.send('Target.closeTarget', { targetId: sw.targetId });
    await poll(async () => !(await this.targets()).some((t) => t.targetId === sw.targetId), 'the service worker to stop');
    this.swSession = undefined;
  }

  // Evaluates `expression` in the service worker (promises awaited) and
  // returns its value.
  async evalWorker(expression) {
    return this.evalIn(this.swSession, expression);
  }

  async evalIn(sessionId, expression) {
    const r = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (r.exceptionDetails) {
      throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    }
    return r.result.value;
  }

  // Opens a tab at `url`, waits for its load event and returns
  // {targetId, sessionId, tabId}; tabId is chrome.tabs' id for it.
  async openTab(url) {
    const before = await this.evalWorker('chrome.tabs.query({}).then((ts) => ts.map((t) => t.id))');
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    await this.send('Page.enable', {}, sessionId);
    if (url !== 'about:blank') await this.navigate(sessionId, url);
    const tabId = await poll(async () => {
      const now = await this.evalWorker('chrome.tabs.query({}).then((ts) => ts.map((t) => t.id))');
      const added = now.filter((id) => !before.includes(id));
      return added.length === 1 ? added[0] : null;
    }, 'the new tab to appear in chrome.tabs');
    return { targetId, sessionId, tabId };
  }

  async navigate(sessionId, url) {
    const loaded = this.cdp.waitForEvent('Page.loadEventFired', { sessionId });
    const r = await this.send('Page.navigate', { url }, sessionId);
    if (r.errorText) throw new Error(`navigating to ${url}: ${r.errorText}`);
    await loaded;
  }

  // Chrome's view of a tab: {id, index, windowId, openerTabId, active}.
  async tab(tabId) {
    return this.evalWorker(`chrome.tabs.get(${Number(tabId)}).then((t) =>
      ({ id: t.id, index: t.index, windowId: t.windowId, openerTabId: t.openerTabId, active: t.active }))`);
  }

  async waitForPage(predicate, what) {
    return poll(async () => (await this.pages()).find(predicate), what);
  }

  // Closes every tab but one blank one, so each test starts alike.
  async closeTabsExcept(keepTargetId) {
    for (const page of await this.pages()) {
      if (page.targetId !== keepTargetId) await this.send('Target.closeTarget', { targetId: page.targetId }).catch(() => {});
    }
    // Closing is asynchronous: wait until both CDP and chrome.tabs agree.
    await poll(async () => (await this.pages()).length === 1 &&
      (await this.evalWorker('chrome.tabs.query({}).then((ts) => ts.length)')) === 1, 'the other tabs to close');
  }

  async notificationIds() {
    return this.evalWorker('chrome.notifications.getAll().then((all) => Object.keys(all).sort())');
  }

  async clearNotifications() {
    await this.evalWorker(`chrome.notifications.getAll().then((all) =>
      Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id))))`);
  }

  async close() {
    const grace = (ms) => new Promise((resolve) => { setTimeout(resolve, ms).unref(); });
    await Promise.race([this.send('Browser.close').catch(() => {}), grace(3000)]);
    const done = await Promise.race([this.exited.then(() => true), grace(5000).then(() => false)]);
    if (!done) {
      try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* gone */ }
      await this.exited;
    }
    // The renderers and the host share the browser's process group.
    try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* all gone */ }
    running.delete(this.proc.pid);
    if (this.pidFile) rmSync(this.pidFile, { force: true });
  }
}
