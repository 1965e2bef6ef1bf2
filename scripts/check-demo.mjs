#!/usr/bin/env node
/**
 * Proves the static demo build in headless Chromium (`npm run check:demo`): builds it (skip with
 * --no-build), serves dist-demo from two plain static servers, python3's http.server (files
 * only, no 404 page) and scripts/static-server.mjs (404.html for a missing path, as GitHub
 * Pages), and checks that
 *  - a shell address reloads: the fixed views from both servers, a view with a number from the
 *    404.html server, each keeping its language, branding and scenario; a fixed view of the
 *    demo in a sub-folder of the site;
 *  - the mock store lives for the tab: a staff message survives a reload and a switch of view,
 *    and the inquiry answers for the request; the sample history is not added twice;
 *  - "Reset" is shown in the shell view at 375 px and forgets the store there;
 *  - the catalog's service guide is the shipped PDF, the request summary is the widget's own.
 * Exits 1 on the first failed check. Uses puppeteer-core with Debian's Chromium (CHROME_PATH).
 */
import puppeteer from 'puppeteer-core';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import { serveStatic } from './static-server.mjs';

const DIST = 'dist-demo';
const STAFF_TEXT = 'نأمل تزويدنا بنسخة من خطاب جهة العمل.';

function run(command, args) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function startPython(folder) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', folder], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 50; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('python3 -m http.server did not start');
}

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
  return ok;
}

/** Runs in the page: the tag of the shell's current view once it has rendered, else ''. */
function shellView() {
  const outlet = document.querySelector('emirate-appointments')?.shadowRoot?.querySelector('.outlet');
  const view = outlet?.firstElementChild;
  return view?.shadowRoot?.querySelector('form, section, ul, p, h2') ? view.localName : '';
}

/** Runs in the page: calls the mock backend as the elements do. */
async function api(path) {
  const response = await fetch(`/api${path}`, { headers: { Accept: 'application/json' } });
  return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? await response.json() : null };
}

async function waitFor(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, { timeout: 15000, polling: 100 }, arg);
    return true;
  } catch {
    return check(false, `${what} (timed out at ${page.url()})`);
  }
}

/** Opens `address` and waits until the shell shows `tag` at `path` (the query kept as given). */
async function reloadShell(page, base, address, path, tag, expect = {}) {
  await page.goto(new URL(address, base).href);
  const shown = await waitFor(page, (t) => document.querySelector('emirate-appointments')?.shadowRoot?.querySelector('.outlet')?.firstElementChild?.localName === t, tag, `${address}: ${tag}`);
  if (!shown) return false;
  await waitFor(page, shellView, undefined, `${address}: ${tag} rendered`);
  const where = new URL(page.url());
  const lang = await page.evaluate(() => document.documentElement.lang);
  const brand = await page.evaluate(() => document.documentElement.dataset.brand);
  return check(
    where.pathname === path &&
      (await page.evaluate(shellView)) === tag &&
      Object.entries(expect).every(([key, value]) => where.searchParams.get(key) === value) &&
      lang === (expect.lang ?? 'ar') &&
      brand === (expect.brand ?? 'najran'),
    `${base}${address} reloads as ${path} showing ${tag} (${lang}, ${brand})`,
  );
}

const CSP_ERRORS = [];

if (!process.argv.includes('--no-build')) await run('npx', ['vite', 'build', '--mode', 'demo']);
const python = await startPython(DIST);
/** The project's folder, so the demo is at /dist-demo/: a demo in a sub-folder of a site. */
const pythonAbove = await startPython('.');
const { server, url: pages } = await serveStatic(DIST);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});

async function newTab() {
  const page = await browser.newPage();
  await page.setViewport({ width: 375, height: 800 });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) CSP_ERRORS.push(message.text());
  });
  return page;
}

