/**
 * Faults around the network and the page's life: the tab closed mid-typing, the connection
 * dropping during a submit, the session expiring during a submit, one upload failing.
 * Everything goes through the real REST adapter to the msw mock backend.
 */
import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import type { BookingForm, SignInRequiredDetail } from '../../src/booking-form.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { mockBackend, useMockBackend } from '../support/mock-backend.js';
import { choose, pickFile, settled, type, until, visibleText } from '../support/dom.js';
import { $, continueToReview, send, select } from '../support/booking.js';
import {
  COMPANION_ID,
  NOTICE,
  addCompanion,
  attachFile,
  bytesOf,
  collect,
  companionControl,
  companionFileField,
  companionRows,
  distinctFile,
  fillAnswers,
  isReview,
  mockWorker,
  mount,
  readStoredDraft,
  root,
  sendButton,
  serverBytes,
  statusNotices,
  watchSubmits,
  watchUploads,
} from './support.js';

await useMockBackend();
const worker: SetupWorker = await mockWorker();

/** The file a file field holds now (the form's restored Blob), by its public `value`. */
const heldFile = (field: Element) => (field as unknown as { value: { file: Blob; name: string; size: number } | null }).value;

describe('faults: network and page life', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(() => worker.resetHandlers());

  it('1. the tab closes mid-typing (pagehide, no debounce wait): every value, companion and file is back, byte for byte', async () => {
    const letter = distinctFile('pdf', 'خطاب-الزيارة.pdf', 900);
    const idCopy = distinctFile('png', 'هويتي.png', 600);
    const companionImage = distinctFile('png', 'هوية-المرافق.png', 500);

    const form = await mount();
    await attachFile(form, 'subjectLetter', letter);
    await attachFile(form, 'idCopy', idCopy);
    await addCompanion(form, 'سعد محمد علي القحطاني', COMPANION_ID, companionImage);
    await fillAnswers(form, 'موضوع كُتب قبل إغلاق التبويب مباشرة');
    root(form).querySelector<HTMLInputElement>('#hasBelongings-yes')!.click();
    await form.updateComplete;
    const belongings = [...root(form).querySelectorAll<HTMLInputElement>('input[name=belongings]')];
    belongings[0]!.click();
    await form.updateComplete; // a citizen's two clicks are two tasks, with a render between them
    belongings[2]!.click();
    await form.updateComplete;
    // The first belonging is the private car: its plate is asked, and kept too (#14).
    type($(form, '#plate'), 'أ ب ح ١٢٣٤');
    choose(select(form, 'governorate'), select(form, 'governorate').options[2]!.value);
    type($(form, '#mobile'), '598765432');
    // The last keystrokes, then the tab closes at once: no waiting for the 600 ms debounce.
    type($<HTMLTextAreaElement>(form, '#subject'), 'موضوع كُتب قبل إغلاق التبويب مباشرة، وآخر حرف هنا!');
    const expected = {
      email: $(form, '#email').value,
      mobile: '598765432',
      governorate: select(form, 'governorate').value,
      appointmentType: select(form, 'appointmentType').value,
      destination: select(form, 'destination').value,
      gate: select(form, 'gate').value,
      reason: select(form, 'reason').value,
      belongings: belongings.filter((b) => b.checked).map((b) => b.value),
    };
    expect(expected.belongings).to.have.length(2);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    form.remove();

    const restoredEvents = collect<{ savedAt: number }>(document, 'emirate-draft-restored');
    const again = await mount();
    restoredEvents.stop();
    expect(restoredEvents.seen, 'emirate-draft-restored').to.have.length(1);
    expect(statusNotices(again).some((n) => n.includes(NOTICE.restored)), 'restored notice').to.equal(true);

    expect($<HTMLInputElement>(again, 'input[name=applicantType][value=individual]').checked).to.equal(true);
    expect($<HTMLTextAreaElement>(again, '#subject').value).to.equal('موضوع كُتب قبل إغلاق التبويب مباشرة، وآخر حرف هنا!');
    expect($(again, '#email').value).to.equal(expected.email);
    expect($(again, '#mobile').value).to.equal(expected.mobile);
    for (const id of ['governorate', 'appointmentType', 'destination', 'gate', 'reason'] as const) {
      expect(select(again, id).value, id).to.equal(expected[id]);
    }
    expect($<HTMLInputElement>(again, '#hasBelongings-yes').checked).to.equal(true);
    const restoredBelongings = [...root(again).querySelectorAll<HTMLInputElement>('input[name=belongings]')].filter((b) => b.checked).map((b) => b.value);
    expect(restoredBelongings).to.deep.equal(expected.belongings);
    expect($<HTMLInputElement>(again, '#declaration').checked).to.equal(true);
    expect(companionRows(again)).to.have.length(1);
    expect(companionControl(again, 0, 'fullName').value).to.equal('سعد محمد علي القحطاني');
    expect(companionControl(again, 0, 'idNumber').value).to.equal(COMPANION_ID);

    // Every file is back: name, size and bytes, and ready to send again.
    const slots: Array<[string, Element, File]> = [
      ['subjectLetter', $(again, '#subjectLetter'), letter],
      ['idCopy', $(again, '#idCopy'), idCopy],
      ['companion', companionFileField(again, 0), companionImage],
    ];
    for (const [slot, field, file] of slots) {
      await until(() => visibleText(field).includes('جاهز'), `${slot} to be ready again`);
      const held = heldFile(field)!;
      expect(held.name, slot).to.equal(file.name);
      expect(held.size, slot).to.equal(file.size);
      expect(await bytesOf(held.file), slot).to.deep.equal(await bytesOf(file));
    }
    await expect(again).to.be.accessible();

    // And the restored form sends exactly what was typed and chosen.
    await continueToReview(again);
    expect(isReview(again), 'on the review').to.equal(true);
    await send(again);
    const [stored] = mockBackend.listStoredRequests();
    expect(mockBackend.listStoredRequests()).to.have.length(1);
    expect(stored!.request.subject).to.equal('موضوع كُتب قبل إغلاق التبويب مباشرة، وآخر حرف هنا!');
    expect(stored!.request.mobile).to.equal('598765432');
    expect(stored!.request.plate).to.deep.equal({ digits: '1234', letters: 'ABJ' });
    expect(stored!.request.companions[0]!.idNumber).to.equal(COMPANION_ID);
    expect(await serverBytes(stored!.request.subjectLetter)).to.deep.equal(await bytesOf(letter));
    expect(await serverBytes(stored!.request.idCopy)).to.deep.equal(await bytesOf(idCopy));
    expect(await serverBytes(stored!.request.companions[0]!.idImage)).to.deep.equal(await bytesOf(companionImage));
  });

  it('1b. pagehide alone (page kept in the back-forward cache) writes the last keystrokes at once, before the debounce', async () => {
    const form = await mount();
    const saved = collect<{ savedAt: number }>(form, 'emirate-draft-saved');
    type($<HTMLTextAreaElement>(form, '#subject'), 'آخر ما كُتب قبل مغادرة الصفحة');
    const typedAt = performance.now();
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await until(() => saved.seen.length > 0, 'the save on pagehide', 2000);
    saved.stop();
    expect(performance.now() - typedAt, 'written before the 600 ms debounce would have').to.be.below(450);
    const stored = await readStoredDraft();
    expect(stored!.values.values.subject).to.equal('آخر ما كُتب قبل مغادرة الصفحة');
  });

  describe('2. the network drops during submit', () => {
    async function readyToSend(): Promise<BookingForm> {
      const form = await mount();
      await fillAnswers(form);
      await attachFile(form, 'subjectLetter', distinctFile('pdf', 'letter.pdf'));
      await attachFile(form, 'idCopy', distinctFile('png', 'id.png'));
      await continueToReview(form);
      expect(isReview(form), 'on the review').to.equal(true);
      return form;
    }

    it('one dropped attempt is retried by itself with the same key: one request, no error shown', async () => {
      const form = await readyToSend();
      const keys = watchSubmits(worker);
      mockBackend.queueFault({ method: 'POST', path: '/requests', kind: 'network' });
      await send(form);
      expect(visibleText(form)).to.contain('تم إرسال طلبك بنجاح');
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(mockBackend.listStoredRequests()).to.have.length(1);
    });

    it('never reaching the server: a translated message, nothing lost, the retry makes exactly one request', async () => {
      const form = await readyToSend();
      const keys = watchSubmits(worker);
      // Every attempt of this send (the adapter's own retries included) is dropped before the server.
      for (let i = 0; i < 3; i++) mockBackend.queueFault({ method: 'POST', path: '/requests', kind: 'network' });
      await send(form);
      const error = root(form).querySelector<HTMLElement>('.send-error[role=alert]');
      expect(error, 'the send error').to.not.equal(null);
      expect(error!.textContent).to.contain('تعذر الاتصال بالخادم').and.contain('بياناتك محفوظة');
      expect(error!.textContent).to.not.match(/TypeError|Failed to fetch|network error/i);
      expect(mockBackend.listStoredRequests(), 'nothing stored').to.have.length(0);
      expect(isReview(form), 'still on the review, answers shown').to.equal(true);
      expect(visibleText(form)).to.contain('citizen@example.sa').and.contain('letter.pdf');
      await expect(form).to.be.accessible();

      // The message is translated, in place, with the language switch.
      form.lang = 'en';
      await until(() => visibleText(form).includes('We could not reach the server'), 'the English message');
      expect(sendButton(form).textContent).to.contain('Send again');
      form.lang = 'ar';
      await until(() => visibleText(form).includes('تعذر الاتصال بالخادم'), 'Arabic again');

      // Back to the form: every answer is still there.
      [...root(form).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent!.includes('العودة إلى الطلب'))!.click();
      await settled(form);
      expect($(form, '#email').value).to.equal('citizen@example.sa');
      expect($<HTMLTextAreaElement>(form, '#subject').value).to.equal('مراجعة بخصوص معاملة أرض زراعية في شرورة');
      expect(visibleText($(form, '#subjectLetter'))).to.contain('letter.pdf').and.contain('جاهز');

      await continueToReview(form);
      await send(form);
      expect(visibleText(form)).to.contain('تم إرسال طلبك بنجاح');
      expect(mockBackend.listStoredRequests()).to.have.length(1);
      expect(new Set(keys).size, 'every attempt, before and after the retry, carried one key').to.equal(1);
      expect(keys.length).to.equal(4);
      expect(await readStoredDraft(), 'the draft is gone after success').to.equal(null);
    });

    it('the answer is lost after the server stored it; even after a reload the retry makes no second request', async () => {
      const form = await readyToSend();
      const keys = watchSubmits(worker);
      mockBackend.queueFault({ method: 'POST', path: '/requests', kind: 'network-after-commit' });
      mockBackend.queueFault({ method: 'POST', path: '/requests', kind: 'network' });
      mockBackend.queueFault({ method: 'POST', path: '/requests', kind: 'network' });
      await send(form);
      expect(visibleText(form)).to.contain('تعذر الاتصال بالخادم');
      expect(mockBackend.listStoredRequests(), 'the server did store it').to.have.length(1);
      const number = mockBackend.listStoredRequests()[0]!.requestNumber;

      // The citizen gives up on this tab and opens the form again before retrying.
      form.remove();
      const again = await mount();
      expect(statusNotices(again).some((n) => n.includes(NOTICE.restored)), 'restored').to.equal(true);
      expect($(again, '#email').value).to.equal('citizen@example.sa');
      // Both restored files upload again; Continue before then rightly asks to wait (seen in WebKit).
      await until(() => visibleText($(again, '#idCopy')).includes('جاهز'), 'the restored ID copy to be ready');
      await until(() => visibleText($(again, '#subjectLetter')).includes('جاهز'), 'the restored letter to be ready');
      await continueToReview(again);
      const submitted = collect<{ requestNumber: string }>(again, 'emirate-request-submitted');
      await send(again);
      submitted.stop();
      expect(visibleText(again)).to.contain('تم إرسال طلبك بنجاح');
      expect(submitted.seen.map((d) => d.requestNumber), 'the number the server gave the first time').to.deep.equal([number]);
      expect(visibleText(again)).to.contain(number);
      expect(mockBackend.listStoredRequests(), 'still exactly one request').to.have.length(1);
      expect(new Set(keys).size, 'the reloaded form reused the draft’s idempotency key').to.equal(1);
    });
  });

  it('3. the session expires during submit: sign-in asked, draft kept, after the Nafath return one send succeeds and the draft is cleared', async () => {
    const letter = distinctFile('pdf', 'letter.pdf');
    const idCopy = distinctFile('png', 'id.png');
    const form = await mount();
    await fillAnswers(form);
    await attachFile(form, 'subjectLetter', letter);
    await attachFile(form, 'idCopy', idCopy);
    await continueToReview(form);
    mockBackend.setScenario('signed-out'); // the portal session ended while the citizen read the review
    await send(form);
    const error = root(form).querySelector<HTMLElement>('.send-error[role=alert]')!;
    expect(error.textContent).to.contain('انتهت جلسة الدخول').and.contain('بياناتك محفوظة');
    expect(mockBackend.listStoredRequests()).to.have.length(0);
    await expect(form).to.be.accessible();

    const signIn = collect<SignInRequiredDetail>(form, 'emirate-sign-in-required');
    form.addEventListener('emirate-sign-in-required', (e) => e.preventDefault()); // the test page must not navigate
    error.querySelector('button')!.click();
    await until(() => signIn.seen.length === 1, 'emirate-sign-in-required');
    signIn.stop();
    const url = new URL(signIn.seen[0]!.signInUrl);
    expect(url.origin + url.pathname).to.equal('https://portal.example/nafath');
    expect(url.searchParams.get('return')).to.equal(location.href);
    const kept = await readStoredDraft();
    expect(kept, 'the draft is on disk before leaving for Nafath').to.not.equal(null);
    expect(kept!.values.values.email).to.equal('citizen@example.sa');
    expect(Object.keys(kept!.files).sort()).to.deep.equal(['idCopy', 'subjectLetter']);
    form.remove();

    // Nafath signs the citizen in; the portal page loads the widget again.
    mockBackend.setScenario('new-user');
    const restored = collect<{ savedAt: number }>(document, 'emirate-draft-restored');
    const again = await mount();
    restored.stop();
    expect(restored.seen).to.have.length(1);
    expect($(again, '#email').value).to.equal('citizen@example.sa');
    expect($<HTMLTextAreaElement>(again, '#subject').value).to.equal('مراجعة بخصوص معاملة أرض زراعية في شرورة');
    await until(() => visibleText($(again, '#subjectLetter')).includes('جاهز') && visibleText($(again, '#idCopy')).includes('جاهز'), 'restored files ready');
    expect(await bytesOf(heldFile($(again, '#idCopy'))!.file)).to.deep.equal(await bytesOf(idCopy));
    await continueToReview(again);
    await send(again);
    expect(visibleText(again)).to.contain('تم إرسال طلبك بنجاح');
    const stored = mockBackend.listStoredRequests();
    expect(stored).to.have.length(1);
    expect(await serverBytes(stored[0]!.request.subjectLetter)).to.deep.equal(await bytesOf(letter));
    expect(await readStoredDraft(), 'the draft is deleted after success').to.equal(null);
    again.remove();
    const fresh = await mount();
    expect(statusNotices(fresh).some((n) => n.includes(NOTICE.restored)), 'nothing to restore').to.equal(false);
    expect($<HTMLTextAreaElement>(fresh, '#subject').value).to.equal('');
  });

  it('4. one of several uploads fails with 500: only it shows failed with a retry, the others are not re-sent, retry sends only it, then the request goes', async () => {
    let broken = true;
    const uploads = watchUploads(worker, (name) => broken && name === 'letter-broken.pdf');
    const form = await mount();
    await fillAnswers(form);
    await attachFile(form, 'idCopy', distinctFile('png', 'id.png'));
    await addCompanion(form, 'سعد محمد علي القحطاني', COMPANION_ID, distinctFile('png', 'companion.png'));
    pickFile($(form, '#subjectLetter'), distinctFile('pdf', 'letter-broken.pdf'));
    const letterField = $(form, '#subjectLetter');
    await until(() => visibleText(letterField).includes('تعذر رفع ملف خطاب موضوع الزيارة'), 'the upload error', 8000);
    await settled(form);

    const retryButton = (field: Element) =>
      [...field.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('إعادة المحاولة'));
    expect(retryButton(letterField), 'retry on the failed file').to.not.equal(undefined);
    expect(visibleText(letterField)).to.contain('letter-broken.pdf').and.not.contain('جاهز');
    expect(visibleText(letterField)).to.not.match(/Disk array offline|500/);
    for (const other of [$(form, '#idCopy'), companionFileField(form, 0)]) {
      expect(visibleText(other)).to.contain('جاهز');
      expect(retryButton(other), 'no retry on a ready file').to.equal(undefined);
    }
    const failedAttempts = uploads.get('letter-broken.pdf')!;
    expect(failedAttempts).to.be.at.least(1);
    expect(uploads.get('id.png')).to.equal(1);
    expect(uploads.get('companion.png')).to.equal(1);
    await expect(form).to.be.accessible();

    // It cannot be sent with a failed file.
    await continueToReview(form);
    expect(isReview(form), 'not on the review').to.equal(false);

    broken = false;
    retryButton(letterField)!.click();
    await until(() => visibleText(letterField).includes('جاهز'), 'the retried upload');
    expect(uploads.get('letter-broken.pdf'), 'one more upload of that file').to.equal(failedAttempts + 1);
    expect(uploads.get('id.png'), 'not re-sent').to.equal(1);
    expect(uploads.get('companion.png'), 'not re-sent').to.equal(1);

    await continueToReview(form);
    expect(isReview(form), 'on the review').to.equal(true);
    await send(form);
    expect(visibleText(form)).to.contain('تم إرسال طلبك بنجاح');
    const [stored] = mockBackend.listStoredRequests();
    const nameOf = (id: string) => mockBackend.db.uploads.get(id)!.file.name;
    expect(nameOf(stored!.request.subjectLetter)).to.equal('letter-broken.pdf');
    expect(nameOf(stored!.request.idCopy)).to.equal('id.png');
    expect(nameOf(stored!.request.companions[0]!.idImage)).to.equal('companion.png');
    expect(mockBackend.db.uploads.size, 'one stored upload per file').to.equal(3);
  });
});
