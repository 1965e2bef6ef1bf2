/**
 * The adapter boundary: what the REST adapter lets in. Every answer is checked where it enters
 * (wrong shapes, non-JSON, bodies over the size cap, redirects to a sign-in page become typed
 * errors, each told once on the console with its URL); every call that is not a GET carries the
 * anti-CSRF headers; uploads carry an Idempotency-Key. All through the REST adapter and the msw
 * mock backend.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import {
  ApiError,
  BadResponseError,
  ServerError,
  SignInRedirectError,
  UnauthorizedError,
} from '../../src/api/errors.js';
import { RestAdapter, type RestAdapterOptions } from '../../src/api/rest-adapter.js';
import type { BookingRequest, RequestDetail } from '../../src/api/types.js';
import { currentHijriYear } from '../../src/domain/hijri.js';
import { mockWorker } from '../faults/support.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';

await useMockBackend();
const worker = await mockWorker();

/** An adapter against the mock backend whose fetch counts the calls it makes. */
function adapter(options: Partial<RestAdapterOptions> = {}) {
  const calls: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return globalThis.fetch(input, init);
  };
  const api = new RestAdapter({ baseUrl: API_BASE, retryBaseDelayMs: 1, fetch: countingFetch, ...options });
  return { api, calls };
}

const pdf = (extra = '') => new Blob([`%PDF-1.4\n${extra}`], { type: 'application/pdf' });
const html = (text = '<!doctype html><title>Sign in</title><form action="/login"></form>') => new Blob([text], { type: 'text/html' });
const SIGN_IN_PAGE = '/portal/sign-in';

/** The error `promise` rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

/** Records `console.warn` for the test. */
let warnings: string[] = [];
const realWarn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
});
afterEach(() => {
  console.warn = realWarn;
  worker.resetHandlers();
});

/** A sign-in page at {@link SIGN_IN_PAGE}, as a portal's gateway shows (for redirects that are followed). */
function serveSignInPage() {
  worker.use(http.get(SIGN_IN_PAGE, () => new HttpResponse(html(), { headers: { 'Content-Type': 'text/html; charset=utf-8' } })));
}

const iso = () => new Date().toISOString();
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** `value` with the property at `path` (`a.0.b`) set, or removed when `to` is `undefined`. */
function at(value: unknown, path: string, to: unknown): unknown {
  const copy = clone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (to === undefined) delete target[last];
  else target[last] = to;
  return copy;
}

/** A request of the store, as the server sends it. */
function storedDetail(): RequestDetail {
  mockBackend.seedSampleRequests();
  return clone(mockBackend.listStoredRequests().find((r) => r.messages.length > 0 && r.history.length > 0)!);
}

type Mutation = [title: string, bad: (valid: unknown) => unknown];

interface Operation {
  name: string;
  method: 'GET' | 'POST';
  /** The route, for the fault queue. */
  path: string;
  /** The URL path it calls (for the message). */
  urlPath: string;
  valid: () => unknown;
  call: (api: RestAdapter) => Promise<unknown>;
  bad: Mutation[];
}

/** Wrong for every operation: not an object, an empty object, an array. */
const EVERY: Mutation[] = [
  ['null', () => null],
  ['{}', () => ({})],
  ['[]', () => []],
  ['a string', () => 'ok'],
];

