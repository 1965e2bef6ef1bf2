#!/usr/bin/env node
/**
 * Byte-size check of the library build (run by `npm run build`, so CI fails on a breach):
 * prints the gzip and brotli bytes of each entry of the browser build (dist/browser/, all
 * bundled) with every chunk it imports statically (lazy chunks such as the English strings are
 * listed apart) and of the one-file build (dist/cdn/), and fails when
 * - the Arabic booking path (booking-form entry) exceeds its budget, or the whole widget (the
 *   one-file module, every element) its gate,
 * - any entry but the shell (and index, which includes it) pulls in @vaadin/router, or any
 *   entry pulls in msw or the demo (read from the source maps),
 * - any built file (package, browser or one-file build) names a host (only the configured API
 *   may be contacted),
 * - a module that defines an element is in no file of the browser build.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AT_START, BUDGETS, DIST, START_BUDGETS, START_GATES, br, graph, gz, read, sourcesOf, startGraph, wholeWidget } from './bundle-graph.mjs';

const FORBIDDEN_SOURCES = /node_modules\/(msw\/|@mswjs\/)|\/demo\//;
const ROUTER_SOURCES = /node_modules\/@vaadin\//;
const ROUTED_ENTRIES = new Set(['appointments', 'index']);
// w3.org: namespace names; `http://a`: the dummy base @vaadin/router parses paths against.
const ALLOWED_URL = /^(https?:\/\/www\.w3\.org\/|http:\/\/a$)/;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const problems = [];
const entries = readdirSync(DIST).filter((f) => f.endsWith('.js'));
const rows = [];
for (const entry of entries) {
  const name = entry.replace(/\.js$/, '');
  const { files, lazy } = graph(entry);
  const sizes = files.map((f) => ({ gz: gz(read(f)), br: br(read(f)) }));
  const total = { gz: sizes.reduce((a, s) => a + s.gz, 0), br: sizes.reduce((a, s) => a + s.br, 0) };
  const lazyGz = lazy.reduce((a, f) => a + gz(read(f)), 0);
  rows.push({ name, files: files.length, ...total, lazyGz, budget: BUDGETS[name] });
  if (BUDGETS[name] && total.gz > BUDGETS[name]) problems.push(`${name}: ${kb(total.gz)} gzip is over its ${kb(BUDGETS[name])} budget`);
  for (const f of files) {
    const map = join(DIST, `${f}.map`);
    if (!existsSync(map)) continue;
    for (const source of JSON.parse(readFileSync(map, 'utf8')).sources ?? []) {
      if (FORBIDDEN_SOURCES.test(source) || (ROUTER_SOURCES.test(source) && !ROUTED_ENTRIES.has(name))) problems.push(`${name} includes ${source}`);
    }
  }
}

// Every module that defines an element is in the build: a module imported only for its side
// effect was once dropped as pure (vite.config.ts, sourcesHaveSideEffects), and with it
// <emirate-file-field> and the inbox's reply and rating forms.
{
  const SRC = new URL('../src/', import.meta.url).pathname;
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
  const built = new Set(
    [...entries, ...readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)].flatMap((f) => {
      const map = join(DIST, `${f}.map`);
      return existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')).sources ?? []).map((src) => join(DIST, dirname(f), src)) : [];
    }),
  );
  for (const file of walk(SRC)) {
    const tag = readFileSync(file, 'utf8').match(/@customElement\('(emirate-[\w-]+)'\)/)?.[1];
    if (tag && !built.has(file)) problems.push(`<${tag}> (${file.slice(SRC.length - 4)}) is in no built file`);
  }
}

const ALL_BUILDS = join(DIST, '..');
const allJs = (dir) =>
  readdirSync(join(ALL_BUILDS, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allJs(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : [],
  );
for (const file of allJs('.')) {
  for (const [url] of readFileSync(join(ALL_BUILDS, file), 'utf8').matchAll(/https?:\/\/[^\s"'`)\\]+/g)) {
    if (!ALLOWED_URL.test(url)) problems.push(`dist/${file} names a host: ${url}`);
  }
}

const CDN = join(ALL_BUILDS, 'cdn');
const oneFile = existsSync(CDN)
  ? readdirSync(CDN)
      .filter((f) => f.endsWith('.js'))
      .sort((a, b) => Number(b === 'emirate-appointments.js') - Number(a === 'emirate-appointments.js'))
  : [];

// Issue #16: what the page loads before the form is interactive, and the whole widget.
const whole = wholeWidget();
if (!whole) problems.push('the one-file build (dist/cdn/emirate-appointments.js), the whole widget, is missing: vite build --mode cdn');
else if (whole.imports) problems.push(`the one-file build imports ${whole.imports} file(s) statically: every element must be defined by the module alone`);
const startRows = Object.entries(START_BUDGETS).map(([name, budget]) => {
  const files = name in AT_START ? startGraph(`${name}.js`) : name === 'index' ? [] : graph(`${name}.js`).files;
  const total = name === 'index' ? (whole?.gz ?? Infinity) : files.reduce((a, f) => a + gz(read(f)), 0);
  // Over the issue's budget fails with SIZE_STRICT=1; over the gate reached so far, always.
  if (process.env.SIZE_STRICT === '1' && total > budget) problems.push(`${name}: ${kb(total)} gzip before interactive is over its ${kb(budget)} budget (issue #16)`);
  if (START_GATES[name] && total > START_GATES[name]) problems.push(`${name}: ${kb(total)} gzip before interactive is over its ${kb(START_GATES[name])} gate`);
  return { name, files, total, budget };
});
// A portal that sets `api-base` also waits for the REST adapter (src/api/rest-front.ts loads it
// at the element's first call, beside its first paint) before its first screen: gated too.
const restChunk = graph('booking-form.js').lazy.find((f) => sourcesOf(f).some((s) => s.endsWith('src/api/rest-adapter.ts')));
const withRest = restChunk && [...new Set([...startGraph('booking-form.js'), ...graph(restChunk).files])];
const withRestGz = withRest ? withRest.reduce((a, f) => a + gz(read(f)), 0) : 0;
const restGate = START_GATES['booking-form with api-base'];
if (withRestGz > restGate) problems.push(`booking-form with api-base: ${kb(withRestGz)} gzip before interactive is over its ${kb(restGate)} gate`);

console.log('\nentry (with its static imports)   files   gzip      brotli    lazy (gzip)   budget');
for (const r of rows) {
  console.log(
    `${r.name.padEnd(34)}${String(r.files).padEnd(8)}${kb(r.gz).padEnd(10)}${kb(r.br).padEnd(10)}${kb(r.lazyGz).padEnd(14)}${r.budget ? `${kb(r.budget)} ${r.gz <= r.budget ? 'ok' : 'OVER'}` : ''}`,
  );
}
{
  const [module, ...siblings] = oneFile.map((f) => {
    const text = readFileSync(join(CDN, f), 'utf8');
    return { name: f.replace(/-[\w-]{8}\.js$/, ''), gz: gz(text), br: br(text) };
  });
  if (module) console.log(`${'one-file build (cdn)'.padEnd(34)}${'1'.padEnd(8)}${kb(module.gz).padEnd(10)}${kb(module.br).padEnd(10)}${kb(siblings.reduce((a, s) => a + s.gz, 0))} in ${siblings.length} sibling files`);
  if (siblings.length) console.log(`  its siblings, on demand: ${siblings.sort((a, b) => b.gz - a.gz).map((s) => `${s.name} ${kb(s.gz)}`).join(', ')}`);
}
console.log(`\nbefore interactive (issue #16 budgets, failing the build with SIZE_STRICT=1; gates that always do: ${Object.entries(START_GATES).map(([n, g]) => `${n === 'index' ? 'whole widget' : n} ${kb(g)}`).join(', ')})`);
for (const r of startRows) {
  const label = r.name === 'index' ? 'whole widget (one file, every element)' : `${r.name}: entry + static + at start`;
  console.log(`${label.padEnd(42)}${String(r.name === 'index' ? 1 : r.files.length).padEnd(8)}${kb(r.total).padEnd(10)}≤ ${kb(r.budget)} ${r.total <= r.budget ? 'ok' : 'OVER'}`);
  if (r.name === 'index') {
    const split = graph('index.js').files;
    console.log(`${'  the same from the browser build\'s index'.padEnd(42)}${String(split.length).padEnd(8)}${kb(split.reduce((a, f) => a + gz(read(f)), 0))}  (its chunks are shared with the single-element entries and compressed one by one)`);
  }
  if (r.name === 'booking-form' && withRest) console.log(`${'  with api-base (+ the REST adapter)'.padEnd(42)}${String(withRest.length).padEnd(8)}${kb(withRestGz)}  ${withRest.slice(r.files.length).join(', ')}`);
  if (r.name in AT_START) console.log(`  ${r.files.map((f) => `${f.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, '')} ${kb(gz(read(f)))}`).join(', ')}`);
}
if (problems.length) {
  console.error(`\nSize check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('\nSize check passed: budgets kept, the router only in the shell, no msw, no host named in the build.');
