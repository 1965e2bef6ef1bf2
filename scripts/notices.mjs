/**
 * Licence notices of the third-party code bundled into the built files, which minifying strips:
 * a one-line banner on each built file that holds any (vite.config.ts), and the full licence
 * texts in THIRD-PARTY-NOTICES.md beside the package build and the one-file build
 * (`node scripts/notices.mjs`, run by `npm run build`).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The npm package a bundled module belongs to (`@scope/name` or `name`), or null for our own code. */
export function packageOf(id) {
  const at = id.replace(/\\/g, '/').lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const [first, second] = id.replace(/\\/g, '/').slice(at + '/node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

function manifestOf(name) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
}

/** The packages whose code is among `moduleIds`, sorted, each with its version and licence. */
export function bundledPackages(moduleIds) {
  const names = [...new Set(moduleIds.map(packageOf).filter(Boolean))].sort();
  return names.map((name) => {
    const { version, license } = manifestOf(name);
    return { name, version, license };
  });
}

/** The banner of a built file bundling `packages`; empty when it bundles none. */
export function noticeBanner(packages) {

  if (packages.length === 0) return '';
  const list = packages.map((p) => `${p.name} ${p.version} (${p.license})`).join(', ');
  return `/*! ${own.name} ${own.version} (${own.license}) bundles ${list}; their licences are in THIRD-PARTY-NOTICES.md. */`;
}

function licenceText(name) {
  const dir = join(ROOT, 'node_modules', name);
  const file = readdirSync(dir).find((f) => /^licen[sc]e(\.(md|txt))?$/i.test(f));
  if (!file) throw new Error(`${name} ships no licence file: add its licence text by hand`);
  return readFileSync(join(dir, file), 'utf8').trim();
}

/** The packages bundled into the .js files under `dir` (read from their source maps), but not in the `skip` folders. */
function bundledIn(dir, skip) {
  const sources = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(entry.name)) walk(path);
      } else if (entry.name.endsWith('.js.map')) sources.push(...(JSON.parse(readFileSync(path, 'utf8')).sources ?? []));
    }
  };
  walk(dir);
  return bundledPackages(sources);
}

/** THIRD-PARTY-NOTICES.md for the build in `dir`, without the builds in its `skip` subfolders. */
export function writeNotices(dir, skip = []) {
  const packages = bundledIn(dir, skip);
  const text = [
    '# Third-party notices',
    '',
    `${own.name} ${own.version} is MIT-licensed (LICENSE). The built files in this folder bundle the`,
    'following packages, under their own licences, reproduced here.',
    '',
    ...packages.flatMap((p) => [`## ${p.name} ${p.version} (${p.license})`, '', '```', licenceText(p.name), '```', '']),
  ].join('\n');
  writeFileSync(join(dir, 'THIRD-PARTY-NOTICES.md'), text);
  return packages;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [dir, skip] of [['dist', ['browser', 'cdn']], ['dist/cdn', []]]) {
    const path = join(ROOT, dir);
    if (!existsSync(path)) continue;
    const packages = writeNotices(path, skip);
    console.log(`${dir}/THIRD-PARTY-NOTICES.md: ${packages.map((p) => p.name).join(', ') || 'nothing bundled'}`);
  }
}
