/**
 * Where the mock Nafath page (nafath.ts) sends the citizen back: the `return` address it was
 * given, only when that is an address on this site, never an open redirect. Kept apart from the
 * page so its table of tricks is tested (test/demo/return-address.test.ts).
 *
 * Refused: a missing return; any scheme but http(s); another origin, however it is spelled
 * (`//host`, `/\host`, `\/\/host`, `https://host`, `https://this.site@host`); a user name or
 * password; a backslash, whitespace or control character anywhere; and a path that, decoded
 * (`%2F`, `%252F`) or with its dot segments removed (`/.//host`), has an empty segment (`//`),
 * which a later step that reads the path as an address (the shell's `loadable` below, a server's
 * redirect, a relative link) would take for another host.
 */
import { demoFolder, isShellPath, shellBase } from './settings.js';

/** Backslash, whitespace, C0 and C1 controls, DEL. */
const UNSAFE_CHARACTER = /[\\\s\u0000-\u001f\u007f-\u009f]/;

/** `text` percent-decoded until it no longer changes (at most 5 rounds), or `undefined` when malformed. */
function fullyDecoded(text: string): string | undefined {
  let current = text;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}

/** `url` is an http(s) address on `origin`, without credentials, whose path stays one path when decoded. */
function onSite(url: URL, origin: string): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.origin !== origin || url.username || url.password) return false;
  const path = fullyDecoded(url.pathname);
  return path !== undefined && path.startsWith('/') && !path.includes('//') && !UNSAFE_CHARACTER.test(path);
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

/**
 * Where "Approve" leads: `raw` (the page's `return` parameter) as an address on the site of
 * `here` (the Nafath page's own address), in the form the demo can load, or `undefined`.
 */
export function nafathReturn(raw: string | null, here: string): URL | undefined {
  if (!raw || UNSAFE_CHARACTER.test(raw)) return undefined;
  const origin = new URL(here).origin;
  let url: URL;
  try {
    url = new URL(raw, here);
  } catch {
    return undefined;
  }
  if (!onSite(url, origin)) return undefined;
  const destination = loadable(url);
  return onSite(destination, origin) ? destination : undefined;
}
