/**
 * Saudi car plates (DOMAIN.md, "Saudi car plates"; #14): one to four digits and three letters
 * from a set of seventeen, each printed on the plate in Arabic and in its Latin form. People type
 * either form, with Arabic-Indic digits, in either order, with or without spaces; the rule
 * returns the plate in one form (ASCII digits, Latin letters) or why it is not one.
 */
import { INVISIBLE_CHARACTERS, normalizeDigits } from './digits.js';

/** The plate's letters: Arabic as printed, and its Latin equivalent. */
export const PLATE_LETTERS: ReadonlyArray<readonly [arabic: string, latin: string]> = [
  ['ا', 'A'],
  ['ب', 'B'],
  ['ح', 'J'],
  ['د', 'D'],
  ['ر', 'R'],
  ['س', 'S'],
  ['ص', 'X'],
  ['ط', 'T'],
  ['ع', 'E'],
  ['ق', 'G'],
  ['ك', 'K'],
  ['ل', 'L'],
  ['م', 'Z'],
  ['ن', 'N'],
  ['هـ', 'H'],
  ['و', 'U'],
  ['ى', 'V'],
];

/** Arabic forms people type for a plate letter: alef with hamza or madda, heh without tatweel, yeh for alef maqsura. */
const ARABIC_VARIANTS: Record<string, string> = { أ: 'A', إ: 'A', آ: 'A', ه: 'H', ي: 'V' };

const TO_LATIN = new Map<string, string>([...PLATE_LETTERS.map(([arabic, latin]) => [arabic.replace('ـ', ''), latin] as const), ...Object.entries(ARABIC_VARIANTS)]);
const TO_ARABIC = new Map(PLATE_LETTERS.map(([arabic, latin]) => [latin, arabic]));

/** A plate in one form: ASCII digits without leading zeros, three Latin letters. */
export interface Plate {
  digits: string;
  letters: string;
}

export type PlateError = 'required' | 'plate-format' | 'plate-letter';

/**
 * Reads a plate as typed: `أ ب ح ١٢٣٤`, `ABJ 1234`, `1234-abj`, `ا ب ح 1234` all give
 * `{ digits: '1234', letters: 'ABJ' }`. The letters keep their order (the plate's first Arabic
 * letter, read from the right, is its first Latin letter, read from the left).
 */
export function parsePlate(raw: string): { plate: Plate } | { error: PlateError } {
  const text = normalizeDigits(raw).replace(INVISIBLE_CHARACTERS, '').replace(/[\s\p{Pd}\u2212ـ.]/gu, '');
  if (!text) return { error: 'required' };
  const digits = text.match(/^\d+|\d+$/)?.[0] ?? '';
  const rest = digits && text.startsWith(digits) ? text.slice(digits.length) : text.slice(0, text.length - digits.length);
  if (/\d/.test(rest)) return { error: 'plate-format' };
  let letters = '';
  for (const char of rest) {
    const latin = /[a-z]/i.test(char) ? char.toUpperCase() : TO_LATIN.get(char);
    if (!latin || !TO_ARABIC.has(latin)) return { error: 'plate-letter' };
    letters += latin;
  }
  if (!/^[1-9]\d{0,3}$/.test(digits) || letters.length !== 3) return { error: 'plate-format' };
  return { plate: { digits, letters } };
}

/** `null` for a valid plate, else why not. */
export function validatePlate(raw: string): PlateError | null {
  const result = parsePlate(raw);
  return 'error' in result ? result.error : null;
}

/** The plate as printed, e.g. `ا ب ح 1234 · ABJ 1234`: the Arabic letters, then the Latin ones. */
export function formatPlate(plate: Plate): string {
  const arabic = [...plate.letters].map((l) => TO_ARABIC.get(l) ?? l).join(' ');
  return `${arabic} ${plate.digits} · ${plate.letters} ${plate.digits}`;
}
