/**
 * Typed adapter errors. Elements switch on `kind` to decide what the citizen sees;
 * none of them ever loses what the citizen typed.
 */
export type ApiErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'bad-response';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status, when a response arrived. */
  readonly status?: number;
  /** True when trying the same call again later may succeed. */
  readonly retryable: boolean;

  constructor(kind: ApiErrorKind, message: string, options: { status?: number; retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
  }
}

/** One field the server rejected. `field` uses the form's paths, e.g. `idNumber`, `companions.1.idNumber`. */
export interface FieldError {
  field: string;
  /** Machine code, e.g. `required`, `invalid`, `duplicate`; the widget translates it. */
  code: string;
  /** The server's own words, for logs: the widget never shows them (an unknown `code` gets its generic message). */
  message?: string;
}

/** HTTP 422: the request was understood and some fields were rejected. */
export class ValidationError extends ApiError {
  readonly fieldErrors: FieldError[];
  constructor(fieldErrors: FieldError[], message = 'Validation failed') {
    super('validation', message, { status: 422 });
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }
}

/** HTTP 401: the session is missing or expired; sign in again (the draft is kept). */
export class UnauthorizedError extends ApiError {
  constructor(message = 'Sign-in required', options: { status?: number } = {}) {
    super('unauthorized', message, { status: options.status ?? 401 });
    this.name = 'UnauthorizedError';
  }
}

/**
 * The call was redirected, as a portal's gateway does to its sign-in page when the session has
 * ended: with `redirect: 'manual'` the answer is an opaque redirect, or a followed redirect
 * ended on an HTML page. Kind `unauthorized`, like a 401, so every element offers "sign in
 * again"; `url` is the call's address.
 */
export class SignInRedirectError extends UnauthorizedError {
  /** The address that was called. */
  readonly url: string;
  /** Where the redirect led, when the browser lets us see it (a followed redirect). */
  readonly location?: string;
  constructor(url: string, location?: string) {
    super(`Redirected to a sign-in page: ${url}${location ? ` → ${location}` : ''}`, { status: 0 });
    this.name = 'SignInRedirectError';
    this.url = url;
    this.location = location;
  }
}

/**
 * What was wrong with a {@link BadResponseError}'s answer (its `problem`):
 * - `not-json`: a JSON call got a body that is not JSON (an HTML error page, plain text, empty);
 * - `not-a-file`: a file download (attachment, summary) got an HTML page;
 * - `shape`: JSON that is not what the contract (`openapi.yaml`) says for this call;
 * - `too-large`: a body over the adapter's size limit (`maxJsonBytes` / `maxFileBytes`).
 */
export type BadResponseCause = 'not-json' | 'not-a-file' | 'shape' | 'too-large';

/**
 * A successful status whose body the widget cannot use: not JSON (or, for a file, an HTML page),
 * not the contract's shape, or too large. Checked once, where data enters (the adapter), so
 * elements can trust what they get. Not retried by the adapter (the same answer would come
 * again); elements offer a retry.
 */
export class BadResponseError extends ApiError {
  /** Which of the three it was. */
  readonly problem: BadResponseCause;
  /** The address that answered. */
  readonly url: string;
  /** What was wrong, for developers (e.g. `items[2].status: expected one of submitted, …`). */
  readonly detail: string;
  constructor(problem: BadResponseCause, url: string, detail: string, status?: number) {
    super('bad-response', `Bad response from ${url} (${problem}): ${detail}`, { status });
    this.name = 'BadResponseError';
    this.problem = problem;
    this.url = url;
    this.detail = detail;
  }
}

export class NotFoundError extends ApiError {
  constructor(message = 'Not found') {
    super('not-found', message, { status: 404 });
    this.name = 'NotFoundError';
  }
}

/** HTTP 429: too many requests; `retryAfterSeconds` says when to try again, when known. */
export class RateLimitedError extends ApiError {
  readonly retryAfterSeconds?: number;
  constructor(retryAfterSeconds?: number, message = 'Too many requests') {
    super('rate-limited', message, { status: 429, retryable: true });
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** HTTP 5xx (or an unexpected status) after the adapter's own retries. */
export class ServerError extends ApiError {
  constructor(status: number, message = `Server error ${status}`) {
    super('server', message, { status, retryable: status >= 500 });
    this.name = 'ServerError';
  }
}

/** The request never got an answer: offline, DNS, connection reset. */
export class NetworkError extends ApiError {
  constructor(cause?: unknown, message = 'Network error') {
    super('network', message, { retryable: true, cause });
    this.name = 'NetworkError';
  }
}

export class TimeoutError extends ApiError {
  constructor(message = 'Request timed out') {
    super('timeout', message, { retryable: true });
    this.name = 'TimeoutError';
  }
}

/** The caller aborted (its AbortSignal fired). */
export class AbortedError extends ApiError {
  constructor(message = 'Aborted') {
    super('aborted', message);
    this.name = 'AbortedError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Any failure as an {@link ApiError}: a foreign error (an adapter's bug) becomes a `server` error. */
export function toApiError(error: unknown): ApiError {
  return isApiError(error) ? error : new ServerError(0, String(error));
}
