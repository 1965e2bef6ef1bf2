/**
 * The API adapter contract: the only way the widget's elements reach a backend.
 *
 * The built-in {@link RestAdapter} implements it over the REST contract in `openapi.yaml`;
 * a portal whose backend differs passes its own object with these methods as the
 * elements' `adapter` property. Every method rejects with an {@link ApiError} subclass
 * (see `errors.ts`), never with a bare `Error`.
 */

/**
 * Text the catalog supplies in both built-in languages, and in any other language code a portal
 * registered (`ur`, `fr`…): the widget shows the active language's text, then English, then Arabic.
 */
export interface LocalizedText {
  ar: string;
  en: string;
  [locale: string]: string | undefined;
}

/** One choice in a catalog list (department, gate, reason, ...). */
export interface CatalogOption {
  id: string;
  label: LocalizedText;
}

/**
 * What the form asks of an applicant who is a body (#14): its name always; these say what more,
 * so the catalog decides what is required.
 */
export interface EntityRules {
  /** The commercial registration number (السجل التجاري, 10 digits) is asked, and required. */
  commercialRegistration?: boolean;
  /** The authorisation letter (خطاب التفويض) as an attachment: required, optional, or not asked when absent. */
  authorisationLetter?: 'required' | 'optional';
}

/** An applicant type (النوع): an individual, or a body (public or private sector) when it has `entity`. */
export interface ApplicantType extends CatalogOption {
  entity?: EntityRules;
}

/** An appointment type (نوع الموعد) and where such a visit may go (جهة الزيارة). */
export interface AppointmentType extends CatalogOption {
  /** When true, the visit destination is chosen from `Catalog.departments` (guide §1.11). */
  usesDepartments?: boolean;
  /** Destinations for this type when it does not use the department list. */
  destinations?: CatalogOption[];
}

/** A belonging the visitor may declare (مرفقات الزائر). */
export interface Belonging extends CatalogOption {
  /** A vehicle that enters the grounds (a private car): the form then asks for its plate (#14). */
  vehicle?: boolean;
}

/** Attachment rules: accepted MIME types (checked by content) and the size limit. */
export interface FileRules {
  /** e.g. `['application/pdf', 'image/jpeg', 'image/png']` */
  acceptedTypes: string[];
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /**
   * How many files one attachment slot takes (the guide's "اختيار ملفات"); 1 when absent. A slot
   * with more sends its second and later files in `BookingRequest.moreFiles`.
   */
  maxFiles?: number;
  /** The most the files of one slot may weigh together, in bytes; no limit beyond `maxBytes` each when absent. */
  maxTotalBytes?: number;
}

/** The booking form's own attachment slots (a companion's ID image is one image per companion). */
export type AttachmentSlotName = 'subjectLetter' | 'idCopy' | 'authorisationLetter';

/** The service card (guide §1.5, picture 3). */
export interface ServiceInfo {
  name: LocalizedText;
  description: LocalizedText;
  terms: LocalizedText[];
  beneficiaries: LocalizedText;
  fee: LocalizedText;
  duration: LocalizedText;
  channels: LocalizedText;
  /** Average rating, 0 to 5. */
  rating: number;
  /** Where the service guide (PDF) can be downloaded, if any. */
  guideUrl?: string;
}

/** Everything portal-specific: lists, limits and texts. Never hard-coded in elements. */
export interface Catalog {
  emirate: { name: LocalizedText };
  service: ServiceInfo;
  applicantTypes: ApplicantType[];
  appointmentTypes: AppointmentType[];
  departments: CatalogOption[];
  gates: CatalogOption[];
  reasons: CatalogOption[];
  governorates: CatalogOption[];
  belongings: Belonging[];
  files: FileRules;
  /**
   * Rules of one slot over `files` (#14): e.g. `{ subjectLetter: { maxFiles: 3, maxTotalBytes: 10485760 } }`
   * lets the visit subject letter take three files of at most 10 MB together.
   */
  attachments?: Partial<Record<AttachmentSlotName, Partial<FileRules>>>;
  companions: { max: number };
  subject: { maxLength: number };
}

/** The signed-in user as the portal's backend knows them (from Nafath). */
export interface SessionUser {
  /** National ID or Iqama number; read-only in the form. */
  idNumber: string;
  name: string;
  /** Saudi mobile, nine digits starting with 5, when known. */
  mobile?: string;
  email?: string;
}

