/**
 * Counted nouns in the active language. Arabic has six plural forms (رسالة واحدة، رسالتان،
 * ٣ رسائل، ١١ رسالة، ١٠٠ رسالة…), English two; `Intl.PluralRules` says which form a number takes,
 * so no rule is written here. Callers give each form as its own `msg()` (the translator then
 * sees whole phrases); a language without a form falls back to `other`.
 */
import { getLocale } from './localization.js';

export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** One `Intl.PluralRules` per language, made on first use (ICU set-up is not free). */
const rules = new Map<string, Intl.PluralRules>();

/** The form of `forms` that `n` takes in the active language. */
export function plural(n: number, forms: PluralForms): string {
  const locale = getLocale();
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return forms[rule.select(n)] ?? forms.other;
}
