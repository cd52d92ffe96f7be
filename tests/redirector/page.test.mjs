// The service's web pages in real headless Chromium: a user types a paper id
// into the start page's input box and presses Enter, and the browser ends up
// on the paper's page at the base (a local fake base: no network here); the
// 404 page's "search instead" link leads to the base's search. The Content-
// Security-Policy must not block anything the pages use, and neither page
// may scroll sideways on a phone. Screenshots at phone and desktop widths
// are written to $SCREENSHOT_DIR for people to look at.
//
// Chromium is driven over the DevTools protocol on --remote-debugging-pipe
// (fd 3 = commands, fd 4 = replies and events, each message ending in '\0'),
// as tests/extension does; no npm packages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

import { startServer, sleep } from './support.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/lib/chromium/chromium';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || path.join(os.tmpdir(), 'coolpapers-redirector-screenshots');

const VIEWPORTS = {
  phone: { width: 390, height: 844, deviceScaleFactor: 2, mobile: true },
  desktop: { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false },
};

// ---- A fake base: answers every GET with a page naming its path. ----
let baseServer;
let basePort;
const baseRequests = [];

// ---- Chromium over the pipe. ----
let browser;
let nextId = 0;
const pending = new Map();
const listeners = new Set();

function send(method, params = {}, sessionId = undefined) {
  return new Promise((resolve, reject) => {
    nextId += 1;
    pending.set(nextId, { resolve, reject, method });
    browser.stdio[3].write(`${JSON.stringify({ id: nextId, method, params, ...(sessionId && { sessionId }) })}\0`);
  });
}

function waitForEvent(method, sessionId, predicate = () => true, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listeners.delete(listener);
      reject(new Error(`timed out waiting for ${method}`));
    }, timeoutMs);
    const listener = (message) => {
      if (message.method !== method || message.sessionId !== sessionId || !predicate(message.params)) return;
      listeners.delete(listener);
      clearTimeout(timer);
      resolve(message.params);
    };
    listeners.add(listener);
  });
}

async function launchChromium(userDataDir) {
  browser = spawn(CHROMIUM, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    '--disable-features=Translate,MediaRouter,OptimizationHints', '--password-store=basic', '--use-mock-keychain',
    '--hide-scrollbars', `--user-data-dir=${userDataDir}`, '--remote-debugging-pipe',
    // Only the two local servers exist.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, HOME: userDataDir } });
  process.on('exit', () => { try { process.kill(-browser.pid, 'SIGKILL'); } catch { /* gone */ } });
  let buffer = '';
  browser.stdio[4].setEncoding('utf8');
  browser.stdio[4].on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(`${waiter.method}: ${message.error.message}`));
        else waiter?.resolve(message.result);
      } else {
        for (const listener of [...listeners]) listener(message);
      }
    }
  });
  browser.stdio[3].on('error', () => {});
  browser.on('exit', () => {
    for (const { reject, method } of pending.values()) reject(new Error(`browser exited during ${method}`));
    pending.clear();
  });
}

// A tab with console messages and CSP reports collected.
async function openTab() {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const problems = [];
  listeners.add((message) => {
    if (message.sessionId !== sessionId) return;
    if (message.method === 'Log.entryAdded' && ['error', 'warning'].includes(message.params.entry.level)) {
      problems.push(message.params.entry.text);
    }
    if (message.method === 'Runtime.consoleAPICalled') problems.push(JSON.stringify(message.params.args));
  });
  await send('Page.enable', {}, sessionId);
  await send('Log.enable', {}, sessionId);
  await send('Runtime.enable', {}, sessionId);
  return { sessionId, problems };
}

async function evaluate(sessionId, expression) {
  const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
  return r.result.value;
}

async function navigate(sessionId, url) {
  const loaded = waitForEvent('Page.loadEventFired', sessionId);
  const r = await send('Page.navigate', { url }, sessionId);
  if (r.errorText) throw new Error(`navigating to ${url}: ${r.errorText}`);
  await loaded;
}

async function poll(fn, what, timeoutMs = 20000) {
  const start = Date.now();
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// Full-page screenshots at each width; also checks the page fits the width.
async function screenshots(sessionId, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [size, metrics] of Object.entries(VIEWPORTS)) {
    await send('Emulation.setDeviceMetricsOverride', metrics, sessionId);
    const sideways = await evaluate(sessionId, 'document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(sideways <= 0, `${name} at ${size} width scrolls sideways by ${sideways}px`);
    const { data } = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, sessionId);
    fs.writeFileSync(path.join(SCREENSHOT_DIR, `${name}-${size}.png`), Buffer.from(data, 'base64'));
  }
  await send('Emulation.clearDeviceMetricsOverride', {}, sessionId);
}

let service;
let userDataDir;

