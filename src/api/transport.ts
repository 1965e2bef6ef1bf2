/**
 * The REST adapter's transport: how one call reaches the backend and what comes back, before
 * anything looks at the data.
 *
 * Every call goes through {@link Transport.request}, which makes an attempt with a per-attempt
 * timeout joined to the caller's signal, turns whatever happened into an {@link ApiError}, and
 * repeats the attempt (exponential backoff with jitter, a short `Retry-After` waited out) only when
 * repeating is safe: GET calls, calls carrying an `Idempotency-Key` (submit, reply, upload).
 *
 * What it guards at the door:
 * - every call that is not a GET carries `X-Requested-With: emirate-widget` and, when the portal
 *   configures one, its anti-CSRF token (from an option or a cookie read at call time);
 * - a body over the size limit is not read past the limit;
 * - a redirect (a portal's gateway sending an ended session to its sign-in page) becomes a
 *   {@link SignInRedirectError}, whether fetch stopped at it (`redirect: 'manual'`) or it was
 *   followed and ended on an HTML page;
 * - a JSON call whose body is not JSON, or a file download that is an HTML page, becomes a
 *   {@link BadResponseError}.
 * Each such cause is told to the developer once per adapter, with a `console.warn` naming the
 * URL, what was wrong and the fix.
 */
import {
  AbortedError,
  ApiError,
  BadResponseError,
  NetworkError,
  RateLimitedError,
  SignInRedirectError,
  TimeoutError,
  type BadResponseCause,
} from './errors.js';
import { errorFromReply, fits, mediaType, readBody, readCookie, sleep, type Expect, type Reply } from './http.js';

export type { Reply } from './http.js';

/** A value the adapter reads at call time: as given, or from a function (e.g. reading an attribute). */
export type Live<T> = T | (() => T);

export interface TransportOptions {
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
  /**
   * The portal's anti-CSRF token, sent in {@link csrfHeader} with every call that is not a GET
   * (a function is called each time, so a rotated token is picked up).
   */
  csrfToken?: Live<string | null | undefined>;
  /**
   * The name of a cookie holding the anti-CSRF token (double-submit), read from
   * `document.cookie` at each call; used when {@link csrfToken} gives none.
   */
  csrfCookie?: Live<string | null | undefined>;
  /** The header that carries the anti-CSRF token. Default `X-CSRF-Token`. */
  csrfHeader?: string;
  /** The largest JSON body the adapter reads, in bytes. Default 2 MiB. */
  maxJsonBytes?: number;
  /** The largest file (attachment, summary) the adapter downloads, in bytes. Default 25 MiB. */
  maxFileBytes?: number;
  /**
   * `'manual'` (default): any redirect is taken as the portal sending an ended session to its
   * sign-in page ({@link SignInRedirectError}); the contract has no redirects. `'follow'`: the
   * browser follows redirects, and one that ends on a page that is not the answer's type is taken so.
   */
  redirect?: 'manual' | 'follow';
  /**
   * Who uses the adapter, for console warnings: an element's tag (`emirate-inbox`), as the
   * elements set it for the adapter they make from `api-base`. Default: "emirate widget".
   */
  owner?: string;
}

/** Sent with every call that is not a GET: a header a cross-site form cannot set (see `openapi.yaml`). */
export const REQUESTED_WITH = 'emirate-widget';

/** The longest `Retry-After` (seconds) the adapter waits for by itself; longer ones are the caller's to explain. */
const MAX_RETRY_AFTER_SECONDS = 5;
/** No single backoff wait is longer than this, in ms. */
const MAX_BACKOFF_MS = 10_000;
const MEBIBYTE = 1024 * 1024;


export type Query = Record<string, string | number>;

/** One call, as the operations describe it. */
export interface CallSpec {
  /** The adapter method, for messages (`getCatalog`). */
  operation: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Query;
  /** A JSON body. */
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** What a successful answer carries. Default `json`. */
  expect?: Expect;
  /** The `Accept` header. Default `application/json`. */
  accept?: string;
}

