#!/usr/bin/env node
/**
 * `npm run bench` (issue #5): the widget against a plain hand-written HTML form with the same
 * fields (the floor, bench/floor.html), side by side in one run, in headless Chromium.
 * Not part of `npm test`.
 *
 * 1. Builds the library (`npx vite build --mode browser` → dist/browser/) and measures the gzip and brotli bytes of
 *    each dist entry with its static imports, and of the Arabic booking path (scripts/bundle-graph.mjs,
 *    shared with scripts/size.mjs), against the floor's floor.html + floor.js.
 * 2. Serves the repo root with a tiny node:http static server and launches Chromium
 *    (CHROME_PATH or /usr/bin/chromium) with --expose-gc.
 * 3. For each CPU profile of BENCH_PROFILES (default `1,4`: unthrottled, then slowed ×4 with CDP
 *    Emulation.setCPUThrottlingRate, a cheap phone), runs BENCH_ROUNDS rounds (default 7), each
 *    measuring widget and floor one after the other, alternating which goes first, every
 *    measurement in a fresh browser context (empty HTTP cache and IndexedDB), 360×800 viewport.
 *    Reports medians. BENCH_ONLY=interactive measures loading alone (a quick look);
 *    BENCH_ONLY=draft measures the draft save alone (each round's figures and the medians).
 *    BENCH_HEAPSNAPSHOT=<folder> also writes a heap snapshot of each page after render (after gc).
 *    BENCH_CPUPROFILE=<folder> also records a V8 CPU profile of each fill (fill-<side>-x<rate>-<n>.cpuprofile,
 *    opened in DevTools' Performance panel; the build's source maps name the widget's functions).
 *    Each round also measures the prerendered page (bench/prerendered.html, made by
 *    bench/prerender.mjs: the booking form's first screen rendered with @lit-labs/ssr and inlined
 *    as declarative shadow DOM, hydrated by the entry bundled with Lit's hydration support),
 *    before the two in even rounds and after them in odd ones: interactive with the same probe,
 *    and navigation → hydrated (`bench:hydrated`, the element's `hasUpdated`: from then on the
 *    form reacts), with what it loaded until then; loading alone (it is not filled);
 *    - what was loaded before interactive: the library files the page asked for up to the
 *      interactive mark (Resource Timing), their gzip summed, beside the size check's figure;
 *    - interactive: navigation start → performance.mark('bench:interactive'), set by the same
 *      probe in both pages at the first animation frame in which the form's first field exists
 *      and is enabled (widget: inside the booking form's shadow root, once its session and
 *      catalog are loaded; the draft store opens after the first paint or on first input);
 *    - fill and validate: every field filled through real input (puppeteer typing, clicks,
 *      select, file chooser with generated files), three companions added and filled, then the
 *      continue button, until the review (or the error summary) shows; the widget's ID number
 *      and name come from the session, the floor's are in its HTML (as a server would after
 *      sign-in), so only the empty fields are typed; wall clock on the runner's side;
 *    - JS heap after render: after gc(), page.metrics().JSHeapUsedSize;
 *    - one draft save with 3 MB attached (widget): a Chrome trace (devtools.timeline) around one
 *      typed character in the subject; main-thread busy time = the union of the renderer main
 *      thread's RunTask events between the change and the emirate-draft-saved mark (to the end
 *      of the task that fired it, so the re-render it causes is counted); split into the
 *      keystroke's own handling and the save itself (from the draft's debounce timer firing);
 *      also the busy time of attaching the two files (change → both files written);
 *    - adding the 1st, 10th and 20th companion (both): in-page, performance.now() around the
 *      click → the elements' updateComplete → forced style and layout of the new fieldset
 *      ("work", the budgeted figure), and → the next requestAnimationFrame ("next frame", which
 *      adds the wait for the display's next frame);
 *    - inbox with 50 and 500 requests (page size 10): creating <emirate-inbox> → its first
 *      page of requests in the DOM and laid out (and → the next animation frame).
 * 4. Prints every budget of issue #16 with pass/FAIL, then each profile's figures and every
 *    round's, and adds the run at the top of bench/results.md (earlier runs are kept below).
 *    Exits 0 even when a budget fails; 1 only when the run itself breaks.
 */
import puppeteer from 'puppeteer-core';
import ts from 'typescript';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIST, START_BUDGETS, br, graph, gz, read, startGraph, wholeWidget } from '../scripts/bundle-graph.mjs';
import { prerender } from './prerender.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
/** CPU profiles, all in one run (issue #16): unthrottled and slowed ×4 (a cheap phone). */
const PROFILES = (process.env.BENCH_PROFILES ?? process.env.BENCH_CPU ?? '1,4').split(',').map(Number);
/**
 * `BENCH_ONLY=interactive`: a quick look at loading alone (no fill, drafts, companions, inbox);
 * `BENCH_ONLY=draft`: the draft save alone (draftSave in each profile); `BENCH_ONLY=fill`: the fill
 * alone, with each step's time on both sides. results.md is left alone.
 */
const ONLY = process.env.BENCH_ONLY;
const VIEWPORT = { width: 360, height: 800, deviceScaleFactor: 1 };
const started = performance.now();
const log = (...args) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...args);

// ---- build and sizes --------------------------------------------------------------------------

