// coolpapers-redirector against the real binary on an ephemeral port.
// Node's own HTTP client for the ordinary paths; raw sockets wherever the
// exact bytes matter. Timeouts below are liveness bounds, never speed tests.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { once } from 'node:events';

import {
  BASE, startServer, runToExit, Connection, fetchRaw, get, metricValue, metricEventually, sleep,
} from './support.mjs';
import { resolutionExamples, typedMember } from '../resolution_examples.mjs';

// Node's HTTP client with keep-alive; never follows redirects.
function httpGet(port, target, { method = 'GET', agent } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// The contract's examples that hold one text (docs/resolution-examples.jsonl).
const ONE_TEXT_EXAMPLES = resolutionExamples().filter((e) => Object.keys(e.request).length === 1);

describe('routes, through Node\'s HTTP client', () => {
  let server;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  before(async () => { server = await startServer(); });
  after(async () => { agent.destroy(); await server.stop(); });

  test('every one-text example of the contract holds in the JSON API and as a redirect', async () => {
    assert.ok(ONE_TEXT_EXAMPLES.length > 0);
    for (const example of ONE_TEXT_EXAMPLES) {
      const [[member, text]] = Object.entries(example.request);
      // The page's meta tags are parameters named as the tags.
      const meta = Object.entries(example.pageMeta ?? {}).map(([n, v]) => `&${n}=${encodeURIComponent(v)}`).join('');
      const api = await httpGet(server.port, `/api/resolve?field=${member}&q=${encodeURIComponent(text)}${meta}`, { agent });
      assert.equal(api.status, example.url === null ? 404 : 200, example.where);
      assert.equal(JSON.parse(api.body).url, example.url ?? undefined, example.where);
      if (example.message) assert.ok(JSON.parse(api.body).error.message.includes(example.message), example.where);
      // The browser entry point reads a URL as a page and other text as a selection.
      if (typedMember(text) !== member || example.pageMeta) continue;
      const typed = await httpGet(server.port, `/?q=${encodeURIComponent(text)}`, { agent });
      assert.equal(typed.status, example.url === null ? 404 : 302, example.where);
      if (example.url === null) continue;
      assert.equal(typed.headers.location, example.url, example.where);
      const raw = await httpGet(server.port, encodeURI(`/${text}`), { agent });
      assert.equal(raw.status, 302, example.where);
      assert.equal(raw.headers.location, example.url, example.where);
    }
  });

  test('a percent-encoded URL and the raw URL redirect to the same page', async () => {
    const raw = await httpGet(server.port, '/https://openreview.net/forum?id=NGB6YNnO5o', { agent });
    const encoded = await httpGet(server.port, `/${encodeURIComponent('https://openreview.net/forum?id=NGB6YNnO5o')}`, { agent });
    assert.equal(raw.headers.location, `${BASE}/venue/NGB6YNnO5o@OpenReview`);
    assert.equal(encoded.headers.location, raw.headers.location);
  });

  test('the search-bar form ?q= resolves like the path form', async () => {
    const r = await httpGet(server.port, `/?q=${encodeURIComponent('arXiv:2312.00001')}`, { agent });
    assert.equal(r.status, 302);
    assert.equal(r.headers.location, `${BASE}/arxiv/2312.00001`);
    const words = await httpGet(server.port, '/?q=diffusion+bridge', { agent });
    assert.equal(words.headers.location, `${BASE}/arxiv/search?highlight=1&query=diffusion%20bridge`);
  });

  test('the API answers JSON: 200 with the url, 404 no_match, 400 for a bad field', async () => {
    const ok = await httpGet(server.port, `/api/resolve?q=${encodeURIComponent('https://arxiv.org/abs/2312.00001')}`, { agent });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(ok.body), {
      ok: true, url: `${BASE}/arxiv/2312.00001`, family: 'arxiv', ids: ['2312.00001'], field: 'pageUrl',
    });
    const none = await httpGet(server.port, `/api/resolve?q=${encodeURIComponent('https://doi.org/10.1145/3580305.3599000')}&field=page`, { agent });
    assert.equal(none.status, 404);
    assert.equal(JSON.parse(none.body).error.code, 'no_match');
    const bad = await httpGet(server.port, '/api/resolve?q=x&field=elbow', { agent });
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.body).error.code, 'bad_request');
  });

  test('no paper id is a 404 HTML page without a Location', async () => {
    const r = await httpGet(server.port, '/https://doi.org/10.1145/3580305.3599000', { agent });
    assert.equal(r.status, 404);
    assert.equal(r.headers.location, undefined);
    assert.match(r.headers['content-type'], /^text\/html/);
    assert.match(r.body, /No paper found/);
  });

  test('the root is the start page, and /healthz says ok', async () => {
    const help = await httpGet(server.port, '/', { agent });
    assert.equal(help.status, 200);
    assert.match(help.body, /\/\?q=%s/);
    const health = await httpGet(server.port, '/healthz', { agent });
    assert.equal(health.status, 200);
    assert.equal(health.body, 'ok\n');
  });

  test('HEAD gets the GET status and headers and no body', async () => {
    const c = await Connection.open(server.port);
    const r = await c.request(get('/arXiv:2312.00001', { method: 'HEAD' }), { head: true });
    assert.equal(r.status, 302);
    assert.equal(r.headers.location, `${BASE}/arxiv/2312.00001`);
    // The next response on the same connection starts right after the head:
    // nothing of a body was sent.
    const next = await c.request(get('/healthz'));
    assert.equal(next.body, 'ok\n');
    c.close();
  });
});

