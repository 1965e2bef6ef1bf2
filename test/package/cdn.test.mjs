/**
 * `npm run test:cdn`: the one-file build (dist/cdn/emirate-appointments.js) as a CMS page without
 * a bundler uses it, in headless Chromium. Builds it first (`vite build --mode cdn` and its
 * notices), copies it
 * to a versioned sub-path of a static "CDN" server, and loads it with one module script into
 * a portal page served from another origin under a strict Content-Security-Policy:
 * - with CORS (`Access-Control-Allow-Origin`) every element works; the English strings, the
 *   draft store and whatever else the elements load on demand come as sibling files from the
 *   same sub-path, and nothing else is fetched;
 * - without CORS the browser refuses the module (what the README says a CDN must send);
 * - on plain HTTP (not a secure context: no crypto.randomUUID, no WebCrypto) "Add companion"
 *   still works and the booking form says that drafts are off.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT, collectErrors, launch, run, serve } from './support.mjs';

/** Where the "CDN" keeps this version of the file. */
const CDN_PATH = '/static/emirate-appointments/0.1.0/';
const INSECURE_HOST = 'portal.example.test';
const SESSION = { user: { idNumber: '1000000008', name: 'محمد أحمد علي القحطاني', mobile: '512345678' } };
const ARABIC = /[\u0600-\u06FF]/;

let tmp;
let browser;
const servers = [];

