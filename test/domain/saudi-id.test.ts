import { expect } from '@open-wc/testing';
import type { FieldErrorCode } from '../../src/domain/codes.js';
import { normalizeSaudiId, saudiIdKind, validateCompanionIds, validateSaudiId } from '../../src/domain/saudi-id.js';
import { show, table } from './table.js';

table('normalizeSaudiId', normalizeSaudiId, [
  ['1085427373', '1085427373'],
  ['١٠٨٥ ٤٢٧ ٣٧٣', '1085427373'],
  ['۲۳۴۵-۶۷۸-۹۰۴', '2345678904'],
  ['\u202d1085427373\u202c\u200b', '1085427373'],
  ['10854a7373', '10854a7373'],
  ['', ''],
]);

table('validateSaudiId', validateSaudiId, [
  // Valid: citizens (1) and residents (2), however typed.
  ['1085427373', null],
  ['2345678904', null],
  ['1000000008', null],
  ['2000000006', null],
  ['١٠٨٥٤٢٧٣٧٣', null],
  ['۲۳۴۵۶۷۸۹۰۴', null],
  ['١٠٨٥۴۲۷٣٧٣', null],
  [' 1085 427 373 ', null],
  ['1085-427-373', null],
  ['1085–427–373', null],
  ['\u202d1085427373\u202c', null],
  ['\u200b1085427373\ufeff', null],
  // Check digit.
  ['1000000009', 'id-checksum'],
  ['2345678905', 'id-checksum'],
  ['1085427374', 'id-checksum'],
  ['١٠٠٠٠٠٠٠٠٩', 'id-checksum'],
  ['1111111111', 'id-checksum'],
  // First digit.
  ['3000000003', 'id-prefix'],
  ['0000000000', 'id-prefix'],
  ['9999999999', 'id-prefix'],
  ['٣٠٠٠٠٠٠٠٠٣', 'id-prefix'],
  // Not ten digits.
  ['108542737', 'id-format'],
  ['10854273731', 'id-format'],
  ['10854a7373', 'id-format'],
  ['abcdefghij', 'id-format'],
  ['1085427373😀', 'id-format'],
  ['<b>1085427373</b>', 'id-format'],
  ['+1085427373', 'id-format'],
  ['1085.427.373', 'id-format'],
  ['1'.repeat(1000), 'id-format'],
  // Nothing.
  ['', 'required'],
  ['   ', 'required'],
  ['\u200b\u202e', 'required'],
]);

table('saudiIdKind', saudiIdKind, [
  ['1085427373', 'citizen'],
  ['١٠٨٥٤٢٧٣٧٣', 'citizen'],
  ['2345678904', 'resident'],
  ['1000000009', null],
  ['3000000003', null],
  ['abc', null],
  ['', null],
]);

describe('validateCompanionIds', () => {
  const rows: Array<[string, string[], Array<FieldErrorCode | null>]> = [
    ['1085427373', [], []],
    ['1085427373', ['2345678904'], [null]],
    ['1085427373', ['1085427373'], ['id-same-as-applicant']],
    ['1085427373', ['١٠٨٥ ٤٢٧ ٣٧٣'], ['id-same-as-applicant']],
    ['١٠٨٥٤٢٧٣٧٣', ['1085427373'], ['id-same-as-applicant']],
    ['1085427373', ['1085427373', '1085427373'], ['id-same-as-applicant', 'id-same-as-applicant']],
    ['1085427373', ['2345678904', '2345678904', '۲۳۴۵۶۷۸۹۰۴'], [null, 'id-duplicate', 'id-duplicate']],
    ['2345678904', ['1000000008', '1085427373', '1000000008'], [null, null, 'id-duplicate']],
    ['1085427373', ['1000000009', '1000000009'], ['id-checksum', 'id-checksum']],
    ['1085427373', ['', '3000000003', '108542737', '😀'], ['required', 'id-prefix', 'id-format', 'id-format']],
    ['', ['1085427373', '2345678904'], [null, null]],
    ['1085427373', ['2345678904', '١٠٨٥٤٢٧٣٧٣', '2345678904', '1000000009', ''], [null, 'id-same-as-applicant', 'id-duplicate', 'id-checksum', 'required']],
  ];
  for (const [applicant, companions, expected] of rows) {
    it(`${show(applicant)} with ${show(companions)} → ${show(expected)}`, () => {
      expect(validateCompanionIds(applicant, companions)).to.deep.equal(expected);
    });
  }
});
