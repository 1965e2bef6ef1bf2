/**
 * The appointment request as the form holds it, its validation, and its conversion to the
 * payload the adapter sends. Plain data and functions: no DOM.
 */
import type { AttachmentSlotName, BookingRequest, Catalog, CatalogOption, CompanionPayload, DayPart, EntityRules, Weekday } from '../api/types.js';
import type { LaterRules } from './booking-later.js';
import type { FieldErrorCode } from './codes.js';
import { normalizeEmail, validateEmail } from './email.js';
import { normalizeMobile, validateMobile } from './mobile.js';
import { isSessionName, nameHolder, normalizeName, validateFullName } from './name.js';
import { normalizeSaudiId, validateCompanionIds, validateSaudiId } from './saudi-id.js';
import { normalizeText, textLength, validateText } from './text.js';

/** One companion (مرافق) while being filled in. `key` is stable across edits and reloads. */
export interface CompanionValues {
  key: string;
  fullName: string;
  idNumber: string;
}

/** The booking form's typed-in values (files are kept apart, see {@link AttachmentRefs}). */
export interface BookingValues {
  applicantType: string;
  /** The body's name, asked when the applicant type is one (public or private sector, #14). */
  entityName: string;
  /** Its commercial registration number, when the catalog asks for it. */
  commercialRegistration: string;
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
  /** The car's plate as typed (`أ ب ح ١٢٣٤`, `ABJ 1234`), asked when a belonging is a vehicle (#14). */
  plate: string;
  plateMake: string;
  plateColour: string;
  /** The days and parts of the day that suit the citizen (optional, #14), in the week's order. */
  preferredDays: Weekday[];
  preferredParts: DayPart[];
  companions: CompanionValues[];
  /**
   * How many places for more files each slot has opened beyond its first (#14, when the catalog's
   * `maxFiles` allows): their files are kept as `subjectLetter.1`, `subjectLetter.2`…
   */
  moreFiles: Partial<Record<AttachmentSlotName, number>>;
  declaration: boolean;
}

/** The attachment slots of the form itself; companions' images use `companion:<key>`. */
export type AttachmentSlot = AttachmentSlotName;

/** Upload ids of the attachments that are ready, by slot (`subjectLetter`, `idCopy`, `companion:<key>`). */
export type AttachmentRefs = Record<string, string | undefined>;

/** Field path → error code. Paths are the form's names: `idNumber`, `companions.1.idNumber`. */
export type FieldErrors = Map<string, FieldErrorCode>;

