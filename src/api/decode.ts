/**
 * Shape checks for what the server answers: one decoder per response type of the contract
 * (`openapi.yaml`), built from a few small combinators. A decoder returns a fresh value holding
 * only the contract's properties, or throws a {@link ShapeError} naming the first property that
 * is wrong (`items[2].status`), what was expected and what came. The REST adapter runs each
 * answer through its decoder once, where it enters, so elements can trust their data.
 *
 * Leniency, where a strict check would cost the citizen more than the flaw: an optional property
 * may be `null` (taken as absent), and ratings are not worth refusing a whole answer for (a
 * request's rating is clamped to 1–5, or dropped when it is not a number; the service's
 * average is clamped to 0–5).
 *
 * The answers only the inbox reads (requests, messages, the pass) are decoded in
 * `decode-requests.ts`, which loads with the first of them: the booking form never needs it.
 */
import type {
  ApplicantType,
  AppointmentType,
  Belonging,
  Catalog,
  CatalogOption,
  FileRules,
  InquiryResult,
  LocalizedText,
  RequestStatus,
  Session,
  SubmitResult,
  UploadedFile,
} from './types.js';

/** A value that is not what its decoder expects, at `path` (`''` for the whole answer). */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${path || 'the answer'}: expected ${expected}, got ${actual}`);
    this.name = 'ShapeError';
  }
}

/** Checks `value` (found at `path`) and returns it as a `T`, or throws {@link ShapeError}. */
export type Decoder<T> = (value: unknown, path: string) => T;

/** Runs `decoder` on a whole answer. */
export function decode<T>(decoder: Decoder<T>, value: unknown): T {
  return decoder(value, '');
}

/** What came instead, short enough for a console message. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new ShapeError(path, expected, describe(value));
}

export function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---- combinators ----

export const string: Decoder<string> = (value, path) => (typeof value === 'string' ? value : fail(path, 'a string', value));

/** A string with something in it (ids, numbers). */
export const nonEmptyString: Decoder<string> = (value, path) =>
  typeof value === 'string' && value.trim() !== '' ? value : fail(path, 'a non-empty string', value);

export const boolean: Decoder<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, 'true or false', value));

/** A whole number, at least `min`. */
export function integer(min = Number.MIN_SAFE_INTEGER): Decoder<number> {
  return (value, path) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min ? value : fail(path, `a whole number of at least ${min}`, value);
}

/** A date-time string the browser can read (an unreadable one would break date formatting). */
export const dateTime: Decoder<string> = (value, path) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : fail(path, 'an ISO date-time string', value);

/** One of the given strings. */
export function oneOf<T extends string>(...values: T[]): Decoder<T> {
  return (value, path) => (values.includes(value as T) ? (value as T) : fail(path, `one of ${values.join(', ')}`, value));
}

export function array<T>(item: Decoder<T>): Decoder<T[]> {
  return (value, path) => (Array.isArray(value) ? value.map((v, i) => item(v, at(path, i))) : fail(path, 'an array', value));
}

/** An optional property: absent or `null` is `undefined`. */
export function optional<T>(decoder: Decoder<T>): Decoder<T | undefined> {
  return (value, path) => (value === undefined || value === null ? undefined : decoder(value, path));
}

/** Decoders for each property of an object type (optional ones may yield `undefined`). */
export type Fields<T> = { [K in keyof T]-?: Decoder<T[K]> };

/**
 * An object with these properties, each checked by its decoder. The result holds only them
 * (unknown properties are left out; `undefined` ones are not set).
 */
export function object<T>(fields: Fields<T>): Decoder<T> {
  return (value, path) => {
    if (!isRecord(value)) fail(path, 'an object', value);
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as Array<keyof T & string>) {
      const decoded = fields[key](value[key], at(path, key));
      if (decoded !== undefined) result[key] = decoded;
    }
    return result as T;
  };
}

/** A number kept within `min`–`max` (rounded when `whole`); `undefined` when it is not a number. */
export function clamped(min: number, max: number, whole: boolean): Decoder<number | undefined> {
  return (value) => {
    if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
    const within = Math.min(max, Math.max(min, value));
    return whole ? Math.round(within) : within;
  };
}

// ---- the contract's types ----

const builtInTexts = object<{ ar: string; en: string }>({ ar: string, en: string });
/**
 * `ar` and `en`, and the text of any other language the catalog gives (`ur`…, under its code as
 * the widget knows it: lower case; only a string is kept, and only the active language's code is
 * ever looked up).
 */
export const localizedText: Decoder<LocalizedText> = (value, path) => {
  const texts: LocalizedText = builtInTexts(value, path);
  for (const [key, text] of Object.entries(value as Record<string, unknown>)) if (typeof text === 'string') texts[key] ??= text;
  return texts;
};

const catalogOption = object<CatalogOption>({ id: nonEmptyString, label: localizedText });
const applicantType = object<ApplicantType>({
  id: nonEmptyString,
  label: localizedText,
  entity: optional(object({ commercialRegistration: optional(boolean), authorisationLetter: optional(oneOf('required', 'optional')) })),
});
const belonging = object<Belonging>({ id: nonEmptyString, label: localizedText, vehicle: optional(boolean) });

const appointmentType = object<AppointmentType>({
  id: nonEmptyString,
  label: localizedText,
  usesDepartments: optional(boolean),
  destinations: optional(array(catalogOption)),
});

const fileRules = object<FileRules>({ acceptedTypes: array(string), maxBytes: integer(1), maxFiles: optional(integer(1)), maxTotalBytes: optional(integer(1)) });
/** A slot's own rules (#14): any of the file rules, over the catalog's. */
const slotRules = object<Partial<FileRules>>({
  acceptedTypes: optional(array(string)),
  maxBytes: optional(integer(1)),
  maxFiles: optional(integer(1)),
  maxTotalBytes: optional(integer(1)),
});

const averageRating: Decoder<number> = (value, path) => clamped(0, 5, false)(value, path) ?? 0;

/** `GET /catalog`. */
export const catalog = object<Catalog>({
  emirate: object({ name: localizedText }),
  service: object({
    name: localizedText,
    description: localizedText,
    terms: array(localizedText),
    beneficiaries: localizedText,
    fee: localizedText,
    duration: localizedText,
    channels: localizedText,
    rating: averageRating,
    guideUrl: optional(string),
  }),
  applicantTypes: array(applicantType),
  appointmentTypes: array(appointmentType),
  departments: array(catalogOption),
  gates: array(catalogOption),
  reasons: array(catalogOption),
  governorates: array(catalogOption),
  belongings: array(belonging),
  files: fileRules,
  attachments: optional(object({ subjectLetter: optional(slotRules), idCopy: optional(slotRules), authorisationLetter: optional(slotRules) })),
  companions: object({ max: integer(0) }),
  subject: object({ maxLength: integer(1) }),
});

/**
 * `GET /session`. Also keeps `draftSecret` (a per-user secret for sealing drafts), when the
 * backend sends one.
 */
export const session = object<Session & { draftSecret?: string }>({
  user: object({ idNumber: nonEmptyString, name: string, mobile: optional(string), email: optional(string) }),
  expiresAt: optional(dateTime),
  draftSecret: optional(nonEmptyString),
});

/** `POST /uploads`; also the attachments of a message. */
export const uploadedFile = object<UploadedFile>({ id: nonEmptyString, name: string, size: integer(0), type: string });

/** `POST /requests`. */
export const submitResult = object<SubmitResult>({ requestNumber: nonEmptyString, createdAt: dateTime });

/** A request's status (also read by the inbox's decoders, `decode-requests.ts`). */
export const requestStatus = oneOf<RequestStatus>('submitted', 'under-processing', 'needs-documents', 'approved', 'rejected', 'completed', 'cancelled');

/** `GET /inquiry`. */
export const inquiryResult = object<InquiryResult>({
  transactionNumber: nonEmptyString,
  hijriYear: integer(1),
  status: requestStatus,
  updatedAt: dateTime,
});
