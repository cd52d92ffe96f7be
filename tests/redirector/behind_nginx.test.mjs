// Two coolpapers-redirector instances behind nginx, configured with
// packaging/nginx/coolpapers-redirector.conf (ports rewritten): requests are
// spread over both, and keep being answered while and after one instance
// is stopped.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { BASE, startServer, Connection, fetchRaw, get, metricValue, sleep } from './support.mjs';

// Not called NGINX: nginx itself reads $NGINX (a list of inherited sockets).
const NGINX = process.env.NGINX_BINARY ?? 'nginx';
const TEMPLATE = process.env.NGINX_CONF_TEMPLATE;
if (!TEMPLATE) throw new Error('set NGINX_CONF_TEMPLATE to packaging/nginx/coolpapers-redirector.conf');

async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.on('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startNginx(upstreamPorts) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redirector-nginx-'));
  const port = await freePort();
  let site = fs.readFileSync(TEMPLATE, 'utf8');
  site = site.replace('server 127.0.0.1:8377 ', `server 127.0.0.1:${upstreamPorts[0]} `)
    .replace('server 127.0.0.1:8378 ', `server 127.0.0.1:${upstreamPorts[1]} `)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  assert.ok(site.includes(`server 127.0.0.1:${upstreamPorts[0]} `) && site.includes(`server 127.0.0.1:${upstreamPorts[1]} `) && site.includes(`listen 127.0.0.1:${port};`),
    'the example config has the ports the test expects to rewrite');
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/${t};`).join('\n  ');
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  ${temp}
  include ${dir}/site.conf;
}
`);
  const child = spawn(NGINX, ['-e', `${dir}/error.log`, '-p', dir, '-c', `${dir}/nginx.conf`],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { PATH: process.env.PATH } });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetchRaw(port, get('/healthz'));
      if (r?.status === 200) break;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  return {
    port,
    dir,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const processes = [];
after(async () => { for (const p of processes.reverse()) await p.stop(); });

test('requests keep being answered through nginx while one of two instances stops', async () => {
  const a = await startServer([], { threads: 1 });
  const b = await startServer([], { threads: 1 });
  processes.push(a, b);
  const nginx = await startNginx([a.port, b.port]);
  processes.push(nginx);

  const redirects = 'coolpapers_redirector_requests_total{route="redirect",status="302"}';
  const c = await Connection.open(nginx.port);
  for (let i = 0; i < 40; i++) {
    const r = await c.request(get(`/https://arxiv.org/abs/2312.${String(10000 + i)}`));
    assert.equal(r.status, 302);
    assert.equal(r.headers.location, `${BASE}/arxiv/2312.${String(10000 + i)}`);
  }
  // Round robin: both instances answered.
  assert.ok(await metricValue(a.port, redirects) > 0, 'instance A got requests');
  assert.ok(await metricValue(b.port, redirects) > 0, 'instance B got requests');

  // Stop A while requests keep coming, on several client connections.
  let answered = 0;
  let failed = 0;
  let stopping = true;
  const load = Array.from({ length: 4 }, async (_, k) => {
    let conn = await Connection.open(nginx.port);
    while (stopping) {
      const r = await conn.request(get(`/arXiv:2401.${String(10000 + k)}`));
      if (r?.status === 302 && r.headers.location === `${BASE}/arxiv/2401.${String(10000 + k)}`) answered++;
      else failed++;
      // nginx ends a client connection after keepalive_requests (1000).
      if (r === null || r.headers.connection === 'close') {
        conn.close();
        conn = await Connection.open(nginx.port);
      }
    }
    conn.close();
  });
  await sleep(200);
  const { code } = await a.stop();
  assert.equal(code, 0, 'instance A exits 0 after draining');
  await sleep(300);
  stopping = false;
  await Promise.all(load);
  assert.equal(failed, 0, `${failed} requests failed while A stopped`);
  assert.ok(answered > 20, `only ${answered} requests answered`);

  // After A is gone, everything goes to B.
  const before = await metricValue(b.port, redirects);
  for (let i = 0; i < 30; i++) {
    const r = await c.request(get(`/https://openreview.net/forum?id=NGB6YNnO5o&i=${i}`));
    assert.equal(r?.status, 302);
    assert.equal(r.headers.location, `${BASE}/venue/NGB6YNnO5o@OpenReview`);
  }
  assert.ok(await metricValue(b.port, redirects) >= before + 30);
  c.close();
});