export function emptyBooking(): BookingValues {
  return {
    applicantType: '',
    entityName: '',
    commercialRegistration: '',
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
    plate: '',
    plateMake: '',
    plateColour: '',
    preferredDays: [],
    preferredParts: [],
    companions: [],
    moreFiles: {},
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
  'entityName',
  'commercialRegistration',
  'appointmentType',
  'destination',
  'gate',
  'reason',
  'subject',
  'preferredDays',
  'preferredParts',
  'subjectLetter',
  'idCopy',
  'authorisationLetter',
  'hasBelongings',
  'belongings',
  'plate',
  'plateMake',
  'plateColour',
  'companions',
  'declaration',
] as const;

/** The longest name of a body the form takes (the contract's `EntityPayload.name`). */
export const ENTITY_NAME_MAX_LENGTH = 200;

/** What the chosen applicant type asks of a body (its name, and these), or `undefined` for an individual. */
export function entityRulesFor(catalog: Catalog, applicantType: string): EntityRules | undefined {
  return catalog.applicantTypes.find((t) => t.id === applicantType)?.entity;
}

/** The longest make or colour of a car the form takes (the contract's `CarPlate`). */
export const PLATE_DETAIL_MAX_LENGTH = 40;

/** Whether the declared belongings include one the catalog marks a vehicle: then its plate is asked. */
export function declaresVehicle(values: Pick<BookingValues, 'hasBelongings' | 'belongings'>, catalog: Catalog): boolean {
  return values.hasBelongings === 'yes' && values.belongings.some((id) => catalog.belongings.some((b) => b.id === id && b.vehicle));
}

/** A companion's fields in the order the form shows them. */
const COMPANION_FIELD_ORDER = ['fullName', 'idNumber', 'idImage'];

/**
 * Compares two field paths by where the form shows them (for the error summary): the booking's
 * fields in {@link FIELD_ORDER}; within the companions the list's own error first, then companion
 * by companion in number order (companion 10 after companion 2), each one's name, ID, ID image.
 */
export function compareFieldPaths(a: string, b: string): number {
  const position = (path: string): number[] => {
    const [group = '', index, sub = ''] = path.split('.');
    const field = FIELD_ORDER.indexOf(group as (typeof FIELD_ORDER)[number]);
    const top = field < 0 ? FIELD_ORDER.length : field;
    if (index === undefined) return [top, -1, -1];
    // A slot's later files (`subjectLetter.2`) after its first, in their order.
    if (group !== 'companions') return [top, Number(index), -1];
    const at = COMPANION_FIELD_ORDER.indexOf(sub);
    return [top, Number(index), at < 0 ? COMPANION_FIELD_ORDER.length : at];
  };
  const [pa, pb] = [position(a), position(b)];
  for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function companionSlot(key: string): string {
  return `companion:${key}`;
}

/**
 * What the form knows of the attachment in a slot (`subjectLetter`, `companion:<key>`): `true`
 * when it is ready to send, `false` when none is chosen (`required`), or the code saying why the
 * chosen one cannot be sent (rejected by a rule, its upload failed or is still going).
 */
export type FileCheck = (slot: string) => boolean | FieldErrorCode;

function fileError(check: FileCheck, slot: string): FieldErrorCode | null {
  const state = check(slot);
  return state === true ? null : state === false ? 'required' : state;
}

/** The visit destinations (جهة الزيارة) offered for the chosen appointment type. */
export function destinationsFor(catalog: Catalog, appointmentType: string): CatalogOption[] {
  const type = catalog.appointmentTypes.find((t) => t.id === appointmentType);
  if (!type) return [];
  return type.usesDepartments ? catalog.departments : (type.destinations ?? []);
}

const has = (options: CatalogOption[], id: string) => options.some((o) => o.id === id);

/**
 * Validates the companion rows: each name by the companion's own ID (a resident companion's
 * name needs two parts, see {@link nameHolder}); `applicantId` and earlier rows feed the
 * duplicate rules; `hasFile` tells each ID image's state (see {@link FileCheck}).
 */
export function validateCompanions(companions: CompanionValues[], applicantId: string, hasFile: FileCheck): FieldErrors {
  const errors: FieldErrors = new Map();
  const idErrors = validateCompanionIds(applicantId, companions.map((c) => c.idNumber));
  companions.forEach((companion, i) => {
    const nameError = validateFullName(companion.fullName, { holder: nameHolder(companion.idNumber) });
    if (nameError) errors.set(`companions.${i}.fullName`, nameError);
    const idError = idErrors[i];
    if (idError) errors.set(`companions.${i}.idNumber`, idError);
    const imageError = fileError(hasFile, companionSlot(companion.key));
    if (imageError) errors.set(`companions.${i}.idImage`, imageError);
  });
  return errors;
}

export interface BookingValidationOptions {
  /**
   * The name the session (Nafath) supplied. While the full name is that name (once normalised)
   * it is taken as given: only `required` applies, not the parts, characters or length rules.
   */
  sessionName?: string;
  /**
   * The rules of the fields below the first screen (./booking-later.ts). Without them the car's
   * plate and a body's registration are not checked: the form shows those fields, and passes the
   * rules, once they have loaded.
   */
  later?: LaterRules;
  /** The size in bytes of the file at an attachment key, for a slot's `maxTotalBytes`. */
  sizeOf?: (key: string) => number | undefined;
}

/**
 * Every rule of the booking form (guide §1.9–1.15, SPEC's field table) in one place.
 * `hasFile(slot)` tells each attachment's state (see {@link FileCheck}). The applicant's name
 * follows the applicant's ID: four parts for a citizen, two for a resident ({@link nameHolder}).
 */
export function validateBooking(
  values: BookingValues,
  catalog: Catalog,
  hasFile: FileCheck,
  { sessionName, later, sizeOf = () => undefined }: BookingValidationOptions = {},
): FieldErrors {
  const errors: FieldErrors = new Map();
  const set = (field: string, code: FieldErrorCode | null) => {
    if (code) errors.set(field, code);
  };
  const choose = (field: string, value: string, options: CatalogOption[]) =>
    set(field, value && has(options, value) ? null : 'required');

  choose('applicantType', values.applicantType, catalog.applicantTypes);
  const entity = entityRulesFor(catalog, values.applicantType);
  if (entity) {
    set('entityName', validateText(values.entityName, { maxLength: ENTITY_NAME_MAX_LENGTH }));
    if (entity.commercialRegistration && later) set('commercialRegistration', later.validateCommercialRegistration(values.commercialRegistration));
    const letter = hasFile('authorisationLetter');
    // An optional letter need not be there, but one chosen must be ready to send.
    if (entity.authorisationLetter === 'required' || (entity.authorisationLetter === 'optional' && letter !== false)) set('authorisationLetter', fileError(hasFile, 'authorisationLetter'));
  }
  set('fullName', isSessionName(values.fullName, sessionName) ? null : validateFullName(values.fullName, { holder: nameHolder(values.idNumber) }));
  set('idNumber', validateSaudiId(values.idNumber));
  set('mobile', validateMobile(values.mobile));
  set('email', validateEmail(values.email));
  if (values.governorate && !has(catalog.governorates, values.governorate)) set('governorate', 'required');
  choose('appointmentType', values.appointmentType, catalog.appointmentTypes);
  choose('destination', values.destination, destinationsFor(catalog, values.appointmentType));
  choose('gate', values.gate, catalog.gates);
  choose('reason', values.reason, catalog.reasons);
  set('subject', validateText(values.subject, { maxLength: catalog.subject.maxLength }));
  set('subjectLetter', fileError(hasFile, 'subjectLetter'));
  set('idCopy', fileError(hasFile, 'idCopy'));
  // A slot's later files, its count and their weight together (./slot-files.ts).
  if (later) for (const [key, code] of later.moreFileErrors(catalog, values.moreFiles, !!entity?.authorisationLetter, hasFile, sizeOf)) if (!errors.has(key)) errors.set(key, code);
  if (!values.hasBelongings) set('hasBelongings', 'required');
  if (values.hasBelongings === 'yes' && !values.belongings.some((b) => has(catalog.belongings, b))) {
    set('belongings', 'required');
  }
  if (declaresVehicle(values, catalog) && later) {
    const plate = later.parsePlate(values.plate);
    if ('error' in plate) set('plate', plate.error);
    for (const field of ['plateMake', 'plateColour'] as const) {
      if (textLength(normalizeText(values[field]).trim()) > PLATE_DETAIL_MAX_LENGTH) set(field, 'too-long');
    }
  }
  if (values.companions.length > catalog.companions.max) set('companions', 'companions-max');
  for (const [field, code] of validateCompanions(values.companions, values.idNumber, hasFile)) {
    errors.set(field, code);
  }
  if (!values.declaration) set('declaration', 'required');
  return errors;
}

/**
 * Normalises typed values (digits, spaces, invisible characters) into the payload the backend
 * receives; the catalog tells which belonging is a vehicle, whose plate goes with it.
 */
export function toBookingRequest(
  values: BookingValues,
  attachments: AttachmentRefs,
  locale: 'ar' | 'en',
  catalog: Catalog,
  later: LaterRules,
): BookingRequest {
  const companions: CompanionPayload[] = values.companions.map((c) => ({
    fullName: normalizeName(c.fullName),
    idNumber: normalizeSaudiId(c.idNumber),
    idImage: attachments[companionSlot(c.key)] ?? '',
  }));
  const entity = entityRulesFor(catalog, values.applicantType);
  return {
    applicantType: values.applicantType,
    ...(entity
      ? {
          entity: {
            name: normalizeText(values.entityName).trim(),
            ...(entity.commercialRegistration ? { commercialRegistration: later.normalizeCommercialRegistration(values.commercialRegistration) } : {}),
            ...(entity.authorisationLetter && attachments.authorisationLetter ? { authorisationLetter: attachments.authorisationLetter } : {}),
          },
        }
      : {}),
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
    ...later.moreFilesPayload(values.moreFiles, attachments, !!entity?.authorisationLetter),
    belongings: values.hasBelongings === 'yes' ? values.belongings : [],
    ...plateOf(values, catalog, later),
    ...(values.preferredDays.length + values.preferredParts.length ? { preference: { days: values.preferredDays, parts: values.preferredParts } } : {}),
    companions,
    declaration: true,
    locale,
  };
}

/** The plate to send: when a vehicle is declared and its plate reads as one, with make and colour when given. */
function plateOf(values: BookingValues, catalog: Catalog, later: LaterRules): Pick<BookingRequest, 'plate'> {
  const parsed = declaresVehicle(values, catalog) ? later.parsePlate(values.plate) : undefined;
  if (!parsed || 'error' in parsed) return {};
  const make = normalizeText(values.plateMake).trim();
  const colour = normalizeText(values.plateColour).trim();
  return { plate: { ...parsed.plate, ...(make ? { make } : {}), ...(colour ? { colour } : {}) } };
}
