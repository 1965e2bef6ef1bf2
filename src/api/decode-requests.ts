/**
 * Shape checks of the answers only the inbox reads: the user's requests, their messages, the
 * unread count and the visit pass (see `decode.ts` for the combinators and the rules). Loaded
 * with the first of these calls, so the booking path does not carry them.
 */
import { array, at, boolean, clamped, dateTime, integer, isRecord, localizedText, nonEmptyString, object, oneOf, optional, requestStatus, string, uploadedFile, type Decoder, type Fields } from './decode.js';
import type { Message, Page, RequestDetail, RequestSummary, UnreadCount, VisitPass } from './types.js';

const summaryFields: Fields<RequestSummary> = {
  requestNumber: nonEmptyString,
  serviceName: localizedText,
  createdAt: dateTime,
  beneficiaryName: string,
  status: requestStatus,
  unreadMessages: integer(0),
};

/** `GET /requests`: one page of the user's requests. */
export const requestPage = object<Page<RequestSummary>>({
  items: array(object(summaryFields)),
  page: integer(1),
  pageSize: integer(1),
  total: integer(0),
});

/** `POST /requests/{number}/messages`; also each message of a request. */
export const message = object<Message>({
  id: nonEmptyString,
  from: oneOf('staff', 'applicant'),
  text: string,
  at: dateTime,
  read: boolean,
  attachments: array(uploadedFile),
});

/** The request's rating: stars clamped to 1–5; the rating is dropped when its stars are not a number. */
const rating: Decoder<RequestDetail['rating']> = (value, path) => {
  if (!isRecord(value)) return undefined;
  const stars = clamped(1, 5, true)(value.stars, at(path, 'stars'));
  if (stars === undefined) return undefined;
  return typeof value.comment === 'string' ? { stars, comment: value.comment } : { stars };
};

/** `GET /requests/{number}`. */
export const requestDetail = object<RequestDetail>({
  ...summaryFields,
  request: object<RequestDetail['request']>({
    applicantType: string,
    entity: optional(object({ name: string, commercialRegistration: optional(string), authorisationLetter: optional(string) })),
    fullName: string,
    idNumber: string,
    mobile: string,
    email: string,
    governorate: optional(string),
    appointmentType: string,
    destination: string,
    gate: string,
    reason: string,
    subject: string,
    subjectLetter: string,
    idCopy: string,
    moreFiles: optional(object({ subjectLetter: optional(array(string)), idCopy: optional(array(string)), authorisationLetter: optional(array(string)) })),
    belongings: array(string),
    preference: optional(object({ days: array(oneOf('sun', 'mon', 'tue', 'wed', 'thu')), parts: array(oneOf('early', 'midday', 'late')) })),
    plate: optional(object({ digits: string, letters: string, make: optional(string), colour: optional(string) })),
    companions: array(object({ fullName: string, idNumber: string, idImage: string })),
    locale: oneOf('ar', 'en'),
  }),
  history: array(object({ status: requestStatus, at: dateTime, note: optional(string) })),
  messages: array(message),
  appointment: optional(object({ at: dateTime, gate: string })),
  rating,
});

/** `GET /messages/unread`. */
export const unreadCount = object<UnreadCount>({ total: integer(0) });

/** `GET /requests/{number}/pass`. */
export const visitPass = object<VisitPass>({ token: nonEmptyString, validFrom: dateTime, validTo: dateTime });
