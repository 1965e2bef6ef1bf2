/**
 * msw handlers implementing the REST contract (`src/api/openapi.yaml`) over the in-memory
 * store in `db.ts`, shaped by the scenario and fault queue in `scenarios.ts`.
 */
import { bypass, delay, http, HttpResponse, type HttpHandler, type PathParams } from 'msw';
import type { FieldError } from '../../src/api/errors.js';
import type { BookingRequest, Message, Page, RequestSummary, Session, UploadedFile, UploadPurpose } from '../../src/api/types.js';
import { countUnread, createRequest, db, dbChanged, draftSecretFor, newId, setStatus, toSummary, type RememberedResponse } from './db.js';
import { currentHijriYear } from '../../src/domain/hijri.js';
import { sniffFileType } from '../../src/domain/file-check.js';
import { placeholderFile } from './files.js';
import { issuePass } from './pass.js';
import { readMultipart } from './multipart.js';
import { getCsrfToken, getScenario, takeFault, type FaultKind } from './scenarios.js';
import { validateBooking } from './validation.js';

/** How late every answer comes in the `slow-network` scenario, in ms. */
export const SLOW_NETWORK_DELAY_MS = 1500;
/**
 * How long a mock session lasts after each `GET /session` (its `expiresAt`): a session absent
 * after that expired (the widget keeps the sealed draft); before it, the user signed out.
 */
export const MOCK_SESSION_MS = 8 * 60 * 60 * 1000;
/** The inquiry's rate limit: this many calls a minute, then 429. */
export const INQUIRY_LIMIT_PER_MINUTE = 10;
/**
 * The contract kit's opt-in for 429 (`npm run contract`, see the README's backend section): a
 * call carrying this header with the value `rate-limit`, to an operation whose contract lists
 * 429, is answered 429 with `Retry-After`, as a staging server that opts in would.
 */
export const CONTRACT_TEST_HEADER = 'X-Contract-Test';
/** How long the opt-in 429 asks the client to wait, in seconds. */
export const CONTRACT_TEST_RETRY_AFTER_S = 30;
/** The longest cancellation reason the contract takes (`CancelPayload.reason`). */
export const CANCEL_REASON_MAX = 500;
/** Mock-only path (not in the contract) serving the service guide the catalog links to. */
export const GUIDE_PATH = '/files/service-guide.pdf';
/**
 * The guide it serves: the Arabic user guide as a PDF (made by scripts/guide-pdf.mjs), a file
 * of the demo's public folder, found beside this module in vite and in the tests alike.
 */
const GUIDE_FILE = new URL('../public/service-guide.pdf', import.meta.url).href;

const PURPOSES: UploadPurpose[] = ['subject-letter', 'id-copy', 'companion-id', 'authorisation-letter', 'reply'];

type Params = Record<string, string>;
type Resolver = (info: { request: Request; params: Params }) => Response | Promise<Response>;

/** How a route of the contract is guarded, as `openapi.yaml` says. */
interface RouteRules {
  /** `security: []`: answered without a session. */
  public?: boolean;
  /** Lists 429: honours the contract kit's opt-in header. */
  rateLimited?: boolean;
}

export interface HandlerOptions {
  /**
   * The session cookie's name. When given, a call to a route that needs a session answers 401
   * unless it carries that cookie (any value), as a portal's backend does: the contract kit in
   * Node runs the mock so, signed in with the cookie and signed out without it. The demo and the
   * browser tests leave it out (a page's fetch does not show its cookies to the service worker)
   * and sign out with the `signed-out` scenario.
   */
  sessionCookie?: string;
}

