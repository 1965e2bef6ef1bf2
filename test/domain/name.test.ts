import { expect } from '@open-wc/testing';
import { nameParts, normalizeName, validateFullName } from '../../src/domain/name.js';
import { show, table } from './table.js';

table('normalizeName', normalizeName, [
  ['  محمد   عبدالله\u200f سعيد\u202e القحطاني ', 'محمد عبدالله سعيد القحطاني'],
  ['a\tb\nc\u00a0d', 'a b c d'],
  ['Al\u200dQahtani', 'AlQahtani'],
  ['\ufeffمحمد\u061c', 'محمد'],
  ['\u2066محمد\u2069 \u202aسعيد\u202c', 'محمد سعيد'],
  ['\u200b', ''],
  ['', ''],
]);

table('nameParts', nameParts, [
  ['محمد عبدالله سعيد القحطاني', ['محمد', 'عبدالله', 'سعيد', 'القحطاني']],
  ['  محمد   عبدالله ', ['محمد', 'عبدالله']],
  ['a\u200b b', ['a', 'b']],
  ['   ', []],
  ['', []],
]);

table('validateFullName (four parts, 120 characters)', (raw: string) => validateFullName(raw), [
  ['محمد عبدالله سعيد القحطاني', null],
  ['عبد الله محمد سعيد آل سعد', null],
  ['Mohammed Abdullah Saeed Al-Qahtani', null],
  ["Abdullah Mohammed Saeed O'Neil", null],
  ['Abdullah Mohammed Saeed O’Neil', null],
  ['José Ñúñez García López', null],
  ['مُحَمَّد عَبْدُ اللهِ سَعِيد القَحْطَانِي', null],
  ['محمـــد عبدالله سعيد القحطاني', null],
  [' محمد\u00a0عبدالله  سعيد القحطاني ', null],
  ['محمد\u200f عبدالله\u202e سعيد\u200b القحطاني', null],
  [`${'أ'.repeat(56)} ${'ب'.repeat(57)} جج دد`, null],
  ['محمد عبدالله القحطاني', 'name-parts'],
  ['محمد', 'name-parts'],
  ['محمد - سعيد القحطاني', 'name-parts'],
  ["- ' - '", 'name-parts'],
  ['محمد 2 سعيد القحطاني', 'name-chars'],
  ['محمد ٢ سعيد القحطاني', 'name-chars'],
  ['محمد ۲ سعيد القحطاني', 'name-chars'],
  ['محمد عبدالله سعيد <b>القحطاني</b>', 'name-chars'],
  ['<script>alert(1)</script> a b c', 'name-chars'],
  ['محمد عبدالله سعيد 😀', 'name-chars'],
  ['محمد عبدالله سعيد القحطاني!', 'name-chars'],
  ['محمد عبدالله سعيد "القحطاني"', 'name-chars'],
  ['محمد, عبدالله', 'name-chars'],
  ['a & b c d', 'name-chars'],
  [`${'أ'.repeat(60)} ${'ب'.repeat(60)} ج د`, 'too-long'],
  [`${'x'.repeat(10000)} 😀`, 'too-long'],
  ['', 'required'],
  ['   ', 'required'],
  ['\u200b\u200f ', 'required'],
  ['\u202e\u2066', 'required'],
]);

describe('validateFullName with options', () => {
  const rows: Array<[string, { minParts?: number; maxLength?: number }, ReturnType<typeof validateFullName>]> = [
    ['محمد القحطاني', { minParts: 2 }, null],
    ['محمد', { minParts: 2 }, 'name-parts'],
    ['محمد عبدالله سعيد القحطاني', { maxLength: 10 }, 'too-long'],
    ['محمد عبدالله سعيد القحطاني', { maxLength: 26 }, null],
  ];
  for (const [raw, options, expected] of rows) {
    it(`${show(raw)} with ${show(options)} → ${show(expected)}`, () => {
      expect(validateFullName(raw, options)).to.equal(expected);
    });
  }
});
