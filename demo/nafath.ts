/**
 * The mock Nafath page (النفاذ الوطني الموحد): the elements' `login-url` leads here with
 * `?return=<address>`. It shows the demo user and a number to choose in the app, as Nafath
 * does; "Approve" records the sign-in for the gallery (sessionStorage) and goes back to
 * `return`, only when that address is on this site (never an open redirect).
 */
import { DEFAULT_USER } from './mocks/db.js';
import { SIGNED_IN_KEY, demoFolder, isShellPath, shellBase } from './settings.js';

/** `raw` as a URL on this site, or `undefined` (missing, malformed, another origin, not http). */
function sameOriginUrl(raw: string | null): URL | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw, location.href);
    return url.origin === location.origin && (url.protocol === 'https:' || url.protocol === 'http:') ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A shell address (`<demo>/shell/book?…`) as the gallery's `?view=shell&route=book&…`, which
 * any static server can load; the gallery turns it back into the shell's path.
 */
function loadable(url: URL): URL {
  if (!isShellPath(url.pathname)) return url;
  const gallery = new URL(demoFolder(url.pathname), url);
  gallery.search = url.search;
  gallery.searchParams.set('view', 'shell');
  gallery.searchParams.set('route', url.pathname.slice(shellBase(url.pathname).length));
  gallery.hash = url.hash;
  return gallery;
}

const returned = sameOriginUrl(new URL(location.href).searchParams.get('return'));
const target = returned && loadable(returned);
/** Without a usable return address, the gallery in this folder. */
const destination = target?.href ?? new URL('./', location.href).href;

// The page reads in the language the citizen came from; both languages are always shown.
if (target?.searchParams.get('lang') === 'en') {
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
}

document.querySelector('#user-name')!.textContent = DEFAULT_USER.name;
document.querySelector('#user-id')!.textContent = DEFAULT_USER.idNumber;
// Nafath shows a two-digit number the citizen picks in the app.
const [random = 0] = crypto.getRandomValues(new Uint8Array(1));
document.querySelector('#number')!.textContent = String(10 + (random % 90));
document.querySelector<HTMLElement>('#no-return')!.hidden = Boolean(target);
document.querySelector<HTMLAnchorElement>('#cancel')!.href = destination;

document.querySelector('#approve')!.addEventListener('click', () => {
  sessionStorage.setItem(SIGNED_IN_KEY, '1');
  location.replace(destination);
});
