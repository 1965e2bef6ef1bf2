/**
 * The built library as a graph of files, shared by the size check (scripts/size.mjs) and the
 * benchmark (bench/run.mjs): an entry with every chunk it imports statically, the chunks it
 * loads on demand, and their compressed sizes. It reads the browser build (dist/browser/, `vite
 * build --mode browser`): the package's entries with Lit and everything else bundled, as a
 * browser downloads them (the package build in dist/ leaves Lit and idb to the host's bundler).
 */
import { readFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const DIST = new URL('../dist/browser/', import.meta.url).pathname;
/** gzip budgets per entry, with its static imports: the Arabic booking path (the build fails over it). */
export const BUDGETS = { 'booking-form': 30 * 1024 };

/**
 * Issue #16's budgets, gzip: what the Arabic booking form loads before it is interactive (its
 * entry, the chunks that imports statically, and the chunks it imports on demand at start, see
 * {@link AT_START}), and the whole widget: what a page that uses every element loads before any
 * of them can show, the one-file module (dist/cdn/, see {@link wholeWidget}). Reported by the
 * size check and the benchmark; the build fails over either (see {@link START_GATES}).
 */
export const START_BUDGETS = { 'booking-form': 25 * 1024, index: 40 * 1024 };

/**
 * The whole widget as a page loads it to use every element (issue #16): the one-file module,
 * dist/cdn/emirate-appointments.js (`vite build --mode cdn`), which defines all six elements and
 * imports nothing statically; what they load on demand are its sibling files. The browser
 * build's index.js reaches the same code through 16 chunks shared with the single-element
 * entries, each compressed alone: {@link graph}('index.js') gives that sum, printed beside it.
 * Null when the one-file build is missing.
 */
export function wholeWidget() {
  const file = join(DIST, '..', 'cdn', 'emirate-appointments.js');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  return { file: 'dist/cdn/emirate-appointments.js', gz: gz(text), br: br(text), imports: [...text.matchAll(STATIC_IMPORT)].length };
}

/**
 * What fails the build now, below which each figure must stay while #16 works toward its
 * budgets: the booking path at its budget (24.7 KB since the message lookup loads with the first
 * table and Terser runs after Rolldown's minifier), and the same path for a portal that sets
 * `api-base`, adapter included (30.1 KB), and the whole widget, the one-file module, at its
 * budget (37.6 KB since what its elements load on demand became sibling files). Lower them as the
 * figures come down; never raise them without saying why.
 */
export const START_GATES = { 'booking-form': 25 * 1024, 'booking-form with api-base': 30.5 * 1024, index: 40 * 1024 };

/**
 * The modules an entry imports on demand before it is interactive (by source path, as the
 * source maps name them): the chunks holding them count as loaded at start. None now: the
 * booking form asks for what is below its first screen once that has painted
 * (src/elements/booking-form/lazy.ts), and its draft store waits for the first input or an idle
 * moment after the first paint (src/drafts/draft-controller.ts). The
 * benchmark records what a browser really fetched before interactive and prints both.
 */
export const AT_START = {
  'booking-form': [],
};

const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'`](\.[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g;

/** A built file's text, by its path under dist/. */
export const read = (file) => readFileSync(join(DIST, file), 'utf8');
export const gz = (s) => gzipSync(s, { level: 9 }).length;
export const br = (s) => brotliCompressSync(s, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The files an entry loads before it runs (itself included) and those it may load later. */
export function graph(entry) {
  const seen = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = read(file);
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) visit(relative(DIST, join(DIST, dirname(file), spec)));
    for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) lazy.add(relative(DIST, join(DIST, dirname(file), spec)));
  };
  visit(entry);
  for (const f of seen) lazy.delete(f);
  return { files: [...seen], lazy: [...lazy] };
}

/** The source modules (from its source map) bundled in a built file. */
export function sourcesOf(file) {
  try {
    return JSON.parse(readFileSync(join(DIST, `${file}.map`), 'utf8')).sources ?? [];
  } catch {
    return [];
  }
}

/**
 * What an entry loads before it is interactive: its static graph plus every on-demand chunk
 * holding a module of {@link AT_START} (with that chunk's own static imports).
 */
export function startGraph(entry) {
  const name = entry.replace(/\.js$/, '');
  const patterns = AT_START[name] ?? [];
  const { files, lazy } = graph(entry);
  const start = new Set(files);
  for (const chunk of lazy) {
    if (!sourcesOf(chunk).some((s) => patterns.some((p) => p.test(s)))) continue;
    for (const f of graph(chunk).files) start.add(f);
  }
  return [...start];
}