log('building the library as a browser loads it: npx vite build --mode browser');
const build = spawnSync('npx', ['vite', 'build', '--mode', 'browser', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error(`vite build failed (${build.status})`);
// The whole widget is measured as a page that uses every element loads it: the one-file module.
const cdnBuild = spawnSync('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
if (cdnBuild.status !== 0) throw new Error(`vite build --mode cdn failed (${cdnBuild.status})`);

const sizes = readdirSync(DIST)
  .filter((f) => f.endsWith('.js'))
  .map((entry) => {
    const { files, lazy } = graph(entry);
    return {
      name: entry.replace(/\.js$/, ''),
      files: files.length,
      gz: files.reduce((a, f) => a + gz(read(f)), 0),
      br: files.reduce((a, f) => a + br(read(f)), 0),
      lazy: lazy.map((f) => `${f.replace(/^chunks\//, '')} ${(gz(read(f)) / 1024).toFixed(1)} KB`).join(', ') || '—',
    };
  });
const floorFiles = ['bench/floor.html', 'bench/floor.js'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
const floorSize = { gz: floorFiles.reduce((a, s) => a + gz(s), 0), br: floorFiles.reduce((a, s) => a + br(s), 0) };
/** What the booking form loads before interactive, as the size check counts it; the whole widget. */
const startFiles = startGraph('booking-form.js');
const startSize = { files: startFiles.length, gz: startFiles.reduce((a, f) => a + gz(read(f)), 0) };
const wholeSize = wholeWidget();
const indexSize = sizes.find((s) => s.name === 'index');

// ---- files to attach ------------------------------------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), 'emirate-bench-'));
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const pdf = (bytes) => {
  const head = Buffer.from('%PDF-1.4\n% bench\n');
  const body = Buffer.alloc(Math.max(0, bytes - head.length - 6), 0x20);
  return Buffer.concat([head, body, Buffer.from('\n%%EOF')]);
};
const png = (bytes) => Buffer.concat([PNG_1x1, Buffer.alloc(Math.max(0, bytes - PNG_1x1.length), 0x2a)]);
const FILES = {
  letter: ['letter.pdf', pdf(4 * 1024)],
  idCopy: ['id-copy.png', png(2 * 1024)],
  companion1: ['companion-1.png', png(2 * 1024)],
  companion2: ['companion-2.png', png(2 * 1024)],
  companion3: ['companion-3.png', png(2 * 1024)],
  bigLetter: ['big-letter.pdf', pdf(1.5 * 1024 * 1024)],
  bigIdCopy: ['big-id-copy.png', png(1.5 * 1024 * 1024)],
};
const file = {};
for (const [key, [name, bytes]] of Object.entries(FILES)) {
  file[key] = join(tmp, name);
  writeFileSync(file[key], bytes);
}

/** A valid Saudi ID (Luhn as src/domain/saudi-id.ts) from nine digits. */
function saudiId(nine) {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return nine + String((10 - (sum % 10)) % 10);
}

/** What is typed into both forms. */
const INPUT = {
  mobile: '512345678',
  email: 'm.alqahtani@example.sa',
  subject: 'أرغب في مقابلة سعادة مدير الإدارة لمتابعة معاملتي السابقة',
  companions: [
    { fullName: 'سالم عبدالله سعيد القحطاني', idNumber: saudiId('108542111'), file: () => file.companion1 },
    { fullName: 'فهد محمد علي الشهري', idNumber: saudiId('108542222'), file: () => file.companion2 },
    { fullName: 'نورة سعد ناصر الدوسري', idNumber: saudiId('208542333'), file: () => file.companion3 },
  ],
};

// ---- static server ----------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.md': 'text/plain; charset=utf-8',
};
// The Najran catalog for widget.js: demo/mocks/catalog.ts with its types stripped.
const catalogModule = ts.transpileModule(readFileSync(join(ROOT, 'demo/mocks/catalog.ts'), 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
}).outputText;

// ---- the prerendered page (issue #16) ----------------------------------------------------------

/** Measured in the whole run and with BENCH_ONLY=interactive; BENCH_PRERENDERED=0 leaves it out. */
const WITH_PRERENDERED = process.env.BENCH_PRERENDERED !== '0' && (!ONLY || ONLY === 'interactive');
/** What widget.js gives the form: its session's user (what the server renders) and catalog. */
const PRERENDER_SESSION = { user: { idNumber: '1085427373', name: 'محمد عبدالله سعيد القحطاني' } };
let PRERENDERED;
let prerenderedPage;
if (WITH_PRERENDERED) {
  log('prerendering the booking form: package build, @lit-labs/ssr, and its entry with hydration support (bench/prerender.mjs)');
  const catalogFile = join(tmp, 'najran-catalog.mjs');
  writeFileSync(catalogFile, catalogModule);
  const { najranCatalog } = await import(pathToFileURL(catalogFile).href);
  PRERENDERED = await prerender({ session: PRERENDER_SESSION, catalog: { ...najranCatalog, companions: { max: 20 } } });
  prerenderedPage = readFileSync(join(ROOT, 'bench/prerendered.html'), 'utf8')
    .replace('<!-- server html -->', () => PRERENDERED.html)
    .replace('<!-- modulepreload -->', () => PRERENDERED.chunks.map((f) => `<link rel="modulepreload" href="/bench/prerendered/${f}" />`).join('\n    '));
}

/** BENCH_PRELOAD=0 leaves out the modulepreload hints (to measure what they buy). */
const PRELOAD = process.env.BENCH_PRELOAD !== '0';
const preloadLinks = graph('booking-form.js')
  .files.filter((f) => f !== 'booking-form.js')
  .map((f) => `<link rel="modulepreload" href="/dist/browser/${f}" />`)
  .join('\n    ');

const server = http.createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const send = (status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (path === '/bench/najran-catalog.js') return send(200, TYPES['.js'], catalogModule);
  // What a portal's build puts in its page (or the README's snippet): a modulepreload hint for
  // each file the entry imports statically, so they load beside it, not after it.
  if (path === '/bench/widget.html' && PRELOAD) {
    const html = readFileSync(join(ROOT, path), 'utf8').replace('<!-- modulepreload -->', preloadLinks);
    return send(200, TYPES['.html'], html);
  }
  // The prerendered page and its files (bench/prerender.mjs builds them outside the repo's tree).
  if (PRERENDERED && path === '/bench/prerendered.html') return send(200, TYPES['.html'], prerenderedPage);
  if (PRERENDERED && path.startsWith('/bench/prerendered/')) {
    const target = normalize(join(PRERENDERED.dir, path.slice('/bench/prerendered/'.length)));
    if (!target.startsWith(PRERENDERED.dir + sep) || !existsSync(target)) return send(404, 'text/plain; charset=utf-8', 'not found');
    return send(200, TYPES[extname(target)] ?? 'application/octet-stream', readFileSync(target));
  }
  if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
  const target = normalize(join(ROOT, path));
  if (!target.startsWith(ROOT) || target.split(sep).includes('node_modules') || !existsSync(target) || statSync(target).isDirectory()) {
    return send(404, 'text/plain; charset=utf-8', 'not found');
  }
  send(200, TYPES[extname(target)] ?? 'application/octet-stream', readFileSync(target));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const BASE = `http://127.0.0.1:${server.address().port}`;
const URLS = {
  widget: `${BASE}/bench/widget.html`,
  floor: `${BASE}/bench/floor.html`,
  prerendered: `${BASE}/bench/prerendered.html`,
  inbox: (n) => `${BASE}/bench/widget.html?view=inbox&requests=${n}`,
};

// ---- browser ----------------------------------------------------------------------------------

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--expose-gc'],
});
const chromeVersion = await browser.version();
const pageErrors = [];

/** A fresh context (empty cache and IndexedDB), CPU throttled, on `url`. */
async function open(url, rate, { trace = false } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${url}: console: ${message.text()}`);
  });
  await page.setViewport(VIEWPORT);
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (trace) await page.tracing.start({ categories: TRACE_CATEGORIES });
  await page.goto(url, { waitUntil: 'load' });
  return { page, close: () => context.close() };
}

const waitInteractive = (page) =>
  page.waitForFunction(() => performance.getEntriesByName('bench:interactive').length > 0, { polling: 50 });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The widget's whole form rendered (its `updateComplete` waits for the sections below the first
 * screen). Needed before waiting for those fields: puppeteer's waitForSelector watches the
 * document's mutations, not a shadow root's, so a field that appears inside the form after the
 * first look is only found by chance (seen as a 30 s timeout in about one run in four).
 */
const wholeForm = (page, kind) => (kind === 'widget' ? page.evaluate(() => document.querySelector('emirate-booking-form').updateComplete.then(() => undefined)) : undefined);

// ---- measurements -----------------------------------------------------------------------------

/**
 * On one fresh page: navigation → first field interactive; the JS heap after render (after gc);
 * for the floor, the main-thread busy time of one keystroke (the widget's comes from
 * draftSave); then adding 20 companions.
 */
async function interactive(kind, rate) {
  const { page, close } = await open(URLS[kind], rate, { trace: ONLY === 'interactive' });
  try {
    await waitInteractive(page);
    if (kind === 'prerendered') await page.waitForFunction(() => performance.getEntriesByName('bench:hydrated').length > 0, { polling: 50 });
    // The quick look also traces the load: the main thread's CPU time (thread time, which other
    // processes on a busy machine do not inflate) from navigation to the interactive mark.
    let cpu;
    if (ONLY === 'interactive') {
      const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
      // The prerendered page: until it is hydrated (its interactive mark comes before any script).
      const markName = kind === 'prerendered' ? 'bench:hydrated' : 'bench:interactive';
      const mark = events.find((e) => e.name === markName && e.cat.includes('blink.user_timing'));
      cpu = mark ? events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.ts <= mark.ts).reduce((a, e) => a + (e.tdur ?? e.dur), 0) / 1000 : undefined;
    }
    const ms = await page.evaluate(() => performance.getEntriesByName('bench:interactive')[0].startTime);
    // What the page asked for before it was interactive (the browser's own record).
    const loaded = await page.evaluate(() => {
      const at = performance.getEntriesByName('bench:interactive')[0].startTime;
      const page = new URL(performance.getEntriesByType('navigation')[0].name).pathname;
      return [page, ...performance.getEntriesByType('resource').filter((e) => e.startTime <= at).map((e) => new URL(e.name).pathname)];
    });
    if (kind === 'prerendered') return { ms, loaded, cpu, ...(await hydration(page)) };
    if (ONLY === 'interactive') return { ms, loaded, cpu };
    await sleep(300);
    await page.evaluate(() => {
      gc();
      gc();
    });
    const { JSHeapUsedSize } = await page.metrics();
    if (SNAPSHOT_DIR) await heapSnapshot(page, join(SNAPSHOT_DIR, `heap-${kind}-x${rate}-${++snapshots}.heapsnapshot`));
    const keystroke = kind === 'floor' ? await keystrokeBusy(page, SELECT.floor.field('subject')) : undefined;
    return { ms, loaded, heap: JSHeapUsedSize, keystroke, companions: await companions(page, kind) };
  } finally {
    await close();
  }
}

/**
 * The prerendered page: navigation → hydrated (`bench:hydrated`), what it asked for until then,
 * and whether the element kept the server's DOM (one form in its shadow root, the server's).
 */
async function hydration(page) {
  return page.evaluate(() => {
    const at = performance.getEntriesByName('bench:hydrated')[0].startTime;
    const host = document.querySelector('emirate-booking-form');
    return {
      hydrated: at,
      loadedHydrated: performance.getEntriesByType('resource').filter((e) => e.startTime <= at).map((e) => new URL(e.name).pathname),
      forms: host.shadowRoot.querySelectorAll('form').length,
    };
  });
}

/** Main-thread busy time of one typed character (traced, as in draftSave), over 700 ms. */
async function keystrokeBusy(page, selector) {
  const subject = await page.waitForSelector(selector);
  await subject.focus();
  await sleep(150);
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  await page.evaluate(() => performance.mark('bench:key'));
  await page.keyboard.type('ت');
  await sleep(700);
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
  const start = events.find((e) => e.name === 'bench:key' && e.cat.includes('blink.user_timing'));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid).sort((a, b) => a.ts - b.ts);
  return busy(tasks, start.ts, start.ts + 700_000);
}

/** Selectors of the two pages: the widget's through its shadow roots (puppeteer's `>>>`). */
const SELECT = {
  widget: {
    field: (id) => `emirate-booking-form >>> #${id}`,
    fileInput: (id) => `emirate-booking-form >>> #${id} >>> input[type=file]`,
    add: 'emirate-booking-form >>> emirate-companion-list >>> button.add',
    companion: (n, part) =>
      part === 'file'
        ? `emirate-booking-form >>> emirate-companion-list >>> fieldset.companion:nth-of-type(${n}) emirate-file-field >>> input[type=file]`
        : `emirate-booking-form >>> emirate-companion-list >>> fieldset.companion:nth-of-type(${n}) input[id$="-${part}"]`,
    submit: 'emirate-booking-form >>> form button[type=submit]',
  },
  floor: {
    field: (id) => `#${id}`,
    fileInput: (id) => `#${id}`,
    add: '#add-companion',
    companion: (n, part) => `#companions fieldset:nth-of-type(${n}) input[data-field=${part === 'file' ? 'idImage' : part}]`,
    submit: 'form button[type=submit]',
  },
};

/**
 * The same lookups as {@link SELECT}, as paths through shadow roots, for the fields the fill
 * finds while the clock runs (those that appear as it goes). Puppeteer's `>>>` searches every
 * shadow root of the page at each try and its waitForSelector does not see a shadow root
 * change, so finding the widget's fields cost the widget's side of the fill more than the
 * floor's `document.querySelector`; here both walk straight to the element, each frame.
 */
const PATH = {
  widget: {
    field: (id) => ['emirate-booking-form', `#${id}`],
    companion: (n, part) =>
      part === 'file'
        ? ['emirate-booking-form', 'emirate-companion-list', `fieldset.companion:nth-of-type(${n}) emirate-file-field`, 'input[type=file]']
        : ['emirate-booking-form', 'emirate-companion-list', `fieldset.companion:nth-of-type(${n}) input[id$="-${part}"]`],
  },
  floor: {
    field: (id) => [`#${id}`],
    companion: (n, part) => [`#companions fieldset:nth-of-type(${n}) input[data-field=${part === 'file' ? 'idImage' : part}]`],
  },
};

/** The element at `path` (see {@link PATH}), once it exists (and, with `visible`, has a box). */
async function locate(page, path, { visible = false } = {}) {
  const handle = await page.waitForFunction(
    (steps, visible) => {
      let root = document;
      let element = null;
      for (const [i, step] of steps.entries()) {
        element = root.querySelector(step);
        if (!element) return null;
        if (i < steps.length - 1 && !(root = element.shadowRoot)) return null;
      }
      return !visible || element.getClientRects().length > 0 ? element : null;
    },
    { polling: 'raf' },
    path,
    visible,
  );
  return handle.asElement();
}

/** BENCH_HEAPSNAPSHOT: where the heap after render (after gc) is written, one snapshot per page (none when unset). */
const SNAPSHOT_DIR = process.env.BENCH_HEAPSNAPSHOT;
let snapshots = 0;
if (SNAPSHOT_DIR) mkdirSync(SNAPSHOT_DIR, { recursive: true });

/** Writes a V8 heap snapshot of the page (open it in DevTools' Memory panel, or read its JSON). */
async function heapSnapshot(page, file) {
  const cdp = await page.createCDPSession();
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  writeFileSync(file, chunks.join(''));
}

/** BENCH_CPUPROFILE: where each fill's CPU profile is written (none when unset). */
const PROFILE_DIR = process.env.BENCH_CPUPROFILE;
let profiles = 0;
if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });

