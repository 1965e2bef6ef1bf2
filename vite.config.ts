import { defineConfig } from 'vite';

/**
 * `vite` (npm start) serves the designers' demo from demo/ with the msw mock backend;
 * `vite build` builds the library: one ES module entry per element, shared chunks, no demo,
 * no msw, no service worker.
 */
export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: 'demo',
        publicDir: 'public',
        server: { port: 5173, host: true },
      }
    : {
        publicDir: false,
        build: {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          copyPublicDir: false,
          sourcemap: true,
          lib: {
            entry: {
              index: 'src/index.ts',
              'booking-form': 'src/booking-form.ts',
              'companion-list': 'src/companion-list.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: {
            output: {
              minify: true,
              chunkFileNames: 'chunks/[name]-[hash].js',
            },
          },
        },
      },
);
