/**
 * `npm run test:package`: the package as a portal gets it. Packs it (`npm pack`, whose prepack
 * builds), installs the tarball into a throwaway app folder (`npm install --prefer-offline`:
 * from the local cache where it can, else the registry), then
 * - checks the tarball's files, its `exports` and its dependencies;
 * - imports every entry in Node (Lit's node build) and checks that loading touched no
 *   window, document, indexedDB, location or storage, and registered every tag;
 * - type-checks a strict TypeScript consumer (bundler and NodeNext resolution): the tag map,
 *   typed event details without a cast, the React 19 JSX typings, with @ts-expect-error lines
 *   that fail the check if the typings turn loose;
 * - builds a minimal Vite app that imports one entry and shows it in headless Chromium.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT, collectErrors, launch, run, serve } from './support.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const ENTRIES = ['booking-form', 'companion-list', 'inquiry-box', 'inbox', 'service-card', 'appointments'];
const TAGS = ENTRIES.map((e) => `emirate-${e}`);
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

let tmp;
let app;
let packed;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'emirate-package-'));
  // `npm pack` runs prepack (the whole build) first; its JSON report is the last thing printed.
  const out = run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT });
  packed = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1))[0];
  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'portal-app',
      private: true,
      type: 'module',
      dependencies: { [pkg.name]: `file:../${packed.filename}`, '@types/react': pkg.devDependencies['@types/react'] },
    }),
  );
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app });
  cpSync(join(ROOT, 'test/package/consumer'), app, { recursive: true });
  // The demo's catalog, typed against the installed package instead of src/.
  writeFileSync(
    join(app, 'catalog.ts'),
    readFileSync(join(ROOT, 'demo/mocks/catalog.ts'), 'utf8').replace("'../../src/api/types.js'", `'${pkg.name}'`),
  );
});

after(() => {
  if (tmp && !process.env.KEEP_PACKAGE_TEST) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds the built package and no sources, tests or demo', () => {
  const files = new Set(packed.files.map((f) => f.path));
  const required = [
    'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/types/index.d.ts', 'dist/types/events.d.ts',
    'dist/types/react.d.ts', 'dist/react.js', 'dist/custom-elements.json', 'dist/openapi.yaml', 'dist/web-types.json',
    'dist/vscode.html-custom-data.json', 'dist/THIRD-PARTY-NOTICES.md', 'dist/cdn/emirate-appointments.js',
    'dist/cdn/THIRD-PARTY-NOTICES.md', ...ENTRIES.flatMap((e) => [`dist/${e}.js`, `dist/types/${e}.d.ts`]),
  ];
  for (const file of required) assert.ok(files.has(file), `${file} is in the tarball`);
  for (const file of files) assert.doesNotMatch(file, /^(src|test|demo|bench|scripts|dist\/browser)\//, `${file} does not belong in the package`);
  assert.ok([...files].some((f) => /^dist\/cdn\/en-[\w-]+\.js$/.test(f)), 'the one-file build has its English sibling');
  assert.ok([...files].some((f) => /^dist\/cdn\/draft-store-[\w-]+\.js$/.test(f)), 'the one-file build has its draft-store sibling');
  const installed = readFileSync(join(app, 'node_modules', pkg.name, 'package.json'), 'utf8');
  assert.equal(JSON.parse(installed).private, undefined, 'the package is not private');
});

test('every exports target is in the tarball; every JS entry has its types', () => {
  const files = new Set(packed.files.map((f) => f.path));
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const targets = typeof target === 'string' ? [target] : Object.values(target);
    for (const t of targets) assert.ok(files.has(t.replace(/^\.\//, '')), `exports["${subpath}"] → ${t} is packed`);
    if (typeof target !== 'string') assert.ok(target.types && target.default, `exports["${subpath}"] has types and default`);
  }
  for (const e of ['.', ...ENTRIES.map((e) => `./${e}`)]) assert.ok(pkg.exports[e]?.types, `${e} is exported with types`);
});

test('the dependencies are exactly the packages the built modules import, and none of them is bundled', () => {
  const dist = join(app, 'node_modules', pkg.name, 'dist');
  const imported = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== 'cdn' && entry.name !== 'types') walk(join(dir, entry.name));
      } else if (entry.name.endsWith('.js')) {
        for (const [, spec] of readFileSync(join(dir, entry.name), 'utf8').matchAll(/(?:from|import)\s*\(?\s*["'`]([^"'`.][^"'`]*)["'`]/g)) {
          imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
        }
      }
    }
  };
  walk(dist);
  assert.deepEqual([...imported].sort(), Object.keys(pkg.dependencies).sort());
  const notices = readFileSync(join(dist, 'THIRD-PARTY-NOTICES.md'), 'utf8');
  for (const dep of Object.keys(pkg.dependencies)) assert.doesNotMatch(notices, new RegExp(`^## ${dep} `, 'm'), `${dep} is a dependency, not bundled`);
  for (const dep of Object.keys(pkg.dependencies)) assert.match(pkg.dependencies[dep], /^\^\d/, `${dep} has a caret range`);
});

test('every entry imports in Node without touching browser globals, and registers its tags', () => {
  const probe = `
    const touched = [];
    for (const name of ['window', 'document', 'indexedDB', 'location', 'history', 'localStorage', 'sessionStorage']) {
      if (name in globalThis) continue;
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          const frame = (new Error().stack ?? '').split('\\n').find((l) => l.includes('/node_modules/${pkg.name}/'));
          if (frame) touched.push(name + ' at ' + frame.trim());
          return undefined;
        },
      });
    }
    const entries = ${JSON.stringify(['', '/react', ...ENTRIES.flatMap((e) => [`/${e}`, `/${e}.js`])].map((s) => pkg.name + s))};
    const exported = {};
    for (const entry of entries) exported[entry] = Object.keys(await import(entry)).length;
    console.log(JSON.stringify({ touched, exported, defined: ${JSON.stringify(TAGS)}.filter((t) => customElements.get(t)) }));
  `;
  writeFileSync(join(app, 'probe.mjs'), probe);
  const result = JSON.parse(run(process.execPath, ['probe.mjs'], { cwd: app }).trim().split('\n').pop());
  assert.deepEqual(result.touched, []);
  assert.deepEqual(result.defined, TAGS);
  assert.ok(result.exported[pkg.name] > 10, 'the index exports the elements, the adapter and the errors');
});

test('a strict TypeScript consumer type-checks with bundler and NodeNext resolution', () => {
  run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: app });
  run(process.execPath, [TSC, '-p', 'tsconfig.nodenext.json'], { cwd: app });
});

test('a minimal Vite app builds with it and shows its elements in Chromium', async () => {
  await build({ root: app, configFile: false, logLevel: 'error', build: { outDir: 'dist', target: 'es2022' } });
  const assets = readdirSync(join(app, 'dist/assets')).filter((f) => f.endsWith('.js'));
  const code = assets.map((f) => readFileSync(join(app, 'dist/assets', f), 'utf8')).join('\n');
  assert.equal(code.match(/litHtmlVersions/g)?.length, 1, 'one copy of Lit in the app');
  assert.ok(existsSync(join(app, 'dist/index.html')));

  const server = await serve(join(app, 'dist'));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`http://127.0.0.1:${server.port}/`);
    const shown = await page.waitForFunction(
      () => {
        const form = document.querySelector('emirate-booking-form')?.shadowRoot;
        const box = document.querySelector('emirate-inquiry-box')?.shadowRoot;
        return form?.querySelector('#fullName') && box?.querySelector('#transactionNumber')
          ? { name: form.querySelector('#fullName').value, dir: document.querySelector('emirate-booking-form').getAttribute('dir') }
          : null;
      },
      { timeout: 10000 },
    );
    assert.deepEqual(await shown.jsonValue(), { name: 'محمد أحمد علي القحطاني', dir: 'rtl' });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
