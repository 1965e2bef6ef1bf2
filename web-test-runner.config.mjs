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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 5 * 60 * 1000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [mswWorker],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
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
