// Tests run in Debian's Chromium (see ../shared/TOOLCHAIN.md); CHROME_PATH overrides the binary.
import { chromeLauncher } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { readFile } from 'node:fs/promises';

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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 5 * 60 * 1000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [mswWorker, strictCsp],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), secondCopy],
  browsers: [
    chromeLauncher({
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
    }),
  ],
};
