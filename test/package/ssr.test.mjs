/**
 * `npm run test:ssr`: the package build on a server and back in the browser. Builds the package
 * (as `vite build` does, into node_modules/.cache/emirate-ssr/), then
 * - renders every element but the shell with @lit-labs/ssr in Node (Lit's node build) to
 *   declarative shadow DOM, with `api-base` set and fetch/XMLHttpRequest trapped: nothing is
 *   fetched while rendering;
 * - serves a page with the server's HTML for the booking form (its first screen, from
 *   `preload`), the inquiry box and the companion list, and hydrates them in headless Chromium
 *   (@lit-labs/ssr-client): after each element's first update (its hydration, before the next
 *   frame paints) its shadow DOM is the server's, every server-made node is kept (nothing
 *   re-rendered), and the elements then work (the inquiry validates, the booking form goes on
 *   to render its other fields);
 * - serves the booking form's server HTML alone and types into it before its code comes (as a
 *   citizen on a slow phone does): after hydration the form has what was typed (validation,
 *   draft), and focus and caret are where they were.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { build } from 'vite';
import { ROOT, collectErrors, launch, serve } from './support.mjs';

const CACHE = join(ROOT, 'node_modules/.cache/emirate-ssr');
const OUT = join(CACHE, 'dist');
const URL_OUT = '/node_modules/.cache/emirate-ssr/dist';
const SERVER_RENDERED = ['emirate-booking-form', 'emirate-companion-list', 'emirate-inquiry-box', 'emirate-inbox', 'emirate-service-card'];
const SESSION = { user: { idNumber: '1000000008', name: 'محمد أحمد علي القحطاني', mobile: '512345678' } };

/** Lit and idb for the browser, where the package build imports them by name. */
const IMPORT_MAP = {
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    '@lit-labs/ssr-client/': '/node_modules/@lit-labs/ssr-client/',
    idb: '/node_modules/idb/build/index.js',
  },
};

/** The page's script: hydration support first, then the element code, watched frame by frame. */
const CLIENT = `
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { najranCatalog } from './catalog.js';

const hosts = [...document.querySelectorAll('emirate-booking-form, emirate-inquiry-box, emirate-companion-list')];
/** A host's language and its shadow DOM without Lit's markers and the server's style element. */
const view = (host) => {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data.replace(/\\s+/g, ' ');
    if (node.nodeType !== Node.ELEMENT_NODE || node.localName === 'style') return '';
    const attributes = [...node.attributes].map((a) => a.name + '="' + a.value + '"').sort().join(' ');
    return '<' + node.localName + ' ' + attributes + '>' + [...node.childNodes].map(walk).join('') + '</' + node.localName + '>';
  };
  return { tag: host.localName, lang: host.getAttribute('lang'), dir: host.getAttribute('dir'), shadow: [...host.shadowRoot.childNodes].map(walk).join('').trim() };
};
const server = hosts.map(view);
const serverNodes = hosts.map((host) => [...host.shadowRoot.querySelectorAll('*:not(style)')]);

// What the server had: the booking form's session and catalog (a portal puts them in its page).
document.querySelector('emirate-booking-form').preload = { session: ${JSON.stringify(SESSION)}, catalog: najranCatalog };

await Promise.all(['booking-form', 'inquiry-box', 'companion-list'].map((entry) => import('${URL_OUT}/' + entry + '.js')));
// The DOM as it stands right after each element's first update (its hydration), before the next
// frame paints it: the booking form adds its other fields only after that frame (or 100 ms).
for (let i = 0; i < 1000 && !hosts.every((host) => host.hasUpdated); i++) await Promise.resolve();
const hydrated = hosts.map(view);
await new Promise((frame) => requestAnimationFrame(frame));
window.ssrResult = {
  server,
  firstFrame: hydrated,
  kept: serverNodes.map((nodes, i) => nodes.filter((node) => !hosts[i].shadowRoot.contains(node)).map((node) => node.localName)),
  hydrated: hosts.map((host) => host.hasUpdated === true),
};
`;

let fetches;
let page;
let browser;

