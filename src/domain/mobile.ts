/** Saudi mobile numbers: nine digits starting with 5 after the fixed +966 (DOMAIN.md). */
import { digitsOnly } from './digits.js';

/** Strips digits' script, spaces, dashes and a leading `+966`, `00966`, `966` or `0`. */
export function normalizeMobile(raw: string): string {
  const digits = digitsOnly(raw).replace(/^\+/, '');
  if (digits.startsWith('00966')) return digits.slice(5);
  if (digits.startsWith('966') && digits.length === 12) return digits.slice(3);
  if (digits.startsWith('0')) return digits.slice(1);
  return digits;
}

/** Valid when the number, normalised, is nine digits starting with 5; empty (or only spaces) is `required`. */
export function validateMobile(raw: string): 'required' | 'mobile-invalid' | null {
  if (!digitsOnly(raw)) return 'required';
  return /^5\d{8}$/.test(normalizeMobile(raw)) ? null : 'mobile-invalid';
}

/** `512345678` → `+966 51 234 5678` for display; anything not nine digits is returned as it is. */
export function formatMobile(nine: string): string {
  const m = /^(\d{2})(\d{3})(\d{4})$/.exec(nine);
  return m ? `+966 ${m[1]} ${m[2]} ${m[3]}` : nine;
}

/**
 * `512345678` → `+966 5• ••• 5678`: enough for the citizen to recognise their number on a
 * screen others may see, not enough to read it off. Anything not nine digits is fully masked.
 */
export function maskMobile(nine: string): string {
  const m = /^(\d)\d(\d{3})(\d{4})$/.exec(nine);
  return m ? `+966 ${m[1]}• ••• ${m[3]}` : '•••';
}
