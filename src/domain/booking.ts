/**
 * The appointment request as the form holds it, its validation, and its conversion to the
 * payload the adapter sends. Plain data and functions: no DOM.
 */
import type { BookingRequest, Catalog, CatalogOption, CompanionPayload } from '../api/types.js';
import type { FieldErrorCode } from './codes.js';
import { normalizeEmail, validateEmail } from './email.js';
import { normalizeMobile, validateMobile } from './mobile.js';
import { normalizeName, validateFullName } from './name.js';
import { normalizeSaudiId, validateCompanionIds, validateSaudiId } from './saudi-id.js';
import { normalizeText, validateText } from './text.js';

/** One companion (مرافق) while being filled in. `key` is stable across edits and reloads. */
export interface CompanionValues {
  key: string;
  fullName: string;
  idNumber: string;
}

/** The booking form's typed-in values (files are kept apart, see {@link AttachmentRefs}). */
export interface BookingValues {
  applicantType: string;
  fullName: string;
  idNumber: string;
  mobile: string;
  email: string;
  governorate: string;
  appointmentType: string;
  destination: string;
  gate: string;
  reason: string;
  subject: string;
  /** "Other belongings?" (هل لديك مرفقات أخرى؟): unanswered, yes or no. */
  hasBelongings: '' | 'yes' | 'no';
  belongings: string[];
  companions: CompanionValues[];
  declaration: boolean;
}

/** The attachment slots of the form itself; companions' images use `companion:<key>`. */
export type AttachmentSlot = 'subjectLetter' | 'idCopy';

/** Upload ids of the attachments that are ready, by slot (`subjectLetter`, `idCopy`, `companion:<key>`). */
export type AttachmentRefs = Record<string, string | undefined>;

/** Field path → error code. Paths are the form's names: `idNumber`, `companions.1.idNumber`. */
export type FieldErrors = Map<string, FieldErrorCode>;

export function emptyBooking(): BookingValues {
  return {
    applicantType: '',
    fullName: '',
    idNumber: '',
    mobile: '',
    email: '',
    governorate: '',
    appointmentType: '',
    destination: '',
    gate: '',
    reason: '',
    subject: '',
    hasBelongings: '',
    belongings: [],
    companions: [],
    declaration: false,
  };
}

/** The order fields appear in, for the error summary and focus. */
export const FIELD_ORDER = [
  'applicantType',
  'fullName',
  'idNumber',
  'mobile',
  'email',
  'governorate',
  'appointmentType',
  'destination',
  'gate',
  'reason',
  'subject',
  'subjectLetter',
  'idCopy',
  'hasBelongings',
  'belongings',
  'companions',
  'declaration',
] as const;

export function companionSlot(key: string): string {
  return `companion:${key}`;
}

/** The visit destinations (جهة الزيارة) offered for the chosen appointment type. */
export function destinationsFor(catalog: Catalog, appointmentType: string): CatalogOption[] {
  const type = catalog.appointmentTypes.find((t) => t.id === appointmentType);
  if (!type) return [];
  return type.usesDepartments ? catalog.departments : (type.destinations ?? []);
}

const has = (options: CatalogOption[], id: string) => options.some((o) => o.id === id);

/** Validates one companion row; `applicantId` and earlier rows feed the duplicate rules. */
export function validateCompanions(
  companions: CompanionValues[],
  applicantId: string,
  hasFile: (slot: string) => boolean,
): FieldErrors {
  const errors: FieldErrors = new Map();
  const idErrors = validateCompanionIds(applicantId, companions.map((c) => c.idNumber));
  companions.forEach((companion, i) => {
    const nameError = validateFullName(companion.fullName);
    if (nameError) errors.set(`companions.${i}.fullName`, nameError);
    const idError = idErrors[i];
    if (idError) errors.set(`companions.${i}.idNumber`, idError);
    if (!hasFile(companionSlot(companion.key))) errors.set(`companions.${i}.idImage`, 'required');
  });
  return errors;
}

/**
 * Every rule of the booking form (guide §1.9–1.15, SPEC's field table) in one place.
 * `hasFile(slot)` says whether an attachment is chosen and acceptable for the slot.
 */
export function validateBooking(values: BookingValues, catalog: Catalog, hasFile: (slot: string) => boolean): FieldErrors {
  const errors: FieldErrors = new Map();
  const set = (field: string, code: FieldErrorCode | null) => {
    if (code) errors.set(field, code);
  };
  const choose = (field: string, value: string, options: CatalogOption[]) =>
    set(field, value && has(options, value) ? null : 'required');

  choose('applicantType', values.applicantType, catalog.applicantTypes);
  set('fullName', validateFullName(values.fullName));
  set('idNumber', validateSaudiId(values.idNumber));
  set('mobile', validateMobile(values.mobile));
  set('email', validateEmail(values.email));
  if (values.governorate && !has(catalog.governorates, values.governorate)) set('governorate', 'required');
  choose('appointmentType', values.appointmentType, catalog.appointmentTypes);
  choose('destination', values.destination, destinationsFor(catalog, values.appointmentType));
  choose('gate', values.gate, catalog.gates);
  choose('reason', values.reason, catalog.reasons);
  set('subject', validateText(values.subject, { maxLength: catalog.subject.maxLength }));
  if (!hasFile('subjectLetter')) set('subjectLetter', 'required');
  if (!hasFile('idCopy')) set('idCopy', 'required');
  if (!values.hasBelongings) set('hasBelongings', 'required');
  if (values.hasBelongings === 'yes' && !values.belongings.some((b) => has(catalog.belongings, b))) {
    set('belongings', 'required');
  }
  if (values.companions.length > catalog.companions.max) set('companions', 'companions-max');
  for (const [field, code] of validateCompanions(values.companions, values.idNumber, hasFile)) {
    errors.set(field, code);
  }
  if (!values.declaration) set('declaration', 'required');
  return errors;
}

/** Normalises typed values (digits, spaces, invisible characters) into the payload the backend receives. */
export function toBookingRequest(values: BookingValues, attachments: AttachmentRefs, locale: 'ar' | 'en'): BookingRequest {
  const companions: CompanionPayload[] = values.companions.map((c) => ({
    fullName: normalizeName(c.fullName),
    idNumber: normalizeSaudiId(c.idNumber),
    idImage: attachments[companionSlot(c.key)] ?? '',
  }));
  return {
    applicantType: values.applicantType,
    fullName: normalizeName(values.fullName),
    idNumber: normalizeSaudiId(values.idNumber),
    mobile: normalizeMobile(values.mobile),
    email: normalizeEmail(values.email),
    ...(values.governorate ? { governorate: values.governorate } : {}),
    appointmentType: values.appointmentType,
    destination: values.destination,
    gate: values.gate,
    reason: values.reason,
    subject: normalizeText(values.subject).trim(),
    subjectLetter: attachments.subjectLetter ?? '',
    idCopy: attachments.idCopy ?? '',
    belongings: values.hasBelongings === 'yes' ? values.belongings : [],
    companions,
    declaration: true,
    locale,
  };
}
