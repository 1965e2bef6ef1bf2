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
/** gzip budgets per entry, with its static imports: the Arabic booking path. */
export const BUDGETS = { 'booking-form': 30 * 1024 };

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
