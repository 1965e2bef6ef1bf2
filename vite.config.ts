import { defineConfig } from 'vite';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { shellFallbackPages } from './demo/fallback-pages.js';

/** One entry per element, each loadable alone. */
const ELEMENT_ENTRIES = ['booking-form', 'companion-list', 'inquiry-box', 'inbox', 'service-card', 'appointments'];
/** Entries that gather other entries: they import them as built files, not as copies. */
const GATHERING_ENTRIES = /\/src\/(index|appointments)\.ts$/;

/**
 * `vite` (npm start) serves the designers' demo from demo/ with the msw mock backend;
 * `vite build` builds the library: one ES module entry per element, shared chunks, no demo,
 * no msw, no service worker.
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
    : {
        publicDir: false,
        // Lit's html`` and css`` templates are strings the JS minifier leaves alone.
        plugins: [minifyTemplateLiterals()],
        build: {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          copyPublicDir: false,
          sourcemap: true,
          lib: {
            entry: {
              index: 'src/index.ts',
              ...Object.fromEntries(ELEMENT_ENTRIES.map((name) => [name, `src/${name}.ts`])),
            },
            formats: ['es'],
          },
          rolldownOptions: {
            // index.js and the shell re-export the element entries as they are built, so each
            // element's code lives in its own entry file instead of a chunk shared with them:
            // fewer files on each element's path, and each file is compressed alone.
            external: (id: string, importer: string | undefined) =>
              GATHERING_ENTRIES.test(importer ?? '') && ELEMENT_ENTRIES.some((name) => id === `./${name}.js`),
            output: {
              minify: true,
              chunkFileNames: 'chunks/[name]-[hash].js',
              // Three shared chunks whatever the number of elements: 'core' (Lit, localisation,
              // the adapter, the shared views) for every element, 'forms' (rules, the draft
              // controller) for the elements that take input, 'fields' (file field, companions),
              // which the booking form loads while its first screen paints. The draft store
              // (idb, sealing), the English strings and the confirmation load on demand, each in
              // its own chunk. Each file is compressed alone, so the booking path stays at three
              // files instead of one per sharing set.
              codeSplitting: {
                groups: [
                  {
                    name: 'core',
                    priority: 2,
                    test: /node_modules\/(lit|lit-html|lit-element|@lit)\/|src\/(api\/|i18n\/(localization|messages|generated\/locale-codes)|ui\/(emirate-element|styles|fields|define)|domain\/(codes|digits|text|lazy|device-time))/,
                  },
                  {
                    name: 'forms',
                    priority: 1,
                    test: /src\/(drafts\/draft-controller|domain\/(booking|saudi-id|mobile|email|name|file-type)|ui\/(attachment|request-details|pointer-settle)|i18n\/field-labels)/,
                  },
                  {
                    name: 'fields',
                    priority: 1,
                    test: /src\/(ui\/file-field|elements\/companion-list\/)/,
                  },
                ],
              },
            },
          },
        },
      },
);
