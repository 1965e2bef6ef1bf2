/**
 * The widget's one localisation set-up. `@lit/localize` allows a single
 * `configureLocalization` per page, so this module owns it and every element goes through it.
 *
 * Arabic is the source locale: the strings in the code are the guide's own wording, so the
 * language citizens see first needs no extra download. English loads on demand.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export type WidgetLocale = 'ar' | 'en';

const loaders = {
  en: () => import('./generated/en.js'),
} as const;

/**
 * `@lit/localize` throws when configured twice ("can only be configured once"; the flag lives in
 * its module, so a separate bundle with its own copy is not affected). A second copy of this
 * module that shares our `@lit/localize` (the widget's sources loaded again from another URL
 * beside one shared dependency) reuses the first copy's configuration, kept on that very
 * `configureLocalization` function; anyone else's earlier configuration still throws.
 */
const configure = configureLocalization as typeof configureLocalization & { emirate?: ReturnType<typeof configureLocalization> };

const { getLocale: litGetLocale, setLocale } = (configure.emirate ||= configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
}));

/** The active widget locale. */
export function getLocale(): WidgetLocale {
  return litGetLocale() === 'en' ? 'en' : 'ar';
}

/** Maps any language tag (`en-GB`, `ar-SA`, ``) to a widget locale; Arabic unless English is asked for. */
export function toWidgetLocale(lang: string | null | undefined): WidgetLocale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'ar';
}

export function directionOf(locale: WidgetLocale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Switches every widget element on the page to `lang`; they re-render in place.
 * Resolves once the locale's strings are loaded.
 */
export function setWidgetLocale(lang: string | null | undefined): Promise<void> {
  const locale = toWidgetLocale(lang);
  return locale === litGetLocale() ? Promise.resolve() : setLocale(locale);
}

/** Picks the active locale's text from catalog text. */
/**
 * The language {@link localText} fell back to, when the text has none in the widget's language
 * (a catalog with Arabic only, in the English interface), so it can be marked with its `lang`.
 */
export function fallbackLang(text: { ar: string; en: string } | undefined): 'ar' | 'en' | undefined {
  if (!text || text[getLocale()]) return undefined;
  return text.ar ? 'ar' : text.en ? 'en' : undefined;
}

export function localText(text: { ar: string; en: string } | undefined): string {
  if (!text) return '';
  return text[getLocale()] || text.ar || text.en;
}