before(async () => {
  baseServer = http.createServer((req, res) => {
    baseRequests.push(req.url);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>fake base</title><p>fake base: ${req.url.replace(/[<&]/g, '')}`);
  });
  baseServer.listen(0, '127.0.0.1');
  await once(baseServer, 'listening');
  basePort = baseServer.address().port;
  // A fixed port, so the page shows the URL the browser uses.
  const probe = net.createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  service = await startServer(['--base', `http://127.0.0.1:${basePort}`, '--listen', `127.0.0.1:${port}`]);
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redirector-chromium-'));
  await launchChromium(userDataDir);
});

after(async () => {
  if (browser) {
    await Promise.race([send('Browser.close').catch(() => {}), sleep(3000)]);
    try { process.kill(-browser.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  await service?.stop();
  baseServer?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

test('typing an id into the start page and pressing Enter lands on the paper page at the base', async () => {
  const { sessionId, problems } = await openTab();
  await navigate(sessionId, `http://127.0.0.1:${service.port}/`);
  // The style sheet applied (the CSP let it load) and the box has focus.
  assert.equal(await evaluate(sessionId, 'getComputedStyle(document.querySelector("button")).borderRadius'), '6px');
  assert.equal(await evaluate(sessionId, 'document.activeElement.id'), 'q');
  assert.equal(await evaluate(sessionId, 'document.querySelector("pre.copy").textContent'),
    `http://127.0.0.1:${service.port}/?q=%s`);
  await screenshots(sessionId, 'redirector-start');

  await send('Input.insertText', { text: 'see arXiv:2312.00001' }, sessionId);
  const loaded = waitForEvent('Page.loadEventFired', sessionId);
  for (const type of ['keyDown', 'keyUp']) {
    await send('Input.dispatchKeyEvent', {
      type, key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, ...(type === 'keyDown' && { text: '\r' }),
    }, sessionId);
  }
  await loaded;
  const url = await poll(async () => {
    const href = await evaluate(sessionId, 'location.href');
    return href.startsWith(`http://127.0.0.1:${basePort}/`) && href;
  }, 'the redirect to the base');
  assert.equal(url, `http://127.0.0.1:${basePort}/arxiv/2312.00001`);
  assert.ok(baseRequests.includes('/arxiv/2312.00001'), baseRequests.join(' '));
  assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), [], 'no console errors or CSP reports');
});

test('the 404 page says why and its search link leads to the base\'s search', async () => {
  const { sessionId, problems } = await openTab();
  const loaded = waitForEvent('Page.loadEventFired', sessionId);
  await send('Page.navigate', { url: `http://127.0.0.1:${service.port}/https://example.com/blog/diffusion-bridges` }, sessionId);
  await loaded;
  assert.equal(await evaluate(sessionId, 'document.querySelector("h1").textContent'), 'No paper found');
  assert.equal(await evaluate(sessionId, 'document.querySelector("#q").value'), 'https://example.com/blog/diffusion-bridges');
  await screenshots(sessionId, 'redirector-404');

  const searched = waitForEvent('Page.loadEventFired', sessionId);
  const box = await evaluate(sessionId, `(() => {
    const r = document.querySelector('a.button').getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  })()`);
  for (const type of ['mousePressed', 'mouseReleased']) {
    await send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 }, sessionId);
  }
  await searched;
  assert.equal(await evaluate(sessionId, 'location.href'),
    `http://127.0.0.1:${basePort}/arxiv/search?highlight=1&query=blog%20diffusion-bridges`);
  assert.deepEqual(problems.filter((p) => !/favicon|404/.test(p)), [], 'no console errors or CSP reports');
});

test('the start page\'s bookmarklet, run on another page, sends the selected text through the service', async () => {
  const { sessionId } = await openTab();
  await navigate(sessionId, `http://127.0.0.1:${service.port}/`);
  const href = await evaluate(sessionId, 'document.querySelector("a.bookmarklet").getAttribute("href")');
  assert.ok(href.startsWith('javascript:'), href);

  // Another site's page, with a reference selected; then the bookmark runs there.
  await navigate(sessionId, `http://127.0.0.1:${basePort}/some/page`);
  await evaluate(sessionId, `(() => {
    const p = document.querySelector('p');
    p.textContent = 'as shown in arXiv:2312.00001';
    getSelection().selectAllChildren(p);
  })()`);
  const loaded = waitForEvent('Page.loadEventFired', sessionId);
  await evaluate(sessionId, href.slice('javascript:'.length));
  await loaded;
  await poll(async () => (await evaluate(sessionId, 'location.pathname')) === '/arxiv/2312.00001', 'the paper page');
  assert.equal(await evaluate(sessionId, 'location.origin'), `http://127.0.0.1:${basePort}`);
});