/** Fills every field, adds and fills three companions, validates; wall-clock ms. */
async function fillAndValidate(kind, rate) {
  const { page, close } = await open(URLS[kind], rate);
  const s = SELECT[kind];
  const p = PATH[kind];
  try {
    await waitInteractive(page);
    await wholeForm(page, kind);
    // Handles of the fields that exist from the start are found before the clock starts.
    const h = {};
    for (const id of ['applicantType-individual', 'mobile', 'email', 'governorate', 'appointmentType', 'destination', 'gate', 'reason', 'subject', 'hasBelongings-yes', 'declaration']) {
      h[id] = await page.waitForSelector(s.field(id));
    }
    h.subjectLetter = await page.waitForSelector(s.fileInput('subjectLetter'));
    h.idCopy = await page.waitForSelector(s.fileInput('idCopy'));
    h.add = await page.waitForSelector(s.add);
    h.submit = await page.waitForSelector(s.submit);
    await sleep(200);
    // Layout shifts during the fill: every one, and those not within 500 ms of the citizen's
    // input (hadRecentInput false: what moves by itself, as counted by CLS; the budget is 0).
    await page.evaluate(() => {
      window.benchShifts = { all: 0, unexpected: 0 };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.benchShifts.all += entry.value;
          if (!entry.hadRecentInput) window.benchShifts.unexpected += entry.value;
        }
      }).observe({ type: 'layout-shift' });
    });

    const profiler = PROFILE_DIR ? await page.createCDPSession() : undefined;
    if (profiler) await profiler.send('Profiler.enable'), await profiler.send('Profiler.start');
    const t0 = performance.now();
    // Each step's end, for BENCH_ONLY=fill (where the widget's extra time goes).
    const steps = [];
    const step = (name) => steps.push([name, performance.now() - t0]);
    await h['applicantType-individual'].click();
    await h.mobile.type(INPUT.mobile);
    await h.email.type(INPUT.email);
    step('mobile, email');
    await h.governorate.select('najran');
    await h.appointmentType.select('department');
    await h.destination.select('citizens-affairs');
    await h.gate.select('main');
    await h.reason.select('follow-up');
    step('5 choices');
    await h.subject.type(INPUT.subject);
    step('subject');
    await h.subjectLetter.uploadFile(file.letter);
    await h.idCopy.uploadFile(file.idCopy);
    step('2 attachments');
    await h['hasBelongings-yes'].click();
    // Two belongings that are not a car: a car makes the widget ask for its plate (#14), which the floor's form has not.
    await (await locate(page, p.field('belongings-mobile-phone'), { visible: true })).click();
    await (await locate(page, p.field('belongings-laptop'), { visible: true })).click();
    step('belongings');
    for (const [i, companion] of INPUT.companions.entries()) {
      await h.add.click();
      await (await locate(page, p.companion(i + 1, 'fullName'))).type(companion.fullName);
      await (await locate(page, p.companion(i + 1, 'idNumber'))).type(companion.idNumber);
      await (await locate(page, p.companion(i + 1, 'file'))).uploadFile(companion.file());
      step(`companion ${i + 1}`);
    }
    await h.declaration.click();
    step('declaration');
    if (kind === 'widget') {
      // A citizen presses "continue" once every attachment shows "ready" (checked and uploaded).
      await page.waitForFunction(
        () => {
          const form = document.querySelector('emirate-booking-form').shadowRoot;
          const fields = [...form.querySelectorAll('emirate-file-field'), ...form.querySelector('emirate-companion-list').shadowRoot.querySelectorAll('emirate-file-field')];
          return fields.length === 5 && fields.every((f) => f.value?.status === 'ready');
        },
        { polling: 'raf' },
      );
    }
    step('attachments ready');
    await h.submit.click();
    const outcome = await page.waitForFunction(
      (isWidget) => {
        const root = isWidget ? document.querySelector('emirate-booking-form').shadowRoot : document;
        if (isWidget ? root.querySelector('#review-title') : !root.querySelector('#review').hidden) return 'review';
        const summary = root.querySelector(isWidget ? '.error-summary' : '#error-summary:not([hidden])');
        return summary ? `errors: ${summary.textContent.replace(/\s+/g, ' ').trim()}` : false;
      },
      { polling: 'raf' },
      kind === 'widget',
    );
    const ms = performance.now() - t0;
    step('continue → review');
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      const name = `fill-${kind}-x${rate}-${++profiles}.cpuprofile`;
      writeFileSync(join(PROFILE_DIR, name), JSON.stringify(profile));
      log(`CPU profile of the fill: ${join(PROFILE_DIR, name)}`);
    }
    await sleep(100); // the last frame's shifts are reported after it
    const shifts = await page.evaluate(() => window.benchShifts);
    return { ms, shifts, steps, outcome: await outcome.jsonValue() };
  } finally {
    await close();
  }
}

