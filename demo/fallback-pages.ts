/**
 * The static demo build's fallback pages (`npm run build:demo`), so a shell address the shell
 * pushed (`<demo>/shell/book`, `<demo>/shell/requests/00067`) survives a reload or a shared link
 * on a static server: `shell/…/index.html` for the shell's fixed views, answered by every
 * static server, and `404.html` for the views with a number, answered by hosts that serve it
 * for a missing path (GitHub Pages, Netlify, Cloudflare Pages, `npm run preview:demo`).
 *
 * Each page loads `shell-fallback.js` from its own folder (no inline script: the demo's strict
 * Content-Security-Policy holds), which sends the browser to the gallery with the same query and
 * the route (`?view=shell&route=requests/00067&lang=en…`); the gallery turns that back into the
 * shell's path. A copy of the script sits in every folder such a page can be answered from,
 * whether the server adds the folder's `/` or not. Any other missing address stays on the page's
 * "not found" text.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { routePaths } from '../src/elements/appointments/routes.js';
import { SHELL_FOLDER } from './settings.js';

const SCRIPT = 'shell-fallback.js';

/** The script: a shell address goes to the gallery with its route and query; others stay. */
function fallbackScript(): string {
  return `// The static demo's fallback (see demo/fallback-pages.ts): a shell address goes back to the gallery.
const match = /^(.*\\/)${SHELL_FOLDER}(?:\\/(.*))?$/.exec(location.pathname);
if (match) {
  const [, folder, route = ''] = match;
  const query = new URLSearchParams(location.search);
  query.set('view', 'shell');
  query.set('route', route.replace(/\\/+$/, ''));
  location.replace(folder + '?' + query + location.hash);
}
`;
}

/** The page: the gallery's policy, the script beside it, a line in both languages. */
function fallbackPage(policy: string): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <title>معرض المصممين · Designers' gallery</title>
    <link rel="icon" href="data:," />
    <script type="module" src="${SCRIPT}"></script>
  </head>
  <body>
    <p>جارٍ فتح معرض العناصر… إن لم يُفتح فهذا العنوان ليس من عناوين المعرض.</p>
    <p lang="en" dir="ltr">Opening the gallery… If nothing happens, this address is not part of the demo.</p>
  </body>
</html>
`;
}

/** Folders of the build (relative, no trailing `/`) with a fallback page, and those with the script. */
export function fallbackFolders(): { pages: string[]; scripts: string[] } {
  const routes = Object.values(routePaths());
  const under = (path: string) => (path ? `${SHELL_FOLDER}/${path}` : SHELL_FOLDER);
  const pages = routes.filter((path) => !path.includes(':')).map(under);
  // A view with a number is answered by 404.html from the folder of its address.
  const numbered = routes.filter((path) => path.includes(':')).map((path) => under(path.split('/').slice(0, -1).join('/')));
  const scripts = new Set<string>(['']);
  for (const folder of [...pages, ...numbered]) {
    // The folder itself, and each above it (a server that answers `shell/book` without its `/`).
    const parts = folder.split('/');
    for (let i = 1; i <= parts.length; i++) scripts.add(parts.slice(0, i).join('/'));
  }
  return { pages, scripts: [...scripts].sort() };
}

/** Vite plugin (demo build only): writes 404.html, the shell's index pages and the script copies. */
export function shellFallbackPages(indexHtml: URL): Plugin {
  return {
    name: 'demo-shell-fallback-pages',
    apply: 'build',
    generateBundle() {
      const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(indexHtml, 'utf8'))?.[1];
      if (!policy) throw new Error(`${indexHtml.pathname} has no Content-Security-Policy for the fallback pages`);
      const page = fallbackPage(policy);
      const { pages, scripts } = fallbackFolders();
      this.emitFile({ type: 'asset', fileName: '404.html', source: page });
      for (const folder of pages) this.emitFile({ type: 'asset', fileName: `${folder}/index.html`, source: page });
      for (const folder of scripts) this.emitFile({ type: 'asset', fileName: folder ? `${folder}/${SCRIPT}` : SCRIPT, source: fallbackScript() });
    },
  };
}