const OPERATIONS: Operation[] = [
  {
    name: 'getSession',
    method: 'GET',
    path: '/session',
    urlPath: '/api/session',
    valid: () => ({ user: { ...mockBackend.db.user } }),
    call: (api) => api.getSession(),
    bad: [
      ['user missing', (v) => at(v, 'user', undefined)],
      ['user an array', (v) => at(v, 'user', [])],
      ['idNumber a number', (v) => at(v, 'user.idNumber', 1085427373)],
      ['idNumber empty', (v) => at(v, 'user.idNumber', '')],
      ['name missing', (v) => at(v, 'user.name', undefined)],
      ['mobile a number', (v) => at(v, 'user.mobile', 512345678)],
      ['expiresAt not a date', (v) => at(v, 'expiresAt', 'next week')],
    ],
  },
  {
    name: 'getCatalog',
    method: 'GET',
    path: '/catalog',
    urlPath: '/api/catalog',
    valid: () => clone(mockBackend.db.catalog),
    call: (api) => api.getCatalog(),
    bad: [
      ['service missing', (v) => at(v, 'service', undefined)],
      ['service name missing', (v) => at(v, 'service.name', undefined)],
      ['service name in English a number', (v) => at(v, 'service.name.en', 7)],
      ['terms not a list', (v) => at(v, 'service.terms', 'none')],
      ['governorates missing', (v) => at(v, 'governorates', undefined)],
      ['a governorate without its label', (v) => at(v, 'governorates.2.label', undefined)],
      ['a governorate with an empty id', (v) => at(v, 'governorates.0.id', '')],
      ['destinations an object', (v) => at(v, 'appointmentTypes.1.destinations', {})],
      ['usesDepartments a string', (v) => at(v, 'appointmentTypes.0.usesDepartments', 'yes')],
      ['maxBytes a string', (v) => at(v, 'files.maxBytes', '5 MB')],
      ['acceptedTypes missing', (v) => at(v, 'files.acceptedTypes', undefined)],
      ['companions max negative', (v) => at(v, 'companions.max', -1)],
      ['subject missing', (v) => at(v, 'subject', undefined)],
      ['subject maxLength zero', (v) => at(v, 'subject.maxLength', 0)],
    ],
  },
  {
    name: 'listRequests',
    method: 'GET',
    path: '/requests',
    urlPath: '/api/requests',
    valid: () => {
      const detail = storedDetail();
      const { requestNumber, serviceName, createdAt, beneficiaryName, status, unreadMessages } = detail;
      return { items: [{ requestNumber, serviceName, createdAt, beneficiaryName, status, unreadMessages }], page: 1, pageSize: 10, total: 1 };
    },
    call: (api) => api.listRequests({ page: 1, pageSize: 10 }),
    bad: [
      ['items missing', (v) => at(v, 'items', undefined)],
      ['items null', (v) => at(v, 'items', null)],
      ['an item null', (v) => at(v, 'items.0', null)],
      ['a status the contract does not have', (v) => at(v, 'items.0.status', 'lost')],
      ['createdAt not a date', (v) => at(v, 'items.0.createdAt', 'yesterday')],
      ['unreadMessages negative', (v) => at(v, 'items.0.unreadMessages', -1)],
      ['unreadMessages a string', (v) => at(v, 'items.0.unreadMessages', '2')],
      ['serviceName a string', (v) => at(v, 'items.0.serviceName', 'Appointment')],
      ['pageSize zero', (v) => at(v, 'pageSize', 0)],
      ['total a string', (v) => at(v, 'total', '5')],
      ['page missing', (v) => at(v, 'page', undefined)],
    ],
  },
  {
    name: 'getRequest',
    method: 'GET',
    path: '/requests/:number',
    urlPath: '/api/requests/00067',
    valid: storedDetail,
    call: (api) => api.getRequest('00067'),
    bad: [
      ['messages missing', (v) => at(v, 'messages', undefined)],
      ['a message from someone else', (v) => at(v, 'messages.0.from', 'admin')],
      ['a message whose text is null', (v) => at(v, 'messages.0.text', null)],
      ['a message whose attachments are missing', (v) => at(v, 'messages.0.attachments', undefined)],
      ['an attachment whose size is a string', (v) => at(v, 'messages.0.attachments', [{ id: 'u', name: 'a.pdf', size: '1', type: 'application/pdf' }])],
      ['history an object', (v) => at(v, 'history', {})],
      ['a status change at no date', (v) => at(v, 'history.0.at', 'soon')],
      ['request missing', (v) => at(v, 'request', undefined)],
      ['request companions null', (v) => at(v, 'request.companions', null)],
      ['request locale unknown', (v) => at(v, 'request.locale', 'fr')],
      ['appointment at no date', (v) => at(v, 'appointment', { at: 'soon', gate: 'main' })],
      ['status missing', (v) => at(v, 'status', undefined)],
    ],
  },
  {
    name: 'sendMessage',
    method: 'POST',
    path: '/requests/:number/messages',
    urlPath: '/api/requests/00067/messages',
    valid: () => ({ id: 'msg-1', from: 'applicant', text: 'مرفق', at: iso(), read: true, attachments: [] }),
    call: (api) => api.sendMessage('00067', { text: 'مرفق', attachments: [] }, { idempotencyKey: crypto.randomUUID() }),
    bad: [
      ['attachments missing', (v) => at(v, 'attachments', undefined)],
      ['read a string', (v) => at(v, 'read', 'yes')],
      ['at missing', (v) => at(v, 'at', undefined)],
      ['id empty', (v) => at(v, 'id', '')],
    ],
  },
  {
    name: 'inquire',
    method: 'GET',
    path: '/inquiry',
    urlPath: '/api/inquiry',
    valid: () => ({ transactionNumber: '4521', hijriYear: currentHijriYear(new Date()), status: 'under-processing', updatedAt: iso() }),
    call: (api) => api.inquire({ transactionNumber: '4521', hijriYear: currentHijriYear(new Date()) }),
    bad: [
      ['hijriYear a string', (v) => at(v, 'hijriYear', '1446')],
      ['status unknown', (v) => at(v, 'status', 'pending')],
      ['updatedAt missing', (v) => at(v, 'updatedAt', undefined)],
      ['transactionNumber a number', (v) => at(v, 'transactionNumber', 4521)],
    ],
  },
  {
    name: 'uploadFile',
    method: 'POST',
    path: '/uploads',
    urlPath: '/api/uploads',
    valid: () => ({ id: 'upl-1', name: 'letter.pdf', size: 12, type: 'application/pdf' }),
    call: (api) => api.uploadFile(pdf(), 'letter.pdf', 'reply'),
    bad: [
      ['id missing', (v) => at(v, 'id', undefined)],
      ['size a string', (v) => at(v, 'size', '12')],
      ['name null', (v) => at(v, 'name', null)],
      ['type a number', (v) => at(v, 'type', 1)],
    ],
  },
  {
    name: 'submitRequest',
    method: 'POST',
    path: '/requests',
    urlPath: '/api/requests',
    valid: () => ({ requestNumber: '00067', createdAt: iso() }),
    call: (api) => api.submitRequest({} as BookingRequest, { idempotencyKey: crypto.randomUUID() }),
    bad: [
      ['requestNumber a number', (v) => at(v, 'requestNumber', 67)],
      ['requestNumber empty', (v) => at(v, 'requestNumber', '')],
      ['createdAt not a date', (v) => at(v, 'createdAt', 'today')],
    ],
  },
  {
    name: 'getUnreadCount',
    method: 'GET',
    path: '/messages/unread',
    urlPath: '/api/messages/unread',
    valid: () => ({ total: 3 }),
    call: (api) => api.getUnreadCount(),
    bad: [
      ['total a string', (v) => at(v, 'total', 'many')],
      ['total negative', (v) => at(v, 'total', -1)],
      ['total a fraction', (v) => at(v, 'total', 1.5)],
      ['total missing', (v) => at(v, 'total', undefined)],
    ],
  },
];