describe('metrics', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); });

  test('request counters, the latency histogram and open connections move', async () => {
    const redirects = 'coolpapers_redirector_requests_total{route="redirect",status="302"}';
    const notFound = 'coolpapers_redirector_requests_total{route="redirect",status="404"}';
    const count = 'coolpapers_redirector_request_duration_seconds_count';
    const before302 = await metricValue(server.port, redirects);
    const before404 = await metricValue(server.port, notFound);
    const beforeCount = await metricValue(server.port, count);
    const c = await Connection.open(server.port);
    for (let i = 0; i < 3; i++) assert.equal((await c.request(get('/arXiv:2312.00001'))).status, 302);
    assert.equal((await c.request(get('/https://doi.org/10.1145/3580305.3599000'))).status, 404);
    assert.equal(await metricValue(server.port, redirects), before302 + 3);
    assert.equal(await metricValue(server.port, notFound), before404 + 1);
    assert.ok(await metricValue(server.port, count) >= beforeCount + 4);
    // This connection and the one asking for /metrics.
    assert.ok(await metricEventually(server.port, 'coolpapers_redirector_open_connections', (v) => v >= 2) >= 2);
    c.close();
  });
});

describe('limits and malformed requests', () => {
  let server;
  before(async () => { server = await startServer(['--max-header-bytes', '4096']); });
  after(async () => { await server.stop(); });

  test('a head over --max-header-bytes gets 431 and the connection is closed', async () => {
    const c = await Connection.open(server.port);
    const r = await c.request(get('/arXiv:2312.00001', { headers: `Host: t\r\nX-Big: ${'a'.repeat(5000)}\r\n` }));
    assert.equal(r.status, 431);
    assert.equal(r.headers.connection, 'close');
    assert.ok(await c.waitClosed());
  });

  test('a head that never ends gets 431 once it passes the limit', async () => {
    const c = await Connection.open(server.port);
    const r = await c.request(`GET /arXiv:2312.00001 HTTP/1.1\r\n${'X-A: b\r\n'.repeat(1000)}`);
    assert.equal(r.status, 431);
  });

  test('a request with a body gets 413, by Content-Length or chunked', async () => {
    for (const headers of ['Host: t\r\nContent-Length: 5\r\n', 'Host: t\r\nTransfer-Encoding: chunked\r\n']) {
      const c = await Connection.open(server.port);
      const r = await c.request(`POST /arXiv:2312.00001 HTTP/1.1\r\n${headers}\r\nhello`);
      assert.equal(r.status, 413);
      assert.ok(await c.waitClosed());
    }
    const getWithBody = await fetchRaw(server.port, 'GET /arXiv:2312.00001 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc');
    assert.equal(getWithBody.status, 413);
  });

  test('malformed requests get 400', async () => {
    for (const bytes of ['GARBAGE\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'GET / HTTP/1.1\r\nNo colon here\r\n\r\n',
      'GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n', '\x00\x01\x02\r\n\r\n']) {
      const r = await fetchRaw(server.port, bytes);
      assert.equal(r?.status, 400, JSON.stringify(bytes));
    }
  });

  test('CR, LF and other control characters in the target never reach a header', async () => {
    for (const target of ['/a\rSet-Cookie:x', '/a\x01b', '/a\x7fb', '/a\tb']) {
      const r = await fetchRaw(server.port, `GET ${target} HTTP/1.1\r\nHost: t\r\n\r\n`);
      assert.equal(r?.status, 400, JSON.stringify(target));
      assert.equal(r.headers['set-cookie'], undefined);
    }
    for (const target of ['/%0d%0aSet-Cookie:%20a=b', '/arXiv:2312.00001%0D%0ALocation:%20https://evil.example']) {
      const r = await fetchRaw(server.port, get(target));
      assert.equal(r.headers['set-cookie'], undefined);
      assert.ok(r.headerList.filter(([n]) => n === 'location').length <= 1);
      if (r.status === 302) assert.ok(r.headers.location.startsWith(`${BASE}/`));
    }
  });

  test('an absolute-form target is served by its path; authority-form is refused', async () => {
    const abs = await fetchRaw(server.port, get('http://evil.example/arXiv:2312.00001'));
    assert.equal(abs.status, 302);
    assert.equal(abs.headers.location, `${BASE}/arxiv/2312.00001`);
    const authority = await fetchRaw(server.port, get('evil.example:443', { method: 'CONNECT' }));
    assert.equal(authority.status, 400);
    const authorityGet = await fetchRaw(server.port, get('evil.example:443'));
    assert.equal(authorityGet.status, 400);
  });

  test('other methods get 405 and the connection stays usable', async () => {
    const c = await Connection.open(server.port);
    const r = await c.request(get('/arXiv:2312.00001', { method: 'DELETE' }));
    assert.equal(r.status, 405);
    assert.equal(r.headers.allow, 'GET, HEAD');
    assert.equal((await c.request(get('/healthz'))).status, 200);
    c.close();
  });

  test('pipelined requests are answered in order', async () => {
    const c = await Connection.open(server.port);
    const ids = Array.from({ length: 40 }, (_, i) => `2312.${String(i + 10000).padStart(5, '0')}`);
    c.send(ids.map((id) => get(`/arXiv:${id}`)).join(''));
    for (const id of ids) {
      const r = await c.read();
      assert.equal(r.headers.location, `${BASE}/arxiv/${id}`);
    }
    c.close();
  });
});

