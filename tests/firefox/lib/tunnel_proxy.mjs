// An HTTP proxy that answers every CONNECT by tunnelling to one local port
// (the fixture server), whatever host was asked for: Firefox keeps the real
// https:// URLs (which content-script matches need) and reaches no network.
// Plain http:// requests get 502.

import { createServer } from 'node:http';
import { connect } from 'node:net';

export async function startTunnelProxy(targetPort) {
  const server = createServer((req, res) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('the test proxy only tunnels https\n');
  });
  const sockets = new Set();
  server.on('connect', (req, client, head) => {
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => { client.destroy(); upstream.destroy(); });
    }
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  return {
    port: server.address().port,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
