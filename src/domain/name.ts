/**
 * Full names as people write them. A citizen's four-part name (الاسم الرباعي: first, father's,
 * grandfather's and family name); a resident's name as on the Iqama, which often has only two or
 * three parts (DOMAIN.md).
 */
import { INVISIBLE_CHARACTERS } from './digits.js';
import { normalizeSaudiId } from './saudi-id.js';

/**
 * Letters and combining marks of any script, with what names carry between them: spaces,
 * hyphens, the apostrophes ' ’ ‘ ` (ʼ is a letter already), the full stop of an initial, tatweel
 * and the zero-width non-joiner of Persian compound names.
 */
const NAME_CHARACTERS = /^[\p{L}\p{M}\s'’‘`.\-\u0640\u200C]+$/u;

/** A full stop that does not close an initial or abbreviation ("S.", "Ma."): at the start, after a space or a symbol. */
const STRAY_FULL_STOP = /(?:^|[^\p{L}\p{M}])\./u;

const ZWNJ = '\u200C';

/** A zero-width non-joiner not between two letters (or marks): it joins nothing there. */
const LOOSE_ZWNJ = /\u200C(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])\u200C/gu;

/**
 * Removes invisible and bidi control characters, collapses whitespace, trims. A zero-width
 * non-joiner between two letters is part of the spelling (Persian `محمد\u200Cرضا`, Mohammad-Reza) and stays, once;
 * anywhere else it goes.
 */
export function normalizeName(raw: string): string {
  return raw
    .replace(INVISIBLE_CHARACTERS, (c) => (c === ZWNJ ? c : ''))
    .replace(/\u200C+/g, ZWNJ)
    .replace(LOOSE_ZWNJ, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The normalised name's space-separated parts. */
export function nameParts(raw: string): string[] {
  const name = normalizeName(raw);
  return name ? name.split(' ') : [];
}

/** The longest full name accepted, in characters once normalised. */
export const NAME_MAX_LENGTH = 120;

/** Whose name it is, which decides how many parts it needs. */
export type NameHolder = 'citizen' | 'resident';

/** The fewest name parts each holder gives: a citizen's four-part name, a resident's first and family name. */
export const MIN_NAME_PARTS: Readonly<Record<NameHolder, number>> = { citizen: 4, resident: 2 };

/**
 * The holder an ID number stands for: `resident` when it starts with 2 (an Iqama), `citizen`
 * otherwise. While the ID is empty, incomplete or wrong the citizen's rule applies (the stricter
 * one; the ID field explains its own error), and it relaxes as soon as a 2 is typed first.
 */
export function nameHolder(idNumber: string): NameHolder {
  return normalizeSaudiId(idNumber).startsWith('2') ? 'resident' : 'citizen';
}

/** Has a letter: a lone hyphen, apostrophe or full stop between spaces is not a name part. */
const HAS_LETTER = /\p{L}/u;

export type FullNameError = 'required' | 'name-chars' | 'name-parts' | 'name-parts-resident' | 'too-long';

/**
 * A full name: letters of any script (with their marks), spaces, hyphens, apostrophes, initials'
 * full stops, tatweel and ZWNJ only; at least {@link MIN_NAME_PARTS} parts with a letter for the
 * holder (four for a citizen, two for a resident: one word is never a full name); at most
 * `maxLength` characters once normalised. Checked in that order after `required`: too long,
 * characters, parts.
 *
 * Parts are the words as written: `عبد الله`, `بن` and `آل` count as words, so nobody is refused
 * for how their name is spaced; the rule catches names that are clearly too short.
 */
export function validateFullName(
  raw: string,
  { holder = 'citizen', maxLength = NAME_MAX_LENGTH }: { holder?: NameHolder; maxLength?: number } = {},
): FullNameError | null {
  const name = normalizeName(raw);
  if (!name) return 'required';
  if (name.length > maxLength) return 'too-long';
  if (!NAME_CHARACTERS.test(name) || STRAY_FULL_STOP.test(name)) return 'name-chars';
  const parts = nameParts(name).filter((part) => HAS_LETTER.test(part)).length;
  if (parts >= MIN_NAME_PARTS[holder]) return null;
  return holder === 'resident' ? 'name-parts-resident' : 'name-parts';
}

/**
 * True when `raw` is, once normalised, the name the session (Nafath) supplied: that name is
 * taken as given, never checked against the rules people's typing is.
 */
export function isSessionName(raw: string, sessionName: string | undefined): boolean {
  const name = normalizeName(raw);
  return Boolean(name && sessionName !== undefined && name === normalizeName(sessionName));
}