/** Adds 20 companions one by one; the timings of the 1st, 10th and 20th. */
async function companions(page, kind) {
  {
    await sleep(100);
    const out = {};
    for (let n = 1; n <= 20; n++) {
      const timing = await page.evaluate(async (isWidget) => {
        const form = isWidget ? document.querySelector('emirate-booking-form') : null;
        const list = isWidget ? form.shadowRoot.querySelector('emirate-companion-list') : null;
        const root = isWidget ? list.shadowRoot : document;
        const button = isWidget ? root.querySelector('button.add') : document.getElementById('add-companion');
        const fieldsets = () => root.querySelectorAll('fieldset.companion');
        const before = fieldsets().length;
        const t0 = performance.now();
        button.click();
        if (isWidget) {
          do {
            await form.updateComplete;
            await list.updateComplete;
          } while (form.isUpdatePending || list.isUpdatePending);
        }
        const added = fieldsets();
        if (added.length !== before + 1) throw new Error(`expected ${before + 1} companions, found ${added.length}`);
        added[added.length - 1].getBoundingClientRect(); // forces style and layout
        const work = performance.now() - t0;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return { work, frame: performance.now() - t0 };
      }, kind === 'widget');
      if (n === 1 || n === 10 || n === 20) out[n] = timing;
      await sleep(30);
    }
    return out;
  }
}

/** Creating <emirate-inbox> with `n` requests → its first page rendered. */
async function inbox(n, rate) {
  const { page, close } = await open(URLS.inbox(n), rate);
  try {
    await page.waitForFunction(() => window.bench?.ready, { polling: 50 });
    await sleep(200);
    return await page.evaluate(async (count) => {
      const adapter = window.bench.adapter(count);
      const expected = Math.min(10, count);
      const t0 = performance.now();
      const el = document.createElement('emirate-inbox');
      el.adapter = adapter;
      el.pollInterval = 3600;
      document.getElementById('app').append(el);
      const rows = () => el.shadowRoot?.querySelectorAll('li.request').length ?? 0;
      while (rows() < expected) {
        await el.updateComplete;
        if (rows() >= expected) break;
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (performance.now() - t0 > 10_000) throw new Error('inbox list not rendered in 10 s');
      }
      el.shadowRoot.querySelector('ul.requests').getBoundingClientRect();
      const work = performance.now() - t0;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { work, frame: performance.now() - t0 };
    }, n);
  } finally {
    await close();
  }
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'];

/** Busy time (ms) of the main thread's tasks in [from, to] (trace µs), overlaps merged. */
function busy(tasks, from, to) {
  let total = 0;
  let reach = from;
  for (const t of tasks) {
    const start = Math.max(t.ts, reach);
    const end = Math.min(t.ts + t.dur, to);
    if (end > start) total += end - start;
    reach = Math.max(reach, Math.min(t.ts + t.dur, to));
  }
  return total / 1000;
}

/** Analyses a trace: the main thread is the one the `startMark` was recorded on. */
function traceWindow(events, startMark, savedCount) {
  const start = events.find((e) => e.name === startMark && e.cat.includes('blink.user_timing'));
  if (!start) throw new Error(`mark ${startMark} not in the trace`);
  const onMain = (e) => e.pid === start.pid && e.tid === start.tid;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e)).sort((a, b) => a.ts - b.ts);
  const saved = events.filter((e) => e.name === 'bench:saved' && e.cat.includes('blink.user_timing') && e.ts >= start.ts).sort((a, b) => a.ts - b.ts);
  const last = saved[savedCount - 1];
  if (!last) throw new Error(`only ${saved.length} emirate-draft-saved marks after ${startMark}`);
  const inTask = tasks.find((t) => t.ts <= last.ts && last.ts <= t.ts + t.dur);
  const end = inTask ? inTask.ts + inTask.dur : last.ts;
  // The draft's debounce: the last 600 ms timer installed in the window, and when it fired.
  const installs = events.filter((e) => e.name === 'TimerInstall' && onMain(e) && e.ts >= start.ts && e.ts <= last.ts && e.args?.data?.timeout === 600);
  const ids = new Set(installs.map((e) => e.args.data.timerId));
  const fire = events.filter((e) => e.name === 'TimerFire' && onMain(e) && ids.has(e.args?.data?.timerId) && e.ts >= start.ts && e.ts <= last.ts).sort((a, b) => a.ts - b.ts).at(-1);
  const fireTask = fire && tasks.find((t) => t.ts <= fire.ts && fire.ts <= t.ts + t.dur);
  const fireStart = fireTask ? fireTask.ts : fire?.ts;
  return {
    total: busy(tasks, start.ts, end),
    before: fireStart ? busy(tasks, start.ts, fireStart) : undefined,
    save: fireStart ? busy(tasks, fireStart, end) : undefined,
    wall: (end - start.ts) / 1000,
  };
}

