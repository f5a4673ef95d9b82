#!/usr/bin/env node
// A tiny static file server for the demo (no dependencies): serves the repository
// root on 127.0.0.1, so the page at /www-demo/ can import ../pkg/index.js.
//
//   node scripts/serve.mjs            # PORT env, default 8080
//   import { start } from './scripts/serve.mjs'; const s = await start(0); ...; await s.close();
//
// Only GET and HEAD; paths outside the repository root, dot files (.git) and
// symlinks that lead outside are refused.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

function inside(root, file) {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

async function handle(req, res, root) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad request\n');
  }
  if (pathname === '/') return send(res, 302, 'See /www-demo/\n', { Location: '/www-demo/' });
  if (pathname.includes('\0')) return send(res, 400, 'Bad request\n');
  const segments = pathname.split(/[\\/]/);
  if (segments.some((s) => s === '..')) return send(res, 403, 'Forbidden\n');
  if (segments.some((s) => s.startsWith('.') && s !== '')) return send(res, 404, 'Not found\n');
  let file = path.resolve(root, '.' + path.sep + pathname);
  if (!inside(root, file)) return send(res, 403, 'Forbidden\n');
  let info;
  try {
    file = await realpath(file);
    if (!inside(root, file)) return send(res, 403, 'Forbidden\n');
    info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) return send(res, 301, 'Moved\n', { Location: pathname + '/' });
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
  } catch {
    return send(res, 404, 'Not found\n');
  }
  if (!info.isFile()) return send(res, 404, 'Not found\n');
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/**
 * Starts the server on 127.0.0.1:port (0 = a free port).
 * Resolves to { port, url, server, close() }; url is the demo page.
 */
export async function start(port = 8080, { root = ROOT } = {}) {
  const realRoot = await realpath(root);
  const server = createServer((req, res) => {
    handle(req, res, realRoot).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error\n');
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/www-demo/`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  start(port).then(
    (s) => {
      console.log(`Demo: ${s.url}`);
      const stop = () => s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      console.error(`Could not start the demo server on 127.0.0.1:${port}: ${e.message}`);
      process.exit(1);
    },
  );
}
