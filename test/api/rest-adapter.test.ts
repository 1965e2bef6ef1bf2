import { expect } from '@open-wc/testing';
import { currentHijriYear } from '../../src/domain/hijri.js';
import { REJECTED_EMAIL } from '../../demo/mocks/validation.js';
import {
  AbortedError,
  ApiError,
  BadResponseError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../../src/api/errors.js';
import { parseRetryAfter, RestAdapter, type RestAdapterOptions } from '../../src/api/rest-adapter.js';
import type { BookingRequest } from '../../src/api/types.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';

await useMockBackend();

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
const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], { type: 'image/png' });

/** A booking the mock accepts, with its two attachments uploaded first. */
async function validBooking(api: RestAdapter, overrides: Partial<BookingRequest> = {}): Promise<BookingRequest> {
  const letter = await api.uploadFile(pdf('letter'), 'letter.pdf', 'subject-letter');
  const idCopy = await api.uploadFile(png(), 'id.png', 'id-copy');
  return {
    applicantType: 'individual',
    fullName: 'محمد عبدالله سعيد القحطاني',
    idNumber: '1085427373',
    mobile: '512345678',
    email: 'm.alqahtani@example.sa',
    governorate: 'sharurah',
    appointmentType: 'department',
    destination: 'rights',
    gate: 'main',
    reason: 'follow-up',
    subject: 'متابعة معاملة',
    subjectLetter: letter.id,
    idCopy: idCopy.id,
    belongings: ['mobile-phone'],
    companions: [],
    declaration: true,
    locale: 'ar',
    ...overrides,
  };
}

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