describe('the adapter boundary', () => {
  describe('wrong shapes become a bad-response error with the URL, told once', () => {
    for (const operation of OPERATIONS) {
      describe(operation.name, () => {
        it('accepts the contract’s shape (the control for the rows below)', async () => {
          mockBackend.queueFault({ method: operation.method, path: operation.path, kind: { status: 200, body: operation.valid() } });
          await operation.call(adapter().api);
          expect(warnings).to.deep.equal([]);
        });

        for (const [title, bad] of [...EVERY, ...operation.bad]) {
          it(title, async () => {
            mockBackend.queueFault({ method: operation.method, path: operation.path, kind: { status: 200, body: bad(operation.valid()) } });
            const { api, calls } = adapter();
            const error = await rejection(operation.call(api));
            expect(error).to.be.instanceOf(BadResponseError);
            expect(error).to.include({ kind: 'bad-response', problem: 'shape', retryable: false });
            expect((error as BadResponseError).url).to.contain(operation.urlPath);
            expect(calls.filter((c) => c.includes(operation.urlPath)).length, 'not retried').to.be.at.most(1);
            expect(warnings).to.have.length(1);
            expect(warnings[0]).to.contain(operation.name).and.contain(operation.urlPath).and.contain('openapi.yaml');
          });
        }
      });
    }
  });

  describe('lenient where a strict check would cost more than the flaw', () => {
    it('takes a null optional property as absent, keeps draftSecret, leaves unknown properties out', async () => {
      const user = { ...mockBackend.db.user, mobile: null, email: null, role: 'admin' };
      mockBackend.queueFault({ method: 'GET', path: '/session', kind: { status: 200, body: { user, expiresAt: null, draftSecret: 's3cr3t', debug: true } } });
      const session = await adapter().api.getSession();
      expect(session).to.deep.equal({ user: { idNumber: '1085427373', name: mockBackend.db.user.name }, draftSecret: 's3cr3t' });
    });

    const ratings: Array<[string, unknown, RequestDetail['rating']]> = [
      ['9 stars', { stars: 9 }, { stars: 5 }],
      ['0 stars', { stars: 0 }, { stars: 1 }],
      ['-3 stars with a comment', { stars: -3, comment: 'سيئ' }, { stars: 1, comment: 'سيئ' }],
      ['3.6 stars', { stars: 3.6 }, { stars: 4 }],
      ['"five" stars', { stars: 'five' }, undefined],
      ['no stars', { comment: 'x' }, undefined],
      ['a rating that is a number', 4, undefined],
      ['a comment that is a number', { stars: 3, comment: 5 }, { stars: 3 }],
    ];
    for (const [title, rating, expected] of ratings) {
      it(`a request's rating of ${title} → ${JSON.stringify(expected)}`, async () => {
        const detail = { ...storedDetail(), rating };
        mockBackend.queueFault({ method: 'GET', path: '/requests/:number', kind: { status: 200, body: detail } });
        const got = await adapter().api.getRequest(detail.requestNumber);
        expect(got.rating).to.deep.equal(expected);
        expect(warnings).to.deep.equal([]);
      });
    }

    it('keeps the service’s average rating within 0–5 (0 when it is not a number)', async () => {
      for (const [rating, expected] of [[7, 5], [-1, 0], [4.5, 4.5], ['4.5', 0]] as const) {
        mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200, body: at(mockBackend.db.catalog, 'service.rating', rating) } });
        expect((await adapter().api.getCatalog()).service.rating).to.equal(expected);
      }
    });
  });

  describe('one console warning per adapter and cause', () => {
    it('a second bad answer of the same cause is not told again; another cause is; a new adapter tells again', async () => {
      const { api } = adapter();
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200, body: {} } });
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200, body: [] } });
      await rejection(api.getCatalog());
      await rejection(api.getCatalog());
      expect(warnings).to.have.length(1);
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200, body: html() } });
      await rejection(api.getCatalog());
      mockBackend.queueFault({ method: 'GET', path: '/requests', kind: { status: 200, body: {} } });
      await rejection(api.listRequests({ page: 1, pageSize: 10 }));
      expect(warnings).to.have.length(3);
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200, body: {} } });
      await rejection(adapter().api.getCatalog());
      expect(warnings).to.have.length(4);
    });
  });

  describe('bodies that are not JSON', () => {
    it('an HTML page answering a JSON call: bad-response not-json, naming its type', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/requests', kind: { status: 200, body: html('<html><body>Maintenance</body></html>') } });
      const error = await rejection(adapter().api.listRequests({ page: 1, pageSize: 10 }));
      expect(error).to.include({ kind: 'bad-response', problem: 'not-json' });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('/api/requests').and.contain('text/html').and.contain('api-base');
    });

    it('an empty 200 answer: bad-response not-json', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/inquiry', kind: { status: 200 } });
      const error = await rejection(adapter().api.inquire({ transactionNumber: '4521', hijriYear: currentHijriYear(new Date()) }));
      expect(error).to.include({ kind: 'bad-response', problem: 'not-json' });
    });

    it('a file download that is an HTML page: bad-response not-a-file', async () => {
      mockBackend.seedSampleRequests();
      const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
      const file = approved.messages.flatMap((m) => m.attachments)[0]!;
      mockBackend.queueFault({ method: 'GET', path: '/requests/:number/files/:id', kind: { status: 200, body: html() } });
      const error = await rejection(adapter().api.getAttachment(approved.requestNumber, file.id));
      expect(error).to.include({ kind: 'bad-response', problem: 'not-a-file' });
      expect(warnings[0]).to.contain('/files/');
    });
  });

  describe('the size cap', () => {
    it('refuses a JSON body over maxJsonBytes, and says which option to raise', async () => {
      const error = await rejection(adapter({ maxJsonBytes: 1024 }).api.getCatalog());
      expect(error).to.include({ kind: 'bad-response', problem: 'too-large' });
      expect(warnings[0]).to.contain('/api/catalog').and.contain('1024').and.contain('maxJsonBytes');
    });

    it('by default 2 MiB: a page of 1.5 MB passes, one of 2.5 MB does not', async () => {
      const page = (size: number) => {
        const { items } = OPERATIONS[2]!.valid() as { items: Array<Record<string, unknown>> };
        return { items: [{ ...items[0], beneficiaryName: 'x'.repeat(size) }], page: 1, pageSize: 10, total: 1 };
      };
      mockBackend.queueFault({ method: 'GET', path: '/requests', kind: { status: 200, body: page(1_500_000) } });
      expect((await adapter().api.listRequests({ page: 1, pageSize: 10 })).items).to.have.length(1);
      mockBackend.queueFault({ method: 'GET', path: '/requests', kind: { status: 200, body: page(2_500_000) } });
      expect(await rejection(adapter().api.listRequests({ page: 1, pageSize: 10 }))).to.include({ problem: 'too-large' });
    });

    it('an error answer with a body over the cap is still its typed error', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 503, body: { code: 'x', message: 'y'.repeat(3_000_000) } } });
      const error = await rejection(adapter({ retries: 0 }).api.getCatalog());
      expect(error).to.be.instanceOf(ServerError);
      expect(error.status).to.equal(503);
    });

    it('refuses a download over maxFileBytes', async () => {
      mockBackend.seedSampleRequests();
      const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
      const file = approved.messages.flatMap((m) => m.attachments)[0]!;
      const error = await rejection(adapter({ maxFileBytes: 100 }).api.getAttachment(approved.requestNumber, file.id));
      expect(error).to.include({ kind: 'bad-response', problem: 'too-large' });
      expect(warnings[0]).to.contain('maxFileBytes');
    });

    it('refuses an upload answer over maxJsonBytes', async () => {
      mockBackend.queueFault({ method: 'POST', path: '/uploads', kind: { status: 201, body: { id: 'u', name: 'x'.repeat(5000), size: 1, type: 'application/pdf' } } });
      const error = await rejection(adapter({ maxJsonBytes: 1024 }).api.uploadFile(pdf(), 'letter.pdf', 'reply'));
      expect(error).to.include({ kind: 'bad-response', problem: 'too-large' });
    });
  });

  describe('redirects to a sign-in page', () => {
    const redirect = { status: 302, headers: { Location: SIGN_IN_PAGE } };

    it('a redirect fetch stops at (redirect: manual, the default): sign in again, not retried, told once', async () => {
      const { api, calls } = adapter();
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: redirect });
      const error = await rejection(api.getCatalog());
      expect(error).to.be.instanceOf(SignInRedirectError).and.to.be.instanceOf(UnauthorizedError);
      expect(error.kind).to.equal('unauthorized');
      expect((error as SignInRedirectError).url).to.contain('/api/catalog');
      expect(calls).to.have.length(1);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('/api/catalog').and.contain('redirected');
    });

    it('getSession takes a redirect as signed out (null)', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/session', kind: redirect });
      expect(await adapter().api.getSession()).to.equal(null);
    });

    it('a POST and a file download redirected: sign in again', async () => {
      mockBackend.seedSampleRequests();
      const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
      const file = approved.messages.flatMap((m) => m.attachments)[0]!;
      const { api } = adapter();
      mockBackend.queueFault({ method: 'POST', path: '/requests/:number/messages/read', kind: redirect });
      expect(await rejection(api.markMessagesRead(approved.requestNumber))).to.be.instanceOf(SignInRedirectError);
      mockBackend.queueFault({ method: 'GET', path: '/requests/:number/files/:id', kind: redirect });
      expect(await rejection(api.getAttachment(approved.requestNumber, file.id))).to.be.instanceOf(SignInRedirectError);
    });

    it('a followed redirect (redirect: follow) that ends on an HTML page: sign in again, naming where it led', async () => {
      serveSignInPage();
      mockBackend.queueFault({ method: 'GET', path: '/requests', kind: redirect });
      const error = await rejection(adapter({ redirect: 'follow' }).api.listRequests({ page: 1, pageSize: 10 }));
      expect(error).to.be.instanceOf(SignInRedirectError);
      expect((error as SignInRedirectError).location).to.contain(SIGN_IN_PAGE);
      expect(warnings[0]).to.contain(SIGN_IN_PAGE);
    });

    it('a followed redirect that ends on the JSON answer is taken', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 302, headers: { Location: `${API_BASE}/catalog` } } });
      const catalog = await adapter({ redirect: 'follow' }).api.getCatalog();
      expect(catalog.governorates).to.have.length(8);
    });

    it('an upload (XMLHttpRequest follows every redirect) that ends on the sign-in page: sign in again', async () => {
      serveSignInPage();
      mockBackend.queueFault({ method: 'POST', path: '/uploads', kind: { status: 303, headers: { Location: SIGN_IN_PAGE } } });
      const error = await rejection(adapter().api.uploadFile(pdf(), 'letter.pdf', 'reply'));
      expect(error).to.be.instanceOf(SignInRedirectError);
      expect(mockBackend.db.uploads.size).to.equal(0);
    });

    it('an HTML page answered without a redirect is a bad response, not a sign-in', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200, body: html() } });
      const error = await rejection(adapter().api.getCatalog());
      expect(error).to.include({ kind: 'bad-response', problem: 'not-json' });
    });
  });

  describe('anti-CSRF headers on every call that is not a GET', () => {
    interface Seen {
      method: string;
      path: string;
      requestedWith: string | null;
      token: string | null;
      key: string | null;
    }

    /** Every call the mock backend gets, with its anti-CSRF and idempotency headers. */
    function watchHeaders(tokenHeader = 'X-CSRF-Token'): Seen[] {
      const seen: Seen[] = [];
      worker.use(
        http.all(`${API_BASE}/*`, ({ request }) => {
          seen.push({
            method: request.method,
            path: new URL(request.url).pathname,
            requestedWith: request.headers.get('X-Requested-With'),
            token: request.headers.get(tokenHeader),
            key: request.headers.get('Idempotency-Key'),
          });
          return undefined;
        }),
      );
      return seen;
    }

    /** Every call that is not a GET, through the adapter: upload, submit, reply, mark read, rate. */
    async function everyWrite(api: RestAdapter) {
      mockBackend.seedSampleRequests();
      const open = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!;
      const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved' && !r.rating)!;
      const letter = await api.uploadFile(pdf('letter'), 'letter.pdf', 'subject-letter');
      const idCopy = await api.uploadFile(pdf('id'), 'id.pdf', 'id-copy');
      await api.submitRequest(
        {
          applicantType: 'individual', fullName: 'محمد عبدالله سعيد القحطاني', idNumber: '1085427373', mobile: '512345678',
          email: 'm.alqahtani@example.sa', appointmentType: 'department', destination: 'rights', gate: 'main', reason: 'follow-up',
          subject: 'متابعة', subjectLetter: letter.id, idCopy: idCopy.id, belongings: [], companions: [], declaration: true, locale: 'ar',
        },
        { idempotencyKey: crypto.randomUUID() },
      );
      await api.sendMessage(open.requestNumber, { text: 'مرفق', attachments: [] }, { idempotencyKey: crypto.randomUUID() });
      await api.markMessagesRead(open.requestNumber);
      await api.rateRequest(approved.requestNumber, { stars: 4 });
      await api.getRequest(open.requestNumber);
    }

    it('X-Requested-With on each of them (the mock refuses them without it), never on a GET', async () => {
      const seen = watchHeaders();
      await everyWrite(adapter().api);
      const writes = seen.filter((s) => s.method !== 'GET');
      expect(writes.map((s) => s.path.replace(/\d{5}/, 'N'))).to.deep.equal([
        '/api/uploads', '/api/uploads', '/api/requests', '/api/requests/N/messages', '/api/requests/N/messages/read', '/api/requests/N/rating',
      ]);
      for (const write of writes) expect(write, write.path).to.include({ requestedWith: 'emirate-widget', token: null });
      const reads = seen.filter((s) => s.method === 'GET');
      expect(reads).to.have.length.above(0);
      for (const read of reads) expect(read, read.path).to.include({ requestedWith: null, token: null });
    });

    it('the mock backend refuses a write without the header (what a server must do)', async () => {
      const answer = await fetch(`${API_BASE}/requests/00067/messages/read`, { method: 'POST' });
      expect(answer.status).to.equal(403);
      expect((await answer.json()).code).to.equal('csrf');
    });

    it('the portal’s token, from the option (read at each call), in X-CSRF-Token on each write', async () => {
      mockBackend.setCsrfToken('tok-1');
      mockBackend.seedSampleRequests();
      const open = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!;
      expect(await rejection(adapter().api.markMessagesRead(open.requestNumber))).to.include({ kind: 'server', status: 403 });

      let token = 'tok-1';
      const seen = watchHeaders();
      const { api } = adapter({ csrfToken: () => token });
      await everyWrite(api);
      for (const write of seen.filter((s) => s.method !== 'GET')) expect(write, write.path).to.include({ requestedWith: 'emirate-widget', token: 'tok-1' });
      token = 'tok-2';
      mockBackend.setCsrfToken('tok-2');
      await api.markMessagesRead(open.requestNumber);
      expect(seen.at(-1)).to.include({ token: 'tok-2' });
    });

    it('the token from a cookie (double-submit), read at each call; another header name when asked', async () => {
      const cookie = 'emirate-test-xsrf';
      try {
        document.cookie = `${cookie}=tok%203; path=/`;
        mockBackend.setCsrfToken('tok 3');
        const { api } = adapter({ csrfCookie: cookie });
        const seen = watchHeaders();
        await everyWrite(api);
        for (const write of seen.filter((s) => s.method !== 'GET')) expect(write, write.path).to.include({ token: 'tok 3' });
        document.cookie = `${cookie}=tok-4; path=/`;
        mockBackend.setCsrfToken('tok-4');
        const uploaded = await api.uploadFile(pdf(), 'a.pdf', 'reply');
        expect(uploaded.id).to.be.a('string');

        mockBackend.setCsrfToken(undefined);
        const named = watchHeaders('X-XSRF-TOKEN');
        await adapter({ csrfCookie: cookie, csrfHeader: 'X-XSRF-TOKEN' }).api.uploadFile(pdf(), 'b.pdf', 'reply');
        expect(named.at(-1)).to.include({ token: 'tok-4' });
      } finally {
        document.cookie = `${cookie}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
      }
    });
  });

  describe('upload idempotency', () => {
    it('the same key twice: one stored upload, the same answer', async () => {
      const { api } = adapter();
      const first = await api.uploadFile(pdf('a'), 'a.pdf', 'reply', { idempotencyKey: 'upl-key-1' });
      const second = await api.uploadFile(pdf('a'), 'a.pdf', 'reply', { idempotencyKey: 'upl-key-1' });
      expect(second).to.deep.equal(first);
      expect(mockBackend.db.uploads.size).to.equal(1);
    });

    it('without a key the adapter makes one per upload and keeps it across its retries: an answer lost after the store is one upload', async () => {
      const seen: Array<string | null> = [];
      worker.use(
        http.post(`${API_BASE}/uploads`, ({ request }) => {
          seen.push(request.headers.get('Idempotency-Key'));
          return undefined;
        }),
      );
      const { api } = adapter();
      mockBackend.queueFault({ method: 'POST', path: '/uploads', kind: 'network-after-commit' });
      const uploaded = await api.uploadFile(pdf('lost'), 'lost.pdf', 'reply');
      expect(mockBackend.db.uploads.size).to.equal(1);
      expect(mockBackend.db.uploads.has(uploaded.id)).to.equal(true);
      expect(seen).to.have.length(2);
      expect(seen[0]).to.be.a('string').and.equal(seen[1]);
      await api.uploadFile(pdf('other'), 'other.pdf', 'reply');
      expect(seen[2]).to.be.a('string').and.not.equal(seen[0]);
      expect(mockBackend.db.uploads.size).to.equal(2);
    });
  });
});
