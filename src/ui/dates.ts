/**
 * How the widget shows a day: the Hijri (Umm al-Qura) date with its Gregorian date in brackets,
 * e.g. `12 جمادى الآخرة 1447 هـ (3 ديسمبر 2025)`. The bracketed part never breaks across lines,
 * so a narrow screen moves it whole to the next line instead of leaving "(3" at a line's end.
 *
 * An element that uses {@link hijriAndGregorian} includes {@link dateStyles} in its
 * `static styles` (after `baseStyles`).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatGregorianDate, formatHijriDate } from '../domain/hijri.js';
import type { WidgetLocale } from '../i18n/localization.js';

/** Keeps the bracketed Gregorian date on one line. */
export const dateStyles = css`
  .date-gregorian {
    white-space: nowrap;
  }
`;

/**
 * `<time datetime>` holding "Hijri (Gregorian)" in `locale`; the Gregorian part is muted (`hint`)
 * and unbreakable. A value that is not a date renders nothing.
 */
export function hijriAndGregorian(date: Date | string, locale: WidgetLocale): TemplateResult | typeof nothing {
  const hijri = formatHijriDate(date, locale);
  const gregorian = formatGregorianDate(date, locale);
  if (!hijri || !gregorian) return nothing;
  const datetime = typeof date === 'string' ? date : date.toISOString();
  return html`<time datetime=${datetime}>${hijri} <span class="hint date-gregorian">${`(${gregorian})`}</span></time>`;
}
