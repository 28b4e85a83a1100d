// Serves the repository on 127.0.0.1 for the demo page (`make demo`, then open the printed address): static files
// only, with the page's Content-Security-Policy also sent as a header. PORT picks the port (default 8080).
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8' };
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'none'; form-action 'none'; base-uri 'none'";

/** Starts the server; resolves { server, url, requests } (every request's method, path and status, for tests). */
export function serve(port = 0) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) file = root;
    if (url.pathname === '/') { res.writeHead(302, { location: '/www/' }); res.end(); requests.push({ method: req.method, path: url.pathname, status: 302 }); return; }
    try { if (statSync(file).isDirectory()) file = path.join(file, 'index.html'); } catch { /* 404 below */ }
    let status = 200;
    try { statSync(file); } catch { status = 404; }
    if (req.method !== 'GET' && req.method !== 'HEAD') status = 405;
    requests.push({ method: req.method, path: url.pathname, status });
    if (status !== 200) { res.writeHead(status, { 'content-type': 'text/plain' }); res.end(String(status)); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${server.address().port}`, requests });
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { url } = await serve(Number(process.env.PORT ?? 8080));
  console.log(`intake demo: ${url}/www/  (Ctrl-C stops it)`);
}