/** The main thread's busy time of draft saves with 3 MB attached (widget only). */
async function draftSave(rate) {
  const { page, close } = await open(URLS.widget, rate);
  try {
    await waitInteractive(page);
    await wholeForm(page, 'widget');
    const letter = await page.waitForSelector(SELECT.widget.fileInput('subjectLetter'));
    const idCopy = await page.waitForSelector(SELECT.widget.fileInput('idCopy'));
    const subject = await page.waitForSelector(SELECT.widget.field('subject'));
    await sleep(200);
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    // Attaching 3 MB: each file is written to the draft when chosen (then the values, debounced).
    await page.evaluate(() => {
      window.benchSaved = 0;
      performance.mark('bench:files');
    });
    await letter.uploadFile(file.bigLetter);
    await idCopy.uploadFile(file.bigIdCopy);
    await page.waitForFunction(() => window.benchSaved >= 3, { polling: 50 });
    await sleep(300);
    // One draft save with the 3 MB attached: one typed character in the subject.
    await subject.focus();
    await sleep(200);
    await page.evaluate(() => {
      window.benchSaved = 0;
      performance.mark('bench:change');
    });
    await page.keyboard.type('ت');
    await page.waitForFunction(() => window.benchSaved >= 1, { polling: 50 });
    await sleep(200);
    const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
    const attached = await page.evaluate(() => {
      const root = document.querySelector('emirate-booking-form').shadowRoot;
      return [...root.querySelectorAll('emirate-file-field')].reduce((a, f) => a + (f.value?.size ?? 0), 0);
    });
    return { files: traceWindow(events, 'bench:files', 2), value: traceWindow(events, 'bench:change', 1), attached };
  } finally {
    await close();
  }
}

// ---- the run ----------------------------------------------------------------------------------

const emptyResults = () => ({ interactive: { widget: [], floor: [] }, cpu: { widget: [], floor: [] }, loaded: { widget: [], floor: [] }, heap: { widget: [], floor: [] }, keystroke: [], fill: { widget: [], floor: [] }, shifts: { widget: [], floor: [] }, companions: { widget: [], floor: [] }, draft: [], inbox: { 50: [], 500: [] } });
const byProfile = Object.fromEntries(PROFILES.map((rate) => [rate, emptyResults()]));
// The prerendered page's figures, beside the others.
for (const results of Object.values(byProfile)) results.prerendered = { interactive: [], hydrated: [], cpu: [], loaded: [], loadedHydrated: [] };
/** One measurement of the prerendered page into `results.prerendered`. */
async function measurePrerendered(results, rate, round) {
  const r = await interactive('prerendered', rate);
  if (r.forms !== 1) throw new Error(`prerendered page: ${r.forms} forms in the shadow root after hydration (the server's DOM was not taken over)`);
  const p = results.prerendered;
  p.interactive.push(r.ms);
  p.hydrated.push(r.hydrated);
  if (r.cpu !== undefined) p.cpu.push(r.cpu);
  p.loaded.push(r.loaded);
  p.loadedHydrated.push(r.loadedHydrated);
  log(`×${rate} round ${round + 1}/${ROUNDS}: prerendered interactive ${r.ms.toFixed(0)} ms, hydrated ${r.hydrated.toFixed(0)} ms`);
}
const outcomes = [];
try {
  log(`Chromium ${chromeVersion}, ${cpus().length} cores, CPU ${PROFILES.map((r) => `×${r}`).join(' and ')}, ${ROUNDS} rounds each${ONLY ? `, only ${ONLY}` : ''}`);
  for (const rate of PROFILES) {
    const results = byProfile[rate];
    for (let round = 0; round < ROUNDS; round++) {
      if (ONLY === 'draft') {
        const { value, files } = await draftSave(rate);
        results.draft.push({ value, files });
        const f = (x) => `${x?.toFixed(1)} ms`;
        log(`×${rate} round ${round + 1}/${ROUNDS}: draft save ${f(value.save)} (keystroke before it ${f(value.before)}, total ${f(value.total)}, wall ${f(value.wall)}); attaching 3 MB ${f(files.total)}`);
        continue;
      }
      const order = round % 2 === 0 ? ['widget', 'floor'] : ['floor', 'widget'];
      if (ONLY === 'fill') {
        const w = await fillAndValidate('widget', rate);
        const f = await fillAndValidate('floor', rate);
        results.fill.widget.push(w.ms);
        results.fill.floor.push(f.ms);
        (results.fillSteps ??= []).push({ widget: w.steps, floor: f.steps });
        log(`×${rate} round ${round + 1}/${ROUNDS}: fill ${w.ms.toFixed(0)} / ${f.ms.toFixed(0)} ms`);
        continue;
      }
      if (WITH_PRERENDERED && round % 2 === 0) await measurePrerendered(results, rate, round);
      for (const kind of order) {
        const r = await interactive(kind, rate);
        results.interactive[kind].push(r.ms);
        results.loaded[kind].push(r.loaded);
        if (r.cpu !== undefined) results.cpu[kind].push(r.cpu);
        if (r.heap !== undefined) results.heap[kind].push(r.heap);
        if (r.companions) results.companions[kind].push(r.companions);
        if (r.keystroke !== undefined) results.keystroke.push(r.keystroke);
      }
      if (WITH_PRERENDERED && round % 2 === 1) await measurePrerendered(results, rate, round);
      if (!ONLY) {
        for (const kind of order) {
          const r = await fillAndValidate(kind, rate);
          results.fill[kind].push(r.ms);
          results.shifts[kind].push(r.shifts);
          if (r.outcome !== 'review') outcomes.push(`×${rate}, round ${round + 1}, ${kind}: validation showed ${r.outcome}`);
        }
        results.draft.push(await draftSave(rate));
        for (const n of round % 2 === 0 ? [50, 500] : [500, 50]) results.inbox[n].push(await inbox(n, rate));
      }
      log(
        `×${rate} round ${round + 1}/${ROUNDS}: interactive ${results.interactive.widget.at(-1).toFixed(0)} / ${results.interactive.floor.at(-1).toFixed(0)} ms` +
          (ONLY
            ? ''
            : `, fill ${results.fill.widget.at(-1).toFixed(0)} / ${results.fill.floor.at(-1).toFixed(0)} ms, ` +
              `20th companion ${results.companions.widget.at(-1)[20].work.toFixed(1)} ms, draft save ${results.draft.at(-1).value.save?.toFixed(1)} ms`),
      );
    }
  }
} catch (error) {
  console.error('\nThe benchmark run broke:', error);
  if (pageErrors.length) console.error(`What the pages said:\n${[...new Set(pageErrors)].map((e) => `- ${e}`).join('\n')}`);
  await browser.close();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}
