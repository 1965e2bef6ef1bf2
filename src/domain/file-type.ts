/**
 * Attachments: the extensions of each type, safe names and sizes for people (DOMAIN.md). Their
 * real type from their first bytes and the catalog's rules are in file-check.ts, which only the
 * file field loads (issue #16: not on the booking form's first screen).
 */
import { msg, str } from '@lit/localize';
import { formatLocale } from '../i18n/localization.js';

/** The file-name extensions of each known type, the usual one first. */
export const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg', '.jfif', '.jpe'],
  'image/png': ['.png'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
};

const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;

/**
 * The name to show and send for a picked file: its last path segment only (a browser or a
 * script can hand over `C:\fakepath\x.pdf` or `../../etc/passwd.pdf`), without bidi
 * controls that could make `exe.pdf` read as `fdp.exe`; `file` when nothing is left.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(BIDI_CONTROLS, '').trim() || 'file';
}

const KILOBYTE = 1024;
const MEGABYTE = 1024 * 1024;

/**
 * A size for people in the active language, in binary kilobytes or megabytes with Latin digits:
 * `5242880` → `5 MB` / `5 ميجابايت`, `1536` → `1.5 kB` / `1.5 كيلوبايت`. A non-empty file under
 * 0.1 kB shows as 0.1 kB, not 0.
 */
export function formatBytes(n: number): string {
  const locale = formatLocale();
  const megabytes = n >= MEGABYTE;
  const value = numberFormat(locale).format(megabytes ? n / MEGABYTE : n > 0 ? Math.max(n / KILOBYTE, 0.1) : 0);
  return megabytes ? msg(str`${value} ميجابايت`) : msg(str`${value} كيلوبايت`);
}

/** One number format per language, made on first use: each costs ICU set-up. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: 'ar' | 'en'): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en', { maximumFractionDigits: 1, useGrouping: false });
    numberFormats.set(locale, format);
  }
  return format;
}
