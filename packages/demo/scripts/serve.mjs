// A small static server for the built demo: correct MIME types, a strict Content-Security-Policy
// (no 'unsafe-inline', no 'unsafe-eval') on every answer, the widgets' CDN folder at /cdn/.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The policy every page runs under: scripts and styles only from this origin, data only from
 * the API (`api`: its origin, or its origins space-separated).
 */
export function contentSecurityPolicy(api) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${api}`,
    `connect-src 'self' ${api}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Resolves `urlPath` inside `root`, or null if it would escape it. */
function inside(root, urlPath) {
  const file = normalize(join(root, urlPath));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/**
 * Serves `dist` (the Vite build) and `cdn` (packages/widgets/dist/cdn) on host:port.
 * `routes` may answer extra paths first: `(req, res) => boolean` (true = handled).
 */
export function serveDemo({ dist, cdn, api, host, port, routes }) {
  const csp = contentSecurityPolicy(api);
  const server = createServer(async (req, res) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    try {
      if (routes && (await routes(req, res))) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const { pathname } = new URL(req.url ?? '/', 'http://x');
      let path = decodeURIComponent(pathname);
      let root = dist;
      if (path.startsWith('/cdn/')) {
        root = cdn;
        path = path.slice('/cdn'.length);
      }
      if (path.endsWith('/')) path += 'index.html';
      let file = inside(root, path);
      let info = file && (await stat(file).catch(() => null));
      // /brand → /brand.html
      if ((!info || info.isDirectory()) && file && !extname(file)) {
        file = `${file}.html`;
        info = await stat(file).catch(() => null);
      }
      if (!file || !info?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      const hashed = /\/assets\/|\/chunks\//.test(file);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': info.size,
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
