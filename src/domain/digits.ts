/** Digits as people type them on Arabic keyboards (DOMAIN.md, "Digits people type"). */

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;

/**
 * Invisible formatting and bidi control characters that pasted text often carries: zero-width
 * space, non-joiner and joiner, the bidi marks, embeddings, overrides and isolates, the word
 * joiner and invisible operators (U+2060–U+2064), the Arabic letter mark and the byte order mark.
 */
export const INVISIBLE_CHARACTERS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/g;

/** Converts Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits to ASCII; leaves all else. */
export function normalizeDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/** Spaces of any kind, and dashes: ASCII hyphen-minus, every Unicode dash punctuation, and the minus sign. */
const SEPARATORS = /[\s\p{Pd}\u2212]/gu;

/**
 * ASCII digits with spaces, dashes and invisible characters removed: `٠٥٠-١٢٣ ٤٥٦٧` → `0501234567`.
 * Anything else (letters, `+`) is kept, for the caller's rule to reject.
 */
export function digitsOnly(s: string): string {
  return normalizeDigits(s).replace(INVISIBLE_CHARACTERS, '').replace(SEPARATORS, '');
}