export interface Session {
  user: SessionUser;
  /**
   * ISO date-time at which the session ends, when the backend says. A session the widget saw
   * reported absent before this time was signed out (its drafts are deleted); after it, it
   * expired (its sealed drafts stay for the next sign-in).
   */
  expiresAt?: string;
  /**
   * The user's draft secret: at least 32 random bytes as base64url, issued by the backend per
   * user and the same in every session of that user (see `openapi.yaml`). Drafts on the device
   * are sealed under keys derived from it, so a copied disk or another user of the browser
   * reads nothing. Without it, drafts keep typed values only (no files), for 24 hours. Never
   * log it; a new secret makes the user's earlier drafts unreadable (they are dropped).
   */
  draftSecret?: string;
}

/** What an attachment is for; the backend may apply different rules. */
export type UploadPurpose = 'subject-letter' | 'id-copy' | 'companion-id' | 'authorisation-letter' | 'reply';

/** A file the backend has accepted and will link to a request by `id`. */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  type: string;
}

export interface UploadOptions {
  signal?: AbortSignal;
  /** Called with the fraction sent, 0 to 1. */
  onProgress?: (fraction: number) => void;
  /**
   * The same key for every attempt to upload one chosen file (the citizen's "try again"
   * included): a server that saw it already answers with the first upload. Without one, the
   * adapter makes one per call.
   */
  idempotencyKey?: string;
}

/** One companion (مرافق) as sent to the backend. */
export interface CompanionPayload {
  fullName: string;
  idNumber: string;
  /** Upload id of the companion's ID image. */
  idImage: string;
}

/**
 * The visitor's car at the gate (#14): a Saudi plate in one form (see `domain/plate.ts`), with
 * its make and colour when given.
 */
export interface CarPlate {
  /** 1–4 ASCII digits, no leading zero. */
  digits: string;
  /** Three Latin plate letters (A B J D R S X T E G K L Z N H U V), in the plate's order. */
  letters: string;
  make?: string;
  colour?: string;
}

/** A working day (Sunday to Thursday), for the citizen's preferred time. */
export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu';
/** A part of the working day: before 10:00, 10:00–12:00, after 12:00 (Riyadh time). */
export type DayPart = 'early' | 'midday' | 'late';

/**
 * When the citizen would rather come (#14): staff still assign the appointment, and see this.
 * Either list may be empty (any day, any time); both empty is sent as no preference at all.
 */
export interface TimePreference {
  days: Weekday[];
  parts: DayPart[];
}

/** The body the applicant asks for (#14), when the applicant type has `entity` rules. */
export interface EntityPayload {
  name: string;
  /** Ten ASCII digits, when the rules ask for it. */
  commercialRegistration?: string;
  /** Upload id of the authorisation letter, when one is attached. */
  authorisationLetter?: string;
}

/** The appointment request as sent to the backend (guide §1.9–1.16). */
export interface BookingRequest {
  applicantType: string;
  /** The body asking, when the applicant type is one (public or private sector). */
  entity?: EntityPayload;
  fullName: string;
  idNumber: string;
  /** Nine digits starting with 5 (the +966 prefix is implied). */
  mobile: string;
  email: string;
  governorate?: string;
  appointmentType: string;
  destination: string;
  gate: string;
  reason: string;
  subject: string;
  /** Upload id of the visit subject letter (خطاب موضوع الزيارة). */
  subjectLetter: string;
  /** Upload id of the copy of the applicant's ID (صورة الهوية). */
  idCopy: string;
  /**
   * Upload ids of the second and later files of a slot, in the citizen's order, when the catalog
   * lets that slot take several (`FileRules.maxFiles`); the first file stays in its own field.
   */
  moreFiles?: Partial<Record<AttachmentSlotName, string[]>>;
  /** Belonging ids; empty when the visitor has none. */
  belongings: string[];
  /** When the citizen would rather come (optional); staff still assign the appointment. */
  preference?: TimePreference;
  /** The car's plate, when the belongings include one the catalog marks `vehicle`. */
  plate?: CarPlate;
  companions: CompanionPayload[];
  declaration: true;
  /** The language the citizen used, for SMS and staff replies. */
  locale: 'ar' | 'en';
}