export interface UploadSpec {
  operation: string;
  path: string;
  form: FormData;
  idempotencyKey: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** One logical call, as `request()` needs it. */
interface Call {
  /** Makes one attempt; `signal` fires on the caller's abort or the attempt's timeout. */
  send: (signal: AbortSignal) => Promise<Reply>;
  /** Whether sending it again cannot do harm (GET, Idempotency-Key). */
  repeatable: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** How one bad answer is explained to the developer. */
interface Diagnosis {
  operation: string;
  method: string;
  url: string;
  /** What was wrong. */
  what: string;
  /** What to do about it. */
  fix: string;
}

export class Transport {
  private readonly baseUrl: string;
  private readonly fetchOverride?: typeof fetch;
  private readonly timeoutMs: number;
  private readonly uploadTimeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseDelayMs: number;
  /** @internal */
  readonly credentials: RequestCredentials;
  private readonly csrfToken?: Live<string | null | undefined>;
  private readonly csrfCookie?: Live<string | null | undefined>;
  private readonly csrfHeader: string;
  readonly maxJsonBytes: number;
  readonly maxFileBytes: number;
  private readonly redirect: 'manual' | 'follow';
  /** Causes already told to the console (`<cause> <operation>`), so each is told once. */
  private readonly warned = new Set<string>();
  private readonly owner: string;

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchOverride = options.fetch;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? 120_000;
    this.retries = Math.max(0, options.retries ?? 2);
    this.retryBaseDelayMs = Math.max(0, options.retryBaseDelayMs ?? 400);
    this.credentials = options.credentials ?? 'include';
    this.csrfToken = options.csrfToken;
    this.csrfCookie = options.csrfCookie;
    this.csrfHeader = options.csrfHeader ?? 'X-CSRF-Token';
    this.maxJsonBytes = options.maxJsonBytes ?? 2 * MEBIBYTE;
    this.maxFileBytes = options.maxFileBytes ?? 25 * MEBIBYTE;
    this.redirect = options.redirect ?? 'manual';
    this.owner = options.owner ? `<${options.owner}>` : '[emirate widget]';
  }

  /** The absolute address of `path` under the base URL. */
  url(path: string, query?: Query): string {
    const search = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : '';
    const relative = `${this.baseUrl}${path}${search}`;
    return typeof location === 'undefined' ? relative : new URL(relative, location.href).href;
  }

  /**
   * One call, retried when safe, ending in its successful reply or an {@link ApiError}. A GET,
   * or a call with an `Idempotency-Key`, is repeatable.
   */
  call(spec: CallSpec): Promise<Reply> {
    const expect = spec.expect ?? 'json';
    const headers: Record<string, string> = { Accept: spec.accept ?? 'application/json' };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.idempotencyKey !== undefined) headers['Idempotency-Key'] = spec.idempotencyKey;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const url = this.url(spec.path, spec.query);
    return this.request({
      repeatable: spec.method === 'GET' || spec.idempotencyKey !== undefined,
      timeoutMs: this.timeoutMs,
      signal: spec.signal,
      send: (signal) => {
        // The anti-CSRF headers are read for each attempt: a rotated token is picked up.
        const init: RequestInit = { method: spec.method, headers: spec.method === 'GET' ? headers : { ...headers, ...this.csrfHeaders() }, body };
        return this.sendFetch(spec, url, init, signal, expect);
      },
    });
  }

  /** A JSON call's body, parsed; {@link BadResponseError} when it is not JSON. */
  async json(spec: CallSpec): Promise<unknown> {
    return this.parse(await this.call({ ...spec, expect: 'json' }), spec.operation, spec.method);
  }

  /**
   * A multipart upload with XMLHttpRequest, the one browser API that reports upload progress;
   * repeatable (it carries an `Idempotency-Key`). Returns the parsed JSON answer.
   */
  async upload(spec: UploadSpec): Promise<unknown> {
    const url = this.url(spec.path);
    const reply = await this.request({
      repeatable: true,
      timeoutMs: this.uploadTimeoutMs,
      signal: spec.signal,
      // XMLHttpRequest's code loads with the first upload, not with the form's first screen.
      send: async (signal) => (await import('./upload.js')).sendXhr(this, spec, url, signal),
    });
    return this.parse(reply, spec.operation, 'POST');
  }

