// Helpers for the redirector's server tests: start the real binary on an
// ephemeral port, and talk HTTP/1.1 over raw TCP sockets, so tests can send
// exactly the bytes they mean (control characters, oversized heads,
// pipelined requests, one byte a second) and read exactly what came back.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { once } from 'node:events';

export const BINARY = process.env.REDIRECTOR;
if (!BINARY) throw new Error('set REDIRECTOR to the coolpapers-redirector binary');

export const BASE = 'https://papers.cool';

// Starts the server with `args` (plus --listen 127.0.0.1:0 unless given).
// Resolves once it prints its "listening on" line.
export async function startServer(args = [], { threads = 2, env = process.env } = {}) {
  const fullArgs = [...args];
  if (!args.some((a) => a.startsWith('--listen'))) fullArgs.push('--listen', '127.0.0.1:0');
  if (!args.some((a) => a.startsWith('--threads'))) fullArgs.push('--threads', String(threads));
  const child = spawn(BINARY, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stdout.resume();
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line; stderr: ${stderr}`)), 10_000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const m = /listening on http:\/\/[^ ]*:(\d+) /.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening: ${stderr}`)));
  });
  return {
    port,
    child,
    exited,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

// Runs the binary to completion (for --help and bad flags).
export async function runToExit(args) {
  const child = spawn(BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

// Parses one response from the front of `buffer` (a Buffer). Returns
// { response, rest } or null when more bytes are needed.
export function parseResponse(buffer, { head = false } = {}) {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const headText = buffer.subarray(0, end).toString('latin1');
  const [statusLine, ...lines] = headText.split('\r\n');
  const m = /^HTTP\/1\.1 (\d{3}) (.*)$/.exec(statusLine);
  if (!m) throw new Error(`bad status line: ${JSON.stringify(statusLine)}`);
  const headers = {};
  const headerList = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`bad header line: ${JSON.stringify(line)}`);
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    headerList.push([name, value]);
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const length = head ? 0 : Number(headers['content-length'] ?? 0);
  const bodyStart = end + 4;
  if (buffer.length < bodyStart + length) return null;
  return {
    response: {
      status: Number(m[1]),
      reason: m[2],
      headers,
      headerList,
      rawHead: headText,
      body: buffer.subarray(bodyStart, bodyStart + length).toString('utf8'),
    },
    rest: buffer.subarray(bodyStart + length),
  };
}

// One TCP connection that sends raw request bytes and reads responses in
// order (pipelining works: send several, then read several).
export class Connection {
  static async open(port) {
    const socket = net.connect({ port, host: '127.0.0.1' });
    await once(socket, 'connect');
    return new Connection(socket);
  }

  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.closed = false;
    this.waiters = [];
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    const onEnd = () => {
      this.closed = true;
      this.wake();
    };
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.on('error', onEnd);
    this.closedPromise = new Promise((resolve) => socket.on('close', resolve));
  }

  wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  send(bytes) {
    this.socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  // Resolves with the next response, or null if the connection closed
  // first. Rejects after `timeoutMs` (a liveness bound, not a speed test).
  async read({ head = false, timeoutMs = 10_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const parsed = parseResponse(this.buffer, { head });
      if (parsed) {
        this.buffer = parsed.rest;
        return parsed.response;
      }
      if (this.closed) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no response within ${timeoutMs} ms; have ${JSON.stringify(this.buffer.toString('latin1'))}`);
      await new Promise((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async request(bytes, options) {
    this.send(bytes);
    return this.read(options);
  }

  // Resolves true once the server has closed the connection.
  async waitClosed(timeoutMs = 10_000) {
    if (this.socket.destroyed) return true;
    return Promise.race([
      this.closedPromise.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs)),
    ]);
  }

  close() {
    this.socket.destroy();
  }
}

export function get(target, { method = 'GET', headers = 'Host: test\r\n', version = '1.1' } = {}) {
  return `${method} ${target} HTTP/${version}\r\n${headers}\r\n`;
}

// One request on a fresh connection.
export async function fetchRaw(port, bytes, options) {
  const c = await Connection.open(port);
  try {
    return await c.request(bytes, options);
  } finally {
    c.close();
  }
}

export async function metricValue(port, name) {
  const r = await fetchRaw(port, get('/metrics'));
  const line = r.body.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? 0 : Number(line.slice(name.length + 1));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls a metric until `accept(value)` holds or `timeoutMs` passes; returns
// the last value. A client's connect() completes before the server has
// accepted the connection, so counters that follow the server lag behind.
export async function metricEventually(port, name, accept, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let value = await metricValue(port, name);
  while (!accept(value) && Date.now() < deadline) {
    await sleep(50);
    value = await metricValue(port, name);
  }
  return value;
}
