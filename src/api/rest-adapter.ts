/**
 * The built-in adapter: {@link EmirateAdapter} over the REST contract in `openapi.yaml`.
 *
 * Every call goes through one private `request()`, which makes an attempt with a per-attempt
 * timeout joined to the caller's signal, turns whatever happened into an {@link ApiError}, and
 * repeats the attempt (exponential backoff with jitter) only when repeating is safe: GET calls,
 * calls carrying an `Idempotency-Key` (submit, reply) and uploads.
 */
import {
  AbortedError,
  ApiError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  type FieldError,
} from './errors.js';
import type {
  BookingRequest,
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
  UnreadCount,
  UploadedFile,
  UploadOptions,
  UploadPurpose,
} from './types.js';

export interface RestAdapterOptions {
  /** URL of the REST backend, e.g. `/api` or `https://e-najran.gov.sa/api/appointments`. */
  baseUrl: string;
  /** The fetch to use; default: `globalThis.fetch`, looked up at call time (so msw can intercept it). */
  fetch?: typeof fetch;
  /** Time limit of one attempt of an ordinary call, in ms. Default 20000. */
  timeoutMs?: number;
  /** Time limit of one upload attempt, in ms. Default 120000. */
  uploadTimeoutMs?: number;
  /** How many times a repeatable call is tried again after a transient failure. Default 2. */
  retries?: number;
  /** First backoff delay, in ms; it doubles with each retry and gets random jitter. Default 400. */
  retryBaseDelayMs?: number;
  /** Cookies: the portal's session travels in them. Default `'include'`. */
  credentials?: RequestCredentials;
}

/** The longest `Retry-After` (seconds) the adapter waits for by itself; longer ones are the caller's to explain. */
const MAX_RETRY_AFTER_SECONDS = 5;
/** No single backoff wait is longer than this, in ms. */
const MAX_BACKOFF_MS = 10_000;

/** What one attempt brought back: the status, headers and the whole body. */
interface Reply {
  status: number;
  headers: Headers;
  body: Blob;
}

/** One logical call, as `request()` needs it. */
interface Call {
  /** Makes one attempt; `signal` fires on the caller's abort or the attempt's timeout. */
  send: (signal: AbortSignal) => Promise<Reply>;
  /** Whether sending it again cannot do harm (GET, Idempotency-Key, upload). */
  repeatable: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
}

type Query = Record<string, string | number>;

/** The REST adapter. All methods reject only with {@link ApiError} subclasses. */
export class RestAdapter implements EmirateAdapter {
  private readonly baseUrl: string;
  private readonly fetchOverride?: typeof fetch;
  private readonly timeoutMs: number;
  private readonly uploadTimeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseDelayMs: number;
  private readonly credentials: RequestCredentials;

  constructor(options: RestAdapterOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchOverride = options.fetch;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? 120_000;
    this.retries = Math.max(0, options.retries ?? 2);
    this.retryBaseDelayMs = Math.max(0, options.retryBaseDelayMs ?? 400);
    this.credentials = options.credentials ?? 'include';
  }

  /** `GET /session`; `null` when nobody is signed in (401). */
  async getSession(options: RequestOptions = {}): Promise<Session | null> {
    try {
      return await this.getJson<Session>('/session', undefined, options.signal);
    } catch (error) {
      if (error instanceof UnauthorizedError) return null;
      throw error;
    }
  }

  /** `GET /catalog`. */
  getCatalog(options: RequestOptions = {}): Promise<Catalog> {
    return this.getJson<Catalog>('/catalog', undefined, options.signal);
  }

  /**
   * `POST /uploads` (multipart). Sent with XMLHttpRequest, the one browser API that reports
   * upload progress; `onProgress` gets the fraction sent and finally 1. 413 and 415 become
   * {@link ValidationError}s on the field `file` (`file-too-large`, `file-type`).
   */
  async uploadFile(file: Blob, name: string, purpose: UploadPurpose, options: UploadOptions = {}): Promise<UploadedFile> {
    const url = this.url('/uploads');
    const reply = await this.request({
      repeatable: true,
      timeoutMs: this.uploadTimeoutMs,
      signal: options.signal,
      send: (signal) => {
        const form = new FormData();
        form.append('file', file, name);
        form.append('name', name);
        form.append('purpose', purpose);
        return this.sendXhr(url, form, signal, options.onProgress);
      },
    });
    const uploaded = await parseJson<UploadedFile>(reply);
    options.onProgress?.(1);
    return uploaded;
  }

  /** `POST /requests` with the caller's `Idempotency-Key`: retried safely, one request at most. */
  async submitRequest(request: BookingRequest, options: SubmitOptions): Promise<SubmitResult> {
    const reply = await this.request(this.jsonCall('POST', '/requests', request, options.signal, options.idempotencyKey));
    return parseJson<SubmitResult>(reply);
  }

