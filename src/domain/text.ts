/** Free text (the visit subject, replies): length as people count it, without bidi tricks. */
import { INVISIBLE_CHARACTERS } from './digits.js';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/**
 * Made when first needed, not when the module loads: a segmenter costs tens of milliseconds of
 * ICU set-up on a phone, which the form would otherwise pay before it can show.
 */
let graphemes: Intl.Segmenter | undefined;
/**
 * Text in which every code unit is a grapheme of its own, so no segmenter is needed: printable
 * ASCII, line feeds, and Arabic letters, digits and punctuation without marks (harakat, shadda,
 * superscript alef), which is what citizens mostly type. Checked pair by pair against
 * Intl.Segmenter in text.test.ts (grapheme breaks are decided between neighbours).
 */
const SIMPLE = /^[\n\x20-\x7E\u060C\u061B\u061F\u0621-\u064A\u0660-\u066D\u0671-\u06D3]*$/;
/** The last text segmented, and its length: a render asks for the same text more than once. */
let last: { text: string; length: number } | undefined;

/** Strips bidi override and isolate controls (they can disguise text); keeps newlines. */
export function normalizeText(raw: string): string {
  return raw.replace(BIDI_CONTROLS, '');
}

/** User-perceived characters: an emoji or a letter with its marks counts once. */
export function textLength(s: string): number {
  if (SIMPLE.test(s)) return s.length;
  if (last?.text === s) return last.length;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let length = 0;
  for (const _ of graphemes.segment(s)) length++;
  last = { text: s, length };
  return length;
}

/** Text with something visible in it (not only spaces or invisible characters), at most `maxLength` characters. */
export function validateText(raw: string, { maxLength }: { maxLength: number }): 'required' | 'too-long' | null {
  const text = normalizeText(raw);
  if (!text.replace(INVISIBLE_CHARACTERS, '').trim()) return 'required';
  // A grapheme is at least one code unit: text no longer than the limit in code units is within it.
  return text.length > maxLength && textLength(text) > maxLength ? 'too-long' : null;
}
