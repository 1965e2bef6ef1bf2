/**
 * The mock backend's in-memory store: the signed-in user, uploads, requests, remembered
 * idempotent results and public transactions for the inquiry. `resetDb()` restores the start.
 * The store lives in the page; the demo keeps it for the browser tab with `persist.ts`, which
 * listens through `observeDb()`.
 */
import { currentHijriYear } from '../../src/domain/hijri.js';
import type {
  BookingRequest,
  Catalog,
  InquiryResult,
  Message,
  RequestDetail,
  RequestStatus,
  RequestSummary,
  SessionUser,
  UploadedFile,
  UploadPurpose,
} from '../../src/api/types.js';
import { najranCatalog } from './catalog.js';

/** The citizen signed in by default (a valid national ID). */
export const DEFAULT_USER: Readonly<SessionUser> = Object.freeze({
  name: 'محمد عبدالله سعيد القحطاني',
  idNumber: '1085427373',
  mobile: '512345678',
  email: 'm.alqahtani@example.sa',
});

/**
 * The mock's draft secret for a user (`Session.draftSecret`): stable per user, as the contract
 * asks, and different for every user. Demo only: it is derived from the ID number so that it
 * survives the demo's resets; a real backend issues 32 random bytes per user and keeps them.
 */
export async function draftSecretFor(idNumber: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`emirate demo draft secret ${idNumber}`));
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** An accepted upload and its bytes. */
export interface StoredUpload {
  file: UploadedFile;
  purpose: UploadPurpose;
  blob: Blob;
}

/** A response remembered under an idempotency key and sent again for the same key. */
export interface RememberedResponse {
  status: number;
  body: unknown;
}

/** The whole mock state. Mutate it through the helpers below, or directly in a demo. */
export interface MockDb {
  catalog: Catalog;
  user: SessionUser;
  /** Whether `GET /session` carries the user's `draftSecret` (a portal that issues none: `false`). */
  draftSecrets: boolean;
  uploads: Map<string, StoredUpload>;
  /** By request number ('00067'). */
  requests: Map<string, RequestDetail>;
  /** By `METHOD path key`. Only successful results are remembered. */
  idempotency: Map<string, RememberedResponse>;
  /** Transactions the inquiry knows besides the appointment requests. */
  transactions: InquiryResult[];
  /** Times (ms) of recent inquiries, for the mock's rate limit. */
  inquiryTimes: number[];
  /** Whether `seedSampleRequests()` has given the user its history since the last reset. */
  sampleHistory: boolean;
  nextRequestNumber: number;
  nextId: number;
}

/** The first request number handed out (the guide's picture 13 shows 00067). */
const FIRST_REQUEST_NUMBER = 67;
const DAY = 24 * 60 * 60 * 1000;

export const db: MockDb = freshDb();

function freshDb(): MockDb {
  const year = currentHijriYear(new Date());
  return {
    catalog: najranCatalog,
    user: { ...DEFAULT_USER },
    draftSecrets: true,
    uploads: new Map(),
    requests: new Map(),
    idempotency: new Map(),
    transactions: [
      { transactionNumber: '4521', hijriYear: year, status: 'under-processing', updatedAt: daysAgo(3) },
      { transactionNumber: '1187', hijriYear: year - 1, status: 'completed', updatedAt: daysAgo(200) },
    ],
    inquiryTimes: [],
    sampleHistory: false,
    nextRequestNumber: FIRST_REQUEST_NUMBER,
    nextId: 1,
  };
}

/** What the store tells its observer: something changed, or everything was forgotten. */
export type DbEvent = 'changed' | 'reset';
type DbObserver = (event: DbEvent) => void | Promise<void>;
let observer: DbObserver | undefined;

/** Tells `listener` of every change (one at a time: a later call replaces it; `undefined` stops). */
export function observeDb(listener: DbObserver | undefined): void {
  observer = listener;
}

