/**
 * The demo keeps the mock backend's store for the browser tab: what a designer did in one view
 * is there after a reload and in every other view, until "Reset". A reload is played here by
 * forgetting the store in the page and loading it again from sessionStorage.
 */
import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import type { BookingRequest } from '../../src/api/types.js';
import { currentHijriYear } from '../../src/domain/hijri.js';
import { restoreDb, snapshotDb } from '../../demo/mocks/persist.js';
import type { MockStorePersistence } from '../../demo/mocks/browser.js';
import { aljoufCatalog, API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';

await useMockBackend();

const KEY = 'mock-store-test';
let kept: MockStorePersistence | undefined;

/** Starts keeping the store under the test's key (loading what is there). */
function persist(): MockStorePersistence {
  kept = mockBackend.persist(sessionStorage, KEY);
  return kept;
}

/** A reload: the page's store is forgotten (the kept copy stays) and loaded again. */
function reload(): MockStorePersistence {
  kept?.stop();
  mockBackend.reset();
  expect(mockBackend.listStoredRequests(), 'the page forgot').to.have.length(0);
  return persist();
}

afterEach(() => {
  kept?.stop();
  kept = undefined;
  sessionStorage.removeItem(KEY);
});

const api = () => new RestAdapter({ baseUrl: API_BASE, retryBaseDelayMs: 1 });
const letterBytes = '%PDF-1.4\nخطاب الزيارة';

async function sendRequest(adapter: RestAdapter, idempotencyKey: string): Promise<string> {
  const letter = await adapter.uploadFile(new Blob([letterBytes], { type: 'application/pdf' }), 'خطاب.pdf', 'subject-letter');
  const idCopy = await adapter.uploadFile(new Blob(['%PDF-1.4\nid'], { type: 'application/pdf' }), 'هوية.pdf', 'id-copy');
  const booking: BookingRequest = {
    applicantType: 'individual',
    fullName: 'محمد عبدالله سعيد القحطاني',
    idNumber: '1085427373',
    mobile: '512345678',
    email: 'm.alqahtani@example.sa',
    governorate: 'najran',
    appointmentType: 'department',
    destination: 'rights',
    gate: 'main',
    reason: 'follow-up',
    subject: 'متابعة معاملة',
    subjectLetter: letter.id,
    idCopy: idCopy.id,
    belongings: [],
    companions: [],
    declaration: true,
    locale: 'ar',
  };
  const { requestNumber } = await adapter.submitRequest(booking, { idempotencyKey });
  return requestNumber;
}

describe('the demo’s kept mock store', () => {
  it('is off unless the demo turns it on: the tests’ store stays in the page', async () => {
    await sendRequest(api(), 'k-off');
    expect(mockBackend.listStoredRequests()).to.have.length(1);
    expect(Object.keys(sessionStorage).filter((key) => key.includes('mock-store'))).to.deep.equal([]);
  });

  it('a request sent before a reload is in “My requests”, answers the inquiry and keeps its messages and files', async () => {
    persist();
    const adapter = api();
    const requestNumber = await sendRequest(adapter, 'k-send');
    await adapter.sendMessage(requestNumber, { text: 'مرفق الصك', attachments: [] }, { idempotencyKey: 'k-reply' });
    mockBackend.addStaffMessage(requestNumber, 'نأمل إرفاق صورة الصك.', 'needs-documents');
    await kept!.save();

    reload();

    const page = await adapter.listRequests({ page: 1, pageSize: 10 });
    expect(page.items.map((item) => [item.requestNumber, item.status, item.unreadMessages])).to.deep.equal([[requestNumber, 'needs-documents', 1]]);
    const detail = await adapter.getRequest(requestNumber);
    expect(detail.messages.map((message) => [message.from, message.text])).to.deep.equal([
      ['applicant', 'مرفق الصك'],
      ['staff', 'نأمل إرفاق صورة الصك.'],
    ]);
    const inquiry = await adapter.inquire({ transactionNumber: requestNumber, hijriYear: currentHijriYear(new Date()) });
    expect(inquiry.status).to.equal('needs-documents');
    const letter = detail.request.subjectLetter;
    expect(mockBackend.db.uploads.get(letter)!.file.name).to.equal('خطاب.pdf');
    expect(await mockBackend.db.uploads.get(letter)!.blob.text(), 'the file’s bytes').to.equal(letterBytes);
  });

  it('after a reload, a repeated send is answered as before and the next request takes the next number', async () => {
    persist();
    const adapter = api();
    const first = await sendRequest(adapter, 'k-first');
    await kept!.save();

    reload();

    const replay = await fetch(`${API_BASE}/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-first', 'X-Requested-With': 'emirate-widget' },
      body: '{}',
    });
    expect(replay.headers.get('Idempotent-Replayed')).to.equal('true');
    expect((await replay.json()).requestNumber).to.equal(first);
    const second = await sendRequest(adapter, 'k-second');
    expect(Number(second)).to.equal(Number(first) + 1);
    expect(mockBackend.listStoredRequests()).to.have.length(2);
  });

  it('is saved before the answer reaches the page, with no explicit save', async () => {
    persist();
    const requestNumber = await sendRequest(api(), 'k-saved');
    expect(sessionStorage.getItem(KEY)).to.contain(`"${requestNumber}"`);
  });

  it('keeps the sample history once: a reload does not add it again', async () => {
    persist();
    mockBackend.seedSampleRequests();
    await kept!.save();
    reload();
    expect(mockBackend.db.sampleHistory).to.equal(true);
    expect(mockBackend.listStoredRequests()).to.have.length(5);
  });

  it('does not keep the catalog: the branding switch chooses it on every load', async () => {
    persist();
    await sendRequest(api(), 'k-brand');
    mockBackend.setCatalog(aljoufCatalog);
    await kept!.save();
    reload();
    expect(mockBackend.db.catalog.emirate.name.en).to.equal('Najran Region Emirate');
    expect(mockBackend.listStoredRequests()).to.have.length(1);
  });

  it('“Reset” forgets the kept store too', async () => {
    persist();
    await sendRequest(api(), 'k-reset');
    expect(sessionStorage.getItem(KEY)).to.not.equal(null);
    mockBackend.reset();
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    reload();
    expect(mockBackend.listStoredRequests()).to.have.length(0);
    expect(Number(await sendRequest(api(), 'k-after-reset'))).to.equal(67);
  });

  it('drops a kept store it cannot read and starts afresh', async () => {
    for (const saved of ['not json', JSON.stringify({ version: 0, store: {} }), JSON.stringify({ version: 1, store: { requests: 'oops' } })]) {
      sessionStorage.setItem(KEY, saved);
      persist().stop();
      expect(sessionStorage.getItem(KEY), saved).to.equal(null);
      expect(mockBackend.listStoredRequests()).to.have.length(0);
    }
  });

  it('keeps upload bytes up to its budget; a later upload comes back by name and size, empty', async () => {
    await sendRequest(api(), 'k-budget');
    const sizes = [...mockBackend.db.uploads.values()].map((upload) => upload.blob.size);
    const saved = await snapshotDb(sizes[0]!);
    mockBackend.reset();
    expect(restoreDb(saved)).to.equal(true);
    const [letter, idCopy] = [...mockBackend.db.uploads.values()];
    expect(await letter!.blob.text()).to.equal(letterBytes);
    expect(idCopy!.file).to.include({ name: 'هوية.pdf', size: sizes[1] });
    expect(idCopy!.blob.size).to.equal(0);
  });
});
