/**
 * Small pieces of HTTP the transport (`transport.ts`) is built from: reading a body no further
 * than a limit, the media type of an answer, the typed error of an unsuccessful status,
 * `Retry-After`, cookies, and a wait that an abort cuts short.
 */
import {
  AbortedError,
  ApiError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
  ValidationError,
  type FieldError,
} from './errors.js';

/** What one attempt brought back: the status, headers, the whole body, and the address that answered. */
export interface Reply {
  status: number;
  headers: Headers;
  body: Blob;
  /** The absolute address called. */
  url: string;
}

/** What a call expects as a successful body. */
export type Expect = 'json' | 'file' | 'none';

/** The value of cookie `name` in `document.cookie`, or `undefined`. */
export function readCookie(name: string | null | undefined, cookies = typeof document === 'undefined' ? '' : document.cookie): string | undefined {
  if (!name) return undefined;
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** `text/html; charset=utf-8` → `text/html`. */
export function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether a body of `type` can be the answer a call expects (after a redirect: not a sign-in page). */
export function fits(expect: Expect, type: string): boolean {
  if (expect === 'json') return type === 'application/json' || type.endsWith('+json');
  if (expect === 'file') return type !== '' && type !== 'text/html';
  return type !== 'text/html';
}

/** The whole body as a Blob of its media type, or `null` when it is larger than `cap` bytes (reading stops there). */
export async function readBody(response: Response, cap: number, type: string): Promise<Blob | null> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return new Blob([], { type });
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[], { type });
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
export async function errorFromReply(reply: Reply): Promise<ApiError> {
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

/** Waits `ms`; rejects with {@link AbortedError} as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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
