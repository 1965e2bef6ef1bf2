import { formatMobile, normalizeMobile, validateMobile } from '../../src/domain/mobile.js';
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
  ['966123', '966123'],
  ['96651234567', '96651234567'],
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
  ['412345678', 'mobile-invalid'],
  ['0412345678', 'mobile-invalid'],
  ['+966 41 234 5678', 'mobile-invalid'],
  ['51234567', 'mobile-invalid'],
  ['5123456789', 'mobile-invalid'],
  ['+1 512345678', 'mobile-invalid'],
  ['5123456x8', 'mobile-invalid'],
  ['abc', 'mobile-invalid'],
  ['0512345678😀', 'mobile-invalid'],
  ['<b>0512345678</b>', 'mobile-invalid'],
  ['+', 'mobile-invalid'],
  ['+966', 'mobile-invalid'],
  ['5'.repeat(100), 'mobile-invalid'],
  ['', 'required'],
  ['   ', 'required'],
  ['\u200b\u202e', 'required'],
]);

table('formatMobile', formatMobile, [
  ['512345678', '+966 51 234 5678'],
  ['598765432', '+966 59 876 5432'],
  ['123', '123'],
  ['5123456789', '5123456789'],
  ['', ''],
]);
