/**
 * The shell's addresses: one per view, under the portal page's base path. Plain functions so
 * links, the router and tests agree on one table.
 */

export type ViewName = 'service' | 'book' | 'sent' | 'requests' | 'request' | 'inquiry' | 'not-found';

const PATHS: Record<Exclude<ViewName, 'not-found'>, string> = {
  service: '',
  book: 'book',
  sent: 'book/sent/:number',
  requests: 'requests',
  request: 'requests/:number',
  inquiry: 'inquiry',
};

/** Route paths (express syntax, relative to the base) by view. */
export function routePaths(): Readonly<typeof PATHS> {
  return PATHS;
}

/** The view a route path belongs to. */
export function viewOfPath(path: string | undefined): ViewName {
  return (Object.keys(PATHS) as Array<keyof typeof PATHS>).find((name) => PATHS[name] === path) ?? 'not-found';
}

/** The address of `view` under `base` (a path ending in `/`), with its request number. */
export function routeHref(base: string, view: Exclude<ViewName, 'not-found'>, requestNumber = ''): string {
  return base + PATHS[view].replace(':number', encodeURIComponent(requestNumber));
}

/**
 * The base as an absolute path ending in `/`: `base` resolved against the page's address, or,
 * when empty, the page's own path (`/appointment` → `/appointment/`).
 */
export function normalizeBase(base: string, pageUrl: string): string {
  const path = new URL(base || pageUrl, pageUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}
