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
  | 'aborted';

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
  /** The server's own words, shown only when the widget has no translation for `code`. */
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
  constructor(message = 'Sign-in required') {
    super('unauthorized', message, { status: 401 });
    this.name = 'UnauthorizedError';
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
