#!/usr/bin/env node
/**
 * A plain static file server that answers as common static hosts do (GitHub Pages, Netlify):
 * a folder's address without its `/` is redirected to it (keeping the query), a folder answers
 * with its index.html, and a missing file with the site's 404.html (status 404). No rewriting to
 * index.html. `npm run preview:demo` serves the demo build with it; scripts/check-demo.mjs uses
 * it to prove the build's fallback pages. Usage:
 *   node scripts/static-server.mjs [folder=dist-demo] [port=4173]
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
};

async function isFile(path) {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function isFolder(path) {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * Serves `folder` on `port` (0: any free one) of 127.0.0.1; resolves with the server and its
 * address (`http://127.0.0.1:4173/`).
 */
export function serveStatic(folder, port = 0) {
  const root = resolve(folder);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = async (status, path) => {
      response.writeHead(status, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : await readFile(path));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    let path;
    try {
      path = join(root, decodeURIComponent(url.pathname));
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (path !== root && !path.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (await isFolder(path)) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      path = join(path, 'index.html');
    }
    if (await isFile(path)) return send(200, path);
    const notFound = join(root, '404.html');
    if (await isFile(notFound)) return send(404, notFound);
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      done({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await serveStatic(process.argv[2] ?? 'dist-demo', Number(process.argv[3] ?? 4173));
  console.log(`Serving ${process.argv[2] ?? 'dist-demo'} on ${url} (404.html for missing paths; Ctrl+C stops)`);
}
