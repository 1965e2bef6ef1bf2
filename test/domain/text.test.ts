import { normalizeText, textLength, validateText } from '../../src/domain/text.js';
import { table } from './table.js';
import { expect } from '@open-wc/testing';

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

describe('textLength without a segmenter', () => {
  // The characters textLength counts one by one (its SIMPLE set); grapheme breaks are decided
  // between neighbours, so every ordered pair splitting in two proves any text of them does.
  const ranges: [number, number][] = [
    [0x0a, 0x0a],
    [0x20, 0x7e],
    [0x060c, 0x060c],
    [0x061b, 0x061b],
    [0x061f, 0x061f],
    [0x0621, 0x064a],
    [0x0660, 0x066d],
    [0x0671, 0x06d3],
  ];
  const chars = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));

  it('counts what Intl.Segmenter counts for every pair of its characters', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const wrong: string[] = [];
    for (const a of chars) {
      for (const b of chars) {
        if ([...segmenter.segment(a + b)].length !== 2) wrong.push(a + b);
      }
    }
    expect(chars.length).to.equal(254);
    expect(wrong).to.deep.equal([]);
  });

  it('still counts a letter with its marks once, and a long text with marks exactly', () => {
    expect(textLength('مُحَمَّد')).to.equal(4);
    expect(textLength('أرغب في مقابلة سعادة مدير الإدارة')).to.equal(33);
    expect(textLength('السَّلام '.repeat(50))).to.equal(7 * 50);
    expect(validateText('مُحَمَّد', { maxLength: 4 })).to.equal(null);
    expect(validateText('مُحَمَّدٌ', { maxLength: 3 })).to.equal('too-long');
  });
});
