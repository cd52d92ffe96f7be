// An HTTPS server on 127.0.0.1 that stands in for arxiv.org, openreview.net,
// aclanthology.org and papers.cool. Chromium reaches it through
// --host-resolver-rules (every name mapped to this port), so pages keep their
// real https:// URLs, which the content script's match patterns require.
// The certificate is self-signed, made with openssl into a temp dir per run;
// the browser is started with --ignore-certificate-errors.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { extname, join } from 'node:path';

import { FIXTURES_DIR } from './paths.mjs';

export const FIXTURE_HOSTS = [
  'arxiv.org', 'www.arxiv.org', 'openreview.net', 'aclanthology.org',
  'papers.cool', 'mirror.test', 'redirector.test',
  // Paper sites without a rule, whose pages resolve from their meta tags.
  'proceedings.neurips.cc', 'jmlr.org', 'www.ecva.net', 'www.semanticscholar.org', 'paperswithcode.com',
  'dl.acm.org', 'ieeexplore.ieee.org',
  // A paper site no built-in rule knows, for a user's own rule file.
  'papers.example.test',
];

// Fixture pages by host and path (query strings ignored).
const ROUTES = {
  'arxiv.org/abs/2312.00001': 'arxiv_abs_2312.00001.html',
  'arxiv.org/abs/2312.00001v2': 'arxiv_abs_2312.00001.html',
  'arxiv.org/list/cs.CL/new': 'arxiv_list_cs.CL_new.html',
  'openreview.net/forum': 'openreview_forum_NGB6YNnO5o.html',
  'aclanthology.org/2023.acl-long.1/': 'acl_paper_2023.acl-long.1.html',
  'aclanthology.org/volumes/2023.acl-long/': 'acl_volume_2023.acl-long.html',
  'arxiv.org/pdf/2312.00001': 'arxiv_pdf_2312.00001.pdf',
  'openreview.net/pdf': 'arxiv_pdf_2312.00001.pdf',
  'proceedings.neurips.cc/paper_files/paper/2023/hash/a85b405ed65c6477a4fe8302b5e06ce7-Abstract-Conference.html':
    'meta_neurips_2023_abstract.html',
  'jmlr.org/papers/v21/20-074.html': 'meta_jmlr_v21_20-074.html',
  'www.ecva.net/papers/eccv_2022/papers_ECCV/html/1234_ECCV_2022_paper.php': 'meta_ecva_eccv2022.html',
  'www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776':
    'meta_semanticscholar_paper.html',
  'paperswithcode.com/paper/lora-low-rank-adaptation-of-large-language': 'meta_paperswithcode_paper.html',
  'dl.acm.org/doi/10.1145/3580305.3599000': 'meta_acm_doi_10.1145_3580305.3599000.html',
  'ieeexplore.ieee.org/document/9157382': 'meta_ieeexplore_document_9157382.html',
  'papers.example.test/paper/42': 'example_paper_42.html',
};

const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf' };

// Stands in for every Cool Papers page, so tabs the extension opens load
// something real instead of an error page.
const COOL_PAPERS_PAGE = '<!doctype html><title>Cool Papers (test stand-in)</title><h1>Cool Papers</h1>';

export async function startFixtureServer(tempDir) {
  const key = join(tempDir, 'fixture-key.pem');
  const cert = join(tempDir, 'fixture-cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
    '-days', '2', '-subj', '/CN=coolpapers-test', '-addext', `subjectAltName=${FIXTURE_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
  ], { stdio: 'ignore' });

  const requests = [];
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url, 'https://x').pathname;
    requests.push(`${host}${req.url}`);
    const file = ROUTES[`${host}${path}`];
    if (file) {
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)], 'cache-control': 'no-store' });
      res.end(readFileSync(join(FIXTURES_DIR, file)));
    } else if (host === 'papers.cool' || host === 'mirror.test') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(COOL_PAPERS_PAGE);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not a fixture\n');
    }
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const { port } = server.address();
  return {
    port,
    requests,
    resolverRules: FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`),
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
