import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { shellFallbackPages } from './demo/fallback-pages.js';
import { bundledPackages, noticeBanner } from './scripts/notices.mjs';

/** One entry per element, each loadable alone. */
const ELEMENT_ENTRIES = ['booking-form', 'companion-list', 'inquiry-box', 'inbox', 'service-card', 'appointments', 'locales'];
/** Entries that gather other entries: they import them as built files, not as copies. */
const GATHERING_ENTRIES = /\/src\/(index|appointments)\.ts$/;
/**
 * What the npm package leaves to the host's bundler (its `dependencies`): Lit, so an app that
 * uses Lit has one copy of it and a server gets Lit's node build, and idb. @lit/localize (a
 * private copy: a host that configures its own localisation does not clash with ours) and
 * @vaadin/router (its usage-statistics module stays the inert one) are bundled.
 */
const PACKAGE_EXTERNALS = /^(lit|lit-html|lit-element|@lit\/reactive-element|idb)(\/|$)/;

/**
 * Three shared chunks whatever the number of elements: 'core' (Lit, localisation, the adapter,
 * the shared views) for every element, 'forms' (rules, the draft controller) for the elements
 * that take input, 'fields' (the companion list) and 'file-field' (the file field with its checks),
 * which the booking form loads after its first screen paints. The draft store (idb, sealing), the English strings with the message
 * lookup, the router and the confirmation load on demand, each in its own chunk. Each file is compressed alone, so the
 * booking path stays at three files instead of one per sharing set.
 */
const CHUNK_GROUPS = [
  {
    name: 'core',
    priority: 2,
    test: /node_modules\/(lit|lit-html|lit-element|@lit)\/(?!directives\/(repeat|keyed)\.js|localize\/internal\/(runtime-msg|id-generation|fnv1a64)\.js)|src\/(api\/(?!upload\.|decode-requests\.|rest-adapter\.|transport\.|http\.|decode\.)|i18n\/(localization|generated\/locale-codes)|ui\/(emirate-element|styles|fields|define)|domain\/(codes|digits|text|lazy|random-id))/,
  },
  {
    name: 'forms',
    priority: 1,
    test: /src\/(drafts\/draft-controller|domain\/(booking\.|saudi-id|mobile|email|name|file-type)|ui\/(attachment|pointer-settle)|i18n\/field-labels)/,
  },
  {
    // Counted nouns and what a failed call says: small, on the first screen of every element but
    // the booking form's (a limit, a plural, a failed load), so apart from the field messages.
    name: 'counts',
    priority: 2,
    test: /src\/i18n\/(counts|plural|api-messages)/,
  },
  {
    // The wording of the fields' errors: loaded by the booking form after its first screen.
    name: 'words',
    priority: 1,
    test: /src\/i18n\/messages/,
  },
  {
    name: 'fields',
    priority: 1,
    test: /src\/elements\/companion-list\//,
  },
  {
    // The file field with its checks: with the attachments section, and with the first companion.
    name: 'file-field',
    priority: 1,
    test: /src\/(ui\/file-field|domain\/file-check)/,
  },
];

/**
 * Our modules that define an element keep that side effect: package.json's `sideEffects`
 * (written for the package's consumers) names only dist/ files, so without this the bundler
 * takes every module under src/ as pure and drops imports made for their side effect alone, such as
 * `import '../../ui/file-field.js'`, which defines <emirate-file-field>, and the inbox's
 * `import './reply-form.js'` (issue #16 found the built booking form and inbox without them).
 */
/**
 * Terser over each written file after Rolldown's own minifier (issue #16): a second, different
 * pass finds what the first leaves (346 B gzip, 1.3 %, on the booking path). Licence banners
 * (`/*!`) stay; each source map is carried through, so it still points at our sources.
 */
const terserAfter = (): Plugin => ({
  name: 'emirate-terser-after',
  async writeBundle(options, bundle) {
    const { minify } = await import('terser');
    const dir = options.dir ?? 'dist';
    await Promise.all(
      Object.values(bundle).map(async (chunk) => {
        if (chunk.type !== 'chunk') return;
        const file = join(dir, chunk.fileName);
        const code = await readFile(file, 'utf8');
        const url = /\n?\/\/# sourceMappingURL=\S+\s*$/.exec(code)?.[0] ?? '';
        const map = url ? await readFile(`${file}.map`, 'utf8') : undefined;
        const out = await minify(code.slice(0, code.length - url.length), {
          module: true,
          ecma: 2020,
          compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
          format: { comments: 'some' },
          sourceMap: map ? { content: map, includeSources: true } : false,
        });
        await writeFile(file, out.code! + url);
        if (map && typeof out.map === 'string') await writeFile(`${file}.map`, out.map);
      }),
    );
  },
});

