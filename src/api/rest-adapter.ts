/**
 * The built-in adapter: {@link EmirateAdapter} over the REST contract in `openapi.yaml`.
 *
 * Three parts, each in its own module: the transport (`transport.ts`, with the small HTTP pieces
 * of `http.ts`: fetch and upload, per-attempt timeouts, retries with backoff, `Retry-After`,
 * anti-CSRF headers, size limits, redirects), the decoding (`decode.ts`: the shape of every
 * answer, checked once where it enters) and, here, the operations: which call each adapter
 * method makes and how its answer is read.
 */
import { randomId } from './random-id.js';
import { NetworkError, NotFoundError, UnauthorizedError } from './errors.js';
import * as decoders from './decode.js';
import { ShapeError, type Decoder } from './decode.js';
import { Transport, type CallSpec, type TransportOptions } from './transport.js';
import type {
  BookingRequest,
  CancelPayload,
  Catalog,
  EmirateAdapter,
  InquiryQuery,
  InquiryResult,
  Message,
  Page,
  RatingPayload,
  ReplyPayload,
  RequestDetail,
  RequestOptions,
  RequestSummary,
  Session,
  SubmitOptions,
  SubmitResult,
  UploadedFile,
  UploadOptions,
  UploadPurpose,
  VisitPass,
} from './types.js';

export { REQUESTED_WITH, type Live } from './transport.js';
export { parseRetryAfter } from './http.js';

/** How the REST adapter reaches the backend (see {@link TransportOptions} for each option). */
export type RestAdapterOptions = TransportOptions;

/** The REST adapter. All methods reject only with {@link ApiError} subclasses. */
export class RestAdapter implements EmirateAdapter {
  private readonly transport: Transport;

  constructor(options: RestAdapterOptions) {
    this.transport = new Transport(options);
  }

  /** `GET /session`; `null` when nobody is signed in (401, or a redirect to a sign-in page). */
  async getSession(options: RequestOptions = {}): Promise<Session | null> {
    try {
      return await this.get('getSession', '/session', decoders.session, options);
    } catch (error) {
      if (error instanceof UnauthorizedError) return null;
      throw error;
    }
  }

  /** `GET /catalog`. */
  getCatalog(options: RequestOptions = {}): Promise<Catalog> {
    return this.get('getCatalog', '/catalog', decoders.catalog, options);
  }

  /**
   * `POST /uploads` (multipart), sent with XMLHttpRequest so `onProgress` gets the fraction sent
   * and finally 1. The Blob goes with its own `type` and under `name`: the widget's file field
   * gives the type found from the content and a name whose extension matches it. One
   * `Idempotency-Key` (the caller's, or a new one) covers the adapter's retries. 413 and 415
   * become {@link ValidationError}s on the field `file` (`file-too-large`, `file-type`).
   */
  async uploadFile(file: Blob, name: string, purpose: UploadPurpose, options: UploadOptions = {}): Promise<UploadedFile> {
    const form = new FormData();
    form.append('file', file, name);
    form.append('name', name);
    form.append('purpose', purpose);
    const body = await this.transport.upload({
      operation: 'uploadFile',
      path: '/uploads',
      form,
      idempotencyKey: options.idempotencyKey ?? randomId(),
      signal: options.signal,
      onProgress: options.onProgress,
    });
    const uploaded = this.decode('uploadFile', 'POST', this.transport.url('/uploads'), body, decoders.uploadedFile, 'UploadedFile');
    options.onProgress?.(1);
    return uploaded;
  }

  /** `POST /requests` with the caller's `Idempotency-Key`: retried safely, one request at most. */
  submitRequest(request: BookingRequest, options: SubmitOptions): Promise<SubmitResult> {
    const spec = { method: 'POST', path: '/requests', body: request, idempotencyKey: options.idempotencyKey, signal: options.signal } as const;
    return this.read('submitRequest', spec, decoders.submitResult, 'SubmitResult');
  }

  /** `GET /requests?page=&pageSize=`: the signed-in user's requests, newest first. */
  async listRequests(query: { page: number; pageSize: number }, options: RequestOptions = {}): Promise<Page<RequestSummary>> {
    return this.get('listRequests', '/requests', (await inbox()).requestPage, options, { page: query.page, pageSize: query.pageSize });
  }

  /** `GET /requests/{number}`; {@link NotFoundError} for an unknown number. */
  async getRequest(requestNumber: string, options: RequestOptions = {}): Promise<RequestDetail> {
    return this.get('getRequest', requestPath(requestNumber), (await inbox()).requestDetail, options);
  }

  /** `POST /requests/{number}/messages` with the caller's `Idempotency-Key`. */
  async sendMessage(requestNumber: string, reply: ReplyPayload, options: SubmitOptions): Promise<Message> {
    const path = `${requestPath(requestNumber)}/messages`;
    const spec = { method: 'POST', path, body: reply, idempotencyKey: options.idempotencyKey, signal: options.signal } as const;
    return this.read('sendMessage', spec, (await inbox()).message, 'Message');
  }

  /** `POST /requests/{number}/messages/read`: marks the staff's messages read. Not retried. */
  async markMessagesRead(requestNumber: string, options: RequestOptions = {}): Promise<void> {
    const path = `${requestPath(requestNumber)}/messages/read`;
    await this.transport.call({ operation: 'markMessagesRead', method: 'POST', path, signal: options.signal, expect: 'none' });
  }