describe('RestAdapter against the mock backend', () => {
  describe('session and catalog', () => {
    it('returns the signed-in user', async () => {
      const session = await adapter().api.getSession();
      expect(session?.user.idNumber).to.equal('1085427373');
      expect(session?.user.mobile).to.equal('512345678');
    });

    it('returns null when nobody is signed in (401)', async () => {
      mockBackend.setScenario('signed-out');
      expect(await adapter().api.getSession()).to.equal(null);
    });

    it('loads the Najran catalog', async () => {
      const catalog = await adapter().api.getCatalog();
      expect(catalog.emirate.name.en).to.equal('Najran Region Emirate');
      expect(catalog.governorates.map((g) => g.id)).to.deep.equal([
        'najran', 'sharurah', 'hubuna', 'badr-al-janub', 'yadamah', 'thar', 'khubash', 'al-kharkhir',
      ]);
      expect(catalog.appointmentTypes.find((t) => t.usesDepartments)?.id).to.equal('department');
      expect(catalog.files.maxBytes).to.equal(5 * 1024 * 1024);
    });
  });

  describe('uploads', () => {
    it('uploads a file, reporting progress up to 1, and returns its sniffed type', async () => {
      const progress: number[] = [];
      const uploaded = await adapter().api.uploadFile(pdf('x'.repeat(200_000)), 'letter.pdf', 'subject-letter', {
        onProgress: (fraction) => progress.push(fraction),
      });
      expect(uploaded).to.include({ name: 'letter.pdf', type: 'application/pdf' });
      expect(uploaded.id).to.be.a('string');
      expect(progress.at(-1)).to.equal(1);
      expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= progress[i - 1]!))).to.equal(true);
      expect(mockBackend.db.uploads.has(uploaded.id)).to.equal(true);
    });

    it('maps 413 (too large) to a file-too-large field error', async () => {
      const big = new Blob(['%PDF-1.4\n', new Uint8Array(5 * 1024 * 1024)], { type: 'application/pdf' });
      const error = await rejection(adapter().api.uploadFile(big, 'big.pdf', 'subject-letter'));
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).to.deep.equal([{ field: 'file', code: 'file-too-large' }]);
    });

    it('maps 415 (content is not PDF/JPEG/PNG, whatever its name) to a file-type field error', async () => {
      const fake = new Blob(['MZ this is not a pdf'], { type: 'application/pdf' });
      const error = await rejection(adapter().api.uploadFile(fake, 'letter.pdf', 'subject-letter'));
      expect((error as ValidationError).fieldErrors).to.deep.equal([{ field: 'file', code: 'file-type' }]);
    });

    it('retries an upload after a 503', async () => {
      mockBackend.queueFault({ method: 'POST', path: '/uploads', kind: { status: 503 } });
      const uploaded = await adapter().api.uploadFile(png(), 'id.png', 'id-copy');
      expect(uploaded.type).to.equal('image/png');
      expect(mockBackend.db.uploads.size).to.equal(1);
    });
  });

  describe('submit', () => {
    it('submits a request and gets its number', async () => {
      const { api } = adapter();
      const result = await api.submitRequest(await validBooking(api), { idempotencyKey: 'k-success' });
      expect(result.requestNumber).to.equal('00067');
      expect(Date.parse(result.createdAt)).to.be.greaterThan(0);
      expect(mockBackend.listStoredRequests()).to.have.length(1);
    });

    it('sends the same Idempotency-Key twice: one stored request, same number', async () => {
      const { api } = adapter();
      const booking = await validBooking(api);
      const first = await api.submitRequest(booking, { idempotencyKey: 'k-twice' });
      const second = await api.submitRequest(booking, { idempotencyKey: 'k-twice' });
      expect(second).to.deep.equal(first);
      expect(mockBackend.listStoredRequests()).to.have.length(1);
    });

    it('retries with the same key when the answer is lost after the commit: exactly one request', async () => {
      const { api, calls } = adapter();
      const booking = await validBooking(api);
      mockBackend.queueFault({ method: 'POST', path: '/requests', kind: 'network-after-commit' });
      const result = await api.submitRequest(booking, { idempotencyKey: 'k-lost' });
      expect(calls.filter((c) => c.startsWith('POST') && c.endsWith('/requests'))).to.have.length(2);
      expect(mockBackend.listStoredRequests().map((r) => r.requestNumber)).to.deep.equal([result.requestNumber]);
    });

    it('maps 422 to ValidationError with the server field errors, and does not retry', async () => {
      const { api, calls } = adapter();
      const booking = await validBooking(api, { idNumber: '1000000009', email: REJECTED_EMAIL, idCopy: 'upl-unknown' });
      const before = calls.length;
      const error = await rejection(api.submitRequest(booking, { idempotencyKey: 'k-invalid' }));
      expect(error).to.be.instanceOf(ValidationError);
      const fields = (error as ValidationError).fieldErrors;
      expect(fields).to.deep.include({ field: 'idNumber', code: 'id-checksum' });
      expect(fields).to.deep.include({ field: 'idCopy', code: 'required' });
      expect(fields.find((f) => f.field === 'email')).to.include({ code: 'email-invalid' }).and.to.have.property('message');
      expect(calls.length - before).to.equal(1);
      expect(mockBackend.listStoredRequests()).to.have.length(0);
    });

    it('checks the car, the body and the preferred time on the server (#14)', async () => {
      const { api } = adapter();
      const letter = await api.uploadFile(pdf('authorisation'), 'authorisation.pdf', 'authorisation-letter');
      const catalog = await api.getCatalog();
      expect(catalog.belongings.find((b) => b.id === 'private-car')!.vehicle).to.equal(true);
      expect(catalog.applicantTypes.find((t) => t.id === 'private-sector')!.entity).to.deep.equal({ commercialRegistration: true, authorisationLetter: 'required' });
      const bad = await validBooking(api, {
        applicantType: 'private-sector',
        entity: { name: ' ', commercialRegistration: '12345' },
        belongings: ['private-car'],
        preference: { days: ['fri' as 'sun'], parts: [] },
      });
      const fields = ((await rejection(api.submitRequest(bad, { idempotencyKey: 'k-visit-bad' }))) as ValidationError).fieldErrors;
      expect(fields).to.deep.include.members([
        { field: 'entity.name', code: 'required' },
        { field: 'entity.commercialRegistration', code: 'cr-format' },
        { field: 'entity.authorisationLetter', code: 'required' },
        { field: 'plate', code: 'required' },
        { field: 'preference', code: 'invalid' },
      ]);
      const good = await validBooking(api, {
        applicantType: 'private-sector',
        entity: { name: 'شركة نجران للتطوير', commercialRegistration: '5950012345', authorisationLetter: letter.id },
        belongings: ['private-car'],
        plate: { digits: '1234', letters: 'ABJ', colour: 'أبيض' },
        preference: { days: ['sun', 'wed'], parts: ['early'] },
      });
      const { requestNumber } = await api.submitRequest(good, { idempotencyKey: 'k-visit-good' });
      const detail = await api.getRequest(requestNumber);
      expect(detail.request.entity).to.deep.equal(good.entity);
      expect(detail.request.plate).to.deep.equal(good.plate);
      expect(detail.request.preference).to.deep.equal(good.preference);
    });

    it('validates companions on the server', async () => {
      const { api } = adapter();
      const image = await api.uploadFile(png(), 'c.png', 'companion-id');
      const booking = await validBooking(api, {
        companions: [
          { fullName: 'سعد محمد علي اليامي', idNumber: '1085427373', idImage: image.id },
          { fullName: 'علي', idNumber: '2345678904', idImage: 'nope' },
        ],
      });
      const error = (await rejection(api.submitRequest(booking, { idempotencyKey: 'k-comp' }))) as ValidationError;
      expect(error.fieldErrors).to.deep.equal([
        { field: 'companions.0.idNumber', code: 'id-same-as-applicant' },
        { field: 'companions.1.fullName', code: 'name-parts-resident' },
        { field: 'companions.1.idImage', code: 'required' },
      ]);
    });

    it('maps 401 to UnauthorizedError', async () => {
      const { api } = adapter();
      const booking = await validBooking(api);
      mockBackend.setScenario('signed-out');
      expect(await rejection(api.submitRequest(booking, { idempotencyKey: 'k-401' }))).to.be.instanceOf(UnauthorizedError);
    });
  });

  describe('retries', () => {
    it('retries a GET after a 503 and succeeds', async () => {
      const { api, calls } = adapter();
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 503 } });
      const catalog = await api.getCatalog();
      expect(catalog.governorates).to.have.length(8);
      expect(calls).to.have.length(2);
    });

    it('gives up with ServerError after the bounded retries when the server keeps failing', async () => {
      const { api, calls } = adapter({ retries: 2 });
      mockBackend.setScenario('server-error');
      const error = await rejection(api.listRequests({ page: 1, pageSize: 10 }));
      expect(error).to.be.instanceOf(ServerError);
      expect(error.status).to.equal(503);
      expect(error.retryable).to.equal(true);
      expect(calls).to.have.length(3);
    });

    it('retries a GET after a network error; never a plain POST', async () => {
      const { api, calls } = adapter();
      mockBackend.queueFault({ method: 'GET', path: '/session', kind: 'network' });
      expect((await api.getSession())?.user.idNumber).to.equal('1085427373');
      expect(calls).to.have.length(2);

      const booking = await validBooking(api);
      const { requestNumber } = await api.submitRequest(booking, { idempotencyKey: 'k-read' });
      mockBackend.queueFault({ method: 'POST', path: '/requests/:number/messages/read', kind: 'network' });
      const before = calls.length;
      expect(await rejection(api.markMessagesRead(requestNumber))).to.be.instanceOf(NetworkError);
      expect(calls.length - before).to.equal(1);
    });

    it('waits out a short Retry-After on 429, then succeeds', async () => {
      const { api, calls } = adapter();
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 429, headers: { 'Retry-After': '1' } } });
      const started = performance.now();
      await api.getCatalog();
      expect(performance.now() - started).to.be.greaterThan(900);
      expect(calls).to.have.length(2);
    });

    it('throws RateLimitedError at once when Retry-After is long', async () => {
      const { api, calls } = adapter();
      mockBackend.queueFault({ method: 'GET', path: '/inquiry', kind: { status: 429, headers: { 'Retry-After': '120' } } });
      const error = await rejection(api.inquire({ transactionNumber: '4521', hijriYear: currentHijriYear(new Date()) }));
      expect(error).to.be.instanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterSeconds).to.equal(120);
      expect(calls).to.have.length(1);
    });

    it('reads Retry-After as seconds or as an HTTP date', () => {
      const now = Date.parse('2026-11-25T10:00:00Z');
      expect(parseRetryAfter('30', now)).to.equal(30);
      expect(parseRetryAfter('Wed, 25 Nov 2026 10:02:00 GMT', now)).to.equal(120);
      expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });

    it('does not retry other 4xx answers', async () => {
      const { api, calls } = adapter();
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 400, body: { code: 'bad', message: 'Bad request' } } });
      const error = await rejection(api.getCatalog());
      expect(error).to.be.instanceOf(ServerError);
      expect(error).to.include({ status: 400, retryable: false, message: 'Bad request' });
      expect(calls).to.have.length(1);
    });

    it('treats a body that is not JSON as a bad response, not retried', async () => {
      const { api, calls } = adapter();
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200 } });
      const error = await rejection(api.getCatalog());
      expect(error).to.be.instanceOf(BadResponseError);
      expect(error).to.include({ kind: 'bad-response', problem: 'not-json', retryable: false });
      expect(calls).to.have.length(1);
    });
  });

  describe('timeouts and aborts', () => {
    it('times out each attempt and ends with TimeoutError', async () => {
      const { api, calls } = adapter({ timeoutMs: 150, retries: 1 });
      mockBackend.setScenario('slow-network');
      expect(await rejection(api.getCatalog())).to.be.instanceOf(TimeoutError);
      expect(calls).to.have.length(2);
    });

    it('ends with AbortedError, without retrying, when the caller aborts', async () => {
      const { api, calls } = adapter();
      mockBackend.setScenario('slow-network');
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      expect(await rejection(api.getCatalog({ signal: controller.signal }))).to.be.instanceOf(AbortedError);
      expect(calls).to.have.length(1);
    });

    it('aborts an upload in flight', async () => {
      mockBackend.setScenario('slow-network');
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await rejection(adapter().api.uploadFile(png(), 'id.png', 'id-copy', { signal: controller.signal }));
      expect(error).to.be.instanceOf(AbortedError);
    });

    it('does not even start when the signal is already aborted', async () => {
      const { api, calls } = adapter();
      const error = await rejection(api.getCatalog({ signal: AbortSignal.abort() }));
      expect(error).to.be.instanceOf(AbortedError);
      expect(calls).to.have.length(0);
    });
  });

  describe('inbox, summary, rating, inquiry', () => {
    it('lists, opens and answers a request; staff messages get read', async () => {
      const { api } = adapter();
      mockBackend.seedSampleRequests();
      const page = await api.listRequests({ page: 1, pageSize: 10 });
      expect(page.total).to.equal(5);
      const latest = page.items[0]!;
      expect(latest).to.include({ status: 'needs-documents', unreadMessages: 2 });

      const attachment = await api.uploadFile(pdf('deed'), 'deed.pdf', 'reply');
      const reply = await api.sendMessage(latest.requestNumber, { text: 'مرفق الصك', attachments: [attachment.id] }, { idempotencyKey: 'k-reply' });
      expect(reply).to.include({ from: 'applicant', text: 'مرفق الصك' });
      await api.sendMessage(latest.requestNumber, { text: 'مرفق الصك', attachments: [attachment.id] }, { idempotencyKey: 'k-reply' });

      await api.markMessagesRead(latest.requestNumber);
      const detail = await api.getRequest(latest.requestNumber);
      expect(detail.unreadMessages).to.equal(0);
      expect(detail.status).to.equal('under-processing');
      expect(detail.messages.filter((m) => m.from === 'applicant')).to.have.length(1);
      expect(detail.messages.at(-1)?.attachments[0]?.name).to.equal('deed.pdf');
    });

    it('maps an unknown request number to NotFoundError', async () => {
      expect(await rejection(adapter().api.getRequest('99999'))).to.be.instanceOf(NotFoundError);
    });

    it('returns null when the server offers no summary document (the mock never does), or an unknown number', async () => {
      const { api } = adapter();
      mockBackend.seedSampleRequests();
      const [first] = mockBackend.listStoredRequests();
      expect(await api.getSummary(first!.requestNumber)).to.equal(null);
      expect(await api.getSummary('99999')).to.equal(null);
    });

    it('downloads the summary PDF of a server that provides one', async () => {
      const { api } = adapter();
      mockBackend.seedSampleRequests();
      const [first] = mockBackend.listStoredRequests();
      mockBackend.queueFault({ method: 'GET', path: '/requests/:number/summary', kind: { status: 200, body: pdf('summary') } });
      const summary = await api.getSummary(first!.requestNumber);
      expect(summary?.type).to.equal('application/pdf');
      expect(await summary!.text()).to.equal('%PDF-1.4\nsummary');
    });

    it('serves a message attachment: the bytes the citizen sent, or a stand-in of the staff file’s type', async () => {
      const { api, calls } = adapter();
      mockBackend.seedSampleRequests();
      const latest = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!;
      const sent = pdf('the deed itself');
      const upload = await api.uploadFile(sent, 'صك.pdf', 'reply');
      await api.sendMessage(latest.requestNumber, { text: '', attachments: [upload.id] }, { idempotencyKey: 'k-att' });
      const back = await api.getAttachment(latest.requestNumber, upload.id);
      expect(back.type).to.equal('application/pdf');
      expect(await back.text()).to.equal(await sent.text());

      const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
      const staffFile = approved.messages.flatMap((m) => m.attachments)[0]!;
      const standIn = await api.getAttachment(approved.requestNumber, staffFile.id);
      expect(standIn.type).to.equal('application/pdf');
      expect(await standIn.slice(0, 5).text()).to.equal('%PDF-');

      const image = { id: 'upl-staff-photo', name: 'مخطط.png', size: 10, type: 'image/png' };
      mockBackend.addStaffMessage(approved.requestNumber, 'مخطط الموقع', undefined, [image]);
      const png = await api.getAttachment(approved.requestNumber, image.id);
      expect(png.type).to.equal('image/png');
      expect([...new Uint8Array(await png.slice(0, 4).arrayBuffer())]).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);

      const before = calls.length;
      expect(await rejection(api.getAttachment(approved.requestNumber, upload.id))).to.be.instanceOf(NotFoundError);
      expect(await rejection(api.getAttachment('99999', upload.id))).to.be.instanceOf(NotFoundError);
      expect(calls.length - before, 'a 404 is not retried').to.equal(2);
    });

    it('retries an attachment download after a 503, and needs a session', async () => {
      const { api, calls } = adapter();
      mockBackend.seedSampleRequests();
      const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
      const file = approved.messages.flatMap((m) => m.attachments)[0]!;
      mockBackend.queueFault({ method: 'GET', path: '/requests/:number/files/:id', kind: { status: 503 } });
      const blob = await api.getAttachment(approved.requestNumber, file.id);
      expect(blob.size).to.be.greaterThan(0);
      expect(calls.filter((c) => c.includes('/files/'))).to.have.length(2);
      mockBackend.setScenario('signed-out');
      expect(await rejection(api.getAttachment(approved.requestNumber, file.id))).to.be.instanceOf(UnauthorizedError);
    });

    it('counts unread staff messages over all requests, however they are paged', async () => {
      const { api } = adapter();
      expect(await api.getUnreadCount()).to.equal(0);
      mockBackend.seedSampleRequests();
      mockBackend.seedManyRequests(12);
      const oldest = mockBackend.listStoredRequests().at(-1)!;
      mockBackend.addStaffMessage(oldest.requestNumber, 'رسالة على طلب في الصفحة الثانية');
      const firstPage = await api.listRequests({ page: 1, pageSize: 5 });
      expect(firstPage.items.some((r) => r.requestNumber === oldest.requestNumber)).to.equal(false);
      expect(await api.getUnreadCount()).to.equal(3);
      await api.markMessagesRead(oldest.requestNumber);
      expect(await api.getUnreadCount()).to.equal(2);
      mockBackend.queueFault({ method: 'GET', path: '/messages/unread', kind: { status: 200, body: { total: 'many' } } });
      expect(await rejection(api.getUnreadCount())).to.be.instanceOf(BadResponseError);
      mockBackend.setScenario('signed-out');
      expect(await rejection(api.getUnreadCount())).to.be.instanceOf(UnauthorizedError);
    });

    it('refuses a reply to a closed request with a conflict', async () => {
      const { api } = adapter();
      mockBackend.seedSampleRequests();
      for (const status of ['completed', 'rejected'] as const) {
        const closed = mockBackend.listStoredRequests().find((r) => r.status === status)!;
        const error = await rejection(api.sendMessage(closed.requestNumber, { text: 'استفسار', attachments: [] }, { idempotencyKey: `k-${status}` }));
        expect(error).to.include({ kind: 'conflict', status: 409 });
        expect(closed.messages.filter((m) => m.from === 'applicant')).to.have.length(0);
      }
    });

    it('rates once; a second rating is a conflict', async () => {
      const { api, calls } = adapter();
      mockBackend.seedSampleRequests();
      const [first] = mockBackend.listStoredRequests();
      await api.rateRequest(first!.requestNumber, { stars: 5, comment: 'شكرًا' });
      expect(mockBackend.db.requests.get(first!.requestNumber)?.rating).to.deep.equal({ stars: 5, comment: 'شكرًا' });
      const before = calls.length;
      const error = await rejection(api.rateRequest(first!.requestNumber, { stars: 4 }));
      expect(error).to.include({ kind: 'conflict', status: 409 });
      expect(calls.length - before).to.equal(1);
    });

    it('answers an inquiry by number and Hijri year: found, not found, bad input', async () => {
      const { api } = adapter();
      const year = currentHijriYear(new Date());
      const found = await api.inquire({ transactionNumber: '4521', hijriYear: year });
      expect(found).to.include({ transactionNumber: '4521', hijriYear: year, status: 'under-processing' });
      expect(await rejection(api.inquire({ transactionNumber: '4521', hijriYear: year - 1 }))).to.be.instanceOf(NotFoundError);
      const invalid = (await rejection(api.inquire({ transactionNumber: '45x', hijriYear: 99 }))) as ValidationError;
      expect(invalid.fieldErrors.map((f) => f.field)).to.deep.equal(['transactionNumber', 'hijriYear']);
    });

    it('finds a submitted request by its number in the inquiry', async () => {
      const { api } = adapter();
      const { requestNumber } = await api.submitRequest(await validBooking(api), { idempotencyKey: 'k-inq' });
      const result = await api.inquire({ transactionNumber: String(Number(requestNumber)), hijriYear: currentHijriYear(new Date()) });
      expect(result).to.include({ transactionNumber: requestNumber, status: 'submitted' });
    });
  });
});