/** The handlers for a backend at `baseUrl` (absolute, or relative to the page like `/api`). */
export function createHandlers(baseUrl: string, options: HandlerOptions = {}): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  const basePath = new URL(`${base}/`, globalThis.location?.href ?? 'http://localhost/').pathname.replace(/\/$/, '');
  /** Requests being answered under an idempotency key, so a concurrent duplicate waits for the first. */
  const pending = new Map<string, Promise<Response>>();

  /** Whether a call to a route that needs a session comes without the session cookie (see `HandlerOptions`). */
  const withoutSession = (request: Request): boolean =>
    options.sessionCookie !== undefined && !hasCookie(request, options.sessionCookie);

  /** One contract route, wrapped in the scenario, the fault queue and its rules. */
  const route = (method: 'GET' | 'POST', path: string, resolve: Resolver, rules: RouteRules = {}): HttpHandler => {
    const register = method === 'GET' ? http.get : http.post;
    const guarded: Resolver = (info) => (!rules.public && withoutSession(info.request) ? unauthorized() : resolve(info));
    return register(`${base}${path}`, kept(async ({ request, params }) => {
      if (getScenario() === 'slow-network') await delay(SLOW_NETWORK_DELAY_MS);
      if (method !== 'GET') {
        const forged = csrfProblem(request);
        if (forged) return forged;
      }
      const info = { request, params: toParams(params) };
      const fault = takeFault(method, new URL(request.url).pathname.slice(basePath.length), path);
      if (fault !== undefined) return answerFault(fault, () => guarded(info));
      if (rules.rateLimited && request.headers.get(CONTRACT_TEST_HEADER) === 'rate-limit') {
        return problem(429, 'rate-limited', 'Too many requests (asked for by the contract kit).', { 'Retry-After': String(CONTRACT_TEST_RETRY_AFTER_S) });
      }
      const spared = method === 'GET' && (path === '/catalog' || path === '/session');
      if (getScenario() === 'server-error' && !spared) return problem(503, 'unavailable', 'The service is temporarily unavailable.');
      return guarded(info);
    }));
  };

  /** Answers once per `Idempotency-Key`: a repeat gets the first successful answer again. */
  const idempotent = async (request: Request, work: () => Promise<Response | RememberedResponse>): Promise<Response> => {
    const key = request.headers.get('Idempotency-Key');
    if (!key) return problem(400, 'idempotency-key-required', 'The Idempotency-Key header is required.');
    const id = `${request.method} ${new URL(request.url).pathname} ${key}`;
    const replay = (remembered: RememberedResponse) =>
      HttpResponse.json(remembered.body as object, { status: remembered.status, headers: { 'Idempotent-Replayed': 'true' } });
    const remembered = db.idempotency.get(id);
    if (remembered) return replay(remembered);
    const inFlight = pending.get(id);
    if (inFlight) {
      await inFlight.catch(() => undefined);
      const first = db.idempotency.get(id);
      if (first) return replay(first);
    }
    const answer = work().then((result) => {
      if (result instanceof Response) return result;
      db.idempotency.set(id, result);
      return HttpResponse.json(result.body as object, { status: result.status });
    });
    pending.set(id, answer);
    try {
      return await answer;
    } finally {
      pending.delete(id);
    }
  };

  return [
    route('GET', '/session', async () => {
      if (getScenario() === 'signed-out') return unauthorized();
      const session: Session = { user: db.user, expiresAt: new Date(Date.now() + MOCK_SESSION_MS).toISOString() };
      if (db.draftSecrets) session.draftSecret = await draftSecretFor(db.user.idNumber);
      return HttpResponse.json(session, { headers: { 'Cache-Control': 'no-store' } });
    }),

    route('GET', '/catalog', () => {
      const service = { ...db.catalog.service, guideUrl: db.catalog.service.guideUrl ?? `${base}${GUIDE_PATH}` };
      return HttpResponse.json({ ...db.catalog, service });
    }, { public: true }),

    route('GET', GUIDE_PATH, async () => {
      const guide = await fetch(bypass(GUIDE_FILE));
      return guide.ok ? pdfResponse(await guide.blob()) : notFound('The service guide is missing.');
    }, { public: true }),

    // The type comes from the content, whatever the part's declared type or the name says (the
    // widget sends the sniffed type and a matching name; a server checks again all the same).
    route('POST', '/uploads', ({ request }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      return idempotent(request, async () => {
        const form = await readMultipart(request);
        const file = form?.get('file');
        const purpose = form?.get('purpose');
        if (!(file instanceof Blob)) return invalid([{ field: 'file', code: 'required' }]);
        if (!PURPOSES.includes(purpose as UploadPurpose)) return invalid([{ field: 'purpose', code: 'invalid' }]);
        if (file.size === 0) return invalid([{ field: 'file', code: 'file-empty' }]);
        const rules = db.catalog.files;
        if (file.size > rules.maxBytes) return problem(413, 'file-too-large', `Files are limited to ${rules.maxBytes} bytes.`);
        const type = await sniffFileType(file);
        if (!type || !rules.acceptedTypes.includes(type)) return problem(415, 'file-type', 'This kind of file is not accepted.');
        const givenName = form?.get('name');
        const name = typeof givenName === 'string' && givenName.trim() ? givenName : file instanceof File ? file.name : 'file';
        const uploaded: UploadedFile = { id: newId('upl'), name, size: file.size, type };
        db.uploads.set(uploaded.id, { file: uploaded, purpose: purpose as UploadPurpose, blob: file });
        return { status: 201, body: uploaded };
      });
    }),

    route('POST', '/requests', ({ request }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      return idempotent(request, async () => {
        const body = await readJson(request);
        if (body === undefined) return problem(400, 'bad-request', 'The body is not JSON.');
        const errors = validateBooking(body, db.catalog, hasUpload, db.user.name, (id) => (typeof id === 'string' ? (db.uploads.get(id)?.file.size ?? 0) : 0));
        if (errors.length > 0) return invalid(errors);
        const detail = createRequest(body as BookingRequest);
        return { status: 201, body: { requestNumber: detail.requestNumber, createdAt: detail.createdAt } };
      });
    }, { rateLimited: true }),

    route('GET', '/requests', ({ request }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      const query = new URL(request.url).searchParams;
      const page = positiveInt(query.get('page'), 1);
      const pageSize = Math.min(100, positiveInt(query.get('pageSize'), 10));
      const all = [...db.requests.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const items = all.slice((page - 1) * pageSize, page * pageSize).map(toSummary);
      const result: Page<RequestSummary> = { items, page, pageSize, total: all.length };
      return HttpResponse.json(result);
    }),

    route('GET', '/requests/:number', ({ params }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      const detail = db.requests.get(params.number ?? '');
      return detail ? HttpResponse.json(detail) : notFound();
    }),

    route('POST', '/requests/:number/messages', ({ request, params }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      const detail = db.requests.get(params.number ?? '');
      if (!detail) return notFound();
      return idempotent(request, async () => {
        if (detail.status === 'completed' || detail.status === 'rejected' || detail.status === 'cancelled') {
          return problem(409, 'request-closed', 'This request is closed and takes no more replies.');
        }
        const body = await readJson(request);
        const text = isRecord(body) && typeof body.text === 'string' ? body.text.trim() : '';
        const ids = isRecord(body) && Array.isArray(body.attachments) ? body.attachments : [];
        if (!text && ids.length === 0) return invalid([{ field: 'text', code: 'required' }]);
        if (!ids.every(hasUpload)) return invalid([{ field: 'attachments', code: 'invalid' }]);
        const attachments = ids.map((id) => db.uploads.get(id as string)!.file);
        const message: Message = { id: newId('msg'), from: 'applicant', text, at: new Date().toISOString(), read: true, attachments };
        detail.messages.push(message);
        if (detail.status === 'needs-documents') setStatus(detail.requestNumber, 'under-processing');
        return { status: 201, body: message };
      });
    }, { rateLimited: true }),

    route('POST', '/requests/:number/messages/read', ({ params }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      const detail = db.requests.get(params.number ?? '');
      if (!detail) return notFound();
      for (const message of detail.messages) if (message.from === 'staff') message.read = true;
      detail.unreadMessages = countUnread(detail);
      return new HttpResponse(null, { status: 204 });
    }),

    route('GET', '/requests/:number/files/:id', async ({ params }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      const detail = db.requests.get(params.number ?? '');
      const file = detail?.messages.flatMap((m) => m.attachments).find((a) => a.id === params.id);
      if (!file) return notFound();
      const kept = db.uploads.get(file.id)?.blob;
      const body = kept && kept.size > 0 ? kept : await placeholderFile(file.type, file.name);
      return new HttpResponse(body, { status: 200, headers: { 'Content-Type': file.type } });
    }),

    route('GET', '/messages/unread', () => {
      if (getScenario() === 'signed-out') return unauthorized();
      const total = [...db.requests.values()].reduce((sum, detail) => sum + countUnread(detail), 0);
      return HttpResponse.json({ total });
    }),

    // Like a backend without summary documents (the contract's 404): the widget prints its own.
    route('GET', '/requests/:number/summary', ({ params }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      if (!db.requests.has(params.number ?? '')) return notFound();
      return notFound('This server offers no summary document; the widget shows its own.');
    }),

    route('POST', '/requests/:number/rating', async ({ request, params }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      const detail = db.requests.get(params.number ?? '');
      if (!detail) return notFound();
      if (detail.rating) return problem(409, 'already-rated', 'This request has already been rated.');
      const body = await readJson(request);
      const stars = isRecord(body) ? body.stars : undefined;
      const comment = isRecord(body) ? body.comment : undefined;
      if (typeof stars !== 'number' || !Number.isInteger(stars) || stars < 1 || stars > 5) return invalid([{ field: 'stars', code: 'invalid' }]);
      if (comment !== undefined && (typeof comment !== 'string' || comment.length > 1000)) return invalid([{ field: 'comment', code: 'too-long' }]);
      detail.rating = typeof comment === 'string' && comment.trim() ? { stars, comment } : { stars };
      return new HttpResponse(null, { status: 204 });
    }),

    // The visit pass: only an approved request with an appointment has one, signed with the demo key.
    route('GET', '/requests/:number/pass', async ({ params }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      const detail = db.requests.get(params.number ?? '');
      if (!detail) return notFound();
      const { appointment } = detail;
      if (detail.status !== 'approved' || !appointment) return problem(409, 'no-pass', 'Only an approved request with an appointment has a visit pass.');
      return HttpResponse.json(await issuePass({ ...detail, appointment }), { headers: { 'Cache-Control': 'no-store' } });
    }),

    // Cancelling: idempotent (a cancelled request is answered again as it is); refused once the
    // request is completed or rejected, or its appointment has passed.
    route('POST', '/requests/:number/cancel', async ({ request, params }) => {
      if (getScenario() === 'signed-out') return unauthorized();
      const detail = db.requests.get(params.number ?? '');
      if (!detail) return notFound();
      if (detail.status === 'cancelled') return HttpResponse.json(detail);
      const past = detail.appointment !== undefined && Date.parse(detail.appointment.at) < Date.now();
      if (detail.status === 'completed' || detail.status === 'rejected' || past) {
        return problem(409, 'not-cancellable', 'This request is completed, rejected or past its appointment and cannot be cancelled.');
      }
      const body = await readJson(request);
      const reason = isRecord(body) ? body.reason : undefined;
      if (reason !== undefined && (typeof reason !== 'string' || reason.length > CANCEL_REASON_MAX)) return invalid([{ field: 'reason', code: 'too-long' }]);
      setStatus(detail.requestNumber, 'cancelled', typeof reason === 'string' && reason.trim() ? reason.trim() : undefined);
      return HttpResponse.json(detail);
    }),

    route('GET', '/inquiry', ({ request }) => {
      const retryAfter = takeInquirySlot();
      if (retryAfter > 0) return problem(429, 'rate-limited', 'Too many inquiries; try again shortly.', { 'Retry-After': String(retryAfter) });
      const query = new URL(request.url).searchParams;
      const number = query.get('number')?.trim() ?? '';
      const year = query.get('year')?.trim() ?? '';
      const errors: FieldError[] = [];
      if (!/^\d{1,10}$/.test(number)) errors.push({ field: 'transactionNumber', code: number ? 'invalid' : 'required' });
      if (!/^\d{4}$/.test(year) || Number(year) < 1350 || Number(year) > 1500) errors.push({ field: 'hijriYear', code: year ? 'invalid' : 'required' });
      if (errors.length > 0) return invalid(errors);
      const found = findTransaction(number, Number(year));
      return found ? HttpResponse.json(found) : notFound('No transaction with this number in this year.');
    }, { public: true, rateLimited: true }),
  ];
}