// Random and hostile inputs: every request is answered, and every
// Location the server sends starts with the base.
function hostileTargets(count, seed = 12345) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const fixed = [
    '//evil.example/', '/\\evil.example', '/@evil.example', '/https://evil.example/arxiv/2312.00001',
    '/https://papers.cool.evil.example/arxiv/2312.00001', '/%2F%2Fevil.example', '/%0d%0aLocation:%20x',
    '/javascript:alert(1)', '/data:text/html,<script>', '/arXiv:2312.00001%00', '/%', '/%%%%', '/?q=%',
    '/?q=', '/?q=%0a', '/api/resolve?q=%0d%0a&field=page', '/..%2F..%2Fetc%2Fpasswd', `/${'9'.repeat(3000)}`,
    `/${'arXiv:2312.00001 '.repeat(150)}`, '/\u00ff\u00fe', '/%ff%fe%fd', '/%C3%A9t%C3%A9 diffusion',
  ];
  const alphabet = 'abcxyzABC0123456789:/?#[]@!$&\'()*+,;=-._~%"<>\\^`{|}';
  const targets = [];
  for (let i = 0; i < count; i++) {
    if (i < fixed.length) { targets.push(fixed[i]); continue; }
    const kind = random();
    let t = '/';
    const length = 1 + Math.floor(random() * 120);
    if (kind < 0.4) {
      for (let j = 0; j < length; j++) t += pick(alphabet);
    } else if (kind < 0.7) {
      for (let j = 0; j < length; j++) t += `%${Math.floor(random() * 256).toString(16).padStart(2, '0')}`;
    } else if (kind < 0.85) {
      // Printable and non-ASCII bytes, sent raw.
      for (let j = 0; j < length; j++) t += String.fromCharCode(0x21 + Math.floor(random() * 0xde));
    } else {
      t += pick(['https://arxiv.org/abs/', 'https://openreview.net/forum?id=', 'arXiv:', 'https://evil.example/'])
        + Array.from({ length }, () => pick(alphabet)).join('');
    }
    targets.push(t.replace(/[ ]/g, '%20'));
  }
  return targets;
}

