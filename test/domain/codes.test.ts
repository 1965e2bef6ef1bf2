import { expect } from '@open-wc/testing';
import type { FieldErrorCode } from '../../src/domain/codes.js';
import { validateEmail } from '../../src/domain/email.js';
import { validateMobile } from '../../src/domain/mobile.js';
import { validateFullName } from '../../src/domain/name.js';
import { validateCompanionIds, validateSaudiId } from '../../src/domain/saudi-id.js';
import { validateCommercialRegistration } from '../../src/domain/commercial-registration.js';
import { validatePlate } from '../../src/domain/plate.js';
import { validateText } from '../../src/domain/text.js';

/** Every code, once: the compiler rejects a missing or unknown key. */
const CODES: Record<FieldErrorCode, true> = {
  required: true,
  'id-format': true,
  'id-prefix': true,
  'id-checksum': true,
  'id-duplicate': true,
  'id-same-as-applicant': true,
  'mobile-invalid': true,
  'email-invalid': true,
  'name-parts': true,
  'name-parts-resident': true,
  'name-chars': true,
  'too-long': true,
  'file-empty': true,
  'file-too-large': true,
  'file-type': true,
  'file-name-type': true,
  'upload-failed': true,
  'upload-pending': true,
  'companions-max': true,
  'transaction-invalid': true,
  'year-invalid': true,
  'cr-format': true,
  'plate-format': true,
  'plate-letter': true,
  'files-max': true,
  'files-total-too-large': true,
};

/** Bad input of every kind the rules meet. */
const BAD = ['', ' ', '\u202e\u200b', '٠٥١٢٣', '۱۲۳', 'abc', '😀', '<b>x</b>', '1-2 3', 'x'.repeat(500)];

describe('FieldErrorCode', () => {
  const rules: Array<[string, (raw: string) => string | null]> = [
    ['validateSaudiId', validateSaudiId],
    ['validateMobile', validateMobile],
    ['validateEmail', validateEmail],
    ['validateFullName', (raw) => validateFullName(raw)],
    ['validateFullName (resident)', (raw) => validateFullName(raw, { holder: 'resident' })],
    ['validateText', (raw) => validateText(raw, { maxLength: 10 })],
    ['validatePlate', validatePlate],
    ['validateCommercialRegistration', validateCommercialRegistration],
    ['validateCompanionIds', (raw) => validateCompanionIds('1085427373', [raw, raw])[1] ?? null],
  ];
  for (const [name, rule] of rules) {
    it(`${name} answers bad input with known codes only`, () => {
      for (const raw of BAD) {
        const code = rule(raw);
        if (code !== null) expect(Object.keys(CODES)).to.include(code);
      }
    });
  }
});
