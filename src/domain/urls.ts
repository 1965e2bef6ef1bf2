/**
 * The addresses the widget is given and follows: `login-url`, `start-url`, `requests-url` and
 * the catalog's guide URL (issue #10). A web address (`http:` or `https:`), absolute or relative
 * to the page, is accepted; any other scheme is refused, because following it would run script
 * (`javascript:`, `vbscript:`), show content the page did not serve (`data:`, `blob:`) or reach
 * the device (`file:`).
 *
 * The rule reads the address as the browser will (the WHATWG URL parser), so an obfuscated
 * scheme (`JaVaScRiPt:`, `java\tscript:`, a leading control character) is seen for what it is.
 * A scheme-relative address (`//login.example/`, or `/\login.example/`, which browsers read the
 * same) is accepted: it takes the page's own `https:`, so it is no more than an absolute https
 * address, which is accepted too; it runs nothing. Which host is fine is the portal's choice,
 * except where the widget asks the citizen to come back: a return address is always on the
 * page's own origin ({@link returnAddress}). An address with a user name or password in it
 * (`https://portal.example@evil.example/`) is refused: it is there to mislead.
 */

/** Why an address was refused. */
export type UrlRefusal = 'malformed' | 'scheme' | 'credentials';

/** An address checked by {@link checkWebUrl}: the absolute URL, or why it is refused. */
export type CheckedUrl = { ok: true; url: URL } | { ok: false; reason: UrlRefusal };

const WEB_SCHEMES = new Set(['http:', 'https:']);

/** `value` resolved against `base` (the page's address) if it is a web address, or why not. */
export function checkWebUrl(value: string, base: string): CheckedUrl {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!WEB_SCHEMES.has(url.protocol)) return { ok: false, reason: 'scheme' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  return { ok: true, url };
}

/** `value` as an absolute http(s) address, resolved against `base`; empty when it is empty or refused. */
export function webUrl(value: string, base: string): string {
  if (!value) return '';
  const checked = checkWebUrl(value, base);
  return checked.ok ? checked.url.href : '';
}

/**
 * Where the citizen comes back to after signing in: `wanted` when it is a web address on the
 * origin of `page` (the page's own address), otherwise `page` itself. Never another site.
 */
export function returnAddress(wanted: string, page: string): string {
  const checked = wanted ? checkWebUrl(wanted, page) : undefined;
  return checked?.ok && checked.url.origin === new URL(page).origin ? checked.url.href : page;
}
