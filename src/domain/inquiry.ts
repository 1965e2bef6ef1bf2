/** The public transaction inquiry (guide §3): a transaction number and its Hijri year. */
import { digitsOnly } from './digits.js';
import { isPlausibleHijriYear } from './hijri.js';

/** Transaction numbers are 1 to 10 digits; leading zeros do not matter to people. */
export function normalizeTransactionNumber(raw: string): string {
  return digitsOnly(raw).trim();
}

export function validateTransactionNumber(raw: string): 'required' | 'transaction-invalid' | null {
  const number = normalizeTransactionNumber(raw);
  if (!number) return 'required';
  return /^\d{1,10}$/.test(number) ? null : 'transaction-invalid';
}

/**
 * The era written after a year, once spaces are gone: `هـ` (or `ه`, tatweel optional) in
 * Arabic, `AH`, `A.H.` or `H` in English.
 */
const ERA_SUFFIX = /(?:ه\u0640*|a\.?h\.?|h\.?)$/i;

/**
 * A four-digit year as people type it: `1448`, `١٤٤٨`, `1448 هـ`, `١٤٤٨هـ`, `1448 AH`, `1448H`;
 * anything else is NaN.
 */
export function parseHijriYear(raw: string): number {
  const digits = digitsOnly(raw).replace(ERA_SUFFIX, '');
  return /^\d{4}$/.test(digits) ? Number(digits) : Number.NaN;
}

/** A year between 1350 AH and the current Umm al-Qura year. */
export function validateHijriYear(raw: string, now: Date = new Date()): 'required' | 'year-invalid' | null {
  if (!digitsOnly(raw)) return 'required';
  return isPlausibleHijriYear(parseHijriYear(raw), now) ? null : 'year-invalid';
}
