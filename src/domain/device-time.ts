/**
 * Moments on this device, in its own time zone and the Gregorian calendar (when a draft was
 * saved here). Apart from the Hijri dates, so the booking form's first screen does not carry
 * the Umm al-Qura table.
 */
import { lazy } from './lazy.js';

const deviceTimes = {
  ar: lazy(() => new Intl.DateTimeFormat('ar-SA-u-nu-latn-ca-gregory', { timeStyle: 'short', dateStyle: 'medium' })),
  en: lazy(() => new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', dateStyle: 'medium' })),
};

/** The last moment formatted, by its minute (the format shows no seconds) and language. */
let last: { minute: number; locale: string; text: string } | undefined;

/**
 * A moment in this device's own time zone, e.g. when a draft was saved on it. Formatting costs
 * more than a draft save's other main-thread work (issue #16), and saves come many a minute: the
 * last minute's text is reused.
 */
export function formatDeviceDateTime(date: Date | string | number, locale: 'ar' | 'en'): string {
  const time = new Date(date);
  const minute = Math.floor(time.getTime() / 60_000);
  if (last?.minute === minute && last.locale === locale) return last.text;
  const text = deviceTimes[locale]().format(time);
  if (!Number.isNaN(minute)) last = { minute, locale, text };
  return text;
}
