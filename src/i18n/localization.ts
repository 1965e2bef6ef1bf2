/**
 * The widget's one localisation set-up: which language is active, and where each `msg()` finds
 * its words. Every element goes through it.
 *
 * Arabic is the source locale: the strings in the code are the guide's own wording, so the
 * language citizens see first needs no extra download. English loads on demand.
 *
 * Languages are data, not code: a portal may override any string of any language by its msg id
 * and add a language at run time with its code, direction and the messages it has (src/locales.ts,
 * its own entry, so the Arabic first screen does not carry it). What a language leaves out is
 * looked up in English, then in Arabic (the source).
 *
 * `@lit/localize` allows one implementation of `msg()` per page; this module installs it. A
 * second copy of this module that shares our `@lit/localize` (the widget's sources loaded again
 * from another URL beside one shared dependency) reuses the first copy's state, kept on that
 * very install function; anyone else's earlier configuration still throws.
 */
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { isStrTagged, joinStringsAndValues } from '@lit/localize/internal/str-tag.js';

/** A language the widget has built in: the formats of dates and numbers follow one of them. */
export type WidgetLocale = 'ar' | 'en';

/** A language code the widget knows: `ar`, `en`, or one a portal registered (`ur`, `fr`…). */
export type LocaleCode = string;

/**
 * Words for a language, by msg id (the ids are in `locales/en.xlf`, and the README says how to
 * find one). `{0}`, `{1}`… stand for the message's values, in the order of the Arabic source.
 * Always plain text: it is never read as HTML.
 */
export type Messages = Record<string, string>;

export interface LocaleDefinition {
  /** Text direction of the language. */
  dir: 'rtl' | 'ltr';
  /** The messages it has; anything it leaves out shows in English, then Arabic. */
  messages?: Messages;
}

/**
 * Where `msg()` looks up a message by id: text, or (for a message with values) lit's `str` form,
 * pieces and the index of each value. Portal text is compiled to that form.
 */
type Table = Record<string, unknown>;

interface State {
  active: LocaleCode;
  /** The active language's messages over its fallbacks. */
  table: Table;
  dirs: Map<LocaleCode, 'rtl' | 'ltr'>;
  written: Map<LocaleCode, Table>;
  english?: Table;
  request: number;
  /**
   * Finds a message in {@link State.table} by its id (hashing its text when it has none): loaded
   * with the first table, English or a portal's wording. Until then every `msg()` is the code's
   * own Arabic text as it stands, with no lookup and nothing hashed, on every render.
   */
  lookup?: Lookup;
}

/** @internal `@lit/localize`'s run-time lookup, in types of our own (the package's are not a dependency). */
export type Lookup = (table: Table, template: unknown, options?: { id?: string }) => unknown;

const install = _installMsgImplementation as typeof _installMsgImplementation & { emirate?: State };

/** @internal What src/locales.ts changes: directions and portal messages by language. */
export const state: State = (install.emirate ||= (() => {
  const created: State = { active: 'ar', table: {}, dirs: new Map([['ar', 'rtl'], ['en', 'ltr']]), written: new Map(), request: 0 };
  type Msg = Parameters<typeof _installMsgImplementation>[0];
  // Without a table, the code's own text as it stands (what @lit/localize's default does).
  install(((template: Parameters<Msg>[0], options?: Parameters<Msg>[1]) =>
    created.lookup
      ? created.lookup(created.table, template, options)
      : isStrTagged(template)
        ? joinStringsAndValues(template.strings, template.values)
        : template) as Msg);
  return created;
})());

/** The active widget language's code. */
export function getLocale(): LocaleCode {
  return state.active;
}

/** The built-in language whose formats (dates, numbers) the active language uses: Arabic for Arabic, otherwise English. */
export function formatLocale(): WidgetLocale {
  return state.active === 'ar' ? 'ar' : 'en';
}

/**
 * The widget language for a language tag: a known code (`ur`), or its primary language
 * (`en-GB` → `en`, `ar-SA` → `ar`); `undefined` when the widget does not know it.
 */
export function resolveLocale(lang: string | null | undefined): LocaleCode | undefined {
  const code = lang?.toLowerCase() ?? '';
  if (state.dirs.has(code)) return code;
  const primary = code.split(/[-_]/)[0]!;
  return state.dirs.has(primary) ? primary : undefined;
}

/** The text direction of a known language (right to left for one it does not know). */
export function directionOf(locale: LocaleCode): 'rtl' | 'ltr' {
  return state.dirs.get(locale) ?? 'rtl';
}

/**
 * Switches every widget element on the page to `lang` (a known language or a region tag of one;
 * Arabic when the widget does not know it); they re-render in place. Resolves once the
 * language's strings are loaded.
 */
export async function setWidgetLocale(lang: string | null | undefined): Promise<void> {
  const locale = resolveLocale(lang) ?? 'ar';
  // Asking for the active language changes nothing (an element that shows it says so while
  // another language loads); otherwise the last call wins over an earlier one still loading.
  if (locale === state.active) return;
  const request = ++state.request;
  // Always after a microtask, as @lit/localize does: never in the middle of an element's update.
  [state.english, state.lookup] = await Promise.all([
    locale === 'ar' || state.english ? state.english : import('./generated/en.js').then((m) => m.templates as unknown as Table),
    locale === 'ar' || state.lookup ? state.lookup : loadLookup(),
  ]);
  if (request !== state.request) return;
  state.active = locale;
  refresh();
}

/** @internal The message lookup, for src/locales.ts before it adds wording; its own chunk otherwise. */
export const loadLookup = () => import('@lit/localize/internal/runtime-msg.js').then((m) => m.runtimeMsg as Lookup);

/**
 * @internal Rebuilds the active language's table (its messages over English over Arabic) and
 * re-renders; for src/locales.ts, which adds languages and wording.
 */
export function refresh(): void {
  const code = state.active;
  // Arabic is the source: what no table has is the code's own (Arabic) text.
  state.table = code === 'ar' ? { ...state.written.get('ar') } : { ...state.english, ...state.written.get('en'), ...state.written.get(code) };
  // (No window on a server: nothing to re-render there.)
  globalThis.dispatchEvent?.(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: code } }));
}

/**
 * The language {@link localText} fell back to, when the text has none in the widget's language
 * (a catalog with Arabic only, in the English interface), so it can be marked with its `lang`.
 */
export function fallbackLang(text: { readonly [locale: string]: string | undefined } | undefined): string | undefined {
  if (!text || text[state.active]) return undefined;
  return text.en ? 'en' : text.ar ? 'ar' : undefined;
}

/**
 * Picks the active language's text from catalog text (`{ ar, en, ur? … }`): the active
 * language, then English, then Arabic.
 */
export function localText(text: { readonly [locale: string]: string | undefined } | undefined): string {
  if (!text) return '';
  return text[state.active] || text.en || text.ar || '';
}
