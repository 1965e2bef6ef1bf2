/**
 * Faults of the device around drafts: IndexedDB full, blocked or missing; the same draft open
 * in two tabs; a wrong device clock. The form must keep working and say what it does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { BookingForm } from '../../src/booking-form.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import '../../src/elements/inbox/reply-form.js';
import type { ReplyForm } from '../../src/elements/inbox/reply-form.js';
import { DEFAULT_TTL_MS, DraftStore, clearAllDrafts, draftKey, paddedSize } from '../../src/drafts/draft-store.js';
import { openDB } from 'idb';
import { MOCK_SESSION_MS } from '../../demo/mocks/browser.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { pickFile, settled, type, until, visibleText } from '../support/dom.js';
import { $, continueToReview, send } from '../support/booking.js';
import { storedSize } from '../support/engine.js';
import {
  COMPANION_ID,
  NOTICE,
  USER_ID,
  addCompanion,
  attachFile,
  collect,
  distinctFile,
  fillAnswers,
  isReview,
  mount,
  rawDraftRecords,
  readStoredDraft,
  root,
  statusNotices,
  type StoredBookingDraft,
} from './support.js';

await useMockBackend();

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Expiry times on disk are rounded up to the hour (they must not tell when a draft was saved). */
const onTheHour = (time: number) => Math.ceil(time / HOUR) * HOUR;
const subject = (form: BookingForm) => $<HTMLTextAreaElement>(form, '#subject');
const hasNotice = (form: BookingForm, text: string) => statusNotices(form).some((n) => n.includes(text));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fills, attaches, reviews and sends; asserts the server holds exactly one request. */
async function sendsEndToEnd(form: BookingForm) {
  await fillAnswers(form);
  await attachFile(form, 'subjectLetter', distinctFile('pdf', 'letter.pdf'));
  await attachFile(form, 'idCopy', distinctFile('png', 'id.png'));
  await continueToReview(form);
  expect(isReview(form), 'on the review').to.equal(true);
  await send(form);
  expect(visibleText(form)).to.contain('تم إرسال طلبك بنجاح');
  expect(mockBackend.listStoredRequests()).to.have.length(1);
}