/** The demo's catalog as a plain module, for the page's script. */
const catalogModule = () =>
  ts.transpileModule(readFileSync(join(ROOT, 'demo/mocks/catalog.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;

/** The portal's own script: the booking form's first screen from data the page has. */
const PAGE_SCRIPT = `
import { najranCatalog } from './catalog.js';
await customElements.whenDefined('emirate-booking-form');
document.querySelector('emirate-booking-form').preload = { session: ${JSON.stringify(SESSION)}, catalog: najranCatalog };
`;

/** The elements of the portal page: three, with the page's script that gives the booking form its data. */
const ELEMENTS = `<emirate-booking-form></emirate-booking-form>
    <!-- With a backend: without one it says "unavailable" instead of its form (nothing is fetched until a search). -->
    <emirate-inquiry-box api-base="/api"></emirate-inquiry-box>
    <form><emirate-companion-list></emirate-companion-list></form>`;

/** A portal page that loads the widget from `src`, allowing scripts from `scriptOrigin`, with `body` (and the page's script with the elements). */
const portalPage = (src, scriptOrigin, body = ELEMENTS) => `<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${scriptOrigin}; style-src 'self'; img-src 'self' data:; connect-src 'self'" />
    <link rel="icon" href="data:," />
    <title>Portal</title>
    <script type="module" src="${src}"></script>
    ${body === ELEMENTS ? '<script type="module" src="./page.js"></script>' : ''}
  </head>
  <body>
    ${body}
  </body>
</html>`;

/** The portal's server: `/portal/` with its page, script and catalog. */
function portal(src, scriptOrigin) {
  return serve(tmp, {
    routes: {
      '/portal/': ['text/html; charset=utf-8', portalPage(src, scriptOrigin)],
      '/portal/page.js': ['text/javascript; charset=utf-8', PAGE_SCRIPT],
      '/portal/catalog.js': ['text/javascript; charset=utf-8', catalogModule()],
    },
  });
}

before(async () => {
  run('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'error'], { cwd: ROOT });
  run(process.execPath, ['scripts/notices.mjs'], { cwd: ROOT });
  tmp = mkdtempSync(join(tmpdir(), 'emirate-cdn-'));
  mkdirSync(join(tmp, CDN_PATH), { recursive: true });
  cpSync(join(ROOT, 'dist/cdn'), join(tmp, CDN_PATH), { recursive: true });
  browser = await launch({ insecureHost: INSECURE_HOST });
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Runs in the page: what each element shows. */
function snapshot() {
  const form = document.querySelector('emirate-booking-form');
  const root = form?.shadowRoot;
  return {
    defined: ['emirate-booking-form', 'emirate-inquiry-box', 'emirate-companion-list'].filter((t) => customElements.get(t)),
    firstScreen: Boolean(root?.querySelector('#fullName')),
    heading: root?.querySelector('h2')?.textContent?.trim() ?? '',
    lang: form?.getAttribute('lang') ?? '',
    inquiry: Boolean(document.querySelector('emirate-inquiry-box')?.shadowRoot?.querySelector('#transactionNumber')),
    notices: [...(root?.querySelectorAll('.notice') ?? [])].map((n) => n.textContent.trim()),
  };
}

test('from a sub-path of another origin with CORS: every element, then English and drafts from sibling files', async () => {
  const cdn = await serve(tmp, { cors: true });
  const page = await portal(`http://localhost:${cdn.port}${CDN_PATH}emirate-appointments.js`, `http://localhost:${cdn.port}`);
  servers.push(cdn, page);
  const tab = await browser.newPage();
  const errors = collectErrors(tab);
  await tab.goto(`http://127.0.0.1:${page.port}/portal/`);
  await tab.waitForFunction(() => document.querySelector('emirate-booking-form')?.shadowRoot?.querySelector('#fullName'), { timeout: 10000 });
  const arabic = await tab.evaluate(snapshot);
  assert.deepEqual(arabic.defined, ['emirate-booking-form', 'emirate-inquiry-box', 'emirate-companion-list']);
  assert.equal(arabic.inquiry, true);
  assert.match(arabic.heading, ARABIC);

  await tab.evaluate(() => (document.querySelector('emirate-booking-form').lang = 'en'));
  await tab.waitForFunction(() => document.querySelector('emirate-booking-form')?.getAttribute('lang') === 'en', { timeout: 10000 });
  const english = await tab.evaluate(snapshot);
  assert.equal(english.heading, 'Appointment request');

  const files = cdn.requests.filter((p) => p.endsWith('.js'));
  assert.ok(files.every((p) => p.startsWith(CDN_PATH)), `every file from ${CDN_PATH}: ${files.join(', ')}`);
  // The module first; then only its siblings, what these three elements load on demand: the
  // English strings and the draft store among them.
  const names = files.map((p) => p.slice(CDN_PATH.length));
  assert.equal(names[0], 'emirate-appointments.js');
  const built = new Set(readdirSync(join(ROOT, 'dist/cdn')));
  assert.ok(names.every((n) => built.has(n)), `only files of dist/cdn/: ${names.join(', ')}`);
  const plain = new Set(names.map((n) => n.replace(/-[\w-]{8}\.js$/, '.js')));
  for (const sibling of ['en.js', 'draft-store.js']) assert.ok(plain.has(sibling), `${sibling} among ${names.join(', ')}`);
  assert.ok(!plain.has('router.js') && !plain.has('visit-pass.js'), `nothing these elements do not use: ${names.join(', ')}`);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the shell from the same module routes with its router sibling: the service card at the page, "My requests" at requests/', async () => {
  const cdn = await serve(tmp, { cors: true });
  const shellPage = portalPage(`http://localhost:${cdn.port}${CDN_PATH}emirate-appointments.js`, `http://localhost:${cdn.port}`, '<emirate-appointments base="/portal/appointment/" api-base="/api"></emirate-appointments>');
  const page = await serve(tmp, { routes: { '/portal/appointment/': ['text/html; charset=utf-8', shellPage], '/portal/appointment/requests': ['text/html; charset=utf-8', shellPage] } });
  servers.push(cdn, page);
  const tab = await browser.newPage();
  const errors = collectErrors(tab);
  const shown = (tag) => document.querySelector('emirate-appointments')?.shadowRoot?.querySelector(`.outlet > ${tag}`);
  await tab.goto(`http://127.0.0.1:${page.port}/portal/appointment/`);
  await tab.waitForFunction(shown, { timeout: 10000 }, 'emirate-service-card');
  await tab.goto(`http://127.0.0.1:${page.port}/portal/appointment/requests`);
  await tab.waitForFunction(shown, { timeout: 10000 }, 'emirate-inbox');
  const names = cdn.requests.filter((p) => p.endsWith('.js')).map((p) => p.slice(CDN_PATH.length).replace(/-[\w-]{8}\.js$/, '.js'));
  assert.ok(names.includes('router.js'), `the router sibling: ${names.join(', ')}`);
  // The page has no backend at /api: only the widget's own calls to it may fail.
  assert.deepEqual(errors.filter((e) => !/404|Not Found/i.test(e)), []);
  await tab.close();
});

test('from another origin without CORS the browser refuses the module', async () => {
  const cdn = await serve(tmp, { cors: false });
  const page = await portal(`http://localhost:${cdn.port}${CDN_PATH}emirate-appointments.js`, `http://localhost:${cdn.port}`);
  servers.push(cdn, page);
  const tab = await browser.newPage();
  const errors = collectErrors(tab);
  await tab.goto(`http://127.0.0.1:${page.port}/portal/`);
  await new Promise((done) => setTimeout(done, 1000));
  assert.deepEqual((await tab.evaluate(snapshot)).defined, []);
  assert.ok(errors.some((e) => /CORS|Access-Control-Allow-Origin/i.test(e)), `a CORS error: ${errors.join(' | ')}`);
  await tab.close();
});

test('on plain HTTP (no secure context): "Add companion" works, the form says drafts are off', async () => {
  const page = await portal(`../${CDN_PATH.slice(1)}emirate-appointments.js`, "'self'");
  servers.push(page);
  const tab = await browser.newPage();
  const errors = collectErrors(tab);
  await tab.goto(`http://${INSECURE_HOST}:${page.port}/portal/`);
  assert.deepEqual(await tab.evaluate(() => [isSecureContext, typeof crypto.randomUUID, typeof crypto.subtle]), [false, 'undefined', 'undefined']);
  await tab.waitForFunction(() => document.querySelector('emirate-companion-list')?.shadowRoot?.querySelector('.add'), { timeout: 10000 });
  await tab.evaluate(() => document.querySelector('emirate-companion-list').shadowRoot.querySelector('.add').click());
  await tab.evaluate(() => document.querySelector('emirate-companion-list').shadowRoot.querySelector('.add').click());
  const keys = await tab.evaluate(() => document.querySelector('emirate-companion-list').value.map((c) => c.key));
  assert.equal(keys.length, 2);
  for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(keys[0], keys[1]);
  await tab.waitForFunction(() => document.querySelector('emirate-booking-form')?.shadowRoot?.querySelector('.notice'), { timeout: 10000 });
  const { notices, firstScreen } = await tab.evaluate(snapshot);
  assert.equal(firstScreen, true);
  assert.ok(notices.some((n) => n.startsWith('لا يمكن حفظ مسودة الطلب على هذا المتصفح')), notices.join(' | '));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the one-file build is one module defining every element, its on-demand siblings and a notices file', () => {
  const files = readdirSync(join(ROOT, 'dist/cdn')).filter((f) => !f.endsWith('.map')).sort();
  const plain = files.map((f) => f.replace(/-[\w-]{8}\.js$/, '.js'));
  for (const f of ['THIRD-PARTY-NOTICES.md', 'emirate-appointments.js', 'en.js', 'draft-store.js', 'visit-pass.js', 'router.js', 'request-sent.js']) {
    assert.ok(plain.includes(f), `${f} in dist/cdn/: ${plain.join(', ')}`);
  }
  // Every element a page writes is defined by the module itself, with no sibling to wait for.
  const module = readFileSync(join(ROOT, 'dist/cdn/emirate-appointments.js'), 'utf8');
  assert.equal(/^import\b/m.test(module.replace(/\/\*[\s\S]*?\*\//g, '')), false, 'the module imports nothing statically');
  for (const tag of ['emirate-booking-form', 'emirate-companion-list', 'emirate-inquiry-box', 'emirate-inbox', 'emirate-service-card', 'emirate-appointments']) {
    assert.ok(module.includes(`"${tag}"`), `${tag} is defined in the module`);
  }
  const head = module.slice(0, 400);
  assert.match(head, /^\/\*! @emirate\/appointments .* bundles .*lit-html .*THIRD-PARTY-NOTICES\.md/);
});
