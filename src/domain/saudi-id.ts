/** Saudi national ID and Iqama numbers (DOMAIN.md). */
import type { FieldErrorCode } from './codes.js';
import { digitsOnly } from './digits.js';

export type SaudiIdError = 'required' | 'id-format' | 'id-prefix' | 'id-checksum';

/** The ID as ASCII digits, without spaces, dashes or invisible characters. */
export function normalizeSaudiId(raw: string): string {
  return digitsOnly(raw).trim();
}

/** Luhn over the ten digits: double positions 1, 3, 5, 7, 9 from the left. */
function luhnValid(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < id.length; i++) {
    let d = Number(id[i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Checks an ID typed by a person: ten digits, starting 1 (citizen) or 2 (resident), valid check digit. */
export function validateSaudiId(raw: string): SaudiIdError | null {
  const id = normalizeSaudiId(raw);
  if (!id) return 'required';
  if (!/^\d{10}$/.test(id)) return 'id-format';
  if (id[0] !== '1' && id[0] !== '2') return 'id-prefix';
  return luhnValid(id) ? null : 'id-checksum';
}

/** Citizen (national ID, starts 1) or resident (Iqama, starts 2); `null` for anything else. */
export function saudiIdKind(id: string): 'citizen' | 'resident' | null {
  const normalized = normalizeSaudiId(id);
  if (validateSaudiId(normalized)) return null;
  return normalized[0] === '1' ? 'citizen' : 'resident';
}

/**
 * Companions' IDs: each must be valid, differ from the applicant's, and differ from every
 * earlier companion's (the first occurrence is fine; later repeats are flagged).
 */
export function validateCompanionIds(applicantId: string, companionIds: string[]): Array<FieldErrorCode | null> {
  const applicant = normalizeSaudiId(applicantId);
  const seen = new Set<string>();
  return companionIds.map((raw) => {
    const own = validateSaudiId(raw);
    if (own) return own;
    const id = normalizeSaudiId(raw);
    if (applicant && id === applicant) return 'id-same-as-applicant';
    if (seen.has(id)) return 'id-duplicate';
    seen.add(id);
    return null;
  });
}