  private async parse(reply: Reply, operation: string, method: string): Promise<unknown> {
    const text = await reply.body.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const type = reply.headers.get('Content-Type') || 'no Content-Type';
      throw this.badResponse('not-json', reply.status, {
        operation,
        method,
        url: reply.url,
        what: `the answer is not JSON (${type}, ${text.trim() ? `starting ${JSON.stringify(text.trim().slice(0, 30))}` : 'empty'})`,
        fix: 'Check that api-base points at the REST backend, not a web page, and that it answers JSON as src/api/openapi.yaml says.',
      });
    }
  }

  /**
   * A {@link BadResponseError} for this answer, told to the console the first time this cause
   * comes from this operation.
   */
  badResponse(problem: BadResponseCause, status: number | undefined, diagnosis: Diagnosis): BadResponseError {
    this.warnOnce(`${problem} ${diagnosis.operation}`, diagnosis);
    return new BadResponseError(problem, diagnosis.url, diagnosis.what, status);
  }

  private warnOnce(key: string, { operation, method, url, what, fix }: Diagnosis): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`${this.owner} ${operation}: ${method} ${url}: ${what}. ${fix} (Told once per adapter.)`);
  }

  /** `X-Requested-With` always; the portal's token when it gives one (option, then cookie). */
  /** @internal The anti-CSRF headers of a non-GET call. */
  csrfHeaders(): Record<string, string> {
    const headers: Record<string, string> = { 'X-Requested-With': REQUESTED_WITH };
    const token = read(this.csrfToken) || readCookie(read(this.csrfCookie));
    if (token) headers[this.csrfHeader] = token;
    return headers;
  }

  // ---- the attempt/retry loop ----

  /**
   * Runs `call` until it succeeds or fails for good. Each attempt has its own timeout joined to
   * the caller's signal. A repeatable call is tried again, at most `retries` times, after a
   * network error, a timeout, a 5xx, or a 429 whose `Retry-After` is short; never after the
   * caller aborted, never after another 4xx or a bad answer.
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

  // ---- one attempt ----

  /**
   * One fetch, its body read in full under the same signal (a stalled body also times out) and
   * no further than the size limit. Redirects and answers of the wrong kind are refused here.
   */
  private async sendFetch(spec: CallSpec, url: string, init: RequestInit, signal: AbortSignal, expect: Expect): Promise<Reply> {
    const fetchFn = this.fetchOverride ?? globalThis.fetch;
    const response = await fetchFn(url, { ...init, signal, credentials: this.credentials, redirect: this.redirect });
    const type = mediaType(response.headers.get('Content-Type'));
    const diagnosis = { operation: spec.operation, method: spec.method, url };
    if (response.type === 'opaqueredirect') throw this.signInRedirect(diagnosis);
    // `redirected` alone misses redirects a service worker answered with in WebKit and Chromium
    // (false there, though the response's URL is the page it led to), so the URL is compared too.
    const redirected = response.redirected || (!!response.url && response.url != new URL(url, document.baseURI).href);
    if (redirected && !fits(expect, type)) throw this.signInRedirect(diagnosis, response.url);
    const ok = response.status >= 200 && response.status < 300;
    if (ok && expect === 'file' && type === 'text/html') {
      throw this.badResponse('not-a-file', response.status, {
        ...diagnosis,
        what: 'a file was asked for and an HTML page came',
        fix: 'The backend must send the file itself with its type (application/pdf, image/jpeg, image/png), as src/api/openapi.yaml says.',
      });
    }
    const cap = expect === 'file' ? this.maxFileBytes : this.maxJsonBytes;
    const body = await readBody(response, cap, type);
    if (body === null) {
      // An error answer's body is optional: one too large to read is left out.
      if (!ok) return { status: response.status, headers: response.headers, body: new Blob([]), url };
      throw this.tooLarge(diagnosis, cap, response.status, expect);
    }
    return { status: response.status, headers: response.headers, body, url };
  }

  /** @internal A redirect that ended on a page: warned once, and a sign-in for the citizen. */
  signInRedirect(diagnosis: Omit<Diagnosis, 'what' | 'fix'>, location?: string): SignInRedirectError {
    this.warnOnce(`redirect ${diagnosis.operation}`, {
      ...diagnosis,
      what: `the call was redirected${location ? ` to ${location}` : ''}, as a gateway sends an ended session to its sign-in page; the widget offers "sign in again"`,
      fix: 'If this was not a sign-in, the backend must answer without redirects (check api-base: a missing trailing path, http instead of https).',
    });
    return new SignInRedirectError(diagnosis.url, location);
  }

  /** @internal An answer over its size cap: warned once, and a bad response. */
  tooLarge(diagnosis: Omit<Diagnosis, 'what' | 'fix'>, cap: number, status: number, expect: Expect): BadResponseError {
    return this.badResponse('too-large', status, {
      ...diagnosis,
      what: `the answer is larger than ${cap} bytes`,
      fix: `Page the data, or give the RestAdapter a larger ${expect === 'file' ? 'maxFileBytes' : 'maxJsonBytes'} if answers are meant to be this large.`,
    });
  }
}

/** A {@link Live} value as it is now. */
function read<T>(value: Live<T> | undefined): T | undefined {
  return typeof value === 'function' ? (value as () => T)() : value;
}
