/**
 * Loads the project's TypeScript modules (the msw mock backend, the Hijri calendar) into Node
 * for the contract kit: esbuild (already in the tree through vite) bundles them in memory into
 * one ES module, imported from a data: URL. `msw` stays outside the bundle, resolved to the
 * same file Node imports, so handlers built here and `msw/node` share one msw.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles `source` (TypeScript, with imports relative to the repository root) and imports it.
 * `file` is the path, from the root, the module pretends to be at (its `import.meta.url`).
 * @param {string} source
 * @param {string} file
 * @returns {Promise<Record<string, any>>}
 */
export async function importTs(source, file) {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, sourcefile: file, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['node', 'import'],
    tsconfig: `${ROOT}tsconfig.json`,
    define: { 'import.meta.url': JSON.stringify(new URL(file, `file://${ROOT}`).href) },
    logLevel: 'silent',
    plugins: [mswOutside],
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** Keeps `msw` (and its subpaths) out of the bundle, imported by absolute URL. */
const mswOutside = {
  name: 'msw-outside',
  setup(build) {
    build.onResolve({ filter: /^msw(\/.*)?$/ }, (args) => ({ path: import.meta.resolve(args.path), external: true }));
  },
};
