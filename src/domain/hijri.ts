/**
 * Hijri dates in the Umm al-Qura calendar, the Saudi official one (DOMAIN.md). Days and years
 * come from our month table (umalqura.ts), right to 1500 AH where ICU is a day off from 2029;
 * Intl lends the words, with the calendar always named (`islamic-umalqura`), never taken from a
 * locale's default. "Today" is today in Riyadh.
 */
import { toHijri } from './umalqura.js';
import { lazy } from './lazy.js';

export const RIYADH = 'Asia/Riyadh';


/** The first Umm al-Qura year the inquiry accepts. */
export const FIRST_HIJRI_YEAR = 1350;

/** The current Umm al-Qura year in Riyadh (1448 on 2026-11-25). */
export function currentHijriYear(now: Date = new Date()): number {
  return toHijri(now).year;
}

/** The current year and the ones before it, newest first. */
export function recentHijriYears(count = 5, now: Date = new Date()): number[] {
  const current = currentHijriYear(now);
  return Array.from({ length: count }, (_, i) => current - i);
}

/** A whole year from 1350 AH to the current Umm al-Qura year: one a transaction can have. */
export function isPlausibleHijriYear(year: number, now: Date = new Date()): boolean {
  return Number.isInteger(year) && year >= FIRST_HIJRI_YEAR && year <= currentHijriYear(now);
}

const formats = {
  hijri: {
    ar: lazy(() => new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', { dateStyle: 'long', timeZone: RIYADH })),
    en: lazy(() => new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { dateStyle: 'long', timeZone: RIYADH })),
  },
  gregorian: {
    ar: lazy(() => new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', { dateStyle: 'long', timeZone: RIYADH })),
    en: lazy(() => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: RIYADH })),
  },
};

/**
 * e.g. `15 جمادى الآخرة 1448 هـ` / `Jumada II 15, 1448 AH`. The day and year are ours
 * (umalqura.ts); the locale's pattern, month name and era are ICU's formatting of a day in the
 * middle of the same month of 1440 AH (1 Muharram 1440 was 2018-09-11), a year in which ICU
 * agrees with the published table; mid-month, so not even a day's disagreement could change the
 * month. Both formats write Latin digits, as `String` does.
 */
export function formatHijriDate(date: Date | string, locale: 'ar' | 'en'): string {
  const value = new Date(date);
  if (Number.isNaN(value.getTime())) return '';
  const { year, month, day } = toHijri(value);
  const midMonth1440 = new Date(Date.UTC(2018, 8, 25 + Math.round((month - 1) * 29.53), 9));
  return formats.hijri[locale]()
    .formatToParts(midMonth1440)
    .map((p) => (p.type === 'day' ? String(day) : p.type === 'year' ? String(year) : p.value))
    .join('');
}

/** A date the backend sent that is not a date shows as nothing rather than breaking the view. */
function formatOrEmpty(format: Intl.DateTimeFormat, date: Date | string): string {
  const value = new Date(date);
  return Number.isNaN(value.getTime()) ? '' : format.format(value);
}

/** e.g. `25 نوفمبر 2026` / `25 November 2026`. */
export function formatGregorianDate(date: Date | string, locale: 'ar' | 'en'): string {
  return formatOrEmpty(formats.gregorian[locale](), date);
}

const times = {
  ar: lazy(() => new Intl.DateTimeFormat('ar-SA-u-nu-latn', { timeStyle: 'short', timeZone: RIYADH })),
  en: lazy(() => new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: RIYADH })),
};

/** The time of day in Riyadh, e.g. `9:30 ص` / `09:30`. */
export function formatRiyadhTime(date: Date | string, locale: 'ar' | 'en'): string {
  return formatOrEmpty(times[locale](), date);
}
