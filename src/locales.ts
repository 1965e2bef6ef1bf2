/**
 * Entry: run-time languages and wording, for a portal that changes the widget's words or adds a
 * language without a fork or a rebuild. Its own entry, so the Arabic booking path carries none
 * of it (`index` re-exports it).
 *
 * - {@link overrideMessages}: replace any string of a language by its msg id.
 * - {@link registerLocale}: add a language (code, direction, the messages it has); what it leaves
 *   out shows in English, then Arabic.
 *
 * Then `lang="<code>"` on any widget element, or `setWidgetLocale(code)`, switches to it.
 */
import { refresh, state, type LocaleCode, type Lookup, type LocaleDefinition, type Messages } from './i18n/localization.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';

export { setWidgetLocale, getLocale } from './i18n/localization.js';
export type { LocaleCode, LocaleDefinition, Messages } from './i18n/localization.js';

/** The codes of every language the widget knows now, built-in and registered. */
export function knownLocales(): LocaleCode[] {
  return [...state.dirs.keys()];
}

/**
 * `text` with `{0}`… placeholders in lit's `str` form. A message that was an `html` template
 * becomes text too: what a portal writes is never read as HTML.
 */
function compile(text: string): string | { strTag: true; strings: string[]; values: number[] } {
  const pieces = text.split(/\{(\d+)\}/);
  if (pieces.length === 1) return text;
  return { strTag: true, strings: pieces.filter((_, i) => i % 2 === 0), values: pieces.filter((_, i) => i % 2).map(Number) };
}

/**
 * Replaces strings of a language (`ar`, `en` or a registered code) by msg id; later calls add to
 * and win over earlier ones. Elements showing that language re-render. An override for English
 * also shows in a registered language that falls back to English.
 *
 * ```js
 * overrideMessages('ar', { s0f2f7ae940e65ed7: 'استعلم عن طلبك' });
 * ```
 */
export function overrideMessages(locale: LocaleCode, messages: Messages): void {
  const code = locale.toLowerCase();
  state.lookup ??= runtimeMsg as Lookup;
  const written = { ...state.written.get(code) };
  for (const [id, text] of Object.entries(messages)) if (typeof text === 'string') written[id] = compile(text);
  state.written.set(code, written);
  if (code === state.active || (code === 'en' && state.active !== 'ar')) refresh();
}

/**
 * Adds a language at run time: its code (a BCP 47 tag such as `ur`; an invalid one throws a
 * `RangeError`), its direction and the messages it has; what it leaves out shows in English, then
 * Arabic. Then `lang="ur"` on any widget element (or `setWidgetLocale('ur')`) switches to it.
 * Registering a code again adds its messages and may change its direction. Register before
 * setting `lang`: an element given a code the widget does not know shows Arabic.
 *
 * ```js
 * registerLocale('ur', { dir: 'rtl', messages: { s049a502b9ed0824a: 'درخواست دہندہ کی تفصیلات' } });
 * ```
 */
export function registerLocale(locale: LocaleCode, definition: LocaleDefinition): void {
  const [code] = Intl.getCanonicalLocales(locale).map((c) => c.toLowerCase());
  state.dirs.set(code!, definition.dir === 'ltr' ? 'ltr' : 'rtl');
  overrideMessages(code!, definition.messages ?? {});
}
