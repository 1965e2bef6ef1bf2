import { expect } from '@open-wc/testing';
import { SAUDI_MOBILE_PREFIXES, formatMobile, normalizeMobile, validateMobile } from '../../src/domain/mobile.js';
import { table } from './table.js';

table('normalizeMobile', normalizeMobile, [
  ['512345678', '512345678'],
  ['0512345678', '512345678'],
  ['+966512345678', '512345678'],
  ['00966512345678', '512345678'],
  ['966512345678', '512345678'],
  ['+966 51 234 5678', '512345678'],
  ['05-123-45678', '512345678'],
  ['٠٥١٢٣٤٥٦٧٨', '512345678'],
  ['۰۵۱۲۳۴۵۶۷۸', '512345678'],
  ['+٩٦٦٥١٢٣٤٥٦٧٨', '512345678'],
  ['\u202a+966 512345678\u202c', '512345678'],
  ['\u200b0512345678', '512345678'],
  // Pasted international forms with the trunk 0 or brackets.
  ['+966 0512345678', '512345678'],
  ['(+966) 512345678', '512345678'],
  ['+966 (0)512345678', '512345678'],
  ['009660512345678', '512345678'],
  ['9660512345678', '512345678'],
  ['(+966) 0512345678', '512345678'],
  ['(966) 512345678', '512345678'],
  ['(05) 1234 5678', '512345678'],
  ['+٩٦٦ (٠)٥١٢٣٤٥٦٧٨', '512345678'],
  ['966123', '966123'],
  ['96651234567', '96651234567'],
  ['+1 512345678', '1512345678'],
  ['', ''],
]);

table('validateMobile', validateMobile, [
  ['512345678', null],
  ['0512345678', null],
  ['+966 51 234 5678', null],
  ['00966 512 345 678', null],
  ['۰۵۱۲۳۴۵۶۷۸', null],
  ['٥١٢-٣٤٥-٦٧٨', null],
  ['\u202e0512345678', null],
  ['+966 0512345678', null],
  ['(+966) 512345678', null],
  ['+966 (0)512345678', null],
  ['009660512345678', null],
  // Every allocated range (libphonenumber: 579[0-8]\d{5}|5(?:[013-689]\d|7[0-8])\d{6}).
  ['0501234567', null],
  ['0531234567', null],
  ['0541234567', null],
  ['0551234567', null],
  ['0561234567', null],
  ['0581234567', null],
  ['0591234567', null],
  ['0570123456', null],
  ['0578999999', null],
  ['0579012345', null],
  ['0579812345', null],
  // Unallocated: 052x and 05799x.
  ['0521234567', 'mobile-invalid'],
  ['+966 52 000 0000', 'mobile-invalid'],
  ['0579912345', 'mobile-invalid'],
  ['579999999', 'mobile-invalid'],
  ['412345678', 'mobile-invalid'],
  ['0412345678', 'mobile-invalid'],
  ['+966 41 234 5678', 'mobile-invalid'],
  ['51234567', 'mobile-invalid'],
  ['5123456789', 'mobile-invalid'],
  ['+966 05123456789', 'mobile-invalid'],
  ['+1 512345678', 'mobile-invalid'],
  ['5123456x8', 'mobile-invalid'],
  ['abc', 'mobile-invalid'],
  ['0512345678😀', 'mobile-invalid'],
  ['<b>0512345678</b>', 'mobile-invalid'],
  ['+', 'mobile-invalid'],
  ['+966', 'mobile-invalid'],
  ['()', 'mobile-invalid'],
  ['5'.repeat(100), 'mobile-invalid'],
  ['', 'required'],
  ['   ', 'required'],
  ['\u200b\u202e', 'required'],
]);

describe('SAUDI_MOBILE_PREFIXES', () => {
  /** libphonenumber's SA mobile pattern (PhoneNumberMetadata.xml), the table's source. */
  const LIBPHONENUMBER_SA_MOBILE = /^(?:579[0-8]\d{5}|5(?:[013-689]\d|7[0-8])\d{6})$/;

  it('accepts exactly what libphonenumber’s pattern accepts, for every four-digit start', () => {
    for (let start = 5000; start <= 5999; start++) {
      const number = `${start}12345`;
      expect(validateMobile(number) === null, number).to.equal(LIBPHONENUMBER_SA_MOBILE.test(number));
    }
  });

  it('is a list of digit prefixes starting with 5', () => {
    for (const prefix of SAUDI_MOBILE_PREFIXES) expect(prefix).to.match(/^5\d{1,3}$/);
  });
});

table('formatMobile', formatMobile, [
  ['512345678', '+966 51 234 5678'],
  ['598765432', '+966 59 876 5432'],
  ['123', '123'],
  ['5123456789', '5123456789'],
  ['', ''],
]);
