/**
 * What the booking form says when something is missing or wrong: each field's own message
 * beside it and, the same words, in the error summary (in form order, companions by number);
 * names that follow the ID and the Nafath name taken as given; an attachment whose upload failed
 * after a draft restore says so; counted nouns.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/booking-form.js';
import '../../src/companion-list.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { CompanionList } from '../../src/companion-list.js';
import { clearAllDrafts, DraftStore, draftKey } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, najranCatalog, useMockBackend } from '../support/mock-backend.js';
import { settled, type, until, visibleText } from '../support/dom.js';
import { $, attach, continueToReview, errorOf, fillValid, send } from '../support/booking.js';
import { fileOf, pickFile } from '../support/dom.js';
import { mockWorker } from '../faults/support.js';

await useMockBackend();
const worker = await mockWorker();

const root = (form: BookingForm) => form.shadowRoot!;
const summaryLinks = (form: BookingForm) => [...root(form).querySelectorAll<HTMLAnchorElement>('.error-summary a')];
const summaryTexts = (form: BookingForm) => summaryLinks(form).map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
const hintOf = (form: BookingForm, id: string) => root(form).getElementById(`${id}-hint`)?.textContent?.trim() ?? '';

async function mount(lang = 'ar') {
  const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang=${lang}></emirate-booking-form>`);
  await until(() => root(form).querySelector('form, [role=alert], section'), 'the form to load');
  await settled(form);
  return form;
}

/** Signs in as someone else (the mock's session user) before the form loads. */
function signInAs(user: { name: string; idNumber: string }) {
  mockBackend.db.user = { ...mockBackend.db.user, ...user };
}

const companions = (form: BookingForm) => $<CompanionList>(form, 'emirate-companion-list');
const companionControl = (form: BookingForm, index: number, field: string) =>
  companions(form).shadowRoot!.querySelectorAll('fieldset.companion')[index]!.querySelector<HTMLInputElement>(`[id$="-${field}"]`)!;
const companionText = (form: BookingForm, index: number) => visibleText(companions(form).shadowRoot!.querySelectorAll('fieldset.companion')[index]!);