/**
 * Reports a change to the observer and waits for it (the handlers call it after every answer,
 * the demo's controls after acting as staff), so what a citizen was told is kept.
 */
export async function dbChanged(): Promise<void> {
  await observer?.('changed');
}

/** Forgets everything: back to the default user, the Najran catalog and no requests. */
export function resetDb(): void {
  Object.assign(db, freshDb());
  void observer?.('reset');
}

/** Serves another emirate's catalog (e.g. `aljoufCatalog`) until the next reset. */
export function setCatalog(catalog: Catalog): void {
  db.catalog = catalog;
}

/** A new unique id such as `upl-12`. */
export function newId(prefix: string): string {
  return `${prefix}-${db.nextId++}`;
}

/** Stores a new request made of `booking`, numbered from the sequence ('00067', '00068', ...). */
export function createRequest(booking: BookingRequest, at = new Date()): RequestDetail {
  const requestNumber = String(db.nextRequestNumber++).padStart(5, '0');
  const { declaration: _declaration, ...request } = booking;
  const createdAt = at.toISOString();
  const detail: RequestDetail = {
    requestNumber,
    serviceName: db.catalog.service.name,
    createdAt,
    beneficiaryName: booking.fullName,
    status: 'submitted',
    unreadMessages: 0,
    request,
    history: [{ status: 'submitted', at: createdAt }],
    messages: [],
  };
  db.requests.set(requestNumber, detail);
  return detail;
}

/** Moves a request to `status` and records it in its history. */
export function setStatus(requestNumber: string, status: RequestStatus, note?: string): void {
  const detail = mustFind(requestNumber);
  detail.status = status;
  detail.history.push(note === undefined ? { status, at: new Date().toISOString() } : { status, at: new Date().toISOString(), note });
}

/**
 * Adds an unread staff message (and optionally changes the status), as the Emirate's staff would.
 * Its `attachments` need no stored bytes: the mock serves a stand-in file of each one's type.
 */
export function addStaffMessage(requestNumber: string, text: string, status?: RequestStatus, attachments: UploadedFile[] = []): Message {
  const detail = mustFind(requestNumber);
  const message: Message = { id: newId('msg'), from: 'staff', text, at: new Date().toISOString(), read: false, attachments };
  detail.messages.push(message);
  detail.unreadMessages = countUnread(detail);
  if (status) setStatus(requestNumber, status);
  return message;
}

/**
 * Moves the appointment of `requestNumber` (default: the first approved request with one) to
 * `at` (ms), as staff rescheduling it would.
 */
export function moveVisit(at: number, requestNumber?: string): void {
  const detail = requestNumber ? mustFind(requestNumber) : [...db.requests.values()].find((r) => r.status === 'approved' && r.appointment);
  if (!detail?.appointment) throw new Error('No approved request with an appointment in the mock store');
  detail.appointment = { ...detail.appointment, at: new Date(at).toISOString() };
}

/** Unread staff messages of a request. */
export function countUnread(detail: RequestDetail): number {
  return detail.messages.filter((message) => message.from === 'staff' && !message.read).length;
}

/** The inbox row of a request. */
export function toSummary(detail: RequestDetail): RequestSummary {
  const { requestNumber, serviceName, createdAt, beneficiaryName, status, unreadMessages } = detail;
  return { requestNumber, serviceName, createdAt, beneficiaryName, status, unreadMessages };
}

/** All stored requests, oldest first (for tests and the demo). */
export function listStoredRequests(): RequestDetail[] {
  return [...db.requests.values()];
}

/**
 * Gives the signed-in user a history in every status: completed, rejected, approved with an
 * appointment (date, time and gate) and a staff message with a PDF attached, submitted, and
 * under processing with two unread staff messages, one asking for a document (so its status is
 * "needs documents").
 */
