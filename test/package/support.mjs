/**
 * What the package tests (test/package/*.test.mjs, run with `node --test`) share: running
 * commands, static servers, headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs a command; returns its stdout, throws with its output when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.map': 'application/json' };

/**
 * Serves `folder` on 127.0.0.1 (any free port), a folder's address by its index.html; `routes`
 * maps a path to [content type, body]
 * served before the folder. `cors` adds `Access-Control-Allow-Origin: *` (a CDN's answer).
 * Records every request's path in `requests`.
 */
export async function serve(folder, { cors = false, routes = {} } = {}) {
  const root = resolve(folder);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const headers = (type) => ({ 'Content-Type': type, 'Cache-Control': 'no-store', ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}) });
    if (routes[path]) {
      res.writeHead(200, headers(routes[path][0])).end(routes[path][1]);
      return;
    }
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (file !== root && !file.startsWith(root + sep)) return res.writeHead(403).end();
    if (!(await stat(file).catch(() => undefined))?.isFile()) return res.writeHead(404).end();
    res.writeHead(200, headers(TYPES[extname(file)] ?? 'application/octet-stream')).end(await readFile(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { server, port, requests, close: () => new Promise((done) => server.close(done)) };
}

/**
 * Headless Chromium (CHROME_PATH or Debian's /usr/bin/chromium). `insecureHost` names a host
 * that resolves to 127.0.0.1 but is not a secure context (plain HTTP on a name that is not
 * localhost), as a portal served over HTTP.
 */
export function launch({ insecureHost } = {}) {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...(insecureHost ? [`--host-resolver-rules=MAP ${insecureHost} 127.0.0.1`] : []),
    ],
  });
}

/** Collects a page's uncaught errors and console errors. */
export function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return errors;
}