export interface SubmitResult {
  requestNumber: string;
  /** ISO date-time. */
  createdAt: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface SubmitOptions extends RequestOptions {
  /** The same key for every retry of one submission: the backend creates one request. */
  idempotencyKey: string;
}

export type RequestStatus =
  | 'submitted'
  | 'under-processing'
  | 'needs-documents'
  | 'approved'
  | 'rejected'
  | 'completed'
  /** The citizen cancelled it (ملغي); see {@link EmirateAdapter.cancelRequest}. */
  | 'cancelled';

/** A row of the inbox (guide picture 13). */
export interface RequestSummary {
  requestNumber: string;
  serviceName: LocalizedText;
  /** ISO date-time. */
  createdAt: string;
  beneficiaryName: string;
  status: RequestStatus;
  unreadMessages: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface StatusChange {
  status: RequestStatus;
  at: string;
  note?: string;
}

export interface Message {
  id: string;
  from: 'staff' | 'applicant';
  /** Plain text; never rendered as HTML. */
  text: string;
  at: string;
  read: boolean;
  attachments: UploadedFile[];
}

export interface Appointment {
  /** ISO date-time of the visit. */
  at: string;
  gate: string;
}

export interface RequestDetail extends RequestSummary {
  request: Omit<BookingRequest, 'declaration'>;
  history: StatusChange[];
  messages: Message[];
  appointment?: Appointment;
  rating?: { stars: number; comment?: string };
}

export interface ReplyPayload {
  text: string;
  attachments: string[];
}

export interface RatingPayload {
  stars: 1 | 2 | 3 | 4 | 5;
  comment?: string;
}

export interface InquiryQuery {
  transactionNumber: string;
  hijriYear: number;
}

export interface InquiryResult {
  transactionNumber: string;
  hijriYear: number;
  status: RequestStatus;
  /** ISO date-time of the last status change. */
  updatedAt: string;
}

/**
 * The visit pass of an approved request (`GET /requests/{number}/pass`): an opaque token the
 * backend issues and signs, shown as a QR code at the gate. The widget never makes one up.
 */
export interface VisitPass {
  /** Opaque, signed by the backend; the QR code's content. */
  token: string;
  /** ISO date-time from which the gate accepts it. */
  validFrom: string;
  /** ISO date-time after which the gate refuses it. */
  validTo: string;
}

/** Why the citizen cancels (`POST /requests/{number}/cancel`); the reason is optional. */
export interface CancelPayload {
  reason?: string;
}

/** What `GET /messages/unread` answers. */
export interface UnreadCount {
  /** Unread staff messages over all the user's requests. */
  total: number;
}

/** The adapter interface. */
export interface EmirateAdapter {
  /** The current session, or `null` when nobody is signed in. */
  getSession(options?: RequestOptions): Promise<Session | null>;
  getCatalog(options?: RequestOptions): Promise<Catalog>;
  uploadFile(file: Blob, name: string, purpose: UploadPurpose, options?: UploadOptions): Promise<UploadedFile>;
  submitRequest(request: BookingRequest, options: SubmitOptions): Promise<SubmitResult>;
  listRequests(query: { page: number; pageSize: number }, options?: RequestOptions): Promise<Page<RequestSummary>>;
  getRequest(requestNumber: string, options?: RequestOptions): Promise<RequestDetail>;
  sendMessage(requestNumber: string, reply: ReplyPayload, options: SubmitOptions): Promise<Message>;
  markMessagesRead(requestNumber: string, options?: RequestOptions): Promise<void>;
  /**
   * The bytes of a file attached to one of the request's messages (staff's or the citizen's),
   * with its type; {@link NotFoundError} when the request or the file is not the user's.
   */
  getAttachment(requestNumber: string, fileId: string, options?: RequestOptions): Promise<Blob>;
  /**
   * How many staff messages the signed-in user has not read, across all their requests (the
   * count a portal shows beside the user's name, guide §2.3).
   */
  getUnreadCount(options?: RequestOptions): Promise<number>;
  /** The server's summary document (PDF), or `null` when it offers none. */
  getSummary(requestNumber: string, options?: RequestOptions): Promise<Blob | null>;
  rateRequest(requestNumber: string, rating: RatingPayload, options?: RequestOptions): Promise<void>;
  /**
   * The visit pass of an approved request with an appointment; {@link NotFoundError} for an
   * unknown request, `ApiError('conflict')` when the request has no pass (not approved).
   */
  getPass(requestNumber: string, options?: RequestOptions): Promise<VisitPass>;
  /**
   * Cancels a request that is not completed, rejected or past its appointment and returns it
   * as it now is (status `cancelled`). Cancelling a cancelled request again changes nothing and
   * succeeds; `ApiError('conflict')` when it can no longer be cancelled.
   */
  cancelRequest(requestNumber: string, cancel: CancelPayload, options?: RequestOptions): Promise<RequestDetail>;
  /** Public: needs no session. */
  inquire(query: InquiryQuery, options?: RequestOptions): Promise<InquiryResult>;
}
