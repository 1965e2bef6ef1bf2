import { normalizeEmail, validateEmail } from '../../src/domain/email.js';
import { table } from './table.js';

/** Makes an address of exactly `length` characters with a valid domain (189 characters) and a local part of `length - 190`. */
function addressOfLength(length: number): string {
  const label = 'b'.repeat(61);
  const domain = `${label}.${label}.${label}.com`;
  return `${'a'.repeat(length - domain.length - 1)}@${domain}`;
}

table('normalizeEmail', normalizeEmail, [
  ['  Citizen@Example.SA \n', 'Citizen@Example.SA'],
  ['citizen@example.sa', 'citizen@example.sa'],
  // A domain in another script is sent as punycode (UTS #46, the WHATWG URL host parser).
  ['user@مثال.السعودية', 'user@xn--mgbh0fb.xn--mgberp4a5d4ar'],
  [' User@مثال.السعودية ', 'User@xn--mgbh0fb.xn--mgberp4a5d4ar'],
  ['user@bücher.example', 'user@xn--bcher-kva.example'],
  ['user@BÜCHER.example', 'user@xn--bcher-kva.example'],
  ['user@例え.jp', 'user@xn--r8jz45g.jp'],
  ['a@b@مثال.السعودية', 'a@b@xn--mgbh0fb.xn--mgberp4a5d4ar'],
  // Not a domain name: left for the rule to refuse.
  ['user@example.sa😀', 'user@example.sa😀'],
  ['user@مثال/x.sa', 'user@مثال/x.sa'],
  ['user@مثال\u200b.sa', 'user@مثال\u200b.sa'],
  ['مواطن@example.sa', 'مواطن@example.sa'],
  ['no-at-sign', 'no-at-sign'],
  ['', ''],
]);

table('validateEmail', validateEmail, [
  ['citizen@example.sa', null],
  [' m.alqahtani+visit@najran.gov.sa ', null],
  ['A.B@Example.COM.SA', null],
  ["o'neil@mail.example.com", null],
  ['x@a-b.example.sa', null],
  ['user123@example123.sa', null],
  ['user@example.xn--mgberp4a5d4ar', null],
  ['user@مثال.السعودية', null],
  ['user@bücher.example', null],
  [`${'a'.repeat(64)}@example.sa`, null],
  [addressOfLength(254), null],
  ['citizen@example', 'email-invalid'],
  ['citizen.example.sa', 'email-invalid'],
  ['a@b@c.sa', 'email-invalid'],
  ['@example.sa', 'email-invalid'],
  ['user@', 'email-invalid'],
  ['user name@example.sa', 'email-invalid'],
  ['user@-example.sa', 'email-invalid'],
  ['user@example-.sa', 'email-invalid'],
  ['user@example..sa', 'email-invalid'],
  ['user@example.sa.', 'email-invalid'],
  ['user@مثال..السعودية', 'email-invalid'],
  // The local part: no leading, trailing or doubled dot; at most 64 characters.
  ['.user@example.sa', 'email-invalid'],
  ['user.@example.sa', 'email-invalid'],
  ['us..er@example.sa', 'email-invalid'],
  ['.@example.sa', 'email-invalid'],
  [`${'a'.repeat(65)}@example.sa`, 'email-invalid'],
  // An all-numeric top-level domain (an IP address is not a mail domain here).
  ['user@example.123', 'email-invalid'],
  ['user@192.168.0.1', 'email-invalid'],
  ['user@example.sa1', null],
  ['<script>@x.sa', 'email-invalid'],
  ['user@<b>.sa', 'email-invalid'],
  ['مواطن@example.sa', 'email-invalid'],
  ['user@example.sa😀', 'email-invalid'],
  ['user@مثال\u200b.sa', 'email-invalid'],
  ['\u202euser@example.sa', 'email-invalid'],
  ['user\u200b@example.sa', 'email-invalid'],
  [addressOfLength(255), 'too-long'],
  [`${'a'.repeat(300)}@b.sa`, 'too-long'],
  ['', 'required'],
  ['   ', 'required'],
]);