describe('faults: drafts on a troubled device', () => {
  let unhandled: unknown[];
  const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(() => {
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled, 'unhandled rejections').to.deep.equal([]);
  });

  describe('5. IndexedDB full, blocked or missing', () => {
    it('full: the disk fills while typing → the storage-full notice; the form still sends; the old draft does not come back', async () => {
      const form = await mount();
      const saved = collect<{ savedAt: number }>(form, 'emirate-draft-saved');
      type(subject(form), 'كتبت هذا قبل امتلاء القرص');
      await until(() => saved.seen.length > 0, 'a first draft save');

      // Now every write to the drafts database fails as a full disk does.
      const realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.transaction.db.name === 'emirate-drafts') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return realPut.apply(this, args);
      };
      try {
        const savesBefore = saved.seen.length;
        type($(form, '#email'), 'citizen@example.sa');
        await until(() => hasNotice(form, NOTICE.full), 'the storage-full notice', 3000);
        expect(hasNotice(form, NOTICE.generic), 'not the generic notice').to.equal(false);
        expect(saved.seen.length, 'no save reported').to.equal(savesBefore);
        expect(visibleText(form), 'no "draft saved" line').to.not.contain('حُفظت المسودة تلقائيًا');
        expect($(form, '#email').value).to.equal('citizen@example.sa');
        await expect(form).to.be.accessible();
        await sendsEndToEnd(form);
        expect(saved.seen.length, 'still no save reported').to.equal(savesBefore);
      } finally {
        IDBObjectStore.prototype.put = realPut;
        saved.stop();
      }
      // The request was sent: the draft written before the disk filled must not be offered again.
      form.remove();
      const again = await mount();
      expect(hasNotice(again, NOTICE.restored), 'an already-sent draft is restored').to.equal(false);
      expect(subject(again).value).to.equal('');
    });

    it('blocked: an older tab holds the database open at version 1 → the generic notice at once; the form still sends', async () => {
      const holder = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('emirate-drafts', 1);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('expiresAt', 'expiresAt');
          db.createObjectStore('files', { keyPath: ['key', 'slot'] }).createIndex('draft', 'key');
        };
        request.onsuccess = () => resolve(request.result); // and it never closes on versionchange
        request.onerror = () => reject(request.error);
      });
      try {
        const started = performance.now();
        const form = await mount();
        const saved = collect(form, 'emirate-draft-saved');
        await until(() => hasNotice(form, NOTICE.generic), 'the drafts-off notice', 3000);
        expect(performance.now() - started, 'said at once, not after a long wait').to.be.below(2500);
        expect(hasNotice(form, NOTICE.full)).to.equal(false);
        expect(hasNotice(form, NOTICE.elsewhere)).to.equal(false);
        await expect(form).to.be.accessible();
        await sendsEndToEnd(form);
        expect(saved.seen, 'nothing reported saved').to.have.length(0);
        saved.stop();
      } finally {
        holder.close();
      }
    });

    it('missing: no indexedDB at all → the generic notice; the form still sends and reports no save', async () => {
      const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
      Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
      try {
        const form = await mount();
        const saved = collect(form, 'emirate-draft-saved');
        const notice = [...root(form).querySelectorAll<HTMLElement>('.notice[role=status]')].find((n) => n.textContent!.includes(NOTICE.generic));
        expect(notice, 'the generic notice with role=status').to.not.equal(undefined);
        await expect(form).to.be.accessible();
        await sendsEndToEnd(form);
        expect(saved.seen).to.have.length(0);
        saved.stop();
      } finally {
        Object.defineProperty(window, 'indexedDB', original);
      }
    });
  });

  it('6. the same draft in two tabs: the second says so and writes nothing; the first keeps saving; when it closes, the second’s work is saved', async () => {
    const first = await mount();
    const firstSaved = collect<{ savedAt: number }>(first, 'emirate-draft-saved');
    type(subject(first), 'من التبويب الأول');
    await until(() => firstSaved.seen.length === 1, 'the first tab to save');

    const second = await mount();
    const secondSaved = collect<{ savedAt: number }>(second, 'emirate-draft-saved');
    expect(hasNotice(second, NOTICE.elsewhere), 'the elsewhere notice').to.equal(true);
    expect(hasNotice(first, NOTICE.elsewhere), 'not in the first tab').to.equal(false);
    expect(subject(second).value, 'the second tab starts from the saved draft').to.equal('من التبويب الأول');
    await expect(second).to.be.accessible();

    type(subject(second), 'من التبويب الثاني');
    type($(second, '#email'), 'second@example.sa');
    await attachFile(second, 'idCopy', distinctFile('png', 'second-tab.png'));
    await pause(900); // past the debounce
    let stored = await readStoredDraft();
    expect(stored!.values.values.subject, 'the second tab did not overwrite the draft').to.equal('من التبويب الأول');
    expect(Object.keys(stored!.files), 'nor add its file').to.deep.equal([]);
    expect(secondSaved.seen, 'the second tab reports no save').to.have.length(0);

    type(subject(first), 'من التبويب الأول، تعديل لاحق');
    await until(() => firstSaved.seen.length === 2, 'the first tab to keep saving');
    stored = await readStoredDraft();
    expect(stored!.values.values.subject).to.equal('من التبويب الأول، تعديل لاحق');

    // The first tab closes: the second takes the draft over with what it holds.
    first.remove();
    await until(() => secondSaved.seen.length > 0, 'the second tab to save', 4000);
    await settled(second);
    expect(hasNotice(second, NOTICE.elsewhere), 'the notice is gone').to.equal(false);
    let latest = await readStoredDraft();
    for (let i = 0; i < 20 && !latest?.files.idCopy; i++) {
      await pause(50);
      latest = await readStoredDraft();
    }
    expect(latest!.values.values.subject).to.equal('من التبويب الثاني');
    expect(latest!.values.values.email).to.equal('second@example.sa');
    expect(latest!.files.idCopy?.name, 'the file chosen meanwhile is saved').to.equal('second-tab.png');
    expect(subject(second).value, 'nothing typed in the second tab was lost').to.equal('من التبويب الثاني');
    firstSaved.stop();
    secondSaved.stop();
  });

  it('6b. a browser without Web Locks: each tab keeps the draft and says one tab at a time is not ensured', async () => {
    Object.defineProperty(navigator, 'locks', { configurable: true, get: () => undefined });
    try {
      const first = await mount();
      const firstSaved = collect<{ savedAt: number }>(first, 'emirate-draft-saved');
      expect(hasNotice(first, NOTICE.unguarded), 'the one-tab notice').to.equal(true);
      expect(hasNotice(first, NOTICE.generic), 'drafts are not off').to.equal(false);
      await expect(first).to.be.accessible();
      type(subject(first), 'من التبويب الأول');
      await until(() => firstSaved.seen.length === 1, 'the first tab to save');

      const second = await mount();
      const secondSaved = collect<{ savedAt: number }>(second, 'emirate-draft-saved');
      expect(hasNotice(second, NOTICE.unguarded), 'the one-tab notice in the second tab').to.equal(true);
      expect(hasNotice(second, NOTICE.elsewhere), 'which cannot know the draft is open elsewhere').to.equal(false);
      expect(subject(second).value, 'the second tab starts from the saved draft').to.equal('من التبويب الأول');
      type(subject(second), 'من التبويب الثاني');
      await until(() => secondSaved.seen.length === 1, 'the second tab to save too');
      expect((await readStoredDraft())!.values.values.subject, 'the last tab to save wins').to.equal('من التبويب الثاني');
      firstSaved.stop();
      secondSaved.stop();
    } finally {
      delete (navigator as { locks?: unknown }).locks;
    }
    expect(navigator.locks, 'Web Locks are back for the next test').to.not.equal(undefined);
  });

  describe('7. a wrong device clock', () => {
    const realNow = Date.now;
    afterEach(() => {
      Date.now = realNow;
    });

    it('a draft saved a month ahead is restored once the clock is right, and expires ttl from now, not from the future', async () => {
      const t0 = realNow();
      Date.now = () => t0 + 30 * DAY; // the device clock is a month ahead
      const form = await mount();
      const saved = collect<{ savedAt: number }>(form, 'emirate-draft-saved');
      type(subject(form), 'حُفظت والساعة متقدمة');
      await until(() => saved.seen.length === 1, 'the draft save');
      saved.stop();
      form.remove();
      await pause(50);

      Date.now = () => t0 + HOUR; // corrected
      const restored = collect<{ savedAt: number }>(document, 'emirate-draft-restored');
      const again = await mount();
      restored.stop();
      expect(restored.seen, 'restored, not deleted').to.have.length(1);
      expect(subject(again).value).to.equal('حُفظت والساعة متقدمة');
      expect(restored.seen[0]!.savedAt, 'its time restarts from now').to.equal(t0 + HOUR);
      const stored = await readStoredDraft();
      expect(stored!.expiresAt).to.equal(onTheHour(t0 + HOUR + DEFAULT_TTL_MS));
      again.remove();
      await pause(50);

      Date.now = () => t0 + HOUR + DEFAULT_TTL_MS - DAY; // a day before it expires: still there
      const later = await mount();
      expect(subject(later).value).to.equal('حُفظت والساعة متقدمة');
      later.remove();
      await pause(50);

      Date.now = () => t0 + HOUR + DEFAULT_TTL_MS + DAY; // past now + ttl, long before the month-ahead date + ttl
      const expired = await mount();
      expect(hasNotice(expired, NOTICE.restored)).to.equal(false);
      expect(subject(expired).value).to.equal('');
      expect(await readStoredDraft()).to.equal(null);
    });

    it('a fresh draft reopened a few hours later is kept with its own times', async () => {
      const form = await mount();
      const saved = collect<{ savedAt: number }>(form, 'emirate-draft-saved');
      type(subject(form), 'مسودة حديثة');
      await until(() => saved.seen.length === 1, 'the draft save');
      saved.stop();
      const savedAt = saved.seen[0]!.savedAt;
      form.remove();
      await pause(50);

      const t = realNow();
      Date.now = () => t + 5 * HOUR;
      const restored = collect<{ savedAt: number }>(document, 'emirate-draft-restored');
      const again = await mount();
      restored.stop();
      expect(restored.seen).to.have.length(1);
      expect(subject(again).value).to.equal('مسودة حديثة');
      const stored = await readStoredDraft();
      expect(stored!.savedAt).to.be.closeTo(savedAt, 1000);
      expect(stored!.expiresAt).to.equal(onTheHour(stored!.savedAt + DEFAULT_TTL_MS));
      expect(hasNotice(again, NOTICE.restored)).to.equal(true);
      await expect(again).to.be.accessible();
    });
  });

  describe('typing before the draft can open', () => {
    it('the booking form can be typed in while its draft is read: what is typed wins, the rest comes back', async () => {
      const first = await mount();
      const saved = collect(first, 'emirate-draft-saved');
      type(subject(first), 'موضوع محفوظ');
      type($(first, '#email'), 'saved@example.sa');
      await until(() => saved.seen.length >= 1, 'the draft save');
      saved.stop();
      // A second form on the same draft waits (up to a second) for the first to let go before
      // reading it; its fields can be used meanwhile.
      const second = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang="ar"></emirate-booking-form>`);
      await until(() => root(second).querySelector('#subject'), 'the whole second form');
      expect(subject(second).value, 'the draft is not read yet').to.equal('');
      type($(second, '#email'), 'typed@example.sa');
      await settled(second);
      expect($(second, '#email').value).to.equal('typed@example.sa');
      expect(subject(second).value).to.equal('موضوع محفوظ');
    });

    it('a reply typed before the form knows whose draft it is is kept once it does', async () => {
      const scope = { portal: API_BASE, user: USER_ID, enabled: true };
      const replyText = (form: ReplyForm) => form.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!;
      const adapter = new RestAdapter({ baseUrl: API_BASE });
      const form = await fixture<ReplyForm>(html`<emirate-reply-form .adapter=${adapter} .requestNumber=${'00067'}></emirate-reply-form>`);
      type(replyText(form), 'رد قبل معرفة المستخدم');
      await pause(800); // the autosave's quiet time passes with no draft to write to
      form.draftScope = scope;
      await pause(1500); // the draft opens, then the early reply is written after its quiet time
      form.remove();
      await pause(50);

      const again = await fixture<ReplyForm>(html`<emirate-reply-form .adapter=${adapter} .requestNumber=${'00067'} .draftScope=${scope}></emirate-reply-form>`);
      await until(() => replyText(again).value === 'رد قبل معرفة المستخدم', 'the reply to come back');
    });
  });
});

describe('faults: drafts a copied disk cannot read (issue #10)', () => {
  const realNow = Date.now;
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(() => {
    Date.now = realNow;
  });

  /** Resolves once `predicate` (async) holds, re-checking every 50 ms. */
  async function eventually(predicate: () => Promise<boolean>, message: string, timeoutMs = 5000): Promise<void> {
    const started = performance.now();
    while (!(await predicate())) {
      if (performance.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${message}`);
      await pause(50);
    }
  }
  const draftCount = async () => (await rawDraftRecords('drafts')).length;
  const fileCount = async () => (await rawDraftRecords('files')).length;

  /** All bytes a value holds: binary parts (Blobs read) and other fields as UTF-8 JSON. */
  async function bytesIn(value: unknown): Promise<Uint8Array[]> {
    if (value instanceof ArrayBuffer) return [new Uint8Array(value)];
    if (ArrayBuffer.isView(value)) return [new Uint8Array(value.buffer, value.byteOffset, value.byteLength)];
    if (value instanceof Blob) return [new Uint8Array(await value.arrayBuffer())];
    if (value && typeof value === 'object') return (await Promise.all(Object.values(value).map(bytesIn))).flat();
    return [new TextEncoder().encode(JSON.stringify(value))];
  }
  const holds = (haystack: Uint8Array, needle: Uint8Array) => haystack.some((_, i) => needle.every((b, j) => haystack[i + j] === b));

  /** Types in the subject and waits until that is on disk (read with the user's secret). */
  async function typeAndSave(form: BookingForm, text: string) {
    const saved = collect(form, 'emirate-draft-saved');
    type(subject(form), text);
    await until(() => saved.seen.length > 0, 'the draft save');
    saved.stop();
  }

  it('raw records after a booking with a companion and files hold no ID number, name, file or slot name, or saved-at time; sizes are padded', async () => {
    const form = await mount();
    await fillAnswers(form);
    const files = [distinctFile('pdf', 'خطاب-زيارة.pdf', 700), distinctFile('png', 'هوية-المتقدم.png', 1500), distinctFile('png', 'هوية-المرافق.png', 3000)];
    await attachFile(form, 'subjectLetter', files[0]!);
    await attachFile(form, 'idCopy', files[1]!);
    await addCompanion(form, 'سعد محمد علي القحطاني', COMPANION_ID, files[2]!);
    await pause(900); // past the debounce
    await eventually(async () => (await readStoredDraft())?.values.values.companions[0]?.idNumber === COMPANION_ID && (await fileCount()) === 3, 'everything on disk');
    const stored = (await readStoredDraft())!;
    const text = (s: string) => new TextEncoder().encode(s);
    const needles: Array<[string, Uint8Array]> = [
      ['the applicant ID', text(USER_ID)],
      ['the companion ID', text(COMPANION_ID)],
      ['the applicant name', text(mockBackend.db.user.name)],
      ['the companion name', text('سعد محمد علي القحطاني')],
      ['the e-mail', text('citizen@example.sa')],
      ['a file name', text('خطاب')],
      ['a file name', text('هوية')],
      ['a slot name', text('idCopy')],
      ['a slot name', text('companion:')],
      ['the saved-at time', text(String(stored.savedAt))],
    ];
    for (const store of ['drafts', 'files', 'signins'] as const) {
      for (const record of await rawDraftRecords(store)) {
        for (const bytes of await bytesIn(record)) for (const [what, needle] of needles) expect(holds(bytes, needle), `${what} in ${store}`).to.equal(false);
      }
    }
    const bodies = await Promise.all((await rawDraftRecords('files')).map((f) => storedSize((f.body as { data: Blob | ArrayBuffer }).data)));
    expect(bodies.sort((a, b) => a - b), 'each body padded to its bucket').to.deep.equal(files.map((f) => paddedSize(f.size + 4) + 16).sort((a, b) => a - b));
    expect((await rawDraftRecords('drafts'))[0]!.expiresAt as number % HOUR, 'the expiry is on the hour').to.equal(0);
  });

  it('the Web Lock that keeps a draft to one tab is named from the HMAC, not from the ID number', async () => {
    const form = await mount();
    const names = (await navigator.locks.query()).held!.map((l) => l.name!).filter((n) => n.startsWith('emirate-draft'));
    expect(names).to.have.length(1);
    expect(names[0]).to.match(/^emirate-draft [A-Za-z0-9_-]{43}$/);
    expect(names[0]).to.not.contain(USER_ID);
    form.remove();
  });

  it('a copied disk opens nothing without the backend secret, and another secret opens nothing either', async () => {
    const form = await mount();
    await attachFile(form, 'idCopy', distinctFile('png', 'id.png'));
    await typeAndSave(form, 'نسخة القرص');
    form.remove();
    await pause(50);
    const copy = `emirate-drafts-copy-${crypto.randomUUID()}`;
    (await DraftStore.open({ dbName: copy })).close();
    const source = await openDB('emirate-drafts');
    const target = await openDB(copy);
    for (const store of ['drafts', 'files', 'device', 'signins'] as const) for (const record of await source.getAll(store)) await target.put(store, record);
    source.close();
    target.close();
    const name = draftKey({ portal: API_BASE, user: USER_ID, form: 'booking' });
    const store = await DraftStore.open({ dbName: copy });
    try {
      await store.unlock(null);
      expect(await store.load(name), 'with what is on the disk').to.equal(null);
      await store.unlock(await mockBackend.draftSecretFor(COMPANION_ID));
      expect(await store.load(name), "with another user's secret").to.equal(null);
      await store.unlock(await mockBackend.draftSecretFor(USER_ID));
      const draft = await store.load<StoredBookingDraft>(name);
      expect(draft!.values.values.subject, 'the copy is whole: the secret opens it').to.equal('نسخة القرص');
      expect(Object.keys(draft!.files)).to.deep.equal(['idCopy']);
    } finally {
      store.close();
      await clearAllDrafts({ dbName: copy });
    }
  });

  it("user B signed in on the same browser cannot open user A's draft; A finds it again", async () => {
    const a = await mount();
    await attachFile(a, 'idCopy', distinctFile('png', 'id-a.png'));
    await typeAndSave(a, 'مسودة المستخدم الأول');
    a.remove();
    await pause(50);

    const userA = mockBackend.db.user;
    mockBackend.db.user = { name: 'سارة خالد عبدالله الشهري', idNumber: COMPANION_ID };
    const b = await mount();
    expect(hasNotice(b, NOTICE.restored), 'nothing restored for B').to.equal(false);
    expect(subject(b).value).to.equal('');
    expect($(b, '#idNumber').value).to.equal(COMPANION_ID);
    expect(visibleText($(b, '#idCopy'))).to.not.contain('id-a.png');
    b.remove();
    await pause(50);
    expect(await draftCount(), "A's draft is still on disk").to.be.at.least(1);

    mockBackend.db.user = userA;
    const again = await mount();
    expect(hasNotice(again, NOTICE.restored)).to.equal(true);
    expect(subject(again).value).to.equal('مسودة المستخدم الأول');
    await until(() => visibleText($(again, '#idCopy')).includes('id-a.png'), "A's file to come back");
  });

  it('without a backend secret: a notice says so, no file is kept, and the draft lives 24 hours', async () => {
    mockBackend.setDraftSecrets(false);
    const form = await mount();
    await until(() => hasNotice(form, NOTICE.valuesOnly), 'the values-only notice');
    await expect(form).to.be.accessible();
    await attachFile(form, 'idCopy', distinctFile('png', 'id.png'));
    await typeAndSave(form, 'بلا سر من الخادم');
    await pause(200);
    expect(await fileCount(), 'no file on disk').to.equal(0);
    const stored = await readStoredDraft(null);
    expect(stored!.values.values.subject).to.equal('بلا سر من الخادم');
    expect(stored!.files).to.deep.equal({});
    expect(stored!.expiresAt).to.equal(onTheHour(stored!.savedAt + 24 * HOUR));
    form.lang = 'en';
    await until(() => visibleText(form).includes('only what you type is kept on this device, for 24 hours'), 'the English notice');
    form.lang = 'ar';
    await until(() => hasNotice(form, NOTICE.valuesOnly), 'Arabic again');
    form.remove();
    await pause(50);

    const savedAt = stored!.savedAt;
    Date.now = () => savedAt + 23 * HOUR;
    const soon = await mount();
    expect(subject(soon).value, 'typed values come back within the day').to.equal('بلا سر من الخادم');
    expect(visibleText($(soon, '#idCopy'))).to.not.contain('id.png');
    soon.remove();
    await pause(50);

    Date.now = () => savedAt + 25 * HOUR;
    const later = await mount();
    expect(hasNotice(later, NOTICE.restored)).to.equal(false);
    expect(subject(later).value).to.equal('');
  });

  it('signed in, then reported signed out: the widget deletes that user’s drafts itself', async () => {
    const form = await mount();
    await attachFile(form, 'idCopy', distinctFile('png', 'id.png'));
    await typeAndSave(form, 'تُحذف عند الخروج');
    form.remove();
    await pause(50);
    expect(await draftCount()).to.equal(1);
    expect(await fileCount()).to.equal(1);

    mockBackend.setScenario('signed-out'); // the citizen signed out on the portal
    const signedOut = await mount();
    expect(visibleText(signedOut)).to.contain('تسجيل الدخول عبر النفاذ الوطني الموحد');
    await eventually(async () => (await draftCount()) === 0 && (await fileCount()) === 0, 'the drafts to be deleted');
    signedOut.remove();

    mockBackend.setScenario('new-user');
    const again = await mount();
    expect(hasNotice(again, NOTICE.restored)).to.equal(false);
    expect(subject(again).value).to.equal('');
  });

  it('the same form seeing its signed-in session reported signed out deletes the draft too', async () => {
    const form = await mount();
    await typeAndSave(form, 'جلسة انتهت بالخروج');
    mockBackend.setScenario('signed-out');
    await form.load();
    await settled(form);
    expect(visibleText(form)).to.contain('تسجيل الدخول عبر النفاذ الوطني الموحد');
    await eventually(async () => (await draftCount()) === 0, 'the draft to be deleted');
    await expect(form).to.be.accessible();
  });

  it('a session absent after its end had expired, not signed out: the sealed draft waits for the next sign-in', async () => {
    const form = await mount(); // the mock's session ends MOCK_SESSION_MS after it is read
    await typeAndSave(form, 'انتهت الجلسة بالوقت');
    form.remove();
    await pause(50);

    Date.now = () => realNow() + MOCK_SESSION_MS + HOUR; // the session ran out on its own
    mockBackend.setScenario('signed-out');
    const expired = await mount();
    await pause(300);
    expect(await draftCount(), 'kept').to.equal(1);
    expired.remove();

    mockBackend.setScenario('new-user');
    const again = await mount();
    expect(hasNotice(again, NOTICE.restored)).to.equal(true);
    expect(subject(again).value).to.equal('انتهت الجلسة بالوقت');
  });

  it('a 401 forgets the key: the sealed draft survives, nothing more is saved, and it opens again after sign-in', async () => {
    const letter = distinctFile('pdf', 'letter.pdf');
    const form = await mount();
    await fillAnswers(form);
    await attachFile(form, 'subjectLetter', letter);
    await attachFile(form, 'idCopy', distinctFile('png', 'id.png'));
    await continueToReview(form);
    mockBackend.queueFault({ method: 'POST', path: '/requests', kind: { status: 401 } });
    await send(form);
    expect(visibleText(form)).to.contain('انتهت جلسة الدخول');
    const before = (await readStoredDraft())!;

    // Back in the form: drafts are locked, and say so; what is changed now is not written.
    [...root(form).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent!.includes('العودة إلى الطلب'))!.click();
    await settled(form);
    expect(hasNotice(form, NOTICE.locked), 'the locked notice').to.equal(true);
    expect(hasNotice(form, NOTICE.generic), 'not the generic one').to.equal(false);
    await expect(form).to.be.accessible();
    const saved = collect(form, 'emirate-draft-saved');
    type(subject(form), 'كُتب بعد انتهاء الجلسة');
    await pause(900);
    saved.stop();
    expect(saved.seen, 'no save after the 401').to.have.length(0);
    const after = (await readStoredDraft())!;
    expect(after.values.values.subject, 'the sealed draft is as it was').to.equal(before.values.values.subject);
    expect(after.savedAt).to.equal(before.savedAt);
    expect(Object.keys(after.files).sort()).to.deep.equal(['idCopy', 'subjectLetter']);
    form.remove();

    // Signed in again: the draft opens, files and all.
    const again = await mount();
    expect(hasNotice(again, NOTICE.restored)).to.equal(true);
    expect(hasNotice(again, NOTICE.locked)).to.equal(false);
    expect(subject(again).value).to.equal(before.values.values.subject);
    await until(() => visibleText($(again, '#subjectLetter')).includes('letter.pdf'), 'the letter to come back');
  });

  it('the reply form says when drafts keep typed text only, keeps no document, and locks after a 401', async () => {
    const replyText = (f: ReplyForm) => f.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!;
    const notices = (f: ReplyForm) => [...f.shadowRoot!.querySelectorAll<HTMLElement>('.notice[role=status]')].map((n) => visibleText(n));
    const adapter = new RestAdapter({ baseUrl: API_BASE });
    mockBackend.seedSampleRequests();
    const open = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!;
    const scope = { portal: API_BASE, user: USER_ID, enabled: true };
    const form = await fixture<ReplyForm>(html`<emirate-reply-form .adapter=${adapter} .requestNumber=${open.requestNumber} .draftScope=${scope}></emirate-reply-form>`);
    await until(() => notices(form).some((n) => n.includes(NOTICE.valuesOnly)), 'the values-only notice');
    await expect(form).to.be.accessible();
    pickFile(form.shadowRoot!.querySelector('emirate-file-field')!, distinctFile('pdf', 'document.pdf'));
    type(replyText(form), 'رد بلا سر');
    await pause(900);
    expect(await fileCount()).to.equal(0);
    expect(await draftCount()).to.equal(1);
    form.remove();

    // With the secret, a 401 on send: the draft is kept and locked.
    const sealed = await fixture<ReplyForm>(
      html`<emirate-reply-form .adapter=${adapter} .requestNumber=${open.requestNumber} .draftScope=${{ ...scope, secret: await mockBackend.draftSecretFor(USER_ID) }}></emirate-reply-form>`,
    );
    await settled(sealed);
    expect(notices(sealed).some((n) => n.includes(NOTICE.valuesOnly))).to.equal(false);
    type(replyText(sealed), 'رد مختوم');
    mockBackend.queueFault({ method: 'POST', path: `/requests/${open.requestNumber}/messages`, kind: { status: 401 } });
    sealed.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => notices(sealed).some((n) => n.includes(NOTICE.locked)), 'the locked notice');
    await expect(sealed).to.be.accessible();
    expect(await draftCount(), 'the values-only draft and the sealed one').to.equal(2);
  });
});
