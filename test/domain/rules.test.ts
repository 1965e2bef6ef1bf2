import { expect } from '@open-wc/testing';
import { digitsOnly, normalizeDigits } from '../../src/domain/digits.js';
import { normalizeSaudiId, saudiIdKind, validateCompanionIds, validateSaudiId } from '../../src/domain/saudi-id.js';
import { formatMobile, normalizeMobile, validateMobile } from '../../src/domain/mobile.js';
import { validateEmail } from '../../src/domain/email.js';
import { normalizeName, validateFullName } from '../../src/domain/name.js';
import { normalizeText, textLength, validateText } from '../../src/domain/text.js';

/** Runs one `it` per row: `fn(input)` must equal `expected`. */
function table<I, O>(title: string, fn: (input: I) => O, rows: Array<[I, O]>) {
  describe(title, () => {
    for (const [input, expected] of rows) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
        expect(fn(input)).to.deep.equal(expected);
      });
    }
  });
}

table('normalizeDigits', normalizeDigits, [
  ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
  ['۰۱۲۳۴۵۶۷۸۹', '0123456789'],
  ['رقم ١٢ and 34', 'رقم 12 and 34'],
  ['', ''],
]);

table('digitsOnly', digitsOnly, [
  ['٠٥٠-١٢٣ ٤٥٦٧', '0501234567'],
  ['10\u200b85\u202e427373', '1085427373'],
  ['12–34—56', '123456'],
]);

table('validateSaudiId', validateSaudiId, [
  ['1085427373', null],
  ['2345678904', null],
  ['1000000008', null],
  ['١٠٨٥٤٢٧٣٧٣', null],
  ['۲۳۴۵۶۷۸۹۰۴', null],
  [' 1085 427 373 ', null],
  ['1000000009', 'id-checksum'],
  ['3000000003', 'id-prefix'],
  ['0000000000', 'id-prefix'],
  ['108542737', 'id-format'],
  ['10854273731', 'id-format'],
  ['10854a7373', 'id-format'],
  ['', 'required'],
  ['   ', 'required'],
]);

table('saudiIdKind', saudiIdKind, [
  ['1085427373', 'citizen'],
  ['2345678904', 'resident'],
  ['1000000009', null],
]);

table('normalizeSaudiId', normalizeSaudiId, [['١٠٨٥ ٤٢٧ ٣٧٣', '1085427373']]);

describe('validateCompanionIds', () => {
  it('flags the applicant’s ID, later duplicates, and each ID’s own errors, in order', () => {
    expect(validateCompanionIds('1085427373', ['2345678904', '١٠٨٥٤٢٧٣٧٣', '2345678904', '1000000009', ''])).to.deep.equal([
      null,
      'id-same-as-applicant',
      'id-duplicate',
      'id-checksum',
      'required',
    ]);
  });
  it('accepts distinct valid IDs', () => {
    expect(validateCompanionIds('', ['1085427373', '2345678904'])).to.deep.equal([null, null]);
  });
});

table('normalizeMobile', normalizeMobile, [
  ['512345678', '512345678'],
  ['0512345678', '512345678'],
  ['+966512345678', '512345678'],
  ['00966512345678', '512345678'],
  ['966512345678', '512345678'],
  ['+966 51 234 5678', '512345678'],
  ['٠٥١٢٣٤٥٦٧٨', '512345678'],
  ['05-123-45678', '512345678'],
]);

table('validateMobile', validateMobile, [
  ['0512345678', null],
  ['۰۵۱۲۳۴۵۶۷۸', null],
  ['412345678', 'mobile-invalid'],
  ['51234567', 'mobile-invalid'],
  ['5123456789', 'mobile-invalid'],
  ['5123456x8', 'mobile-invalid'],
  ['', 'required'],
]);

table('formatMobile', formatMobile, [
  ['512345678', '+966 51 234 5678'],
  ['123', '123'],
]);

table('validateEmail', validateEmail, [
  ['citizen@example.sa', null],
  [' m.alqahtani+visit@najran.gov.sa ', null],
  ['citizen@example', 'email-invalid'],
  ['citizen.example.sa', 'email-invalid'],
  ['a@b@c.sa', 'email-invalid'],
  ['<script>@x.sa', 'email-invalid'],
  ['مواطن@example.sa', 'email-invalid'],
  [`${'a'.repeat(250)}@b.sa`, 'too-long'],
  ['', 'required'],
]);

table('normalizeName', normalizeName, [
  ['  محمد   عبدالله\u200f سعيد\u202e القحطاني ', 'محمد عبدالله سعيد القحطاني'],
]);

table('validateFullName', (s: string) => validateFullName(s), [
  ['محمد عبدالله سعيد القحطاني', null],
  ['عبد الله محمد سعيد آل سعد', null],
  ['Mohammed Abdullah Saeed Al-Qahtani', null],
  ['محمد عبدالله القحطاني', 'name-parts'],
  ['محمد 2 سعيد القحطاني', 'name-chars'],
  ['محمد عبدالله سعيد <b>القحطاني</b>', 'name-chars'],
  ['محمد عبدالله سعيد 😀', 'name-chars'],
  ['\u200b\u200f ', 'required'],
  [`${'أ'.repeat(60)} ${'ب'.repeat(60)} ج د`, 'too-long'],
]);

table('textLength', textLength, [
  ['abc', 3],
  ['😀👍🏽', 2],
  ['نص', 2],
]);

table('normalizeText', normalizeText, [['a\u202eb\nc\u2066d', 'ab\ncd']]);

table('validateText', (s: string) => validateText(s, { maxLength: 5 }), [
  ['hello', null],
  ['😀😀😀😀😀', null],
  ['hello!', 'too-long'],
  [' \n ', 'required'],
  ['\u202e', 'required'],
  ['x'.repeat(100000), 'too-long'],
]);