await browser.close();
server.close();
rmSync(tmp, { recursive: true, force: true });

// ---- report -----------------------------------------------------------------------------------

const median = (xs) => {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x === undefined ? '—' : `${x.toFixed(x < 100 ? 1 : 0)} ms`);

if (ONLY === 'draft') {
  for (const rate of PROFILES) {
    const draft = byProfile[rate].draft;
    const med = (pick) => ms(median(draft.map(pick).filter((x) => x !== undefined)));
    console.log(
      `Draft save, 3 MB attached, ${rate === 1 ? 'unthrottled' : `CPU ×${rate}`}: median ${med((d) => d.value.save)} (budget at ×4: ≤ 4 ms); ` +
        `rounds ${draft.map((d) => ms(d.value.save)).join(', ')}; keystroke before it ${med((d) => d.value.before)}; attaching 3 MB ${med((d) => d.files.total)}`,
    );
  }
  if (pageErrors.length) console.log(`What the pages said:\n${[...new Set(pageErrors)].map((e) => `- ${e}`).join('\n')}`);
  console.log('BENCH_ONLY=draft: bench/results.md left as it was.');
  process.exit(0);
}

if (ONLY === 'fill') {
  // Each step's median duration on both sides: where the widget's extra fill time goes.
  for (const rate of PROFILES) {
    const runs = byProfile[rate].fillSteps ?? [];
    const durations = (side) => runs.map((r) => r[side].map(([name, end], i) => [name, end - (i ? r[side][i - 1][1] : 0)]));
    const w = durations('widget');
    const f = durations('floor');
    console.log(`\nFill step by step, ${rate === 1 ? 'unthrottled' : `CPU ×${rate}`} (median of ${runs.length}; widget / floor / extra):`);
    for (const [i, [name]] of (w[0] ?? []).entries()) {
      const mw = median(w.map((r) => r[i][1]));
      const mf = median(f.map((r) => r[i]?.[1]).filter((x) => x !== undefined));
      console.log(`  ${name.padEnd(20)} ${ms(mw).padStart(9)} ${ms(mf).padStart(9)} ${ms(mw - mf).padStart(9)}`);
    }
    console.log(`  ${'whole fill'.padEnd(20)} ${ms(median(byProfile[rate].fill.widget)).padStart(9)} ${ms(median(byProfile[rate].fill.floor)).padStart(9)}`);
  }
  console.log('BENCH_ONLY=fill: bench/results.md left as it was.');
  process.exit(0);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const ratio = (a, b) => (a !== undefined && b ? `${(a / b).toFixed(2)}×` : '—');
const verdict = (ok) => (ok === undefined ? '—' : ok ? 'pass' : '**FAIL**');
const score = (x) => (x === undefined ? '—' : x.toFixed(4));
const table = (header, body) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The gzip bytes of the JS and CSS a page asked for before interactive (widget: the library's files; floor: its page and script). */
const loadedBytes = (paths, kind) => {
  const files = [...new Set(paths)].filter((p) => (kind === 'widget' ? p.startsWith('/dist/browser/') : /^\/bench\/floor\.(html|js)$/.test(p)));
  return { files, gz: files.reduce((a, p) => a + gz(readFileSync(join(ROOT, p), 'utf8')), 0) };
};
const allLoaded = (kind) => PROFILES.flatMap((rate) => byProfile[rate].loaded[kind].map((paths) => loadedBytes(paths, kind)));
const loadedMax = (kind) => allLoaded(kind).reduce((a, l) => (l.gz > a.gz ? l : a), { files: [], gz: 0 });
/** The prerendered page's JS (its bundle under /bench/prerendered/) among `paths`, gzip; and its page with the server's HTML. */
const prerenderedBytes = (paths) => {
  const files = [...new Set(paths)].filter((p) => p.startsWith('/bench/prerendered/'));
  return { files, gz: files.reduce((a, p) => a + gz(readFileSync(join(PRERENDERED.dir, p.slice('/bench/prerendered/'.length)), 'utf8')), 0) };
};
const prerenderedPageGz = prerenderedPage ? gz(prerenderedPage) : 0;

const medOf = (rate, key, kind) => median(byProfile[rate][key][kind]);
const interactiveRatio = (rate) => {
  const w = medOf(rate, 'interactive', 'widget');
  const f = medOf(rate, 'interactive', 'floor');
  return { w, f, r: w !== undefined && f ? w / f : undefined };
};
const fillRatio = (rate) => {
  const w = medOf(rate, 'fill', 'widget');
  const f = medOf(rate, 'fill', 'floor');
  return { w, f, r: w !== undefined && f ? w / f : undefined };
};
const saveOf = (rate) => median(byProfile[rate]?.draft.map((d) => d.value.save).filter((x) => x !== undefined) ?? []);
const shiftsAll = PROFILES.flatMap((rate) => byProfile[rate].shifts.widget);
const heapW = median(PROFILES.flatMap((rate) => byProfile[rate].heap.widget));
const heapF = median(PROFILES.flatMap((rate) => byProfile[rate].heap.floor));

// Issue #16's budgets, each with pass/fail.
const budgets = [];
const budget = (what, value, floor, r, limit, ok) => budgets.push([what, value, floor, r, limit, verdict(ok)]);
{
  const graphed = startSize.gz;
  const seen = loadedMax('widget');
  const floorSeen = loadedMax('floor');
  budget('Arabic booking path: JS+CSS loaded before interactive, gzip (the size check, from the build graph)', `${kb(graphed)} (${startSize.files} files)`, kb(floorSize.gz), ratio(graphed, floorSize.gz), `≤ ${kb(START_BUDGETS['booking-form'])}`, graphed <= START_BUDGETS['booking-form']);
  budget('  the same, as the browser asked for it before the interactive mark (largest round)', `${kb(seen.gz)} (${seen.files.length} files)`, kb(floorSeen.gz), ratio(seen.gz, floorSeen.gz), `≤ ${kb(START_BUDGETS['booking-form'])}`, seen.gz <= START_BUDGETS['booking-form']);
  budget('Whole widget, every element (the one-file module, dist/cdn/), gzip', kb(wholeSize.gz), '—', '—', `≤ ${kb(START_BUDGETS.index)}`, wholeSize.gz <= START_BUDGETS.index);
  budgets.push(['  the same through the browser build\'s index (its 16 chunks shared with single-element pages, each compressed alone)', `${kb(indexSize.gz)} (${indexSize.files} files)`, '—', '—', 'not budgeted', '']);
  for (const [rate, limit] of [[1, 1.3], [4, 1.5]]) {
    if (!byProfile[rate]) continue;
    const { w, f, r } = interactiveRatio(rate);
    budget(`Navigation → booking form interactive, ${rate === 1 ? 'unthrottled' : `CPU ×${rate}`}`, ms(w), ms(f), ratio(w, f), `≤ ${limit}× floor`, r === undefined ? undefined : r <= limit);
  }
  // The prerendered page against the same floor and limits; then the time until it reacts (no limit).
  for (const [rate, limit] of [[1, 1.3], [4, 1.5]]) {
    if (!byProfile[rate]?.prerendered.interactive.length) continue;
    const profileName = rate === 1 ? 'unthrottled' : `CPU ×${rate}`;
    const { f } = interactiveRatio(rate);
    const p = median(byProfile[rate].prerendered.interactive);
    budget(`Navigation → booking form interactive, prerendered (portal inlines the server's HTML), ${profileName}`, ms(p), ms(f), ratio(p, f), `≤ ${limit}× floor`, f ? p / f <= limit : undefined);
    const h = median(byProfile[rate].prerendered.hydrated);
    budgets.push([`  the same page, navigation → hydrated (the form reacts: its state, validation, drafts), ${profileName}`, ms(h), ms(f), ratio(h, f), 'no limit', '']);
  }
  for (const rate of PROFILES) {
    const { w, f, r } = fillRatio(rate);
    budget(`Fill every field + 3 companions + validate, ${rate === 1 ? 'unthrottled' : `CPU ×${rate}`}`, ms(w), ms(f), ratio(w, f), '≤ 1.1× floor', r === undefined ? undefined : r <= 1.1);
  }
  if (byProfile[4]) budget('Draft save, 3 MB attached, main thread, CPU ×4 (debounce timer → `emirate-draft-saved`)', ms(saveOf(4)), '—', '—', '≤ 4 ms', saveOf(4) === undefined ? undefined : saveOf(4) <= 4);
  const worstShift = shiftsAll.length ? Math.max(...shiftsAll.map((x) => x.unexpected)) : undefined;
  budget('Layout shift during a full fill, not caused by input (largest of every round and profile)', score(worstShift), score(median(PROFILES.flatMap((rate) => byProfile[rate].shifts.floor.map((x) => x.unexpected)))), '—', '0', worstShift === undefined ? undefined : worstShift === 0);
  budget('JS heap after render, after GC', heapW === undefined ? '—' : mb(heapW), heapF === undefined ? '—' : mb(heapF), ratio(heapW, heapF), '≤ 1.2× floor', heapW === undefined ? undefined : heapW / heapF <= 1.2);
}

/** The detailed figures of one profile. */
function profileSection(rate) {
  const results = byProfile[rate];
  const rows = [];
  const row = (metric, widget, floor, r, limit, pass) => rows.push([metric, widget, floor, r, limit, pass]);
  const { w: iw, f: iF } = interactiveRatio(rate);
  row('Navigation → booking form interactive', ms(iw), ms(iF), ratio(iw, iF), '', '');
  if (results.cpu.widget.length) row('  main-thread CPU time until then (trace, thread time)', ms(medOf(rate, 'cpu', 'widget')), ms(medOf(rate, 'cpu', 'floor')), ratio(medOf(rate, 'cpu', 'widget'), medOf(rate, 'cpu', 'floor')), '', '');
  const pre = results.prerendered;
  if (pre.interactive.length) {
    const [pi, ph] = [median(pre.interactive), median(pre.hydrated)];
    row("Navigation → booking form interactive, prerendered (portal inlines the server's HTML)", ms(pi), ms(iF), ratio(pi, iF), '', '');
    row('  navigation → hydrated (`hasUpdated`: the form reacts; what is typed before is kept)', ms(ph), ms(iF), ratio(ph, iF), '', '');
    if (pre.cpu.length) row('  main-thread CPU time until hydrated (trace, thread time)', ms(median(pre.cpu)), ms(medOf(rate, 'cpu', 'floor')), ratio(median(pre.cpu), medOf(rate, 'cpu', 'floor')), '', '');
    const seen = pre.loadedHydrated.map(prerenderedBytes).reduce((a, l) => (l.gz > a.gz ? l : a), { files: [], gz: 0 });
    row(
      '  loaded until hydrated, gzip: its JS (entry + hydration support, largest round); the page with the server\'s HTML',
      `${kb(seen.gz)} (${seen.files.length} files); page ${kb(prerenderedPageGz)} (the form's HTML ${kb(gz(PRERENDERED.html))})`,
      kb(floorSize.gz),
      ratio(seen.gz + prerenderedPageGz, floorSize.gz),
      '',
      '',
    );
  }
  if (!ONLY) {
    const { w: fw, f: ff } = fillRatio(rate);
    row('Fill every field + 3 companions + validate', ms(fw), ms(ff), ratio(fw, ff), '', '');
    const shift = (kind, key) => median(results.shifts[kind].map((x) => x[key]));
    row('Layout shift during the fill, not caused by input (CLS-style sum)', score(shift('widget', 'unexpected')), score(shift('floor', 'unexpected')), '—', '', '');
    row('Layout shift during the fill, all (adding companions moves what is below)', score(shift('widget', 'all')), score(shift('floor', 'all')), ratio(shift('widget', 'all'), shift('floor', 'all')), '', '');
    row('JS heap after render (after gc)', mb(medOf(rate, 'heap', 'widget')), mb(medOf(rate, 'heap', 'floor')), ratio(medOf(rate, 'heap', 'widget'), medOf(rate, 'heap', 'floor')), '', '');
    const draft = (phase, key) => median(results.draft.map((d) => d[phase][key]).filter((x) => x !== undefined));
    row('Draft save, 3 MB attached: main-thread busy, debounce timer → `emirate-draft-saved`', ms(draft('value', 'save')), '—', '—', '≤ 4 ms', verdict(draft('value', 'save') <= 4));
    const keyW = draft('value', 'before');
    const keyF = median(results.keystroke);
    row('One typed character before it (input → re-render; floor: one keystroke, same trace)', ms(keyW), ms(keyF), ratio(keyW, keyF), '', '');
    row('Attaching 3 MB (2 files): main-thread busy, file chosen → both files in the draft', ms(draft('files', 'total')), '—', '—', '', '');
    const companion = (kind, n, key) => median(results.companions[kind].map((r) => r[n][key]));
    for (const n of [1, 10, 20]) {
      const w = companion('widget', n, 'work');
      const f = companion('floor', n, 'work');
      row(`Add companion #${n}: click → rendered and laid out`, `${ms(w)} (next frame ${ms(companion('widget', n, 'frame'))})`, `${ms(f)} (next frame ${ms(companion('floor', n, 'frame'))})`, ratio(w, f), n === 20 ? '≤ 16 ms' : '', n === 20 ? verdict(w <= 16) : '');
    }
    for (const n of [50, 500]) {
      const inboxMed = (key) => median(results.inbox[n].map((r) => r[key]));
      row(`Inbox, ${n} requests (page size 10): create → list rendered`, `${ms(inboxMed('work'))} (next frame ${ms(inboxMed('frame'))})`, '—', '—', '', '');
    }
  }
  const raw = table(
    ['round', 'interactive w / f', 'loaded before interactive w / f (gzip)', ...(ONLY ? ['main-thread CPU until interactive w / f'] : ['fill w / f', 'shift w / f (unexpected; all)', 'companion #20 w / f (work)', 'draft save (total / keystroke / save)', 'inbox 50 / 500'])],
    results.interactive.widget.map((_, i) => [
      String(i + 1),
      `${ms(results.interactive.widget[i])} / ${ms(results.interactive.floor[i])}`,
      `${kb(loadedBytes(results.loaded.widget[i], 'widget').gz)} / ${kb(loadedBytes(results.loaded.floor[i], 'floor').gz)}`,
      ...(ONLY
        ? [`${ms(results.cpu.widget[i])} / ${ms(results.cpu.floor[i])}`]
        : [
            `${ms(results.fill.widget[i])} / ${ms(results.fill.floor[i])}`,
            `${score(results.shifts.widget[i].unexpected)} / ${score(results.shifts.floor[i].unexpected)}; ${score(results.shifts.widget[i].all)} / ${score(results.shifts.floor[i].all)}`,
            `${ms(results.companions.widget[i][20].work)} / ${ms(results.companions.floor[i][20].work)}`,
            `${ms(results.draft[i].value.total)} / ${ms(results.draft[i].value.before)} / ${ms(results.draft[i].value.save)}`,
            `${ms(results.inbox[50][i].work)} / ${ms(results.inbox[500][i].work)}`,
          ]),
    ]),
  );
  return [
    `#### ${rate === 1 ? 'Unthrottled (CPU ×1)' : `CPU slowed ×${rate}`}`,
    '',
    table(['metric', 'widget', 'floor', 'ratio', 'budget', 'pass/fail'], rows),
    '',
    `<details><summary>Every round, ×${rate}</summary>`,
    '',
    raw,
    '',
    ...(results.prerendered.interactive.length
      ? [
          table(
            ['round', "prerendered: interactive / hydrated", 'its JS loaded until hydrated (gzip)', ...(ONLY ? ['main-thread CPU until hydrated'] : [])],
            results.prerendered.interactive.map((_, i) => [
              String(i + 1),
              `${ms(results.prerendered.interactive[i])} / ${ms(results.prerendered.hydrated[i])}`,
              kb(prerenderedBytes(results.prerendered.loadedHydrated[i]).gz),
              ...(ONLY ? [ms(results.prerendered.cpu[i])] : []),
            ]),
          ),
          '',
        ]
      : []),
    '</details>',
  ].join('\n');
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'bench', 'scripts', 'vite.config.ts'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
const profile =
  `Headless Chromium ${chromeVersion.replace(/^HeadlessChrome\//, '')}, profiles ${PROFILES.map((r) => (r === 1 ? 'unthrottled' : `CPU ×${r} (CDP Emulation.setCPUThrottlingRate)`)).join(' and ')}, ` +
  `viewport ${VIEWPORT.width}×${VIEWPORT.height}, no network throttling (localhost, in-memory adapter), ` +
  `fresh browser context per measurement, ${ROUNDS} interleaved rounds per profile, medians; ${cpus().length} cores (${cpus()[0]?.model.trim()}), shared with other work (figures are noisy).`;
const notes = [
  'Interactive: navigation start → the first animation frame in which the first field exists and is enabled (the same rAF probe in both pages).',
  ...(WITH_PRERENDERED ? ["Prerendered (bench/prerendered.html): the booking form's first screen rendered with @lit-labs/ssr at bench start (bench/prerender.mjs, from the package build in Node) and inlined as declarative shadow DOM; widget.js sets the same `preload` before the entry, which is built with the browser build's settings and bundles Lit's hydration support. Its interactive mark comes from the server's HTML, before any script; hydrated: the element's first update done (`hasUpdated`, marked in a microtask loop), from which on the form reacts; until then what is typed stays in the fields and is taken by the form at hydration (test:ssr). Module scripts run once the page is parsed, and here the browser paints the server's form before that (a diagnostic at ×4 saw the parse end after the first paint, 200–570 ms): hydrated comes later than the widget page's interactive, though the hydration itself (entry evaluated → `hasUpdated`) costs about what a client render does."] : []),
  'Loaded before interactive: the size check counts the booking entry, its static imports and the chunks it imports at start (scripts/bundle-graph.mjs `AT_START`); the browser row sums the gzip of every library file the page asked for up to the interactive mark (Resource Timing).',
  'Layout shift: a `layout-shift` PerformanceObserver during the fill; "not caused by input" sums the entries without `hadRecentInput` (what moved by itself), the budgeted figure; "all" adds the shifts within 500 ms of a click or key.',
  'Fill: wall clock on the runner (puppeteer typing, clicks, `select`, file chooser); the widget waits for its five attachments to show "ready" before "continue"; both end when the review shows.',
  "Draft save: Chrome trace (devtools.timeline); the renderer main thread's RunTask events from the firing of the draft's 600 ms debounce timer to the end of the task that dispatched `emirate-draft-saved`; the IndexedDB write itself runs off the main thread.",
  'Companions: in-page `performance.now()` around `click()` → `updateComplete` of the booking form and the companion list → forced style/layout of the new fieldset; "next frame" adds awaiting `requestAnimationFrame`. Inbox: creating `<emirate-inbox>` with N requests → its 10 rows laid out.',
];
const sizeTable = table(
  ['dist entry (with its static imports)', 'files', 'gzip', 'brotli', 'loaded on demand (gzip)'],
  sizes.map((s) => [s.name, String(s.files), `${kb(s.gz)} (${s.gz} B)`, `${kb(s.br)} (${s.br} B)`, s.lazy]),
);

const run = [
  `## Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}`,
  '',
  `Profile: ${profile}`,
  '',
  "Issue #16's budgets:",
  '',
  table(['budget', 'widget', 'floor', 'ratio', 'limit', 'pass/fail'], budgets),
  '',
  ...PROFILES.flatMap((rate) => [profileSection(rate), '']),
  ...notes.map((n) => `- ${n}`),
  '',
  sizeTable,
  ...(outcomes.length || pageErrors.length ? ['', '**Warnings**', '', ...[...outcomes, ...new Set(pageErrors)].map((w) => `- ${w}`)] : []),
  '',
].join('\n');

console.log(`\n${run}`);
const failed = budgets.filter((r) => r[5] === '**FAIL**').map((r) => r[0].trim());
const unmeasured = budgets.filter((r) => r[5] === '—').length;
console.log(failed.length ? `FAIL: ${failed.length} budget(s) not met: ${failed.join('; ')}` : 'All measured budgets met.');
if (unmeasured) console.log(`${unmeasured} budget(s) not measured in this run.`);
if (ONLY) {
  console.log(`BENCH_ONLY=${ONLY}: bench/results.md left as it was.`);
} else {
  // Every run is kept, newest first.
  const FILE = join(ROOT, 'bench/results.md');
  const TITLE = '# Benchmark runs: widget vs. plain HTML floor (newest first)\n\n';
  const before = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  const earlier = before.startsWith(TITLE) ? before.slice(TITLE.length) : before ? `## An earlier run (before issue #16's format)\n\n${before.replace(/^### .*\n/, '')}` : '';
  writeFileSync(FILE, `${TITLE}${run}\n${earlier}`);
  console.log(`Added to bench/results.md in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}
