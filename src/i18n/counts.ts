/**
 * Counted nouns in the form the number takes (Arabic has six), for counters and limits: small,
 * so a first screen that shows a limit (the companion list's "up to five companions") carries
 * them without the field messages (./messages.ts).
 */
import { msg, str } from '@lit/localize';
import { plural } from './plural.js';

/** "n characters" with the noun in the form the number takes (حرف واحد، حرفان، 3 أحرف، 11 حرفًا، 100 حرف). */
export function characterCount(n: number): string {
  return plural(n, {
    one: msg('حرف واحد'),
    two: msg('حرفين'),
    few: msg(str`${n} أحرف`),
    many: msg(str`${n} حرفًا`),
    other: msg(str`${n} حرف`),
  });
}

/**
 * What a character counter announces near its limit (from 90% of it, as GOV.UK's character
 * count does), and empty before: how many characters are left, or how many too many.
 */
export function charactersLeft(length: number, max: number): string {
  const left = max - length;
  if (length < max * 0.9) return '';
  return left >= 0 ? msg(str`بقي لك ${characterCount(left)}`) : msg(str`تجاوزت الحد بـ ${characterCount(-left)}`);
}

/** "n companions" with the noun in the form the number takes (مرافق واحد، مرافقَين، 3 مرافقين، 11 مرافقًا، 100 مرافق). */
export function companionCount(n: number): string {
  return plural(n, {
    one: msg('مرافق واحد'),
    two: msg('مرافقَين اثنين'),
    few: msg(str`${n} مرافقين`),
    many: msg(str`${n} مرافقًا`),
    other: msg(str`${n} مرافق`),
  });
}

/** "n files" with the noun in the form the number takes (ملف واحد، ملفين، 3 ملفات، 11 ملفًا، 100 ملف). */
export function fileCount(n: number): string {
  return plural(n, {
    one: msg('ملف واحد'),
    two: msg('ملفين'),
    few: msg(str`${n} ملفات`),
    many: msg(str`${n} ملفًا`),
    other: msg(str`${n} ملف`),
  });
}
