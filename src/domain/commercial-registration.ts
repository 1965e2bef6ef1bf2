/**
 * The commercial registration number (رقم السجل التجاري) of a private-sector body (#14): ten
 * digits, typed with Arabic-Indic or ASCII digits, with or without spaces or dashes.
 */
import { INVISIBLE_CHARACTERS, normalizeDigits } from './digits.js';

/** The number in one form: ASCII digits only (spaces, dashes and invisible characters gone). */
export function normalizeCommercialRegistration(raw: string): string {
  return normalizeDigits(raw).replace(INVISIBLE_CHARACTERS, '').replace(/[\s\p{Pd}]/gu, '');
}

/** `null` for ten digits, `required` for nothing, `cr-format` for anything else. */
export function validateCommercialRegistration(raw: string): 'required' | 'cr-format' | null {
  const number = normalizeCommercialRegistration(raw);
  if (!number) return 'required';
  return /^\d{10}$/.test(number) ? null : 'cr-format';
}
