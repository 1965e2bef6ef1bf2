/**
 * The benchmark's prerendered page (issue #16), made at bench start by bench/run.mjs:
 * `<emirate-booking-form>`'s first screen rendered on a server with @lit-labs/ssr and inlined
 * in the page as declarative shadow DOM, as a portal that can inline HTML does (README "Server
 * rendering"), then hydrated in the browser.
 *
 * - The server side is the package build (`vite build`, Lit left to Node, so Lit's node build
 *   renders), as test/package/ssr.test.mjs does, rendered in a child process (`node
 *   bench/prerender.mjs <dist> <preload.json>`) so the DOM shim stays out of the runner.
 * - The browser side is bench/prerendered-entry.js (Lit's hydration support, then the booking
 *   form's entry) built with the library's browser build settings (vite.config.ts, `--mode
 *   browser`: same minifying and chunk groups), with the hydration support in the chunk that
 *   holds Lit, ahead of LitElement (it must run first). One Lit, as a portal's bundler gives it.
 *   The files are served under /bench/prerendered/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Under node_modules so the package build finds Lit and idb from there. */
export const PRERENDER_CACHE = join(ROOT, 'node_modules/.cache/emirate-bench-prerender');

/**
 * Builds both sides and renders the form with `preload` (`{ session, catalog }`, the same the
 * page gives the element in the browser). Returns the server's HTML of the element, the folder
 * of the browser files and the entry's static imports (for modulepreload hints).
 */
export async function prerender(preload) {
  const { build } = await import('vite');
  rmSync(PRERENDER_CACHE, { recursive: true, force: true });
  mkdirSync(PRERENDER_CACHE, { recursive: true });
  const server = join(PRERENDER_CACHE, 'server');
  const browser = join(PRERENDER_CACHE, 'browser');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: server, emptyOutDir: true } });
  await build({
    root: ROOT,
    mode: 'browser',
    logLevel: 'warn',
    build: { outDir: browser, emptyOutDir: true },
    plugins: [
      {
        name: 'bench-prerendered-entry',
        config(config) {
          config.build.lib.entry = { 'booking-form': join(ROOT, 'bench/prerendered-entry.js') };
          // The hydration support with Lit, in the order the entry imports them: before LitElement.
          const core = config.build.rolldownOptions.output.codeSplitting.groups.find((g) => g.name === 'core');
          core.test = new RegExp(`node_modules/@lit-labs/ssr-client/|${core.test.source}`);
        },
      },
    ],
  });
  const preloadFile = join(PRERENDER_CACHE, 'preload.json');
  writeFileSync(preloadFile, JSON.stringify(preload));
  const rendered = spawnSync(process.execPath, [fileURLToPath(import.meta.url), server, preloadFile], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (rendered.status !== 0) throw new Error(`server rendering failed (${rendered.status})\n${rendered.stderr}`);
  const entry = readFileSync(join(browser, 'booking-form.js'), 'utf8');
  const chunks = [...entry.matchAll(/from\s*["']\.\/(chunks\/[^"']+)["']|import\s*["']\.\/(chunks\/[^"']+)["']/g)].map((m) => m[1] ?? m[2]);
  return { html: rendered.stdout, dir: browser, chunks: [...new Set(chunks)] };
}

// `node bench/prerender.mjs <package build> <preload.json>`: prints the server's HTML of the form.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist, preloadFile] = process.argv.slice(2);
  // Nothing is fetched while rendering on a server.
  globalThis.fetch = async () => {
    throw new Error('no fetching on the server');
  };
  await import(pathToFileURL(join(dist, 'booking-form.js')).href);
  const { html } = await import('lit');
  const { render } = await import('@lit-labs/ssr');
  const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
  const preload = JSON.parse(readFileSync(preloadFile, 'utf8'));
  process.stdout.write(await collectResult(render(html`<emirate-booking-form .preload=${preload}></emirate-booking-form>`)));
}
