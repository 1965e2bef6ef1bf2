/**
 * Turns the analyzer's view of src/ into the manifest the package ships
 * (dist/custom-elements.json, used by editors, docs and scripts/package-files.mjs):
 * - only the named `emirate-*` events documented with `@fires` (the shared `emit()` helper
 *   dispatches a variable name), each typed from `EmirateEventMap` in src/events.ts;
 * - every `--emirate-*` custom property with its default, read from the `var(--emirate-…, default)`
 *   fallbacks in the styles;
 * - elements whose JSDoc has `@internalElement` marked `"internal": true`;
 * - public members only (no private or protected ones);
 * - one module per package entry, with paths in dist/ (`dist/booking-form.js`): each element is
 *   declared in the entry that ships it (an internal element in the first public element's entry
 *   that loads it), and each entry lists the elements it defines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
/** Package entries, in the order an element's home is chosen; `index` gathers them all. */
export const ENTRIES = ['booking-form', 'companion-list', 'inquiry-box', 'inbox', 'service-card', 'appointments'];

const sourceFiles = (dir) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );

/** `--emirate-*` → its default, from every `var(--emirate-x, default)` in src/. */
function customPropertyDefaults() {
  const defaults = new Map();
  for (const file of sourceFiles('src')) {
    for (const [, name, value] of readFileSync(join(ROOT, file), 'utf8').matchAll(/var\((--emirate-[\w-]+),\s*([^()]+?(?:\([^()]*\))?)\)/g)) {
      if (!defaults.has(name)) defaults.set(name, value.trim());
    }
  }
  return defaults;
}

/** The modules `file` loads when it runs (static and dynamic imports, not `import type`), as src/ paths. */
function loadedModules(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  let text;
  try {
    text = readFileSync(join(ROOT, file), 'utf8');
  } catch {
    return [];
  }
  const specs = [
    ...[...text.matchAll(/^import\s+(?!type\b)[^;]*?['"](\.[^'"]+)['"]/gm)].map((m) => m[1]),
    ...[...text.matchAll(/^export\s+(?!type\b)[^;]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1]),
    ...[...text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1]),
  ];
  // What it loads, and what those load (an element may come through a module that only gathers, as the inbox's request-view.ts).
  const direct = specs.map((spec) => join(file, '..', spec).replace(/\.js$/, '.ts'));
  return [...direct, ...direct.flatMap((dep) => loadedModules(dep, seen))];
}

export function emirateManifestPlugin() {
  const eventTypes = new Map();
  const internal = new Set();
  return {
    name: 'emirate-manifest',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'EmirateEventMap') {
        for (const member of node.members) {
          if (member.name && member.type) eventTypes.set(member.name.text ?? member.name.getText(), member.type.getText());
        }
      }
      if (ts.isClassDeclaration(node) && node.name && ts.getJSDocTags(node).some((t) => t.tagName.text === 'internalElement')) {
        internal.add(`${moduleDoc.path}#${node.name.text}`);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const defaults = customPropertyDefaults();
      const elements = [];
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement || !d.tagName) continue;
          elements.push({ path: mod.path, declaration: d });
          if (internal.has(`${mod.path}#${d.name}`)) d.internal = true;
          d.events = (d.events ?? [])
            .filter((e) => e.name?.startsWith('emirate-'))
            .map((e) => (eventTypes.has(e.name) ? { ...e, type: { text: eventTypes.get(e.name) } } : e));
          for (const p of d.cssProperties ?? []) if (defaults.has(p.name) && p.default === undefined) p.default = defaults.get(p.name);
          d.members = (d.members ?? []).filter((m) => !m.privacy && !m.static && !m.name.startsWith('#'));
          for (const item of [...d.members, ...(d.attributes ?? []), ...(d.events ?? [])]) {
            if (item.inheritedFrom) item.inheritedFrom = { name: item.inheritedFrom.name };
          }
          if (d.superclass?.module) d.superclass = { name: d.superclass.name };
        }
      }

      // Each element's home entry: the entry module that exports it, else the first public
      // element's module (in entry order) that loads its module.
      const entryOf = new Map();
      for (const entry of ENTRIES) {
        const mod = customElementsManifest.modules.find((m) => m.path === `src/${entry}.ts`);
        for (const ex of mod?.exports ?? []) {
          const el = elements.find((e) => e.declaration.name === ex.name);
          if (el && !entryOf.has(el)) entryOf.set(el, entry);
        }
      }
      for (const el of elements.filter((e) => !entryOf.has(e))) {
        const loader = elements
          .filter((e) => entryOf.has(e) && !e.declaration.internal)
          .sort((a, b) => ENTRIES.indexOf(entryOf.get(a)) - ENTRIES.indexOf(entryOf.get(b)))
          .find((e) => loadedModules(e.path).includes(el.path));
        if (!loader) throw new Error(`${el.declaration.tagName}: no public element loads ${el.path}`);
        entryOf.set(el, entryOf.get(loader));
      }
      const defined = (entry) => {
        const own = elements.filter((e) => entryOf.get(e) === entry);
        return entry === 'index' ? elements : own;
      };
      const ref = (el) => ({ name: el.declaration.name, module: `dist/${entryOf.get(el)}.js` });
      customElementsManifest.modules = [...ENTRIES, 'index'].map((entry) => ({
        kind: 'javascript-module',
        path: `dist/${entry}.js`,
        declarations: entry === 'index' ? [] : defined(entry).map((e) => e.declaration),
        exports: [
          ...defined(entry)
            .filter((e) => !e.declaration.internal)
            .map((e) => ({ kind: 'js', name: e.declaration.name, declaration: ref(e) })),
          ...defined(entry).map((e) => ({ kind: 'custom-element-definition', name: e.declaration.tagName, declaration: ref(e) })),
        ],
      }));
    },
  };
}