// ---- answers ----

/** An error body: `{ code, message }` (422 adds `errors`). */
function problem(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ code, message }, { status, headers });
}

/**
 * The anti-CSRF check a backend must make on every call that is not a GET (see `openapi.yaml`):
 * the `X-Requested-With` header, which a cross-site form cannot send, and, when the mock is given
 * a token (`mockBackend.setCsrfToken`), that token in `X-CSRF-Token`. 403 otherwise.
 */
function csrfProblem(request: Request): Response | null {
  if (!request.headers.get('X-Requested-With')) return problem(403, 'csrf', 'The X-Requested-With header is missing.');
  const token = getCsrfToken();
  if (token !== undefined && request.headers.get('X-CSRF-Token') !== token) return problem(403, 'csrf', 'The anti-CSRF token is missing or wrong.');
  return null;
}

function unauthorized(): Response {
  return problem(401, 'unauthorized', 'Sign in through the portal first.');
}

function notFound(message = 'Not found.'): Response {
  return problem(404, 'not-found', message);
}

function invalid(errors: FieldError[]): Response {
  return HttpResponse.json({ code: 'validation', message: 'Some fields were rejected.', errors }, { status: 422 });
}

function pdfResponse(pdf: Blob): Response {
  return new HttpResponse(pdf, { status: 200, headers: { 'Content-Type': 'application/pdf' } });
}

