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

/** A moment in this device's own time zone, e.g. when a draft was saved on it. */
export function formatDeviceDateTime(date: Date | string | number, locale: 'ar' | 'en'): string {
  return deviceTimes[locale]().format(new Date(date));
}