  /** `GET /requests?page=&pageSize=`: the signed-in user's requests, newest first. */
  listRequests(query: { page: number; pageSize: number }, options: RequestOptions = {}): Promise<Page<RequestSummary>> {
    return this.getJson<Page<RequestSummary>>('/requests', { page: query.page, pageSize: query.pageSize }, options.signal);
  }

  /** `GET /requests/{number}`; {@link NotFoundError} for an unknown number. */
  getRequest(requestNumber: string, options: RequestOptions = {}): Promise<RequestDetail> {
    return this.getJson<RequestDetail>(requestPath(requestNumber), undefined, options.signal);
  }

  /** `POST /requests/{number}/messages` with the caller's `Idempotency-Key`. */
  async sendMessage(requestNumber: string, reply: ReplyPayload, options: SubmitOptions): Promise<Message> {
    const call = this.jsonCall('POST', `${requestPath(requestNumber)}/messages`, reply, options.signal, options.idempotencyKey);
    return parseJson<Message>(await this.request(call));
  }

  /** `POST /requests/{number}/messages/read`: marks the staff's messages read. Not retried. */
  async markMessagesRead(requestNumber: string, options: RequestOptions = {}): Promise<void> {
    await this.request(this.jsonCall('POST', `${requestPath(requestNumber)}/messages/read`, undefined, options.signal));
  }

  /**
   * `GET /requests/{number}/files/{id}`: a message attachment's bytes, typed by the answer's
   * `Content-Type`. Retried like every GET; {@link NotFoundError} for an unknown request or file.
   */
  async getAttachment(requestNumber: string, fileId: string, options: RequestOptions = {}): Promise<Blob> {
    const path = `${requestPath(requestNumber)}/files/${encodeURIComponent(fileId)}`;
    const reply = await this.request({
      repeatable: true,
      timeoutMs: this.timeoutMs,
      signal: options.signal,
      send: (signal) => this.sendFetch(path, { method: 'GET', headers: { Accept: '*/*' } }, signal),
    });
    return reply.body;
  }

  /** `GET /messages/unread`: the user's unread staff messages over all their requests. */
  async getUnreadCount(options: RequestOptions = {}): Promise<number> {
    const { total } = await this.getJson<UnreadCount>('/messages/unread', undefined, options.signal);
    if (!Number.isInteger(total) || total < 0) throw new ServerError(200, 'Malformed unread count');
    return total;
  }

