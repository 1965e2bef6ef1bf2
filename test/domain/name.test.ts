import { expect } from '@open-wc/testing';
import { isSessionName, nameHolder, nameParts, normalizeName, validateFullName, type FullNameError } from '../../src/domain/name.js';
import { show, table } from './table.js';

const ZWNJ = '\u200C';

table('normalizeName', normalizeName, [
  ['  محمد   عبدالله\u200f سعيد\u202e القحطاني ', 'محمد عبدالله سعيد القحطاني'],
  ['a\tb\nc\u00a0d', 'a b c d'],
  ['Al\u200dQahtani', 'AlQahtani'],
  ['\ufeffمحمد\u061c', 'محمد'],
  ['\u2066محمد\u2069 \u202aسعيد\u202c', 'محمد سعيد'],
  ['\u200b', ''],
  ['', ''],
  // ZWNJ between two letters is part of a Persian compound name; anywhere else it goes.
  [`محمد${ZWNJ}رضا حسینی`, `محمد${ZWNJ}رضا حسینی`],
  [`محمد${ZWNJ}${ZWNJ}رضا`, `محمد${ZWNJ}رضا`],
  [`محمد${ZWNJ}\u200fرضا`, `محمد${ZWNJ}رضا`],
  [`${ZWNJ}محمد رضا${ZWNJ}`, 'محمد رضا'],
  [`محمد ${ZWNJ}رضا`, 'محمد رضا'],
  [`محمد${ZWNJ} رضا`, 'محمد رضا'],
  [`a ${ZWNJ} b`, 'a b'],
  [`Ali-${ZWNJ}Reza`, 'Ali-Reza'],
  [ZWNJ, ''],
]);

table('nameParts', nameParts, [
  ['محمد عبدالله سعيد القحطاني', ['محمد', 'عبدالله', 'سعيد', 'القحطاني']],
  ['  محمد   عبدالله ', ['محمد', 'عبدالله']],
  ['a\u200b b', ['a', 'b']],
  [`علی${ZWNJ}اکبر رضایی${ZWNJ}نژاد`, [`علی${ZWNJ}اکبر`, `رضایی${ZWNJ}نژاد`]],
  ['   ', []],
  ['', []],
]);

table('nameHolder (the citizen rule unless the ID starts with 2)', nameHolder, [
  ['1085427373', 'citizen'],
  ['2345678904', 'resident'],
  ['٢٣٤٥٦٧٨٩٠٤', 'resident'],
  [' 2345', 'resident'],
  ['2', 'resident'],
  ['', 'citizen'],
  ['1', 'citizen'],
  ['3000000003', 'citizen'],
  ['abc', 'citizen'],
]);

/**
 * Real-world names with the verdict for a citizen (ID starting 1: four parts) and a resident
 * (ID starting 2: as on the Iqama, at least two parts). Parts are words as written.
 */