try {
  // ---- Fixed views reload from a server with files only (python's) and from a 404.html host.
  let page = await newTab();
  for (const base of [python.url, pages]) {
    await reloadShell(page, base, 'shell/book?view=shell&lang=en&brand=aljouf&scenario=new-user', '/shell/book', 'emirate-booking-form', { lang: 'en', brand: 'aljouf', scenario: 'new-user' });
    await reloadShell(page, base, 'shell/requests', '/shell/requests', 'emirate-inbox');
    await reloadShell(page, base, 'shell/inquiry/?lang=en', '/shell/inquiry', 'emirate-inquiry-box', { lang: 'en' });
    await reloadShell(page, base, 'shell', '/shell/', 'emirate-service-card');
  }
  await reloadShell(page, pythonAbove.url, `${DIST}/shell/requests?lang=en`, `/${DIST}/shell/requests`, 'emirate-inbox', { lang: 'en' });

  // ---- A view with a number reloads where the host serves 404.html.
  page = await newTab();
  await reloadShell(page, pages, 'shell/requests/00067?view=shell&lang=en&scenario=with-requests', '/shell/requests/00067', 'emirate-inbox', { lang: 'en', scenario: 'with-requests' });
  check((await page.evaluate(() => document.querySelector('emirate-appointments').shadowRoot.querySelector('emirate-inbox').getAttribute('request'))) === '00067', 'the inbox shows request 00067');

  // ---- The store lives for the tab: a staff message survives a reload and a switch of view.
  await page.click('#staff-message');
  await waitFor(page, (text) => (sessionStorage.getItem('emirate-demo-mock-store') ?? '').includes(text), STAFF_TEXT, 'the staff message is kept');
  await page.reload();
  await waitFor(page, shellView, undefined, 'the shell after a reload');
  check(new URL(page.url()).pathname === '/shell/requests/00067', `a reload stays at /shell/requests/00067 (${new URL(page.url()).pathname})`);
  let requests = await page.evaluate(api, '/requests?pageSize=100');
  check(requests.body?.total === 5, `after a reload: the sample history once, 5 requests (${requests.body?.total})`);
  let newest = await page.evaluate(api, '/requests/00071');
  check(newest.body?.messages?.some((m) => m.text === STAFF_TEXT), 'after a reload: the staff message is there');

  await page.click('a[data-view=inquiry]');
  await page.waitForFunction(() => document.querySelector('emirate-inquiry-box')?.shadowRoot?.querySelector('form'), { timeout: 15000 });
  requests = await page.evaluate(api, '/requests?pageSize=100');
  newest = await page.evaluate(api, '/requests/00071');
  check(requests.body?.total === 5 && newest.body?.messages?.some((m) => m.text === STAFF_TEXT), 'in the inquiry view: the same 5 requests and the staff message');
  const year = await page.evaluate(
    (at) => Number(new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { year: 'numeric' }).formatToParts(new Date(at)).find((p) => p.type === 'year').value),
    newest.body.createdAt,
  );
  const inquiry = await page.evaluate(api, `/inquiry?number=00071&year=${year}`);
  check(inquiry.status === 200 && inquiry.body?.transactionNumber === '00071', `the inquiry answers for 00071 of ${year} (${inquiry.status})`);
  const summary = await page.evaluate(api, '/requests/00071/summary');
  check(summary.status === 404, `no server summary document: the widget prints its own (${summary.status})`);

  // ---- "Reset" in the shell view, on a phone: shown, and it forgets the store.
  await page.click('a[data-view=shell]');
  await page.waitForFunction(() => document.querySelector('.demo-routes a[data-route=requests]'), { timeout: 15000 });
  await page.click('.demo-routes a[data-route=requests]');
  await waitFor(page, (t) => document.querySelector('emirate-appointments')?.shadowRoot?.querySelector('.outlet')?.firstElementChild?.localName === t, 'emirate-inbox', 'the shell’s requests');
  const reset = await page.evaluate(() => {
    const button = document.querySelector('#reset');
    const box = button.getBoundingClientRect();
    return { shown: box.width > 0 && box.height > 0 && getComputedStyle(button).visibility === 'visible', text: button.textContent };
  });
  check(reset.shown, `"Reset" is shown in the shell view at 375 px (${reset.text})`);
  await Promise.all([page.waitForNavigation(), page.click('#reset')]);
  await waitFor(page, shellView, undefined, 'the shell after Reset');
  check(new URL(page.url()).pathname === '/shell/requests', `Reset stays in the shell's requests (${new URL(page.url()).pathname})`);
  requests = await page.evaluate(api, '/requests?pageSize=100');
  newest = await page.evaluate(api, '/requests/00071');
  check(requests.body?.total === 5 && !newest.body?.messages?.some((m) => m.text === STAFF_TEXT), 'after Reset: the scenario’s start again, no staff message');

  // ---- The service guide is the shipped PDF.
  const guide = await page.evaluate(async () => {
    const catalog = await (await fetch('/api/catalog')).json();
    const response = await fetch(catalog.service.guideUrl);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { type: response.headers.get('content-type'), size: bytes.length, head: new TextDecoder().decode(bytes.slice(0, 5)) };
  });
  const shipped = statSync(`${DIST}/service-guide.pdf`).size;
  check(guide.type === 'application/pdf' && guide.head === '%PDF-' && guide.size === shipped, `the service guide is the shipped PDF (${guide.size} of ${shipped} bytes)`);

  check(CSP_ERRORS.length === 0, `no Content-Security-Policy errors${CSP_ERRORS.length ? `: ${CSP_ERRORS[0]}` : ''}`);
} catch (error) {
  check(false, `stopped: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser.close();
  server.close();
  python.child.kill();
  pythonAbove.child.kill();
}

console.log(failures ? `${failures} check(s) failed` : 'The static demo build passed every check.');
process.exit(failures ? 1 : 0);
