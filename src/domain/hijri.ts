/**
 * Hijri dates in the Umm al-Qura calendar, the Saudi official one (DOMAIN.md). The calendar is
 * always named explicitly (`islamic-umalqura`), never taken from a locale's default, and
 * "today" is today in Riyadh.
 */
export const RIYADH = 'Asia/Riyadh';

/**
 * Formats are made on first use, never when the module loads: each one costs ICU data and
 * calendar set-up, which a page would otherwise pay before the form can show.
 */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const yearFormat = lazy(() => new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { year: 'numeric', timeZone: RIYADH }));

/** The first Umm al-Qura year the inquiry accepts. */
export const FIRST_HIJRI_YEAR = 1350;

/** The current Umm al-Qura year in Riyadh (1448 on 2026-11-25). */
export function currentHijriYear(now: Date = new Date()): number {
  const year = yearFormat().formatToParts(now).find((p) => p.type === 'year')?.value ?? '';
  return Number.parseInt(year, 10);
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

/** e.g. `15 جمادى الآخرة 1448 هـ` / `Jumada II 15, 1448 AH`. */
export function formatHijriDate(date: Date | string, locale: 'ar' | 'en'): string {
  return formatOrEmpty(formats.hijri[locale](), date);
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

const deviceTimes = {
  ar: lazy(() => new Intl.DateTimeFormat('ar-SA-u-nu-latn-ca-gregory', { timeStyle: 'short', dateStyle: 'medium' })),
  en: lazy(() => new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', dateStyle: 'medium' })),
};

/** A moment in this device's own time zone, e.g. when a draft was saved on it. */
export function formatDeviceDateTime(date: Date | string | number, locale: 'ar' | 'en'): string {
  return deviceTimes[locale]().format(new Date(date));
}
