/** Saudi mobile numbers: nine digits starting with 5 after the fixed +966 (DOMAIN.md). */
import { digitsOnly } from './digits.js';

/**
 * The allocated Saudi mobile ranges, as the first digits of the nine after +966 (or after the
 * leading 0). From libphonenumber's metadata for SA (resources/PhoneNumberMetadata.xml, the
 * `mobile` nationalNumberPattern `579[0-8]\d{5}|5(?:[013-689]\d|7[0-8])\d{6}`, checked 2026-12,
 * see DOMAIN.md): 050–059 but 052, and in 057 all but 05799. When the regulator allocates a new
 * range, add its prefix here; nothing else changes.
 */
export const SAUDI_MOBILE_PREFIXES: readonly string[] = [
  '50', '51', '53', '54', '55', '56', '58', '59',
  '570', '571', '572', '573', '574', '575', '576', '577', '578',
  '5790', '5791', '5792', '5793', '5794', '5795', '5796', '5797', '5798',
];

/**
 * The nine digits after +966, from the ways people type and paste them: digits of any script,
 * spaces, dashes and brackets dropped; a leading `+966`, `00966` or `966` (before nine or ten
 * digits) removed, and then a leading 0, so `+966 0512345678`, `(+966) 512345678`,
 * `+966 (0)512345678` and `009660512345678` are all `512345678`. Anything else is kept for
 * the rule to reject.
 */
export function normalizeMobile(raw: string): string {
  let digits = digitsOnly(raw).replace(/[()]/g, '');
  const international = /^(?:\+|00)966/.exec(digits);
  if (international) digits = digits.slice(international[0].length);
  else if (/^966\d{9,10}$/.test(digits)) digits = digits.slice(3);
  else digits = digits.replace(/^\+/, '');
  return digits.startsWith('0') ? digits.slice(1) : digits;
}

/**
 * Valid when the number, normalised, is nine digits in an allocated range
 * ({@link SAUDI_MOBILE_PREFIXES}); empty (or only spaces) is `required`.
 */
export function validateMobile(raw: string): 'required' | 'mobile-invalid' | null {
  if (!digitsOnly(raw)) return 'required';
  const mobile = normalizeMobile(raw);
  return /^5\d{8}$/.test(mobile) && SAUDI_MOBILE_PREFIXES.some((prefix) => mobile.startsWith(prefix)) ? null : 'mobile-invalid';
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
