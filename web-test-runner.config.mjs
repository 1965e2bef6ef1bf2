// The suite runs in three engines (see ../shared/TOOLCHAIN.md and the README's browser support):
// - Chromium: Debian's chromium over CDP (Puppeteer); CHROME_PATH overrides the binary.
// - Firefox: Debian's firefox-esr over WebDriver BiDi (Puppeteer); FIREFOX_PATH overrides it.
// - WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver (scripts/wtr-webkit.mjs).
// WTR_ENGINES picks some of them (`WTR_ENGINES=chromium`, `npm run test:chromium`); unset, all three.
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import * as puppeteerCore from 'puppeteer-core';
import { readFile } from 'node:fs/promises';
import { webkitCommands, webkitLauncher } from './scripts/wtr-webkit.mjs';
import { failureSummary } from './scripts/wtr-failures.mjs';

const workerPath = new URL('./demo/public/mockServiceWorker.js', import.meta.url);

/** Serves msw's service worker at the page root, where msw registers it. */
const mswWorker = async (ctx, next) => {
  if (ctx.path === '/mockServiceWorker.js') {
    ctx.type = 'application/javascript';
    ctx.set('Service-Worker-Allowed', '/');
    ctx.body = await readFile(workerPath, 'utf8');
    return;
  }
  return next();
};

/** The strict policy a government portal may serve; the embedding tests prove the widget works under it. */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** Serves the pages under /test/embedding/csp/ (and their scripts) with the strict policy. */
const strictCsp = async (ctx, next) => {
  await next();
  if (ctx.path.startsWith('/test/embedding/csp/')) ctx.set('Content-Security-Policy', STRICT_CSP);
};

/**
 * Trusted Types as a portal may add them to the strict policy: no string reaches a script sink
 * (innerHTML and the like) unless a policy made it, and only policies named `lit-html` may be
 * made, by each copy of Lit on the page (`'allow-duplicates'`). Pages under
 * /test/embedding/trusted-types/ get it; `?duplicates=refused` drops `'allow-duplicates'` (to
 * show what a second copy of Lit meets without it), and `?report=<token>` adds a `report-uri`
 * whose reports the test reads back from /__csp-reports/<token>.
 */
const trustedTypesCsp = async (ctx, next) => {
  await next();
  if (!ctx.path.startsWith('/test/embedding/trusted-types/')) return;
  const duplicates = ctx.query.duplicates === 'refused' ? '' : " 'allow-duplicates'";
  const token = String(ctx.query.report ?? '').replace(/[^\w-]/g, '');
  const policy = [STRICT_CSP, "require-trusted-types-for 'script'", `trusted-types lit-html${duplicates}`];
  if (token) policy.push(`report-uri /__csp-reports/${token}`);
  ctx.set('Content-Security-Policy', policy.join('; '));
};

/** The CSP reports browsers POST to /__csp-reports/<token>, read back with a GET of the same address. */
const cspReports = new Map();
const cspReportCollector = async (ctx, next) => {
  const match = /^\/__csp-reports\/([\w-]+)$/.exec(ctx.path);
  if (!match) return next();
  const reports = cspReports.get(match[1]) ?? [];
  cspReports.set(match[1], reports);
  if (ctx.method === 'POST') {
    let body = '';
    for await (const chunk of ctx.req) body += chunk;
    try {
      reports.push(JSON.parse(body));
    } catch {
      reports.push({ unreadable: body });
    }
    ctx.status = 204;
    return;
  }
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(reports);
};

/**
 * A second copy of the widget, as when a page loads it again from another URL or version:
 * a module requested with `?copy=<n>` gets `?copy=<n>` on every import it makes (our sources,
 * Lit, @lit/localize alike), so the whole module graph is evaluated again, apart from the first.
 */
const secondCopy = {
  name: 'second-copy',
  transformImport({ source, context }) {
    const copy = context.URL.searchParams.get('copy');
    if (!copy || !/^[./]/.test(source) || /[?&]copy=/.test(source)) return undefined;
    return `${source}${source.includes('?') ? '&' : '?'}copy=${encodeURIComponent(copy)}`;
  },
};

/**
 * `emulate-forced-colors` ({ value: 'active' | 'none' }): Windows' high-contrast rendering
 * (forced colours), which @web/test-runner-commands' emulateMedia does not pass on to Puppeteer.
 * Chromium only (DevTools protocol).
 */
const forcedColors = {
  name: 'forced-colors',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-forced-colors') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error('forced colours: Chromium only');
    const page = session.browser.getPage(session.id);
    const client = await page.createCDPSession();
    await client.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload.value }] });
    return true;
  },
};

/**
 * Each test file in a new tab. The Chrome launcher keeps a finished file's tab for the next one,
 * so one tab's session history gathers every file's entries until it reaches the browser's cap
 * (50 in Chromium); from then on a test's Back could leave its page for the previous file's
 * about:blank and stop the whole file ("the page navigated to about:blank"). The launcher has no
 * option for it, so the kept tab is closed here (`inactivePages` is its internal list).
 */
function freshTabs(launcher) {
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const result = await stopSession(sessionId);
    for (const page of launcher.inactivePages?.splice(0) ?? []) await page.puppeteerPage.close().catch(() => {});
    return result;
  };
  return launcher;
}

const launchers = {
  chromium: () =>
    freshTabs(chromeLauncher({
      launchOptions: {
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
        ],
      },
    })),
  // Puppeteer's own Firefox support is WebDriver BiDi: no geckodriver needed (Debian has none),
  // and the same launcher code as Chromium, so @web/test-runner-commands work as they do there.
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
        headless: true,
      },
    }),
  webkit: () => webkitLauncher(),
};

const engines = (process.env.WTR_ENGINES || Object.keys(launchers).join(','))
  .split(',')
  .map((name) => name.trim().toLowerCase())
  .filter(Boolean);
for (const name of engines) {
  if (!launchers[name]) throw new Error(`WTR_ENGINES: unknown engine "${name}" (chromium, firefox, webkit)`);
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browserStartTimeout: 60 * 1000,
  testsFinishTimeout: 5 * 60 * 1000,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), failureSummary()],
  middleware: [mswWorker, cspReportCollector, strictCsp, trustedTypesCsp],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), secondCopy, webkitCommands(), forcedColors],
  // Each engine runs its files one at a time (focus, viewport and the shared IndexedDB need a page
  // to themselves; the WebDriver launcher also runs files in iframes unless this is 1). Two
  // engines run side by side, in the order of `browsers`: Chromium and Firefox first, WebKit as
  // soon as one of them is done. With all three at once on 2 cores, WebKit's tests ran up to ten
  // times slower and timed out by the dozen (CI, 2026-12-03: 17 of them, in 1339 s).
  concurrentBrowsers: 2,
  browsers: engines.map((name) => launchers[name]()),
};