describe('1,000 random and hostile inputs', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); });

  test('every one is answered, and every Location starts with the base', async () => {
    const targets = hostileTargets(1000);
    let c = await Connection.open(server.port);
    const statuses = {};
    for (const target of targets) {
      for (const method of ['GET', 'HEAD']) {
        // The connection is replaced after every "Connection: close", so
        // a missing answer is a failure, never a stale connection.
        const r = await c.request(get(target, { method }), { head: method === 'HEAD' });
        assert.ok(r, `no answer to ${method} ${JSON.stringify(target)}`);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        assert.ok([200, 302, 400, 404].includes(r.status), `${r.status} for ${JSON.stringify(target)}`);
        const locations = r.headerList.filter(([n]) => n === 'location');
        assert.ok(locations.length <= 1);
        if (r.status === 302) {
          assert.equal(locations.length, 1);
          assert.ok(locations[0][1].startsWith(`${BASE}/`), `${locations[0][1]} for ${JSON.stringify(target)}`);
          assert.match(locations[0][1], /^[\x21-\x7e]+$/);
        } else {
          assert.equal(locations.length, 0);
        }
        if (r.headers.connection === 'close') c = await Connection.open(server.port);
      }
    }
    c.close();
    assert.ok(statuses[302] > 100, JSON.stringify(statuses));  // the test exercised redirects
  });
});

describe('many connections, slow clients, connection limit', () => {
  let server;
  before(async () => {
    server = await startServer(['--read-timeout', '1', '--idle-timeout', '2', '--max-connections', '700']);
  });
  after(async () => { await server.stop(); });

  test('500 concurrent keep-alive connections are all served, three requests each', async () => {
    const connections = await Promise.all(Array.from({ length: 500 }, () => Connection.open(server.port)));
    const open = await metricEventually(server.port, 'coolpapers_redirector_open_connections', (v) => v >= 500);
    assert.ok(open >= 500, `open connections: ${open}`);
    for (let round = 0; round < 3; round++) {
      const responses = await Promise.all(connections.map((c, i) =>
        c.request(get(`/arXiv:2312.${String(10000 + i).padStart(5, '0')}`))));
      responses.forEach((r, i) => {
        assert.equal(r?.status, 302);
        assert.equal(r.headers.location, `${BASE}/arxiv/2312.${String(10000 + i).padStart(5, '0')}`);
        assert.equal(r.headers.connection, 'keep-alive');
      });
    }
    connections.forEach((c) => c.close());
  });

  test('a client sending one byte a second is dropped while others are served', async () => {
    const slow = await Connection.open(server.port);
    const request = get('/arXiv:2312.00001');
    let sent = 0;
    const trickle = setInterval(() => {
      if (sent < request.length && !slow.closed) slow.send(request[sent++]);
    }, 1000);
    slow.send(request[sent++]);
    try {
      const fast = await Connection.open(server.port);
      for (let i = 0; i < 50; i++) assert.equal((await fast.request(get('/arXiv:2312.00001'))).status, 302);
      fast.close();
      // The read timeout is 1 s: the whole head must arrive within it.
      assert.ok(await slow.waitClosed(8000), 'slow client was not dropped');
      assert.ok(sent < request.length, 'the slow client finished before being dropped');
      assert.equal(slow.buffer.length, 0, 'the slow client got a response');
    } finally {
      clearInterval(trickle);
      slow.close();
    }
    assert.ok(await metricValue(server.port, 'coolpapers_redirector_connections_timed_out_total') >= 1);
  });

  test('a silent keep-alive connection is closed after the idle timeout', async () => {
    const c = await Connection.open(server.port);
    assert.equal((await c.request(get('/healthz'))).status, 200);
    assert.ok(await c.waitClosed(8000));
  });
});

describe('connection limit', () => {
  test('connections over --max-connections get 503 and are closed', async () => {
    const server = await startServer(['--max-connections', '3'], { threads: 1 });
    try {
      const open = await Promise.all([0, 1, 2].map(() => Connection.open(server.port)));
      for (const c of open) assert.equal((await c.request(get('/healthz'))).status, 200);
      const extra = await Connection.open(server.port);
      const r = await extra.read();
      assert.equal(r?.status, 503);
      assert.ok(await extra.waitClosed());
      open[0].close();
      await sleep(200);
      assert.equal((await fetchRaw(server.port, get('/healthz'))).status, 200);
      open.forEach((c) => c.close());
    } finally {
      await server.stop();
    }
  });
});