/** Wraps a route's answer: once it is ready, and before it leaves, the store's observer hears of the change. */
function kept(answer: (info: { request: Request; params: PathParams }) => Promise<Response>): (info: { request: Request; params: PathParams }) => Promise<Response> {
  return async (info) => {
    try {
      return await answer(info);
    } finally {
      await dbChanged();
    }
  };
}

/** What a queued fault does; `network-after-commit` lets the server do the work first. */
async function answerFault(fault: FaultKind, commit: () => Response | Promise<Response>): Promise<Response> {
  if (fault === 'network') return HttpResponse.error();
  if (fault === 'network-after-commit') {
    await commit();
    return HttpResponse.error();
  }
  const blob = fault.body instanceof Blob ? fault.body : undefined;
  const headers = { 'Content-Type': blob?.type || 'application/json', ...fault.headers };
  const body = blob ?? (fault.body === undefined ? null : JSON.stringify(fault.body));
  return new HttpResponse(body, { status: fault.status, headers });
}

// ---- store look-ups ----

/** Whether the request's `Cookie` header carries a cookie called `name` with a value. */
function hasCookie(request: Request, name: string): boolean {
  const cookies = request.headers.get('Cookie') ?? '';
  return cookies.split(';').some((pair) => {
    const [key, ...value] = pair.split('=');
    return key?.trim() === name && value.join('=').trim() !== '';
  });
}