export function seedSampleRequests(): void {
  db.sampleHistory = true;
  const booking = sampleBooking();
  const completed = createRequest({ ...booking, reason: 'follow-up', subject: 'متابعة معاملة منحة أرض سكنية.' }, new Date(Date.now() - 60 * DAY));
  setStatus(completed.requestNumber, 'under-processing');
  setStatus(completed.requestNumber, 'approved');
  completed.appointment = { at: new Date(Date.now() - 50 * DAY).toISOString(), gate: 'main' };
  setStatus(completed.requestNumber, 'completed');

  const rejected = createRequest({ ...booking, appointmentType: 'emir', destination: 'emir-office' }, new Date(Date.now() - 30 * DAY));
  setStatus(rejected.requestNumber, 'under-processing');
  setStatus(rejected.requestNumber, 'rejected', 'يمكن إنهاء الطلب عبر الإدارة المختصة دون الحاجة إلى موعد.');

  const approved = createRequest({ ...booking, reason: 'complaint' }, new Date(Date.now() - 10 * DAY));
  setStatus(approved.requestNumber, 'under-processing');
  setStatus(approved.requestNumber, 'approved');
  const visit = new Date(Date.now() + 6 * DAY);
  visit.setUTCHours(6, 30, 0, 0); // 09:30 in Riyadh
  approved.appointment = { at: visit.toISOString(), gate: 'north' };
  addStaffMessage(approved.requestNumber, 'تمت الموافقة على موعدكم، نأمل الحضور قبل الموعد بـ 15 دقيقة.', undefined, [
    { id: newId('upl'), name: 'تعليمات-الزيارة.pdf', size: 2048, type: 'application/pdf' },
  ]);
  for (const message of approved.messages) message.read = true;
  approved.unreadMessages = 0;

  createRequest({ ...booking, subject: 'طلب مقابلة بخصوص مشروع تطوعي.' }, new Date(Date.now() - 4 * DAY));

  const recent = createRequest(booking, new Date(Date.now() - 2 * DAY));
  setStatus(recent.requestNumber, 'under-processing');
  addStaffMessage(recent.requestNumber, 'نأمل إرفاق صورة واضحة من صك الملكية لاستكمال دراسة الطلب.', 'needs-documents');
  addStaffMessage(recent.requestNumber, 'كما نأمل توضيح رقم المعاملة السابقة إن وجد.');
}

/** `count` plain requests, a day apart, for paging through a long history. */
export function seedManyRequests(count: number): void {
  const booking = sampleBooking();
  for (let i = 0; i < count; i++) createRequest(booking, new Date(Date.now() - (i + 100) * DAY));
}

function sampleBooking(): BookingRequest {
  const letter = sampleUpload('خطاب-الزيارة.pdf', 'subject-letter');
  const idCopy = sampleUpload('صورة-الهوية.jpg', 'id-copy');
  return {
    applicantType: 'individual',
    fullName: db.user.name,
    idNumber: db.user.idNumber,
    mobile: db.user.mobile ?? '512345678',
    email: db.user.email ?? 'm.alqahtani@example.sa',
    governorate: 'najran',
    appointmentType: 'department',
    destination: 'rights',
    gate: 'main',
    reason: 'complaint',
    subject: 'أرغب في مقابلة الإدارة العامة للحقوق بخصوص تأخر تنفيذ حكم صادر لصالحي.',
    subjectLetter: letter,
    idCopy,
    belongings: ['private-car'],
    plate: { digits: '1234', letters: 'ABJ', colour: 'أبيض' },
    companions: [],
    declaration: true,
    locale: 'ar',
  };
}

function sampleUpload(name: string, purpose: UploadPurpose): string {
  const type = name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg';
  const blob = new Blob(['sample'], { type });
  const file: UploadedFile = { id: newId('upl'), name, size: blob.size, type };
  db.uploads.set(file.id, { file, purpose, blob });
  return file.id;
}

function mustFind(requestNumber: string): RequestDetail {
  const detail = db.requests.get(requestNumber);
  if (!detail) throw new Error(`No request ${requestNumber} in the mock store`);
  return detail;
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY).toISOString();
}
