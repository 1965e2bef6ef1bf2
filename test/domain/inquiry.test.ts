import { parseHijriYear, validateHijriYear } from '../../src/domain/inquiry.js';
import { table } from './table.js';

/** 25 November 2026 in Riyadh: 1448 AH. */
const DAY = new Date('2026-11-25T09:00:00+03:00');

table('parseHijriYear: the year as people type it, with or without its era', parseHijriYear, [
  ['1448', 1448],
  [' 1448 ', 1448],
  ['١٤٤٨', 1448],
  ['۱۴۴۸', 1448],
  ['1448 هـ', 1448],
  ['1448هـ', 1448],
  ['١٤٤٨هـ', 1448],
  ['١٤٤٨ هـ', 1448],
  ['۱۴۴۸ هـ', 1448],
  ['1448 ه', 1448],
  ['1448ه', 1448],
  ['1448 هــ', 1448],
  // Pasted with a right-to-left mark, as Arabic text often is.
  ['\u200F1448 هـ\u200F', 1448],
  ['1448 AH', 1448],
  ['1448AH', 1448],
  ['1448 ah', 1448],
  ['1448 A.H.', 1448],
  ['1448H', 1448],
  ['1448 h', 1448],
  ['', Number.NaN],
  ['هـ', Number.NaN],
  ['AH', Number.NaN],
  ['هـ 1448', Number.NaN],
  ['AH 1448', Number.NaN],
  ['1448 هـهـ', Number.NaN],
  ['1448 AHH', Number.NaN],
  ['1448 م', Number.NaN],
  ['1448 AD', Number.NaN],
  ['2026 CE', Number.NaN],
  ['144 هـ', Number.NaN],
  ['14480 هـ', Number.NaN],
  ['1448.5', Number.NaN],
  ['abcd', Number.NaN],
]);

table('validateHijriYear with its era', (raw: string) => validateHijriYear(raw, DAY), [
  ['1448 هـ', null],
  ['١٤٤٨هـ', null],
  ['1448 AH', null],
  ['1448H', null],
  ['١٣٥٠ هـ', null],
  ['1349 هـ', 'year-invalid'],
  ['1449 هـ', 'year-invalid'],
  ['1449AH', 'year-invalid'],
  ['هـ', 'year-invalid'],
  ['', 'required'],
  ['  ', 'required'],
]);