/** The demo's catalog as a plain module. */
const catalogModule = () =>
  ts.transpileModule(readFileSync(join(ROOT, 'demo/mocks/catalog.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;

before(async () => {
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  await build({ root: ROOT, logLevel: 'error', build: { outDir: OUT, emptyOutDir: true } });
  writeFileSync(join(CACHE, 'catalog.mjs'), catalogModule());
  browser = await launch();
  fetches = [];
  globalThis.fetch = async (input) => {
    fetches.push(String(input));
    throw new Error('no fetching on the server');
  };
  globalThis.XMLHttpRequest = class {
    open(method, url) {
      fetches.push(String(url));
      throw new Error('no XMLHttpRequest on the server');
    }
  };
});

after(async () => {
  await page?.close();
  await browser?.close();
  delete globalThis.fetch;
  delete globalThis.XMLHttpRequest;
});

/** Server-renders `template` (a Lit template) to a string. */
async function serverRender(template) {
  const { render } = await import('@lit-labs/ssr');
  const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
  return collectResult(render(template));
}

test('every element but the shell renders on a server to declarative shadow DOM, fetching nothing', async () => {
  for (const entry of ['index']) await import(join(OUT, `${entry}.js`));
  const { html, unsafeStatic } = await import('lit/static-html.js');
  for (const tag of SERVER_RENDERED) {
    const name = unsafeStatic(tag);
    const out = await serverRender(html`<${name} api-base="/api" login-url="/login"></${name}>`);
    assert.match(out, new RegExp(`<${tag}[^>]* lang="ar" dir="rtl"[^>]*><template shadowroot="open" shadowrootmode="open"><style>`), tag);
  }
  assert.deepEqual(fetches, []);
});

test('server-rendered elements hydrate in Chromium without a second paint of different content', async () => {
  const { html } = await import('lit');
  const { najranCatalog } = await import(join(CACHE, 'catalog.mjs'));
  const body = await serverRender(html`
    <emirate-booking-form api-base="/api" no-drafts .preload=${{ session: SESSION, catalog: najranCatalog }}></emirate-booking-form>
    <emirate-inquiry-box api-base="/api"></emirate-inquiry-box>
    <form><emirate-companion-list></emirate-companion-list></form>
  `);
  assert.match(body, /id="fullName"/, 'the booking form rendered its first screen on the server');
  assert.deepEqual(fetches, []);

  const server = await serve(ROOT, {
    routes: {
      '/ssr/': [
        'text/html; charset=utf-8',
        `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8" /><link rel="icon" href="data:," />
        <script type="importmap">${JSON.stringify(IMPORT_MAP)}</script>
        <script type="module" src="./client.js"></script></head><body>${body}</body></html>`,
      ],
      '/ssr/client.js': ['text/javascript; charset=utf-8', CLIENT],
      '/ssr/catalog.js': ['text/javascript; charset=utf-8', catalogModule()],
    },
  });
  try {
    page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`http://127.0.0.1:${server.port}/ssr/`);
    await page.waitForFunction(() => window.ssrResult, { timeout: 15000 });
    const result = await page.evaluate(() => window.ssrResult);
    assert.deepEqual(result.hydrated, [true, true, true]);
    for (const [i, before] of result.server.entries()) {
      assert.ok(before.shadow.length > 100, `${before.tag} came with its server-rendered shadow DOM`);
      assert.deepEqual(result.firstFrame[i], before, `${before.tag}: the first frame shows what the server rendered`);
      assert.deepEqual(result.kept[i], [], `${before.tag}: hydration kept every server-rendered node`);
    }

    // Hydrated means working: the inquiry validates, the booking form renders the rest of its fields.
    await page.evaluate(() => document.querySelector('emirate-inquiry-box').shadowRoot.querySelector('button[type=submit]').click());
    await page.waitForFunction(() => document.querySelector('emirate-inquiry-box').shadowRoot.querySelector('[aria-invalid="true"]'), { timeout: 5000 });
    await page.waitForFunction(() => document.querySelector('emirate-booking-form').shadowRoot.querySelector('#appointmentType'), { timeout: 5000 });
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});

/** The booking form's page for typing before hydration: its entry loads when `window.hydrate()` is called (at once with `?now`). */
const TYPED_CLIENT = `
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { najranCatalog } from './catalog.js';

const form = document.querySelector('emirate-booking-form');
form.preload = { session: ${JSON.stringify(SESSION)}, catalog: najranCatalog };
form.addEventListener('emirate-draft-saved', () => (window.draftSaved = true));
form.addEventListener('emirate-draft-restored', () => (window.draftRestored = true));
if (!location.search.includes('now')) await new Promise((go) => (window.hydrate = go));
await import('${URL_OUT}/booking-form.js');
`;

test('what a citizen types into the server-rendered booking form before it hydrates is kept, with focus and caret', async () => {
  const { html } = await import('lit');
  const { najranCatalog } = await import(join(CACHE, 'catalog.mjs'));
  const body = await serverRender(html`<emirate-booking-form api-base="/api" .preload=${{ session: SESSION, catalog: najranCatalog }}></emirate-booking-form>`);
  assert.doesNotMatch(body, /checked/, 'no choice is checked on the server (`.checked` false writes no attribute)');
  const server = await serve(ROOT, {
    routes: {
      '/typed/': [
        'text/html; charset=utf-8',
        `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8" /><link rel="icon" href="data:," />
        <script type="importmap">${JSON.stringify(IMPORT_MAP)}</script>
        <script type="module" src="./client.js"></script></head><body>${body}</body></html>`,
      ],
      '/typed/client.js': ['text/javascript; charset=utf-8', TYPED_CLIENT],
      '/typed/catalog.js': ['text/javascript; charset=utf-8', catalogModule()],
    },
  });
  const typed = await browser.newPage();
  try {
    const errors = collectErrors(typed);
    await typed.goto(`http://127.0.0.1:${server.port}/typed/`);
    await typed.waitForFunction(() => window.hydrate, { timeout: 5000 });
    const field = (id) => typed.$(`pierce/#${id}`);
    // Typed into the server's DOM: nothing listens yet.
    await (await field('applicantType-individual')).click();
    await (await field('governorate')).select('sharurah');
    await (await field('fullName')).click({ count: 3 });
    await typed.keyboard.type('سالم عبدالله سعيد الشهري');
    await (await field('email')).click();
    await typed.keyboard.type('citizen@example.sa');
    // The mobile last, its caret moved back: an email field has no caret position to read.
    await (await field('mobile')).click({ count: 3 });
    await typed.keyboard.type('59876543');
    for (let i = 0; i < 3; i++) await typed.keyboard.press('ArrowLeft');
    const shown = () =>
      typed.evaluate(() => {
        const root = document.querySelector('emirate-booking-form').shadowRoot;
        const value = (id) => root.getElementById(id).value;
        return {
          fullName: value('fullName'),
          mobile: value('mobile'),
          email: value('email'),
          governorate: value('governorate'),
          applicantType: root.querySelector('input[name=applicantType]:checked')?.value,
          focused: root.activeElement?.id,
          caret: root.activeElement?.selectionStart,
        };
      });
    const before = await shown();
    assert.deepEqual(before, {
      fullName: 'سالم عبدالله سعيد الشهري',
      mobile: '59876543',
      email: 'citizen@example.sa',
      governorate: 'sharurah',
      applicantType: 'individual',
      focused: 'mobile',
      caret: 5,
    });
    assert.equal(await typed.evaluate(() => document.querySelector('emirate-booking-form').hasUpdated), undefined, 'not hydrated yet');

    await typed.evaluate(() => window.hydrate());
    await typed.waitForFunction(() => document.querySelector('emirate-booking-form').hasUpdated, { timeout: 10000 });
    await typed.evaluate(() => document.querySelector('emirate-booking-form').updateComplete);
    assert.ok(await typed.$('pierce/#appointmentType'), 'hydrated: the rest of the form rendered');
    assert.deepEqual(await shown(), before, 'after hydration the fields, focus and caret are as typed');
    // The caret is where it was: the next key goes there.
    await typed.keyboard.type('2');
    assert.equal((await shown()).mobile, '598762543');

    // The form's own state has it: the draft is saved, and "continue" finds no fault in those fields.
    await typed.waitForFunction(() => window.draftSaved, { timeout: 10000 });
    await typed.evaluate(() => document.querySelector('emirate-booking-form').shadowRoot.querySelector('form button[type=submit]').click());
    await typed.waitForFunction(() => document.querySelector('emirate-booking-form').shadowRoot.querySelector('.error-summary a'), { timeout: 5000 });
    const faults = await typed.evaluate(() => [...document.querySelector('emirate-booking-form').shadowRoot.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href')));
    assert.ok(faults.includes('#appointmentType'), `the summary lists the empty fields: ${faults}`);
    for (const id of ['#applicantType', '#fullName', '#mobile', '#email', '#governorate']) assert.ok(!faults.includes(id), `${id} is filled in the form's model: ${faults}`);

    // The saved draft has what was typed before hydration: a new visit restores it over the session's.
    await typed.goto(`http://127.0.0.1:${server.port}/typed/?now`);
    await typed.waitForFunction(() => window.draftRestored, { timeout: 10000 });
    await typed.evaluate(() => document.querySelector('emirate-booking-form').updateComplete);
    const restored = await shown();
    assert.deepEqual(
      { ...restored, focused: undefined, caret: undefined },
      { fullName: 'سالم عبدالله سعيد الشهري', mobile: '598762543', email: 'citizen@example.sa', governorate: 'sharurah', applicantType: 'individual', focused: undefined, caret: undefined },
    );

    // Typed before hydration wins over the draft read after it, field by field.
    await typed.goto(`http://127.0.0.1:${server.port}/typed/`);
    await typed.waitForFunction(() => window.hydrate, { timeout: 5000 });
    await (await field('fullName')).click({ count: 3 });
    await typed.keyboard.type('فهد محمد علي الدوسري');
    await typed.evaluate(() => window.hydrate());
    await typed.waitForFunction(() => window.draftRestored, { timeout: 10000 });
    await typed.evaluate(() => document.querySelector('emirate-booking-form').updateComplete);
    const mixed = await shown();
    assert.deepEqual(
      { fullName: mixed.fullName, mobile: mixed.mobile, focused: mixed.focused },
      { fullName: 'فهد محمد علي الدوسري', mobile: '598762543', focused: 'fullName' },
    );
    assert.deepEqual(errors, []);
  } finally {
    await typed.close();
    await server.close();
  }
});