describe('graceful shutdown', () => {
  test('SIGTERM answers every request already sent, then exits 0', async () => {
    const server = await startServer(['--grace', '5']);
    const complete = await Promise.all(Array.from({ length: 50 }, () => Connection.open(server.port)));
    const partial = await Promise.all(Array.from({ length: 10 }, () => Connection.open(server.port)));
    const idle = await Connection.open(server.port);
    // Make sure the partial connections are accepted and mid-request.
    const request = get('/arXiv:2312.00001');
    const half = Math.floor(request.length / 2);
    partial.forEach((c) => c.send(request.slice(0, half)));
    complete.forEach((c) => c.send(request));
    server.child.kill('SIGTERM');
    await sleep(300);
    partial.forEach((c) => c.send(request.slice(half)));
    const responses = await Promise.all([...complete, ...partial].map((c) => c.read()));
    responses.forEach((r) => {
      assert.equal(r?.status, 302);
      assert.equal(r.headers.location, `${BASE}/arxiv/2312.00001`);
    });
    // Requests finished after the signal are told the connection ends.
    responses.slice(complete.length).forEach((r) => assert.equal(r.headers.connection, 'close'));
    for (const c of [...complete, ...partial]) assert.ok(await c.waitClosed(), 'closed after its answer');
    assert.ok(await idle.waitClosed(), 'an idle keep-alive connection is closed at once');
    const { code } = await server.exited;
    assert.equal(code, 0);
    await assert.rejects(Connection.open(server.port), 'the port is closed after shutdown');
  });
});

describe('closing connections', () => {
  test('a half-sent request head does not hold SIGTERM for the grace period', async () => {
    const server = await startServer(['--grace', '120', '--read-timeout', '120']);
    const half = await Connection.open(server.port);
    half.send(get('/arXiv:2312.00001').slice(0, 10));
    await sleep(200);
    server.child.kill('SIGTERM');
    // Liveness bound far below the 120 s grace: the server owes nothing to
    // a request whose head never arrived.
    const outcome = await Promise.race([server.exited, sleep(30_000).then(() => 'still running')]);
    assert.deepEqual(outcome, { code: 0, signal: null });
    assert.ok(await half.waitClosed(1000));
    assert.equal(await half.read(), null, 'no response to half a request');
  });

  test('after a 4xx, a client still sending its body reads the response, not a reset', async () => {
    const server = await startServer(['--threads', '1']);
    try {
      for (const head of ['POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 8000000\r\n\r\n',
        'GET /x HTTP/1.1\r\nHost: t\r\nNo colon here\r\n\r\n']) {
        const c = await Connection.open(server.port);
        let error = null;
        c.socket.on('error', (e) => { error = e; });
        // Like a client that sends the whole request before reading: the
        // answer waits in the kernel while 8 MB are still on their way.
        c.socket.pause();
        c.send(head);
        c.socket.end(Buffer.alloc(8_000_000, 97));
        await Promise.race([new Promise((resolve) => c.socket.on('finish', resolve)), c.closedPromise]);
        c.socket.resume();
        const r = await c.read();
        assert.equal(error, null, `${head.split('\r\n')[0]}: ${error}`);
        assert.equal(r?.status, head.startsWith('POST') ? 413 : 400);
        assert.ok(await c.waitClosed());
      }
    } finally {
      await server.stop();
    }
  });
});

describe('addresses and rules', () => {
  test('--listen accepts a host name: localhost is served on 127.0.0.1', async () => {
    const server = await startServer(['--listen', 'localhost:0']);
    try {
      assert.match(server.stderr(), /listening on http:\/\/127\.0\.0\.1:\d+ /);
      const r = await fetchRaw(server.port, get('/arXiv:2312.00001'));
      assert.equal(r.headers.location, `${BASE}/arxiv/2312.00001`);
    } finally {
      await server.stop();
    }
  });

  test('a --listen name that does not resolve exits 2 and says what to use', async () => {
    const r = await runToExit(['--listen', 'no-such-host.invalid:8377']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--listen: cannot resolve 'no-such-host\.invalid'.*127\.0\.0\.1/);
  });

  test('the page shows --public-url and never the Host header', async () => {
    const server = await startServer(['--public-url', 'https://papers.example.org/go/']);
    try {
      const r = await fetchRaw(server.port, get('/', { headers: 'Host: evil.example\r\n' }));
      assert.equal(r.status, 200);
      assert.ok(r.body.includes('https://papers.example.org/go/?q=%s'), r.body);
      assert.ok(!r.body.includes('evil.example'));
      assert.ok(!r.body.includes('127.0.0.1'));
    } finally {
      await server.stop();
    }
    // Without --public-url: the listen address, port included.
    const probe = net.createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = probe.address().port;
    await new Promise((resolve) => probe.close(resolve));
    const plain = await startServer(['--listen', `127.0.0.1:${port}`]);
    try {
      const r = await fetchRaw(plain.port, get('/', { headers: 'Host: evil.example\r\n' }));
      assert.ok(r.body.includes(`http://127.0.0.1:${port}/?q=%s`), r.body);
      assert.ok(!r.body.includes('evil.example'));
    } finally {
      await plain.stop();
    }
  });

  test('the service reads --rules FILE and no user rule file', async () => {
    const rule = (family) => JSON.stringify({
      schema: 1,
      families: [{ name: family, page: 'venue' }],
      rules: [{ id: family, family, literals: ['mysite.org'], pattern: 'mysite\\.org/paper/([0-9]+)', output: `{1}@${family}` }],
    });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'redirector-home-'));
    fs.mkdirSync(path.join(home, 'config', 'coolpapers'), { recursive: true });
    fs.writeFileSync(path.join(home, 'config', 'coolpapers', 'rules.json'), rule('UserFile'));
    const flagFile = path.join(home, 'flag-rules.json');
    fs.writeFileSync(flagFile, rule('FlagFile'));
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') };
    for (const [args, expected] of [[[], 404], [['--rules', flagFile], 302]]) {
      const server = await startServer(args, { env });
      try {
        const r = await fetchRaw(server.port, get('/https://mysite.org/paper/42'));
        assert.equal(r.status, expected, args.join(' '));
        if (expected === 302) assert.equal(r.headers.location, `${BASE}/venue/42@FlagFile`);
      } finally {
        await server.stop();
      }
    }
  });
});