  /** `GET /requests/{number}/summary` (PDF); `null` when the server offers none (404). */
  async getSummary(requestNumber: string, options: RequestOptions = {}): Promise<Blob | null> {
    try {
      const reply = await this.request({
        repeatable: true,
        timeoutMs: this.timeoutMs,
        signal: options.signal,
        send: (signal) => this.sendFetch(`${requestPath(requestNumber)}/summary`, { method: 'GET', headers: { Accept: 'application/pdf' } }, signal),
      });
      return reply.body;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** `POST /requests/{number}/rating`; `ApiError('conflict')` when already rated. Not retried. */
  async rateRequest(requestNumber: string, rating: RatingPayload, options: RequestOptions = {}): Promise<void> {
    await this.request(this.jsonCall('POST', `${requestPath(requestNumber)}/rating`, rating, options.signal));
  }

  /** `GET /inquiry?number=&year=`: public, needs no session. */
  inquire(query: InquiryQuery, options: RequestOptions = {}): Promise<InquiryResult> {
    return this.getJson<InquiryResult>('/inquiry', { number: query.transactionNumber, year: query.hijriYear }, options.signal);
  }

  // ---- the attempt/retry loop ----

  /**
   * Runs `call` until it succeeds or fails for good. Each attempt has its own timeout joined to
   * the caller's signal. A repeatable call is tried again, at most `retries` times, after a
   * network error, a timeout, a 5xx, or a 429 whose `Retry-After` is short; never after the
   * caller aborted, never after another 4xx.
   */
  private async request(call: Call): Promise<Reply> {
    for (let attempt = 0; ; attempt++) {
      if (call.signal?.aborted) throw new AbortedError();
      const outcome = await this.attempt(call);
      if (!(outcome instanceof ApiError)) return outcome;
      const wait = call.repeatable && attempt < this.retries ? this.retryDelay(outcome, attempt) : null;
      if (wait === null) throw outcome;
      await sleep(wait, call.signal);
    }
  }

  /** One attempt: the successful reply, or the error it ended with. */
  private async attempt(call: Call): Promise<Reply | ApiError> {
    const timeout = AbortSignal.timeout(call.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      const reply = await call.send(signal);
      return reply.status >= 200 && reply.status < 300 ? reply : await errorFromReply(reply);
    } catch (thrown) {
      if (thrown instanceof ApiError) return thrown;
      if (call.signal?.aborted) return new AbortedError();
      if (timeout.aborted) return new TimeoutError();
      return new NetworkError(thrown);
    }
  }

  /** How long to wait before trying again after `error`, or `null` to give up. */
  private retryDelay(error: ApiError, attempt: number): number | null {
    if (error instanceof RateLimitedError) {
      const after = error.retryAfterSeconds;
      if (after === undefined) return this.backoff(attempt);
      return after <= MAX_RETRY_AFTER_SECONDS ? Math.max(after * 1000, this.backoff(attempt)) : null;
    }
    return error.retryable ? this.backoff(attempt) : null;
  }

  /** Exponential backoff with jitter: between half and one and a half times `base · 2^attempt`. */
  private backoff(attempt: number): number {
    const exponential = this.retryBaseDelayMs * 2 ** attempt;
    return Math.min(MAX_BACKOFF_MS, exponential / 2 + Math.random() * exponential);
  }

  // ---- transports ----

  private getJson<T>(path: string, query: Query | undefined, signal: AbortSignal | undefined): Promise<T> {
    return this.request(this.jsonCall('GET', path, undefined, signal, undefined, query)).then((reply) => parseJson<T>(reply));
  }

  /** A JSON call; GETs and calls with an idempotency key are repeatable. */
  private jsonCall(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal, idempotencyKey?: string, query?: Query): Call {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    const init: RequestInit = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
    return {
      repeatable: method === 'GET' || idempotencyKey !== undefined,
      timeoutMs: this.timeoutMs,
      signal,
      send: (attemptSignal) => this.sendFetch(path, init, attemptSignal, query),
    };
  }

  /** One fetch, body read in full under the same signal (a stalled body also times out). */
  private async sendFetch(path: string, init: RequestInit, signal: AbortSignal, query?: Query): Promise<Reply> {
    const fetchFn = this.fetchOverride ?? globalThis.fetch;
    const response = await fetchFn(this.url(path, query), { ...init, signal, credentials: this.credentials });
    return { status: response.status, headers: response.headers, body: await response.blob() };
  }

  /** One multipart upload with XMLHttpRequest, reporting upload progress. */
  private sendXhr(url: string, form: FormData, signal: AbortSignal, onProgress?: (fraction: number) => void): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const abort = () => xhr.abort();
      xhr.open('POST', url);
      xhr.responseType = 'blob';
      xhr.withCredentials = this.credentials === 'include';
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
      };
      xhr.onload = () => {
        if (xhr.status === 0) reject(new TypeError('Upload failed'));
        else resolve({ status: xhr.status, headers: parseHeaders(xhr.getAllResponseHeaders()), body: xhr.response as Blob });
      };
      xhr.onerror = () => reject(new TypeError('Upload failed'));
      xhr.onabort = () => reject(signal.reason);
      xhr.onloadend = () => signal.removeEventListener('abort', abort);
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      signal.addEventListener('abort', abort, { once: true });
      onProgress?.(0);
      xhr.send(form);
    });
  }

  private url(path: string, query?: Query): string {
    const search = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : '';
    return `${this.baseUrl}${path}${search}`;
  }
}

// ---- helpers ----

function requestPath(requestNumber: string): string {
  return `/requests/${encodeURIComponent(requestNumber)}`;
}

/** The body as JSON; a body that is not JSON is the server's fault. */
async function parseJson<T>(reply: Reply): Promise<T> {
  try {
    return JSON.parse(await reply.body.text()) as T;
  } catch {
    throw new ServerError(reply.status, `Invalid JSON in the response (HTTP ${reply.status})`);
  }
}

/** The body as JSON, or `undefined` (error bodies are optional). */
async function tryJson(reply: Reply): Promise<unknown> {
  try {
    return JSON.parse(await reply.body.text());
  } catch {
    return undefined;
  }
}

/** Maps an unsuccessful status to its typed error (see the table in `openapi.yaml`). */
async function errorFromReply(reply: Reply): Promise<ApiError> {
  const body = await tryJson(reply);
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : undefined;
  switch (reply.status) {
    case 401:
      return new UnauthorizedError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ApiError('conflict', message ?? 'Conflict', { status: 409 });
    case 413:
      return new ValidationError([{ field: 'file', code: 'file-too-large' }], message);
    case 415:
      return new ValidationError([{ field: 'file', code: 'file-type' }], message);
    case 422: {
      const errors = isRecord(body) && Array.isArray(body.errors) ? body.errors.filter(isFieldError) : undefined;
      return errors ? new ValidationError(errors.map(toFieldError), message) : new ServerError(422, 'Malformed validation response');
    }
    case 429:
      return new RateLimitedError(parseRetryAfter(reply.headers.get('Retry-After')), message);
    default:
      return new ServerError(reply.status, message);
  }
}

/**
 * `Retry-After` in whole seconds from now: the header holds either seconds or an HTTP date.
 * `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value.field === 'string' && typeof value.code === 'string';
}

/** Keeps only the contract's properties of a field error. */
function toFieldError({ field, code, message }: FieldError): FieldError {
  return typeof message === 'string' ? { field, code, message } : { field, code };
}

/** `getAllResponseHeaders()` text as `Headers`. */
function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Waits `ms`; rejects with {@link AbortedError} as soon as `signal` fires. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortedError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
