/**
 * The console's words for a misconfigured element (see misconfiguration.ts): what is wrong and
 * the fix, for developers, in English. Loaded with the first warning.
 */
import { state } from '../i18n/localization.js';
import type { Misconfiguration } from './misconfiguration.js';

const told = new WeakMap<Element, Set<string>>();

const WORDS: Record<Misconfiguration, (...details: string[]) => [string, string]> = {
  'no-backend': () => [
    'no backend is configured (neither api-base nor adapter is set), so this service is unavailable',
    'Set api-base to the URL of the REST backend, or the adapter property to an object implementing EmirateAdapter.',
  ],
  adapter: (missing) => [
    `the adapter has no ${missing} method${missing.includes(',') ? 's' : ''}, so this service is unavailable`,
    'Give the adapter property an object implementing EmirateAdapter (every method this element calls), or set api-base instead.',
  ],
  lang: (lang) => [
    `lang ${JSON.stringify(lang)} is not a language the widget knows (${[...state.dirs.keys()].join(', ')}), so it shows Arabic`,
    'Use one of those codes, or add the language first with registerLocale(code, { dir, messages }).',
  ],
  'sign-in': () => [
    'the citizen asked to sign in, but there is no login-url and nothing handled emirate-sign-in-required, so signing in is unavailable',
    "Set login-url to the portal's Nafath sign-in address, or listen for emirate-sign-in-required and call event.preventDefault() as you start the sign-in.",
  ],
  'show-requests': () => [
    '"My requests" was chosen, but there is no requests-url and nothing handled emirate-show-requests',
    'Set requests-url to the portal\'s "My requests" page.',
  ],
  address: (source, value, reason) => [
    `${source} ${JSON.stringify(value!.length > 80 ? `${value!.slice(0, 80)}…` : value)} is ignored: only http(s) and relative addresses are followed (${
      reason === 'scheme' ? 'another scheme' : reason === 'credentials' ? 'a user name or password in the address' : 'not an address'
    })`,
    'Give an http(s) or relative address.',
  ],
};

/** `<tag>: what. fix`, once per element, cause and details. */
export function warn(element: Element, cause: Misconfiguration, details: string[]): void {
  let causes = told.get(element);
  if (!causes) told.set(element, (causes = new Set()));
  const key = [cause, ...details].join('\n');
  if (causes.has(key)) return;
  causes.add(key);
  const [what, fix] = WORDS[cause](...details);
  console.warn(`<${element.localName}>: ${what}. ${fix}`);
}