describe('command line', () => {
  test('--help describes every flag and exits 0', async () => {
    const r = await runToExit(['--help']);
    assert.equal(r.code, 0);
    for (const flag of ['--listen', '--public-url', '--base', '--rules', '--threads', '--access-log', '--max-header-bytes',
      '--read-timeout', '--idle-timeout', '--max-connections', '--grace']) assert.ok(r.stdout.includes(flag), flag);
  });

  test('bad flags exit 2 with a message naming the problem', async () => {
    for (const [args, fragment] of [
      [['--listen', 'nowhere'], '--listen'], [['--threads', '0'], '--threads'], [['--base', 'gopher://x'], '--base'],
      [['--rules', '/nonexistent/rules.json'], 'cannot read'], [['--bogus'], 'unknown option'],
      [['--access-log', '/nonexistent-dir/x.log'], '--access-log'],
    ]) {
      const r = await runToExit(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.ok(r.stderr.includes(fragment), `${args.join(' ')}: ${r.stderr}`);
    }
  });

  test('a bad rule file exits 2 and says which file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redirector-'));
    const file = path.join(dir, 'rules.json');
    fs.writeFileSync(file, '{"rules": [ {"id": 1');
    const r = await runToExit(['--rules', file]);
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(file), r.stderr);
  });

  test('--rules refuses a directory and a file over the 4 MiB rule file bound, exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redirector-'));
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, ' '.repeat(4 * 1024 * 1024 + 1));
    for (const [file, fragment] of [[dir, 'Is a directory'], [big, 'larger than 4 MiB']]) {
      const r = await runToExit(['--rules', file]);
      assert.equal(r.code, 2, file);
      assert.ok(r.stderr.includes(`${file}: `) && r.stderr.includes(fragment), r.stderr);
    }
    fs.rmSync(dir, { recursive: true });
  });

  test('an address already in use exits 1', async () => {
    const server = await startServer();
    try {
      const r = await runToExit(['--listen', `127.0.0.1:${server.port}`, '--threads', '1']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /cannot listen on .*in use/i);
    } finally {
      await server.stop();
    }
  });

  test('the access log has one escaped line per request', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redirector-'));
    const log = path.join(dir, 'access.log');
    const server = await startServer(['--access-log', log]);
    await fetchRaw(server.port, get('/arXiv:2312.00001'));
    await fetchRaw(server.port, get('/"quoted"\\\u00e9'));
    await server.stop();
    // Each worker thread buffers its own lines: their order across threads
    // is not defined.
    const lines = fs.readFileSync(log, 'latin1').trim().split('\n');
    assert.equal(lines.length, 2);
    const plain = lines.find((l) => l.includes('arXiv'));
    const hostile = lines.find((l) => !l.includes('arXiv'));
    assert.match(plain, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ 127\.0\.0\.1 "GET \/arXiv:2312\.00001 HTTP\/1\.1" 302 redirect$/);
    assert.ok(hostile.includes('\\x22quoted\\x22\\x5c\\xe9'), hostile);
  });
});