describe('<emirate-booking-form> error wording', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(() => worker.resetHandlers());

  for (const [lang, expected] of [
    ['ar', ['اختر نوع مقدم الطلب', 'أدخل البريد الإلكتروني', 'اختر نوع الموعد', 'اختر جهة الزيارة', 'اختر بوابة الدخول', 'اختر سبب الزيارة', 'اكتب نص موضوع الزيارة', 'أرفق خطاب موضوع الزيارة', 'أرفق صورة هوية مقدم الطلب', 'اختر «نعم» إن كانت معك مرفقات أخرى، أو «لا»', 'ضع علامة على الإقرار لتأكيد صحة البيانات']],
    ['en', ['Select the applicant type', 'Enter your email address', 'Select the appointment type', 'Select the visit destination', 'Select the entry gate', 'Select the reason for your visit', 'Enter the subject of your visit', 'Attach the letter stating the subject of the visit', "Attach the copy of the applicant's ID", 'Select yes if you have other belongings with you, or no', 'Tick the declaration to confirm your information is correct']],
  ] as const) {
    it(`${lang}: the summary lists each field's own message, the words shown beside it, with no "label: message"`, async () => {
      const form = await mount(lang);
      type($(form, '#email'), '');
      await continueToReview(form);
      expect(summaryTexts(form)).to.deep.equal(expected);
      for (const link of summaryLinks(form)) {
        const field = link.getAttribute('href')!.slice(1);
        const beside = root(form).getElementById(`${field}-error`) ? errorOf(form, field) : visibleText($(form, `#${field}`));
        expect(beside, field).to.contain(link.textContent!.trim());
        expect(link.textContent, field).to.not.match(/[؟?:]\s*:/);
      }
      await expect(form).to.be.accessible();
    });
  }

  it('lists companion errors in form order: each companion’s name, ID, image, companion 10 after 2', async () => {
    mockBackend.setCatalog({ ...najranCatalog, companions: { max: 12 } });
    const form = await mount();
    for (let i = 0; i < 11; i++) {
      companions(form).shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
      await companions(form).updateComplete;
    }
    await settled(form);
    await continueToReview(form);
    const expected = Array.from({ length: 11 }, (_, i) => [`أدخل اسم المرافق ${i + 1}`, `أدخل رقم هوية المرافق ${i + 1}`, `أرفق صورة هوية المرافق ${i + 1}`]).flat();
    const texts = summaryTexts(form);
    expect(texts.filter((t) => t.includes('المرافق'))).to.deep.equal(expected);
    expect(texts.indexOf('أرفق صورة هوية المرافق 11'), 'companions before the declaration').to.be.below(texts.indexOf('ضع علامة على الإقرار لتأكيد صحة البيانات'));
    summaryLinks(form).find((a) => a.textContent!.includes('أدخل رقم هوية المرافق 10'))!.click();
    await settled(form);
    expect(companions(form).shadowRoot!.activeElement === companionControl(form, 9, 'idNumber'), 'focus on companion 10’s ID').to.equal(true);
    await expect(form).to.be.accessible();
  });

  it('takes the Nafath name as given, even with two parts, and checks only what the citizen types instead', async () => {
    signInAs({ name: 'محمد القحطاني', idNumber: '1085427373' });
    const form = await mount();
    expect($(form, '#fullName').value).to.equal('محمد القحطاني');
    await continueToReview(form);
    expect(errorOf(form, 'fullName')).to.equal('');
    expect(summaryTexts(form).join(' ')).to.not.contain('الاسم');
    type($(form, '#fullName'), 'محمد سعيد');
    await form.updateComplete;
    expect(errorOf(form, 'fullName')).to.equal('أدخل الاسم الرباعي كاملًا (الاسم واسم الأب واسم الجد واسم العائلة)');
    expect(summaryTexts(form)).to.include('أدخل الاسم الرباعي كاملًا (الاسم واسم الأب واسم الجد واسم العائلة)');
    type($(form, '#fullName'), ' محمد\u200f  القحطاني ');
    await form.updateComplete;
    expect(errorOf(form, 'fullName')).to.equal('');
    type($(form, '#fullName'), '');
    await form.updateComplete;
    expect(errorOf(form, 'fullName')).to.equal('أدخل الاسم الرباعي');
    await expect(form).to.be.accessible();
  });

  for (const [lang, hint, oneWord, empty] of [
    ['ar', 'كما في الإقامة، الاسم الأول واسم العائلة على الأقل', 'أدخل الاسم كما في الإقامة، الاسم الأول واسم العائلة على الأقل', 'أدخل الاسم كما في الإقامة'],
    ['en', 'As on the Iqama: at least the first and family name', 'Enter the name as on the Iqama: at least the first and family name', 'Enter your name as on your Iqama'],
  ] as const) {
    it(`${lang}: a resident (ID starting 2) gives the name as on the Iqama, two parts at least`, async () => {
      signInAs({ name: 'Ramesh Kumar', idNumber: '2345678904' });
      const form = await mount(lang);
      expect(hintOf(form, 'fullName')).to.equal(hint);
      type($(form, '#fullName'), 'Rajesh Kumar');
      await form.updateComplete;
      expect(errorOf(form, 'fullName')).to.equal('');
      type($(form, '#fullName'), 'Rajesh');
      await form.updateComplete;
      expect(errorOf(form, 'fullName')).to.equal(oneWord);
      await expect(form).to.be.accessible();
      type($(form, '#fullName'), '');
      await form.updateComplete;
      expect(errorOf(form, 'fullName')).to.equal(empty);
    });
  }

  it('the server accepts what the form accepts: a resident’s two-part name and a short Nafath name are sent', async () => {
    signInAs({ name: 'Ramesh Kumar', idNumber: '2345678904' });
    let form = await mount();
    await fillValid(form);
    await continueToReview(form);
    await send(form);
    signInAs({ name: 'محمد القحطاني', idNumber: '1085427373' });
    form = await mount();
    await fillValid(form);
    await continueToReview(form);
    await send(form);
    expect(mockBackend.listStoredRequests().map((r) => r.request.fullName)).to.deep.equal(['Ramesh Kumar', 'محمد القحطاني']);
  });

  it('a Persian compound name keeps its ZWNJ between letters, in the review and in what is sent; an initial’s full stop and ‘ are accepted', async () => {
    const form = await mount();
    const persian = 'علی\u200Cاکبر محمد\u200Cحسین رضایی نژاد';
    type($(form, '#fullName'), `\u200C${persian}\u200C`);
    await fillValid(form);
    expect(errorOf(form, 'fullName')).to.equal('');
    type($(form, '#fullName'), 'Mohammed S. D‘Souza Khan');
    await form.updateComplete;
    expect(errorOf(form, 'fullName')).to.equal('');
    type($(form, '#fullName'), persian);
    await continueToReview(form);
    expect(visibleText(form)).to.contain(persian);
    await send(form);
    expect(mockBackend.listStoredRequests().at(-1)!.request.fullName).to.equal(persian);
  });

  it('a citizen’s name hint asks for four parts', async () => {
    const form = await mount();
    expect(hintOf(form, 'fullName')).to.equal('الاسم واسم الأب واسم الجد واسم العائلة');
  });

  it('a companion’s name follows the companion’s own ID, hint and rule', async () => {
    const form = await mount();
    companions(form).shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
    await settled(form);
    type(companionControl(form, 0, 'fullName'), 'Ramesh Kumar');
    type(companionControl(form, 0, 'idNumber'), '2345678904');
    await settled(form);
    expect(companionText(form, 0)).to.contain('كما في الإقامة، الاسم الأول واسم العائلة على الأقل');
    expect(companionText(form, 0)).to.not.contain('أدخل');
    type(companionControl(form, 0, 'idNumber'), '1000000008');
    await settled(form);
    expect(companionText(form, 0)).to.contain('الاسم واسم الأب واسم الجد واسم العائلة');
    expect(companionText(form, 0)).to.contain('أدخل الاسم الرباعي للمرافق 1 (الاسم واسم الأب واسم الجد واسم العائلة)');
    type(companionControl(form, 0, 'fullName'), 'Senthil');
    type(companionControl(form, 0, 'idNumber'), '2345678904');
    await settled(form);
    expect(companionText(form, 0)).to.contain('أدخل اسم المرافق 1 كما في الإقامة، الاسم الأول واسم العائلة على الأقل');
    await expect(form).to.be.accessible();
  });

  for (const [lang, counter] of [
    ['ar', '0 من 1000 حرف'],
    ['en', '0 of 1000 characters'],
  ] as const) {
    it(`${lang}: the subject counter counts characters with the noun in its form`, async () => {
      const form = await mount(lang);
      expect(hintOf(form, 'subject')).to.contain(counter);
    });
  }

  it('the companion limit counts companions with the noun in its form', async () => {
    const form = await mount();
    expect(visibleText(companions(form))).to.contain('يمكنك إضافة حتى 5 مرافقين.');
    mockBackend.setCatalog({ ...najranCatalog, companions: { max: 11 } });
    const eleven = await mount();
    expect(visibleText(companions(eleven))).to.contain('يمكنك إضافة حتى 11 مرافقًا.');
  });

  it('an upload refused for an ended session says so and what to do, and that the typing is kept', async () => {
    worker.use(http.post(`${API_BASE}/uploads`, () => HttpResponse.json({ code: 'unauthorized', message: 'No session' }, { status: 401 })));
    const form = await mount();
    pickFile($(form, '#idCopy'), fileOf('png', 'id.png'));
    const field = $(form, '#idCopy');
    await until(() => visibleText(field).includes('تعذر رفع ملف صورة هوية مقدم الطلب'), 'the failed upload', 8000);
    expect(visibleText(field)).to.contain('انتهت جلسة الدخول').and.contain('بياناتك محفوظة');
    await expect(form).to.be.accessible();
  });

  it('after a draft restore, an attachment whose upload fails says so, beside it and in the summary, not "attach"', async () => {
    const form = await mount();
    await attach(form, 'subjectLetter');
    await waitForStoredFile('subjectLetter');
    form.remove();

    worker.use(http.post(`${API_BASE}/uploads`, () => HttpResponse.json({ code: 'internal', message: 'Disk array offline.' }, { status: 500 })));
    const again = await mount();
    const field = $(again, '#subjectLetter');
    await until(() => visibleText(field).includes('تعذر رفع ملف خطاب موضوع الزيارة، أعد المحاولة'), 'the failed re-upload', 8000);
    expect(visibleText(field)).to.contain('subjectLetter.pdf');
    await continueToReview(again);
    const texts = summaryTexts(again);
    expect(texts).to.include('تعذر رفع ملف خطاب موضوع الزيارة، أعد المحاولة');
    expect(texts).to.not.include('أرفق خطاب موضوع الزيارة');
    expect(texts).to.include('أرفق صورة هوية مقدم الطلب');
    await expect(again).to.be.accessible();

    await setWidgetLocale('en');
    await settled(again);
    expect(summaryTexts(again)).to.include('The file for the letter stating the subject of the visit could not be uploaded; try again');
    expect(visibleText(field)).to.contain('could not be uploaded; try again');
    await setWidgetLocale('ar');

    worker.resetHandlers();
    [...field.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('إعادة المحاولة'))!.click();
    await until(() => visibleText(field).includes('جاهز'), 'the retried upload');
    await settled(again);
    expect(summaryTexts(again).join(' ')).to.not.contain('خطاب موضوع الزيارة');
  });
});

/** Waits until the booking draft of the default user holds a file in `slot`. */
async function waitForStoredFile(slot: string) {
  const deadline = performance.now() + 5000;
  for (;;) {
    const store = await DraftStore.open();
    await store.unlock(await mockBackend.draftSecretFor('1085427373'));
    try {
      const draft = await store.load(draftKey({ portal: API_BASE, user: '1085427373', form: 'booking' }));
      if (draft?.files[slot]) return;
    } finally {
      store.close();
    }
    if (performance.now() > deadline) throw new Error(`Timed out waiting for the draft to hold ${slot}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