const sourcesHaveSideEffects = (): Plugin => ({
  name: 'emirate-sources-have-side-effects',
  transform(code, id) {
    return /\/src\/.*\.ts$/.test(id) && /customElement\(\s*['"`]emirate-/.test(code) ? { code, map: null, moduleSideEffects: true } : null;
  },
});

/**
 * The library builds, each minified (Lit's html`` and css`` templates too, which the JS minifier
 * leaves alone), with source maps:
 * - `package` (`vite build`): dist/, what the npm package ships: one ES module per element entry
 *   plus the index, shared chunks, Lit and idb left as imports for the host's bundler;
 * - `browser` (`vite build --mode browser`): dist/browser/, the same entries with everything
 *   bundled, as a browser downloads the widget; the size budget (scripts/size.mjs) and the
 *   benchmark measure it; not in the package;
 * - `cdn` (`vite build --mode cdn`): dist/cdn/emirate-appointments.js, one file with every
 *   element for a page without a bundler; what the elements load on demand (the English strings,
 *   the draft store, the sections below a first screen, the router, …) are sibling files it
 *   loads relative to its own address.
 */
function library(kind: 'package' | 'browser' | 'cdn'): UserConfig {
  const cdn = kind === 'cdn';
  return {
    publicDir: false,
    plugins: [sourcesHaveSideEffects(), minifyTemplateLiterals(), terserAfter()],
    // Only the parts of @lit/localize the widget uses (see the file).
    resolve: { alias: [{ find: /^@lit\/localize$/, replacement: new URL('./src/i18n/lit-localize.ts', import.meta.url).pathname }] },
    build: {
      outDir: kind === 'package' ? 'dist' : `dist/${kind}`,
      emptyOutDir: true,
      target: 'es2022',
      copyPublicDir: false,
      sourcemap: true,
      lib: {
        entry: cdn
          ? { 'emirate-appointments': 'src/cdn.ts' }
          : { index: 'src/index.ts', ...Object.fromEntries(ELEMENT_ENTRIES.map((name) => [name, `src/${name}.ts`])) },
        formats: ['es'],
      },
      rolldownOptions: {
        // The one-file build's entry may export more than src/cdn.ts does (what its sibling files
        // import from it), so the code they share with it stays in it instead of common chunks.
        preserveEntrySignatures: cdn ? 'allow-extension' : undefined,
        // index.js and the shell re-export the element entries as they are built, so each
        // element's code lives in its own entry file instead of a chunk shared with them:
        // fewer files on each element's path, and each file is compressed alone.
        external: cdn
          ? undefined
          : (id: string, importer: string | undefined) =>
              (kind === 'package' && PACKAGE_EXTERNALS.test(id)) ||
              (GATHERING_ENTRIES.test(importer ?? '') && ELEMENT_ENTRIES.some((name) => id === `./${name}.js`)),
        output: {
          minify: true,
          // The router's chunk is named after its package's file (dist/index.js): call it 'router'.
          chunkFileNames: (chunk) =>
            `${cdn ? '' : 'chunks/'}${chunk.moduleIds.some((id) => id.includes('/@vaadin/router/')) ? 'router' : '[name]'}-[hash].js`,
          // The licence notices of the code bundled into a file, which minifying strips.
          postBanner: kind === 'browser' ? undefined : (chunk) => noticeBanner(bundledPackages(chunk.moduleIds)),
          // The one-file build: everything its entry needs before any element is used stays in
          // that one file ('$initial': Rolldown's tag for the entry's static graph, which it then
          // merges into the entry); what the elements import on demand stays on demand, as the
          // module entries have it (the confirmation, the router, the sections below the booking
          // form's first screen, the inbox's opened request, …), each a sibling file.
          codeSplitting: cdn ? { groups: [{ name: 'emirate-appointments', tags: ['$initial'] }] } : { groups: CHUNK_GROUPS },
        },
      },
    },
  };
}

/**
 * `vite` (npm start) serves the designers' demo from demo/ with the msw mock backend;
 * `vite build` builds the library (see {@link library}): no demo, no msw, no service worker.
 */
export default defineConfig(({ command, mode }) =>
  mode === 'demo'
    ? {
        // `vite build --mode demo` (npm run build:demo): the demo as a static site in dist-demo/
        // that works from any folder of any static server (relative base, msw's worker and the
        // service guide copied from demo/public), with fallback pages so the shell's addresses
        // survive a reload (demo/fallback-pages.ts).
        root: 'demo',
        base: './',
        publicDir: 'public',
        plugins: [shellFallbackPages(new URL('./demo/index.html', import.meta.url))],
        build: {
          outDir: '../dist-demo',
          emptyOutDir: true,
          target: 'es2022',
          rolldownOptions: { input: { index: 'index.html', nafath: 'nafath.html' } },
        },
      }
    : command === 'serve'
      ? {
          root: 'demo',
          publicDir: 'public',
          server: { port: 5173, host: true },
        }
      : library(mode === 'browser' || mode === 'cdn' ? mode : 'package'),
);
