/**
 * Data shown inside the widget's own words (names from Nafath, staff messages, catalog texts):
 * marked with its language when it is not the interface's, so a screen reader switches voice
 * (WCAG 3.1.2 Language of Parts), with its own direction, and with grouped numbers isolated
 * left to right, so "+966 55 123 4567" inside Arabic text keeps its order. Always as text: never
 * parsed as HTML.
 */
import { html, type TemplateResult } from 'lit';
import { getLocale } from '../i18n/localization.js';
import { scriptLanguage, splitNumbers } from '../domain/script.js';

/** The `lang` to mark `text` with: its language when that is not the interface's, else `undefined`. */
export function dataLang(text: string): string | undefined {
  const lang = scriptLanguage(text);
  return lang && lang !== getLocale() ? lang : undefined;
}

/** `text` with its grouped numbers in `<bdi dir="ltr">`. */
export function isolateNumbers(text: string): Array<string | TemplateResult> {
  return splitNumbers(text).map((part) => (part.number ? html`<bdi dir="ltr">${part.text}</bdi>` : part.text));
}

/**
 * A short piece of data in running text: isolated (`bdi`, its own direction), with its
 * language when that is not the interface's, and its numbers kept in order.
 */
export function dataText(text: string): TemplateResult {
  const lang = dataLang(text);
  return lang ? html`<bdi lang=${lang} dir="auto">${isolateNumbers(text)}</bdi>` : html`<bdi dir="auto">${isolateNumbers(text)}</bdi>`;
}