const CORPUS: Array<[name: string, citizen: FullNameError | null, resident: FullNameError | null]> = [
  // Saudi names: عبد الله written apart or together, بن / بنت, آل, diacritics, tatweel.
  ['محمد عبدالله سعيد القحطاني', null, null],
  ['عبد الله محمد سعيد آل سعد', null, null],
  ['محمد بن عبدالله بن سعيد آل سعود', null, null],
  ['فاطمة بنت محمد بن علي الشهري', null, null],
  ['نورة عبد الرحمن الدوسري', null, null],
  ['مُحَمَّد عَبْدُ اللهِ سَعِيد القَحْطَانِي', null, null],
  ['محمـــد عبدالله سعيد القحطاني', null, null],
  ['محمد عبدالله القحطاني', 'name-parts', null],
  ['سارة آل الشيخ', 'name-parts', null],
  ['نورة الدوسري', 'name-parts', null],
  ['محمد', 'name-parts', 'name-parts-resident'],
  ['آل سعود', 'name-parts', null],
  // Residents' names as on the Iqama: two or three parts, many scripts.
  ['Ramesh Kumar', 'name-parts', null],
  ['Mohammed Imran Khan', 'name-parts', null],
  ['Abdul Rahman Siddiqui', 'name-parts', null],
  ['محمد عمران خان', 'name-parts', null],
  ['रमेश कुमार', 'name-parts', null],
  ['রফিকুল ইসলাম', 'name-parts', null],
  ['Senthil', 'name-parts', 'name-parts-resident'],
  ['Maria Cristina dela Cruz', null, null],
  ['Juan dela Cruz', 'name-parts', null],
  ['Santo Niño Reyes', 'name-parts', null],
  ['José Ñúñez García López', null, null],
  // Initials and abbreviations carry a full stop.
  ['Mohammed S. Al Qahtani', null, null],
  ['K. Srinivasan', 'name-parts', null],
  ['Ma. Theresa Reyes', 'name-parts', null],
  ['Jose Rizal Jr.', 'name-parts', null],
  ['A.R. Rahman', 'name-parts', null],
  // Hyphens and every apostrophe people type: ' ’ ‘ ` ʼ
  ['Mohammed Abdullah Saeed Al-Qahtani', null, null],
  ['Jean-Pierre Dupont', 'name-parts', null],
  ["Abdullah Mohammed Saeed O'Neil", null, null],
  ['Abdullah Mohammed Saeed O’Neil', null, null],
  ['Anthony D‘Souza', 'name-parts', null],
  ['Anthony D`Souza', 'name-parts', null],
  ['Daʼud Khan', 'name-parts', null],
  // Persian compound names keep their ZWNJ; each compound is one part.
  [`محمد${ZWNJ}رضا حسینی`, 'name-parts', null],
  [`علی${ZWNJ}اکبر محمد${ZWNJ}حسین رضایی${ZWNJ}نژاد`, 'name-parts', null],
  [`علی${ZWNJ}اکبر بن محمد${ZWNJ}حسین رضایی${ZWNJ}نژاد`, null, null],
  [`محمد${ZWNJ}رضا`, 'name-parts', 'name-parts-resident'],
  // Pasted with spaces and invisible characters.
  [' محمد\u00a0عبدالله  سعيد القحطاني ', null, null],
  ['محمد\u200f عبدالله\u202e سعيد\u200b القحطاني', null, null],
  // Not names.
  ['محمد - سعيد القحطاني', 'name-parts', null],
  ["- ' - '", 'name-parts', 'name-parts-resident'],
  ['. .', 'name-chars', 'name-chars'],
  ['Mohammed .S Khan Ali', 'name-chars', 'name-chars'],
  ['Mohammed S.. Khan Ali', 'name-chars', 'name-chars'],
  ['محمد 2 سعيد القحطاني', 'name-chars', 'name-chars'],
  ['محمد ٢ سعيد القحطاني', 'name-chars', 'name-chars'],
  ['محمد ۲ سعيد القحطاني', 'name-chars', 'name-chars'],
  ['محمد عبدالله سعيد <b>القحطاني</b>', 'name-chars', 'name-chars'],
  ['<script>alert(1)</script> a b c', 'name-chars', 'name-chars'],
  ['محمد عبدالله سعيد 😀', 'name-chars', 'name-chars'],
  ['محمد عبدالله سعيد القحطاني!', 'name-chars', 'name-chars'],
  ['محمد عبدالله سعيد "القحطاني"', 'name-chars', 'name-chars'],
  ['محمد, عبدالله', 'name-chars', 'name-chars'],
  ['a & b c d', 'name-chars', 'name-chars'],
  [`${'أ'.repeat(56)} ${'ب'.repeat(57)} جج دد`, null, null],
  [`${'أ'.repeat(60)} ${'ب'.repeat(60)} ج د`, 'too-long', 'too-long'],
  [`${'x'.repeat(10000)} 😀`, 'too-long', 'too-long'],
  ['', 'required', 'required'],
  ['   ', 'required', 'required'],
  ['\u200b\u200f ', 'required', 'required'],
  [`\u202e\u2066${ZWNJ}`, 'required', 'required'],
];

table('validateFullName, citizen (four parts)', (raw: string) => validateFullName(raw), CORPUS.map(([name, citizen]): [string, FullNameError | null] => [name, citizen]));
table('validateFullName, resident (two parts)', (raw: string) => validateFullName(raw, { holder: 'resident' }), CORPUS.map(([name, , resident]): [string, FullNameError | null] => [name, resident]));

describe('validateFullName with options', () => {
  const rows: Array<[string, Parameters<typeof validateFullName>[1], FullNameError | null]> = [
    ['محمد القحطاني', { holder: 'resident' }, null],
    ['محمد القحطاني', { holder: 'citizen' }, 'name-parts'],
    ['محمد عبدالله سعيد القحطاني', { maxLength: 10 }, 'too-long'],
    ['محمد عبدالله سعيد القحطاني', { maxLength: 26 }, null],
  ];
  for (const [raw, options, expected] of rows) {
    it(`${show(raw)} with ${show(options)} → ${show(expected)}`, () => {
      expect(validateFullName(raw, options)).to.equal(expected);
    });
  }
});

describe('isSessionName', () => {
  const rows: Array<[string, string | undefined, boolean]> = [
    ['محمد القحطاني', 'محمد القحطاني', true],
    [' محمد\u200f  القحطاني ', 'محمد القحطاني', true],
    ['محمد القحطاني', ' محمد القحطاني\u200b', true],
    ['محمد القحطاني', 'محمد عبدالله القحطاني', false],
    ['محمد', undefined, false],
    ['', '', false],
    ['   ', ' ', false],
  ];
  for (const [raw, session, expected] of rows) {
    it(`${show(raw)} against ${show(session)} → ${expected}`, () => {
      expect(isSessionName(raw, session)).to.equal(expected);
    });
  }
});
