import { normalizeCommercialRegistration, validateCommercialRegistration } from '../../src/domain/commercial-registration.js';
import { table } from './table.js';

table('validateCommercialRegistration', validateCommercialRegistration, [
  ['5950012345', null],
  ['١٠١٠٢٣٤٥٦٧', null],
  ['1010 234 567', null],
  ['1010-234-567', null],
  ['\u200f1010234567\u200e', null],
  ['', 'required'],
  ['   ', 'required'],
  ['101023456', 'cr-format'],
  ['10102345678', 'cr-format'],
  ['10102345a7', 'cr-format'],
  ['CR1010234567', 'cr-format'],
  ['1010.234.567', 'cr-format'],
]);

table('normalizeCommercialRegistration', normalizeCommercialRegistration, [
  ['١٠١٠ ٢٣٤ ٥٦٧', '1010234567'],
  ['۵۹۵۰۰۱۲۳۴۵', '5950012345'],
  [' 1010–234–567 ', '1010234567'],
]);
