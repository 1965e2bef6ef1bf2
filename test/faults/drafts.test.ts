/**
 * Faults of the device around drafts: IndexedDB full, blocked or missing; the same draft open
 * in two tabs; a wrong device clock. The form must keep working and say what it does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { BookingForm } from '../../src/booking-form.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import '../../src/elements/inbox/reply-form.js';
import type { ReplyForm } from '../../src/elements/inbox/reply-form.js';
import { DEFAULT_TTL_MS, clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { settled, type, until, visibleText } from '../support/dom.js';
import { $, continueToReview, send } from '../support/booking.js';
import {
  NOTICE,
  USER_ID,
  attachFile,
  collect,
  distinctFile,
  fillAnswers,
  isReview,
  mount,
  readStoredDraft,
  root,
  statusNotices,
} from './support.js';

await useMockBackend();

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
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
      expect(stored!.expiresAt).to.equal(t0 + HOUR + DEFAULT_TTL_MS);
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
      expect(stored!.expiresAt).to.equal(stored!.savedAt + DEFAULT_TTL_MS);
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
