import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../support/commands.js';
import '../../src/booking-form.js';
import type { BookingForm, SignInRequiredDetail } from '../../src/booking-form.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { choose, deepQuery, fileOf, pickFile, settled, type, until, visibleText } from '../support/dom.js';
import { $, attach, continueToReview, errorOf, fillValid, optionByText, select, send } from '../support/booking.js';

const root = (form: BookingForm) => form.shadowRoot!;
async function mount(attrs: { drafts?: boolean; lang?: string } = {}) {
  const form = await fixture<BookingForm>(
    attrs.drafts === false
      ? html`<emirate-booking-form api-base=${API_BASE} no-drafts lang=${attrs.lang ?? 'ar'}></emirate-booking-form>`
      : html`<emirate-booking-form api-base=${API_BASE} lang=${attrs.lang ?? 'ar'}></emirate-booking-form>`,
  );
  await until(() => root(form).querySelector('form, [role=alert], section'), 'the form to load');
  await settled(form);
  return form;
}

await useMockBackend();

describe('<emirate-booking-form>', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('prefills the applicant from the Nafath session, with the ID number read-only', async () => {
    const form = await mount();
    expect($(form, '#fullName').value).to.equal('محمد عبدالله سعيد القحطاني');
    expect($(form, '#idNumber').value).to.equal('1085427373');
    expect($(form, '#idNumber').readOnly).to.equal(true);
    expect($(form, '#mobile').value).to.equal('512345678');
    expect(form.getAttribute('dir')).to.equal('rtl');
    expect(visibleText(form)).to.contain('طلب تحديد الموعد');
    await expect(form).to.be.accessible();
  });

  it('signed out: offers Nafath sign-in and goes to login-url with the return address', async () => {
    mockBackend.setScenario('signed-out');
    const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} login-url="https://portal.example/nafath?from=widget"></emirate-booking-form>`);
    await until(() => root(form).querySelector('section'), 'the sign-in view');
    expect(visibleText(form)).to.contain('النفاذ الوطني الموحد');
    await expect(form).to.be.accessible();
    const seen: SignInRequiredDetail[] = [];
    form.addEventListener('emirate-sign-in-required', (event) => {
      event.preventDefault(); // the test page must not navigate away
      seen.push((event as CustomEvent<SignInRequiredDetail>).detail);
    });
    $<HTMLButtonElement>(form, 'section button').click();
    await until(() => seen.length === 1, 'the event');
    expect(seen[0]!.returnUrl).to.equal(location.href);
    const url = new URL(seen[0]!.signInUrl);
    expect(url.origin + url.pathname).to.equal('https://portal.example/nafath');
    expect(url.searchParams.get('from')).to.equal('widget');
    expect(url.searchParams.get('return')).to.equal(location.href);
  });

  it('replaces and removes an attachment, and forgets a removed one in the draft', async () => {
    const form = await mount();
    await attach(form, 'idCopy', fileOf('png', 'first.png'));
    await attach(form, 'idCopy', fileOf('pdf', 'second.pdf'));
    expect(visibleText($(form, '#idCopy'))).to.contain('second.pdf').and.not.contain('first.png');
    [...$(form, '#idCopy').shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('حذف'))!.click();
    await settled(form);
    expect(visibleText($(form, '#idCopy'))).to.contain('لم يتم اختيار ملف');
    expect($(form, '#idCopy').shadowRoot!.activeElement?.textContent).to.contain('اختيار ملف');
    await new Promise((r) => setTimeout(r, 100));
    form.remove();
    const again = await mount();
    expect(visibleText($(again, '#idCopy'))).to.contain('لم يتم اختيار ملف');
  });

  it('shows every missing answer beside its field and in a summary that takes focus and links to the fields', async () => {
    const form = await mount();
    type($(form, '#email'), '');
    await continueToReview(form);
    const summary = $(form, '.error-summary');
    expect(root(form).activeElement === summary, 'focus').to.equal(true);
    const messages: Record<string, string> = {
      applicantType: 'اختر نوع مقدم الطلب',
      email: 'أدخل البريد الإلكتروني',
      appointmentType: 'اختر نوع الموعد',
      destination: 'اختر جهة الزيارة',
      gate: 'اختر بوابة الدخول',
      reason: 'اختر سبب الزيارة',
      subject: 'اكتب نص موضوع الزيارة',
      hasBelongings: 'اختر «نعم» إن كانت معك مرفقات أخرى، أو «لا»',
      declaration: 'ضع علامة على الإقرار لتأكيد صحة البيانات',
    };
    for (const [field, message] of Object.entries(messages)) {
      expect(errorOf(form, field), field).to.equal(message);
    }
    expect($(form, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect($(form, '#email').getAttribute('aria-describedby')).to.contain('email-error');
    expect(visibleText($(form, '#subjectLetter'))).to.contain('أرفق خطاب موضوع الزيارة');
    const link = [...summary.querySelectorAll('a')].find((a) => a.textContent!.includes('البريد الإلكتروني'))!;
    link.click();
    await form.updateComplete;
    expect(root(form).activeElement === $(form, '#email'), 'focus').to.equal(true);
    expect($(form, '#fullName').value, 'nothing typed is cleared').to.equal('محمد عبدالله سعيد القحطاني');
    await expect(form).to.be.accessible();
  });

  it('keyboard only: the continue button, the error summary and its links', async () => {
    const form = await mount();
    $<HTMLButtonElement>(form, 'button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });
    await settled(form);
    expect(root(form).activeElement === $(form, '.error-summary'), 'focus on the summary').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(root(form).activeElement?.textContent).to.contain('اختر نوع مقدم الطلب');
    await sendKeys({ press: 'Enter' });
    await settled(form);
    expect(root(form).activeElement === $(form, '#applicantType'), 'focus on the first radio').to.equal(true);
    await sendKeys({ press: 'Space' });
    await form.updateComplete;
    expect($<HTMLInputElement>(form, '#applicantType').checked).to.equal(true);
  });

  const badInput: Array<[string, string, string]> = [
    ['fullName', 'محمد القحطاني', 'الاسم الرباعي'],
    ['fullName', 'محمد 2 سعيد القحطاني', 'حروف فقط'],
    ['mobile', '412345678', 'يبدأ بالرقم 5'],
    ['mobile', '5123', 'يبدأ بالرقم 5'],
    ['email', 'citizen@example', 'بريدًا إلكترونيًا صحيحًا'],
    ['email', 'citizen.example.sa', 'بريدًا إلكترونيًا صحيحًا'],
  ];
  for (const [field, value, message] of badInput) {
    it(`explains a wrong ${field} (${value}) beside the field once it is left`, async () => {
      const form = await mount();
      type($(form, `#${field}`), value);
      await form.updateComplete;
      expect(errorOf(form, field)).to.contain(message);
      expect($(form, `#${field}`).value).to.equal(value);
    });
  }

  it('accepts Arabic-Indic digits and a leading 0 or +966 in the mobile number', async () => {
    const form = await mount();
    for (const value of ['٠٥١٢٣٤٥٦٧٨', '+966 51 234 5678', '۰۵۱۲۳۴۵۶۷۸']) {
      type($(form, '#mobile'), value);
      await form.updateComplete;
      expect(errorOf(form, 'mobile'), value).to.equal('');
    }
  });

  it('counts the subject’s characters and stops at the catalog’s limit', async () => {
    const form = await mount();
    type($<HTMLTextAreaElement>(form, '#subject'), 'أ'.repeat(1001));
    await form.updateComplete;
    expect(visibleText(form)).to.contain('1001 من 1000');
    expect(errorOf(form, 'subject')).to.contain('1000');
  });

  it('offers the departments only for a specific-department appointment, and belongings only when the answer is yes', async () => {
    const form = await mount();
    const types = select(form, 'appointmentType');
    choose(types, optionByText(types, 'أمير'));
    await form.updateComplete;
    expect(select(form, 'destination').options.length, 'one destination for the Emir').to.equal(2);
    expect(select(form, 'destination').value, 'the only destination is chosen').to.not.equal('');
    choose(types, optionByText(types, 'إدارة محددة'));
    await form.updateComplete;
    expect(select(form, 'destination').options.length).to.be.greaterThan(4);
    expect(select(form, 'destination').value).to.equal('');

    expect(root(form).querySelector('#belongings')).to.equal(null);
    root(form).querySelector<HTMLInputElement>('#hasBelongings-yes')!.click();
    await form.updateComplete;
    expect(root(form).querySelectorAll('input[name=belongings]').length).to.equal(4);
    await continueToReview(form);
    expect(errorOf(form, 'belongings')).to.contain('اختر المرفقات التي مع الزائر');
    $(form, '#hasBelongings').click();
    await form.updateComplete;
    expect(root(form).querySelector('#belongings')).to.equal(null);
  });

  it('rejects a file whose content is not PDF, JPEG or PNG and one over the size limit, keeping the rest', async () => {
    const form = await mount();
    pickFile($(form, '#subjectLetter'), fileOf('text', 'letter.pdf', { declaredType: 'application/pdf' }));
    await until(() => visibleText($(form, '#subjectLetter')).includes('نوع ملف خطاب موضوع الزيارة غير مقبول'), 'the type error');
    pickFile($(form, '#idCopy'), fileOf('png', 'big.png', { size: 6 * 1024 * 1024 }));
    await until(() => visibleText($(form, '#idCopy')).includes('حجم ملف صورة هوية مقدم الطلب أكبر'), 'the size error');
    await expect(form).to.be.accessible();
  });

  it('reviews the answers, changes one, sends, and shows the request number with the SMS note', async () => {
    const form = await mount();
    await fillValid(form);
    await continueToReview(form);
    expect(root(form).activeElement === $(form, '#review-title'), 'focus').to.equal(true);
    expect(visibleText(form)).to.contain('citizen@example.sa');
    expect(visibleText(form)).to.contain('هويتي.png');
    await expect(form).to.be.accessible();

    const change = [...root(form).querySelectorAll<HTMLButtonElement>('dd.change button')].find((b) => b.textContent!.includes('البريد الإلكتروني'))!;
    change.click();
    await settled(form);
    expect(root(form).activeElement === $(form, '#email'), 'focus').to.equal(true);
    type($(form, '#email'), 'new@example.sa');
    await continueToReview(form);
    expect(visibleText(form)).to.contain('new@example.sa');

    const submitted = oneEvent(form, 'emirate-request-submitted');
    await send(form);
    const { detail } = await submitted;
    expect(visibleText(form)).to.contain(detail.requestNumber);
    expect(visibleText(form)).to.contain('رسالة نصية');
    const sent = root(form).querySelector('emirate-request-sent')!;
    expect(root(form).activeElement === sent && sent.shadowRoot!.activeElement === sent.shadowRoot!.querySelector('#done-title'), 'focus').to.equal(true);
    const stored = mockBackend.listStoredRequests();
    expect(stored).to.have.length(1);
    expect(stored[0]!.request.email).to.equal('new@example.sa');
    expect(stored[0]!.request.mobile).to.equal('512345678');
    await expect(form).to.be.accessible();
  });

  it('a send whose answer is lost keeps everything, and the retry creates exactly one request', async () => {
    const form = await mount();
    await fillValid(form);
    await continueToReview(form);
    mockBackend.queueFault({ method: 'POST', path: '/requests', kind: 'network-after-commit' });
    mockBackend.queueFault({ method: 'POST', path: '/requests', kind: 'network' });
    mockBackend.queueFault({ method: 'POST', path: '/requests', kind: 'network' });
    await send(form);
    expect(visibleText(form)).to.contain('تعذر الاتصال بالخادم');
    expect(root(form).activeElement === $(form, '.send-error'), 'focus').to.equal(true);
    await send(form);
    expect(visibleText(form)).to.contain('تم إرسال طلبك بنجاح');
    expect(mockBackend.listStoredRequests()).to.have.length(1);
  });

  it('puts the server’s 422 field errors beside their fields', async () => {
    const form = await mount();
    await fillValid(form);
    type($(form, '#email'), 'taken@example.sa');
    await continueToReview(form);
    await send(form);
    expect(root(form).activeElement === $(form, '.error-summary'), 'focus').to.equal(true);
    expect(errorOf(form, 'email')).to.not.equal('');
    expect($(form, '#email').value).to.equal('taken@example.sa');
    expect(mockBackend.listStoredRequests()).to.have.length(0);
  });

  it('an expired session on send keeps the draft and offers sign-in again', async () => {
    const form = await mount();
    await fillValid(form);
    await continueToReview(form);
    mockBackend.queueFault({ method: 'POST', path: '/requests', kind: { status: 401 } });
    await send(form);
    expect(visibleText(form)).to.contain('انتهت جلسة الدخول');
    await expect(form).to.be.accessible();
    form.remove();
    const again = await mount();
    expect(visibleText(again)).to.contain('استعدنا مسودة طلبك');
    expect($(again, '#email').value).to.equal('citizen@example.sa');
    expect(visibleText($(again, '#idCopy'))).to.contain('هويتي.png');
  });

  it('saves a draft while typing and restores it, files included, after a reload; discard clears it', async () => {
    const form = await mount();
    const saved = oneEvent(form, 'emirate-draft-saved');
    type($<HTMLTextAreaElement>(form, '#subject'), 'نص محفوظ');
    await attach(form, 'subjectLetter');
    await saved;
    form.remove();

    const restoredEvents: number[] = [];
    const onRestored = (e: Event) => restoredEvents.push((e as CustomEvent<{ savedAt: number }>).detail.savedAt);
    document.addEventListener('emirate-draft-restored', onRestored);
    const restored = await mount();
    document.removeEventListener('emirate-draft-restored', onRestored);
    expect(restoredEvents).to.have.length(1);
    expect($<HTMLTextAreaElement>(restored, '#subject').value).to.equal('نص محفوظ');
    await until(() => visibleText($(restored, '#subjectLetter')).includes('subjectLetter.pdf'), 'the file to come back');
    await expect(restored).to.be.accessible();
    [...root(restored).querySelectorAll<HTMLButtonElement>('.notice button')].find((b) => b.textContent!.includes('تجاهل'))!.click();
    await until(() => root(restored).querySelector('.discard-confirm'), 'the form to ask first');
    [...root(restored).querySelectorAll<HTMLButtonElement>('.discard-confirm button')].find((b) => b.textContent!.includes('نعم'))!.click();
    await until(() => $<HTMLTextAreaElement>(restored, '#subject').value === '', 'the form to be emptied');
    expect(visibleText(restored)).to.not.contain('استعدنا');
    restored.remove();
    const fresh = await mount();
    expect(visibleText(fresh)).to.not.contain('استعدنا');
  });

  it('keeps no draft with no-drafts', async () => {
    const form = await mount({ drafts: false });
    type($<HTMLTextAreaElement>(form, '#subject'), 'لا تحفظ');
    await new Promise((r) => setTimeout(r, 800));
    form.remove();
    const again = await mount();
    expect($<HTMLTextAreaElement>(again, '#subject').value).to.equal('');
  });

  it('keeps working and says drafts are off when IndexedDB cannot be opened', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
    try {
      const form = await mount();
      expect(visibleText(form)).to.contain('لا يمكن حفظ مسودة الطلب');
      await fillValid(form);
      await continueToReview(form);
      await send(form);
      expect(visibleText(form)).to.contain('تم إرسال طلبك بنجاح');
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
    }
  });

  it('renders in English, left to right, and switches language in place without losing input', async () => {
    const form = await mount({ lang: 'en' });
    await until(() => visibleText(form).includes('Appointment request'), 'English');
    expect(form.getAttribute('dir')).to.equal('ltr');
    type($(form, '#email'), 'bad@');
    await form.updateComplete;
    expect(errorOf(form, 'email')).to.contain('valid email');
    await expect(form).to.be.accessible();
    form.lang = 'ar';
    await until(() => visibleText(form).includes('طلب تحديد الموعد'), 'Arabic');
    await settled(form);
    expect(form.getAttribute('dir')).to.equal('rtl');
    expect($(form, '#email').value).to.equal('bad@');
    expect(errorOf(form, 'email')).to.contain('بريدًا إلكترونيًا صحيحًا');
  });

  it('works with an adapter object set after the element is in the page', async () => {
    const { RestAdapter } = await import('../../src/api/rest-adapter.js');
    const form = await fixture<BookingForm>(html`<emirate-booking-form></emirate-booking-form>`);
    expect(visibleText(form)).to.contain('الخدمة غير متاحة');
    form.adapter = new RestAdapter({ baseUrl: API_BASE });
    await until(() => root(form).querySelector('form'), 'the form');
    expect($(form, '#idNumber').value).to.equal('1085427373');
  });

  it('shows a translated error with retry when the catalog cannot be loaded, and recovers', async () => {
    for (let i = 0; i < 3; i++) mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 503 } });
    const form = await mount();
    await until(() => deepQuery(form, '[role=alert]'), 'the error');
    expect(visibleText(form)).to.contain('حدث خطأ في الخادم');
    await expect(form).to.be.accessible();
    $<HTMLButtonElement>(form, '[role=alert] button').click();
    await until(() => root(form).querySelector('form'), 'the form after retry');
  });

  it('an upload the server fails is explained and can be retried alone', async () => {
    const form = await mount();
    await attach(form, 'idCopy');
    mockBackend.setScenario('server-error');
    pickFile($(form, '#subjectLetter'), fileOf('pdf', 'letter.pdf'));
    await until(() => visibleText($(form, '#subjectLetter')).includes('تعذر رفع ملف خطاب موضوع الزيارة'), 'the upload error', 8000);
    expect(visibleText($(form, '#idCopy'))).to.contain('جاهز');
    await expect(form).to.be.accessible();
    mockBackend.setScenario('new-user');
    [...$(form, '#subjectLetter').shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('إعادة المحاولة'))!.click();
    await until(() => visibleText($(form, '#subjectLetter')).includes('جاهز'), 'the retried upload');
  });
});
