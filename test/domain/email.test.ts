import { normalizeEmail, validateEmail } from '../../src/domain/email.js';
import { table } from './table.js';

/** Makes an address of exactly `length` characters with a valid domain (188 characters). */
function addressOfLength(length: number): string {
  const label = 'b'.repeat(61);
  const domain = `${label}.${label}.${label}.sa`;
  return `${'a'.repeat(length - domain.length - 1)}@${domain}`;
}

table('normalizeEmail', normalizeEmail, [
  ['  Citizen@Example.SA \n', 'Citizen@Example.SA'],
  ['citizen@example.sa', 'citizen@example.sa'],
  ['', ''],
]);

table('validateEmail', validateEmail, [
  ['citizen@example.sa', null],
  [' m.alqahtani+visit@najran.gov.sa ', null],
  ['A.B@Example.COM.SA', null],
  ["o'neil@mail.example.com", null],
  ['x@a-b.example.sa', null],
  ['user123@example123.sa', null],
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
  ['<script>@x.sa', 'email-invalid'],
  ['user@<b>.sa', 'email-invalid'],
  ['مواطن@example.sa', 'email-invalid'],
  ['user@مثال.السعودية', 'email-invalid'],
  ['user@١٢٣.sa', 'email-invalid'],
  ['user@example.sa😀', 'email-invalid'],
  ['\u202euser@example.sa', 'email-invalid'],
  ['user\u200b@example.sa', 'email-invalid'],
  [addressOfLength(255), 'too-long'],
  [`${'a'.repeat(300)}@b.sa`, 'too-long'],
  ['', 'required'],
  ['   ', 'required'],
]);
