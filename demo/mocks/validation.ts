/**
 * The mock server's own checks of a booking request, answered as 422 field errors with the
 * widget's codes. Deliberately independent of `src/domain` so the widget's rules are tested
 * against a second opinion.
 */
import type { FieldError } from '../../src/api/errors.js';
import type { Catalog, CatalogOption } from '../../src/api/types.js';

/** The e-mail address the mock rejects although it looks valid (for tests of server-side errors). */
export const REJECTED_EMAIL = 'taken@example.sa';

type Json = Record<string, unknown>;

/** Field errors of a submitted booking; empty when the server accepts it. */
export function validateBooking(
  body: unknown,
  catalog: Catalog,
  hasUpload: (id: unknown) => boolean,
  sessionName = '',
  uploadSize: (id: unknown) => number = () => 0,
): FieldError[] {
  const b: Json = isRecord(body) ? body : {};
  const errors: FieldError[] = [];
  const add = (field: string, code: string | null, message?: string) => {
    if (code) errors.push(message === undefined ? { field, code } : { field, code, message });
  };

  add('applicantType', choice(b.applicantType, catalog.applicantTypes));
  const rules = catalog.applicantTypes.find((t) => t.id === b.applicantType)?.entity;
  if (rules) {
    const entity: Json = isRecord(b.entity) ? b.entity : {};
    add('entity.name', isBlank(entity.name) ? 'required' : String(entity.name).length > 200 ? 'too-long' : null);
    if (rules.commercialRegistration) add('entity.commercialRegistration', isBlank(entity.commercialRegistration) ? 'required' : /^\d{10}$/.test(String(entity.commercialRegistration)) ? null : 'cr-format');
    if (rules.authorisationLetter === 'required' || entity.authorisationLetter !== undefined) add('entity.authorisationLetter', hasUpload(entity.authorisationLetter) ? null : 'required');
  }
  // The name the session (Nafath) gave is taken as it is.
  add('fullName', String(b.fullName ?? '').trim() === sessionName.trim() && sessionName.trim() ? null : fullName(b.fullName, b.idNumber));
  add('idNumber', saudiId(b.idNumber));
  add('mobile', isBlank(b.mobile) ? 'required' : /^5\d{8}$/.test(String(b.mobile)) ? null : 'mobile-invalid');
  add('email', email(b.email));
  if (!errors.some((e) => e.field === 'email') && String(b.email).toLowerCase() === REJECTED_EMAIL) {
    add('email', 'email-invalid', b.locale === 'en' ? 'This e-mail address is already linked to another account.' : 'هذا البريد الإلكتروني مرتبط بحساب آخر.');
  }
  if (!isBlank(b.governorate)) add('governorate', choice(b.governorate, catalog.governorates));
  const typeError = choice(b.appointmentType, catalog.appointmentTypes);
  add('appointmentType', typeError);
  if (!typeError) {
    const type = catalog.appointmentTypes.find((t) => t.id === b.appointmentType);
    add('destination', choice(b.destination, type?.usesDepartments ? catalog.departments : (type?.destinations ?? [])));
  }
  add('gate', choice(b.gate, catalog.gates));
  add('reason', choice(b.reason, catalog.reasons));
  add('subject', isBlank(b.subject) ? 'required' : String(b.subject).length > catalog.subject.maxLength ? 'too-long' : null);
  add('subjectLetter', hasUpload(b.subjectLetter) ? null : 'required');
  add('idCopy', hasUpload(b.idCopy) ? null : 'required');
  if (b.moreFiles !== undefined) errors.push(...moreFiles(b, catalog, hasUpload, uploadSize));
  const belongings = Array.isArray(b.belongings) ? b.belongings : [];
  if (!Array.isArray(b.belongings) || belongings.some((id) => choice(id, catalog.belongings))) add('belongings', 'invalid');
  if (b.preference !== undefined) add('preference', preferenceProblem(b.preference));
  const vehicle = belongings.some((id) => catalog.belongings.some((o) => o.id === id && o.vehicle));
  if (b.plate !== undefined) add('plate', plateProblem(b.plate));
  else if (vehicle) add('plate', 'required');
  errors.push(...companions(b.companions, b.idNumber, catalog.companions.max, hasUpload));
  add('declaration', b.declaration === true ? null : 'required');
  add('locale', b.locale === 'ar' || b.locale === 'en' ? null : 'invalid');
  return errors;
}