  /**
   * `GET /requests/{number}/files/{id}`: a message attachment's bytes, typed by the answer's
   * `Content-Type`. Retried like every GET; {@link NotFoundError} for an unknown request or file.
   */
  async getAttachment(requestNumber: string, fileId: string, options: RequestOptions = {}): Promise<Blob> {
    const path = `${requestPath(requestNumber)}/files/${encodeURIComponent(fileId)}`;
    const reply = await this.transport.call({ operation: 'getAttachment', method: 'GET', path, signal: options.signal, expect: 'file', accept: '*/*' });
    return reply.body;
  }

  /** `GET /messages/unread`: the user's unread staff messages over all their requests. */
  async getUnreadCount(options: RequestOptions = {}): Promise<number> {
    const { total } = await this.get('getUnreadCount', '/messages/unread', (await inbox()).unreadCount, options);
    return total;
  }

  /** `GET /requests/{number}/summary` (PDF); `null` when the server offers none (404). */
  async getSummary(requestNumber: string, options: RequestOptions = {}): Promise<Blob | null> {
    try {
      const path = `${requestPath(requestNumber)}/summary`;
      const reply = await this.transport.call({ operation: 'getSummary', method: 'GET', path, signal: options.signal, expect: 'file', accept: 'application/pdf' });
      return reply.body;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** `POST /requests/{number}/rating`; `ApiError('conflict')` when already rated. Not retried. */
  async rateRequest(requestNumber: string, rating: RatingPayload, options: RequestOptions = {}): Promise<void> {
    const path = `${requestPath(requestNumber)}/rating`;
    await this.transport.call({ operation: 'rateRequest', method: 'POST', path, body: rating, signal: options.signal, expect: 'none' });
  }

  /** `GET /requests/{number}/pass`: 404 unknown request, 409 `no-pass` when it is not approved. */
  async getPass(requestNumber: string, options: RequestOptions = {}): Promise<VisitPass> {
    return this.get('getPass', `${requestPath(requestNumber)}/pass`, (await inbox()).visitPass, options);
  }

  /**
   * `POST /requests/{number}/cancel` with the optional reason: the request as it now is.
   * Cancelling twice answers the cancelled request again; 409 `not-cancellable` when it is
   * completed, rejected or past its appointment. Not retried (no Idempotency-Key), but safe to
   * try again.
   */
  async cancelRequest(requestNumber: string, cancel: CancelPayload, options: RequestOptions = {}): Promise<RequestDetail> {
    const spec = { method: 'POST', path: `${requestPath(requestNumber)}/cancel`, body: cancel, signal: options.signal } as const;
    return this.read('cancelRequest', spec, (await inbox()).requestDetail, 'RequestDetail');
  }

  /** `GET /inquiry?number=&year=`: public, needs no session. */
  inquire(query: InquiryQuery, options: RequestOptions = {}): Promise<InquiryResult> {
    return this.get('inquire', '/inquiry', decoders.inquiryResult, options, { number: query.transactionNumber, year: query.hijriYear });
  }

  // ---- reading answers ----

  private get<T>(operation: string, path: string, decoder: Decoder<T>, options: RequestOptions, query?: CallSpec['query']): Promise<T> {
    return this.read(operation, { method: 'GET', path, query, signal: options.signal }, decoder, SCHEMAS[operation] ?? operation);
  }

  /** A JSON call, its answer checked by `decoder` (the contract's `schema`). */
  private async read<T>(operation: string, spec: Omit<CallSpec, 'operation'>, decoder: Decoder<T>, schema: string): Promise<T> {
    const body = await this.transport.json({ ...spec, operation });
    return this.decode(operation, spec.method, this.transport.url(spec.path, spec.query), body, decoder, schema);
  }

  /** `body` as the contract's `schema` says, or a {@link BadResponseError} naming what is wrong. */
  private decode<T>(operation: string, method: string, url: string, body: unknown, decoder: Decoder<T>, schema: string): T {
    try {
      return decoders.decode(decoder, body);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      throw this.transport.badResponse('shape', undefined, {
        operation,
        method,
        url,
        what: `the answer is not the ${schema} the contract says (${error.message})`,
        fix: `Make the backend answer as src/api/openapi.yaml says (${schema}).`,
      });
    }
  }
}

/** The contract's schema each GET answers with, for messages. */
const SCHEMAS: Record<string, string> = {
  getSession: 'Session',
  getCatalog: 'Catalog',
  listRequests: 'RequestSummaryPage',
  getRequest: 'RequestDetail',
  getUnreadCount: 'UnreadCount',
  getPass: 'VisitPass',
  inquire: 'InquiryResult',
};

/**
 * The decoders of what only the inbox reads (requests, messages, the pass): not on the booking
 * path. A module that cannot be fetched (offline) is a {@link NetworkError}, as the call would be.
 */
const inbox = () =>
  import('./decode-requests.js').catch((cause: unknown) => {
    throw new NetworkError(cause);
  });

function requestPath(requestNumber: string): string {
  return `/requests/${encodeURIComponent(requestNumber)}`;
}