function hasUpload(id: unknown): boolean {
  return typeof id === 'string' && db.uploads.has(id);
}

/** A request of the store or a known public transaction with this number in this Hijri year. */
function findTransaction(number: string, hijriYear: number) {
  const request = [...db.requests.values()].find(
    (r) => Number(r.requestNumber) === Number(number) && currentHijriYear(new Date(r.createdAt)) === hijriYear,
  );
  if (request) {
    const updatedAt = request.history[request.history.length - 1]?.at ?? request.createdAt;
    return { transactionNumber: request.requestNumber, hijriYear, status: request.status, updatedAt };
  }
  return db.transactions.find((t) => Number(t.transactionNumber) === Number(number) && t.hijriYear === hijriYear);
}

/** Records an inquiry; returns 0 when allowed, else the seconds until the next one is. */
function takeInquirySlot(now = Date.now()): number {
  db.inquiryTimes = db.inquiryTimes.filter((time) => now - time < 60_000);
  if (db.inquiryTimes.length >= INQUIRY_LIMIT_PER_MINUTE) return Math.ceil((db.inquiryTimes[0]! + 60_000 - now) / 1000);
  db.inquiryTimes.push(now);
  return 0;
}

// ---- small helpers ----

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

function toParams(params: Record<string, string | readonly string[] | undefined>): Params {
  const result: Params = {};
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') result[key] = decodeURIComponent(value);
  return result;
}
