/** Free text (the visit subject, replies): length as people count it, without bidi tricks. */
import { INVISIBLE_CHARACTERS } from './digits.js';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/**
 * Made when first needed, not when the module loads: a segmenter costs tens of milliseconds of
 * ICU set-up on a phone, which the form would otherwise pay before it can show.
 */
let graphemes: Intl.Segmenter | undefined;
/** Printable ASCII and line feeds: one character is one grapheme, no segmenter needed. */
const SIMPLE = /^[\x20-\x7E\n]*$/;

/** Strips bidi override and isolate controls (they can disguise text); keeps newlines. */
export function normalizeText(raw: string): string {
  return raw.replace(BIDI_CONTROLS, '');
}

/** User-perceived characters: an emoji or a letter with its marks counts once. */
export function textLength(s: string): number {
  if (SIMPLE.test(s)) return s.length;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemes.segment(s)).length;
}

/** Text with something visible in it (not only spaces or invisible characters), at most `maxLength` characters. */
export function validateText(raw: string, { maxLength }: { maxLength: number }): 'required' | 'too-long' | null {
  const text = normalizeText(raw);
  if (!text.replace(INVISIBLE_CHARACTERS, '').trim()) return 'required';
  return textLength(text) > maxLength ? 'too-long' : null;
}