/** A slot's second and later files (#14): known uploads, within the slot's count and total weight. */
function moreFiles(b: Json, catalog: Catalog, hasUpload: (id: unknown) => boolean, uploadSize: (id: unknown) => number): FieldError[] {
  if (!isRecord(b.moreFiles)) return [{ field: 'moreFiles', code: 'invalid' }];
  const errors: FieldError[] = [];
  for (const [slot, ids] of Object.entries(b.moreFiles)) {
    const first = slot === 'authorisationLetter' ? (isRecord(b.entity) ? b.entity.authorisationLetter : undefined) : b[slot];
    if (!['subjectLetter', 'idCopy', 'authorisationLetter'].includes(slot) || !Array.isArray(ids) || first === undefined) {
      errors.push({ field: `moreFiles.${slot}`, code: 'invalid' });
      continue;
    }
    const rules = { ...catalog.files, ...catalog.attachments?.[slot as 'idCopy'] };
    ids.forEach((id, i) => {
      if (!hasUpload(id)) errors.push({ field: `moreFiles.${slot}.${i}`, code: 'required' });
    });
    if (ids.length + 1 > (rules.maxFiles ?? 1)) errors.push({ field: `moreFiles.${slot}`, code: 'files-max' });
    const total = [first, ...ids].reduce((sum: number, id) => sum + uploadSize(id), 0);
    if (rules.maxTotalBytes !== undefined && total > rules.maxTotalBytes) errors.push({ field: `moreFiles.${slot}`, code: 'files-total-too-large' });
  }
  return errors;
}

function companions(value: unknown, applicantId: unknown, max: number, hasUpload: (id: unknown) => boolean): FieldError[] {
  if (!Array.isArray(value)) return [{ field: 'companions', code: 'invalid' }];
  if (value.length > max) return [{ field: 'companions', code: 'companions-max' }];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, index) => {
    const c: Json = isRecord(item) ? item : {};
    const at = (name: string, code: string | null) => {
      if (code) errors.push({ field: `companions.${index}.${name}`, code });
    };
    at('fullName', fullName(c.fullName, c.idNumber));
    const id = String(c.idNumber ?? '');
    at('idNumber', saudiId(c.idNumber) ?? (id === applicantId ? 'id-same-as-applicant' : seen.has(id) ? 'id-duplicate' : null));
    seen.add(id);
    at('idImage', hasUpload(c.idImage) ? null : 'required');
  });
  return errors;
}

function choice(value: unknown, options: CatalogOption[]): string | null {
  if (isBlank(value)) return 'required';
  return options.some((o) => o.id === value) ? null : 'invalid';
}

/** Four parts for a citizen (or an ID that is not a resident's), two for a resident (Iqama starting 2). */
function fullName(value: unknown, idNumber: unknown): string | null {
  if (isBlank(value)) return 'required';
  const resident = String(idNumber ?? '').startsWith('2');
  const parts = String(value).trim().split(/\s+/).length;
  if (resident) return parts >= 2 ? null : 'name-parts-resident';
  return parts >= 4 ? null : 'name-parts';
}

function email(value: unknown): string | null {
  if (isBlank(value)) return 'required';
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(String(value)) ? null : 'email-invalid';
}

/** A Saudi national ID or Iqama: ten digits, first 1 or 2, Luhn check digit (DOMAIN.md). */
export function saudiId(value: unknown): string | null {
  if (isBlank(value)) return 'required';
  const id = String(value);
  if (!/^\d{10}$/.test(id)) return 'id-format';
  if (id[0] !== '1' && id[0] !== '2') return 'id-prefix';
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(id[i]);
    const value = i % 2 === 0 ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  }
  return sum % 10 === 0 ? null : 'id-checksum';
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A time preference as the contract's `TimePreference` says, or `invalid`. */
function preferenceProblem(value: unknown): string | null {
  if (!isRecord(value) || !Array.isArray(value.days) || !Array.isArray(value.parts)) return 'invalid';
  const days = ['sun', 'mon', 'tue', 'wed', 'thu'];
  const parts = ['early', 'midday', 'late'];
  const ok = (list: readonly unknown[], allowed: string[]) => list.every((v) => allowed.includes(v as string)) && new Set(list).size === list.length;
  return ok(value.days, days) && ok(value.parts, parts) ? null : 'invalid';
}

/** A plate as the contract's `CarPlate` says, or its field error code. */
function plateProblem(plate: unknown): string | null {
  if (typeof plate !== 'object' || plate === null) return 'invalid';
  const { digits, letters, make, colour } = plate as Record<string, unknown>;
  if (typeof digits !== 'string' || !/^[1-9][0-9]{0,3}$/.test(digits) || typeof letters !== 'string' || letters.length !== 3) return 'plate-format';
  if (!/^[ABJDRSXTEGKLZNHUV]{3}$/.test(letters)) return 'plate-letter';
  for (const text of [make, colour]) if (text !== undefined && (typeof text !== 'string' || text.length > 40)) return 'too-long';
  return null;
}
