/** Four-part names (الإسم الرباعي): first, father's, grandfather's and family name. */
import { INVISIBLE_CHARACTERS } from './digits.js';

/** Letters and combining marks of any script, with the joiners names use: space, hyphen, apostrophe, tatweel. */
const NAME_CHARACTERS = /^[\p{L}\p{M}\s'’\-\u0640]+$/u;

/** Removes invisible and bidi control characters, collapses whitespace, trims. */
export function normalizeName(raw: string): string {
  return raw.replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}

/** The normalised name's space-separated parts. */
export function nameParts(raw: string): string[] {
  const name = normalizeName(raw);
  return name ? name.split(' ') : [];
}

/** The longest full name accepted, in characters once normalised. */
export const NAME_MAX_LENGTH = 120;

/** Has a letter: a lone hyphen or apostrophe between spaces is not a name part. */
const HAS_LETTER = /\p{L}/u;

/**
 * A full name: letters of any script (with their marks), spaces, hyphens, apostrophes and tatweel
 * only; at least `minParts` parts that contain a letter; at most `maxLength` characters once
 * normalised. Checked in that order after `required`: too long, characters, parts.
 */
export function validateFullName(
  raw: string,
  { minParts = 4, maxLength = NAME_MAX_LENGTH }: { minParts?: number; maxLength?: number } = {},
): 'required' | 'name-chars' | 'name-parts' | 'too-long' | null {
  const name = normalizeName(raw);
  if (!name) return 'required';
  if (name.length > maxLength) return 'too-long';
  if (!NAME_CHARACTERS.test(name)) return 'name-chars';
  return nameParts(name).filter((part) => HAS_LETTER.test(part)).length < minParts ? 'name-parts' : null;
}
