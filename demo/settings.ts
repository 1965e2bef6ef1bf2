/**
 * The gallery's switches as they appear in its address (`?view=inbox&lang=en&brand=aljouf&
 * scenario=with-requests`), and where the demo's pages live. Shared by the gallery (main.ts)
 * and the mock Nafath page (nafath.ts); no msw, no elements.
 */

export const VIEWS = ['booking', 'companions', 'inbox', 'inquiry', 'card', 'shell'] as const;
export type View = (typeof VIEWS)[number];

/** `ur` (Urdu) is not built in: the gallery registers it at run time, as a portal would (demo/locales/ur.ts). */
export const LANGS = ['ar', 'en', 'ur'] as const;
export type Lang = (typeof LANGS)[number];

/** The language of the gallery's own texts (they carry Arabic and English): English for Urdu. */
export const pageLang = (lang: Lang): 'ar' | 'en' => (lang === 'ar' ? 'ar' : 'en');

export const BRANDS = ['najran', 'aljouf'] as const;
export type Brand = (typeof BRANDS)[number];

/**
 * The mock backend's scenarios, plus `with-requests` (signed in, with seeded requests) and
 * `visit-today` (the same, with the approved visit today: its pass is valid now).
 */
export const SCENARIOS = ['new-user', 'with-requests', 'visit-today', 'signed-out', 'server-error', 'slow-network'] as const;
export type DemoScenario = (typeof SCENARIOS)[number];

export interface Settings {
  view: View;
  lang: Lang;
  brand: Brand;
  scenario: DemoScenario;
}

/** sessionStorage key the mock Nafath page sets ('1') when the demo user approves the sign-in. */
export const SIGNED_IN_KEY = 'emirate-demo-signed-in';

/** The shell's views live under this folder of the demo: `<demo>/shell/book`, `<demo>/shell/requests/00067`. */
export const SHELL_FOLDER = 'shell';

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

/**
 * The demo's folder as an absolute path ending in `/` (`/`, `/previews/demo/`): the page's
 * folder, or the folder above `shell/` on one of the shell's deep links. Pages, the msw worker
 * and the shell's base are found from it, so the demo works under any path.
 */
export function demoFolder(pathname: string = location.pathname): string {
  const at = pathname.lastIndexOf(`/${SHELL_FOLDER}/`);
  if (at >= 0) return pathname.slice(0, at + 1);
  if (pathname.endsWith(`/${SHELL_FOLDER}`)) return pathname.slice(0, -SHELL_FOLDER.length);
  return pathname.slice(0, pathname.lastIndexOf('/') + 1);
}

/** The shell's `base`: `<demo folder>shell/`. */
export function shellBase(pathname: string = location.pathname): string {
  return `${demoFolder(pathname)}${SHELL_FOLDER}/`;
}

/** Whether `pathname` is one of the shell's addresses. */
export function isShellPath(pathname: string = location.pathname): boolean {
  return `${pathname}/`.startsWith(shellBase(pathname));
}

/** The settings in `url`; a shell address without `view` means the shell. */
export function readSettings(url: URL): Settings {
  const params = url.searchParams;
  return {
    view: pick(VIEWS, params.get('view'), isShellPath(url.pathname) ? 'shell' : 'booking'),
    lang: pick(LANGS, params.get('lang'), 'ar'),
    brand: pick(BRANDS, params.get('brand'), 'najran'),
    scenario: pick(SCENARIOS, params.get('scenario'), 'new-user'),
  };
}

/**
 * The gallery's address for `settings`: the demo's index with every switch in the query, and
 * for the shell the view's path in `route` (`?view=shell&route=requests/00067`), so the link
 * works from any static server (a path under `shell/` needs the server to fall back to
 * index.html).
 */
export function galleryHref(settings: Settings, route = ''): string {
  const url = new URL(demoFolder(), location.origin);
  url.searchParams.set('view', settings.view);
  url.searchParams.set('lang', settings.lang);
  url.searchParams.set('brand', settings.brand);
  url.searchParams.set('scenario', settings.scenario);
  if (settings.view === 'shell' && route) url.searchParams.set('route', route);
  return url.pathname + url.search;
}

/**
 * The shell path a `route` parameter names (`book`, `requests/00067`), or `undefined` when it
 * would leave the shell's folder.
 */
export function shellPathOf(route: string): string | undefined {
  const base = shellBase();
  const path = new URL(route.replace(/^\/+/, ''), new URL(base, location.origin)).pathname;
  return path.startsWith(base) ? path : undefined;
}

/** The route of the current shell address (`book`, `requests/00067`, `` for the card). */
export function currentRoute(): string {
  return isShellPath() ? location.pathname.slice(shellBase().length) : '';
}
