import { normalizeText, textLength, validateText } from '../../src/domain/text.js';
import { table } from './table.js';

table('normalizeText', normalizeText, [
  ['a\u202eb\nc\u2066d', 'ab\ncd'],
  ['\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069', ''],
  ['سطر\r\nline', 'سطر\r\nline'],
  ['a\u200fb\u200bc', 'a\u200fb\u200bc'],
  ['<b>x</b> 😀 ١٢', '<b>x</b> 😀 ١٢'],
  ['', ''],
]);

table('textLength', textLength, [
  ['abc', 3],
  ['', 0],
  ['😀👍🏽', 2],
  ['👨‍👩‍👧', 1],
  ['🇸🇦', 1],
  ['نص', 2],
  ['مُحَمَّد', 4],
  ['e\u0301', 1],
  ['\r\n', 1],
  ['١٢٣', 3],
]);

table('validateText (at most 5)', (raw: string) => validateText(raw, { maxLength: 5 }), [
  ['hello', null],
  ['نص قص', null],
  ['😀😀😀😀😀', null],
  ['👨‍👩‍👧'.repeat(5), null],
  ['\u202ehello\u202c', null],
  ['<b>', null],
  ['a\nb', null],
  ['hello!', 'too-long'],
  ['<b>x</b>', 'too-long'],
  ['😀'.repeat(6), 'too-long'],
  ['x'.repeat(100000), 'too-long'],
  ['', 'required'],
  [' \n\t ', 'required'],
  ['\u202e', 'required'],
  ['\u200b\u200f\ufeff', 'required'],
]);
