/**
 * Hostile input in <emirate-booking-form> (issue #5): huge pastes, bidi and invisible
 * characters, emoji, markup and script, lying and oversized files. Each case shows a clear
 * translated message, keeps every other answer, renders nothing as HTML and logs no error.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/booking-form.js';
import type { BookingForm } from '../../src/booking-form.js';
import { formatBytes } from '../../src/domain/file-type.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { deepQuery, fileOf, pickFile, recordFetches, settled, type, until, visibleText } from '../support/dom.js';
import { $, attach, continueToReview, errorOf, fillValid, send } from '../support/booking.js';
import { HUGE, INVISIBLE, MARKUP, RAW_CODE, guardEachTest, injected, layoutCost } from './guard.js';

const root = (form: BookingForm) => form.shadowRoot!;
async function mount(lang = 'ar') {
  const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang=${lang} no-drafts></emirate-booking-form>`);
  await until(() => root(form).querySelector('form'), 'the form to load');
  await settled(form);
  return form;
}
const subject = (form: BookingForm) => $<HTMLTextAreaElement>(form, '#subject');
const reviewValue = (form: BookingForm, label: string) =>
  [...root(form).querySelectorAll('dl.review > div')].find((row) => row.querySelector('dt')!.textContent!.includes(label))!.querySelector('dd')!;
const lastRequest = () => mockBackend.listStoredRequests().at(-1)!.request;

await useMockBackend();

describe('hostile input: <emirate-booking-form>', () => {
  guardEachTest();

  describe('100 000 characters', () => {
    const limits: Array<[field: string, message: string]> = [
      ['fullName', 'يجب ألا يزيد الاسم على 120 حرفًا'],
      ['email', 'يجب ألا يزيد البريد الإلكتروني على 254 حرفًا'],
      ['subject', 'يجب ألا يزيد نص موضوع الزيارة على 1000 حرف'],
    ];
    for (const [field, message] of limits) {
      it(`in ${field}: the limit message with its number, the value kept, the rest untouched, no freeze`, async function () {
        this.timeout(30_000); // WebKit alone lays the paste out for seconds, twice here (see layoutCost)
        const form = await mount();
        type($(form, '#email'), 'citizen@example.sa');
        const layout = layoutCost($(form, `#${field}`), HUGE);
        const started = performance.now();
        type($(form, `#${field}`), HUGE);
        await settled(form);
        await continueToReview(form);
        const elapsed = performance.now() - started - layout;
        expect(elapsed, 'milliseconds to validate and render, beyond the engine laying the text out').to.be.below(2000);
        expect(errorOf(form, field)).to.equal(message);
        expect(errorOf(form, field)).to.not.match(RAW_CODE);
        expect($(form, `#${field}`).value.length, 'kept, not silently cut').to.equal(100_000);
        if (field !== 'fullName') expect($(form, '#fullName').value).to.equal('محمد عبدالله سعيد القحطاني');
        if (field !== 'email') expect($(form, '#email').value).to.equal('citizen@example.sa');
        expect($(form, '#mobile').value).to.equal('512345678');
        expect(root(form).querySelector('dl.review'), 'not sent on to the review').to.equal(null);
        // Still works: a normal value clears the message.
        type($(form, `#${field}`), field === 'email' ? 'citizen@example.sa' : field === 'subject' ? 'موضوع قصير' : 'محمد عبدالله سعيد القحطاني');
        await settled(form);
        expect(errorOf(form, field)).to.equal('');
      });
    }

    it('in the mobile number: the mobile message, fast', async () => {
      const form = await mount();
      const started = performance.now();
      type($(form, '#mobile'), '5'.repeat(100_000));
      await settled(form);
      expect(performance.now() - started).to.be.below(2000);
      expect(errorOf(form, 'mobile')).to.contain('رقم جوال صحيحًا من 9 أرقام');
      expect($(form, '#fullName').value).to.equal('محمد عبدالله سعيد القحطاني');
    });

    it('in English: the name limit reads in English with the number', async () => {
      const form = await mount('en');
      await until(() => visibleText(form).includes('Appointment request'), 'English');
      type($(form, '#fullName'), HUGE);
      await settled(form);
      expect(errorOf(form, 'fullName')).to.match(/120/);
      expect(errorOf(form, 'fullName')).to.not.match(/[\u0600-\u06FF]/);
      expect(errorOf(form, 'fullName')).to.not.match(RAW_CODE);
    });

    it('the subject counter counts a huge paste without freezing and the counter names the limit', async function () {
      this.timeout(30_000); // the engine lays out each edit of the paste (see layoutCost)
      const form = await mount();
      const layout = layoutCost(subject(form), HUGE);
      const started = performance.now();
      for (let i = 0; i < 5; i++) {
        type(subject(form), HUGE + 'ب'.repeat(i));
        await form.updateComplete;
      }
      // Typing renders with the next frame, which comes once the engine has laid out the edit before.
      const elapsed = performance.now() - started - 5 * layout;
      expect(elapsed, 'five edits of a huge subject, beyond the engine laying each out').to.be.below(3000);
      expect(visibleText(form)).to.contain('100004 من 1000');
    });
  });

  describe('bidi controls and invisible characters in names', () => {
    const disguised: Array<[string, string]> = [
      ['U+202E right-to-left override', 'محمد \u202eعبدالله سعيد القحطاني'],
      ['U+202E around a Latin name', '\u202eMohammed Abdullah Saeed Al-Qahtani'],
      ['U+200B zero width space', 'محمد\u200b عبدالله سعيد القحطاني'],
      ['U+200C zero width non-joiner (not between letters)', 'محمد \u200cعبدالله سعيد القحطاني'],
      ['U+200D zero width joiner', 'محمد عبدالله\u200d سعيد القحطاني'],
      ['U+2060 word joiner', 'محمد عبدالله سعيد\u2060 القحطاني'],
      ['U+FEFF byte order mark', '\ufeffمحمد عبدالله سعيد القحطاني'],
    ];
    for (const [what, name] of disguised) {
      it(`${what}: accepted, and the review and the backend get the name without it`, async () => {
        const form = await mount();
        type($(form, '#fullName'), name);
        await fillValid(form);
        expect(errorOf(form, 'fullName')).to.equal('');
        await continueToReview(form);
        const shown = reviewValue(form, 'الاسم الرباعي');
        const bdi = shown.querySelector('bdi')!;
        expect(bdi, 'the name is isolated in <bdi>').to.not.equal(null);
        expect(bdi.textContent, 'no control left to disguise it').to.not.match(INVISIBLE);
        expect(bdi.textContent!.split(' ')).to.have.length(4);
        await send(form);
        expect(lastRequest().fullName).to.not.match(INVISIBLE);
        expect(lastRequest().fullName.split(' ')).to.have.length(4);
      });
    }

    it('a right-to-left override in the subject cannot reorder what the review shows', async () => {
      const form = await mount();
      await fillValid(form);
      type(subject(form), 'مراجعة \u202eفاتورة رقم 1234\u202c بخصوص أرض');
      await form.updateComplete;
      await continueToReview(form);
      const shown = reviewValue(form, 'نص موضوع الزيارة');
      expect(shown.textContent).to.contain('فاتورة رقم 1234');
      expect(shown.textContent).to.not.match(/[\u202a-\u202e\u2066-\u2069]/);
    });
  });

  describe('emoji', () => {
    it('in a name: "letters only", in Arabic and English, other fields kept', async () => {
      const form = await mount();
      type($(form, '#fullName'), 'محمد عبدالله سعيد 😀');
      await form.updateComplete;
      expect(errorOf(form, 'fullName')).to.contain('أدخل الاسم بالحروف فقط');
      expect($(form, '#fullName').value).to.equal('محمد عبدالله سعيد 😀');
      expect($(form, '#mobile').value).to.equal('512345678');
      await setWidgetLocale('en');
      await settled(form);
      expect(errorOf(form, 'fullName')).to.match(/letters/i);
    });

    it('in the subject: accepted, each emoji counted once, shown and sent as typed', async () => {
      const form = await mount();
      await fillValid(form);
      const text = 'زيارة 👨‍👩‍👧‍👦 🇸🇦 ✅';
      type(subject(form), text);
      await form.updateComplete;
      expect(visibleText(form)).to.contain('11 من 1000');
      await continueToReview(form);
      expect(reviewValue(form, 'نص موضوع الزيارة').textContent).to.contain(text);
      await send(form);
      expect(lastRequest().subject).to.equal(text);
    });

    it('the subject limit counts emoji as one character each: 1000 fit, 1001 do not', async () => {
      const form = await mount();
      type(subject(form), '👨‍👩‍👧'.repeat(1000));
      await form.updateComplete;
      expect(errorOf(form, 'subject')).to.equal('');
      type(subject(form), '👨‍👩‍👧'.repeat(1001));
      await form.updateComplete;
      expect(errorOf(form, 'subject')).to.contain('على 1000 حرف');
    });
  });

  describe('markup and script', () => {
    for (const markup of MARKUP) {
      it(`${markup} in the name, email and mobile: explained, shown as typed, no element made`, async () => {
        const form = await mount();
        type($(form, '#fullName'), `محمد عبدالله سعيد ${markup}`);
        type($(form, '#email'), `${markup}@example.sa`);
        type($(form, '#mobile'), markup);
        await settled(form);
        expect(errorOf(form, 'fullName')).to.contain('حروف فقط');
        expect(errorOf(form, 'email')).to.contain('بريدًا إلكترونيًا صحيحًا');
        expect(errorOf(form, 'mobile')).to.contain('أدخل رقم جوال صحيحًا');
        expect($(form, '#fullName').value).to.equal(`محمد عبدالله سعيد ${markup}`);
        await continueToReview(form);
        expect(visibleText($(form, '.error-summary'))).to.contain('حروف فقط');
        expect(injected(form)).to.have.length(0);
      });

      it(`${markup} in the subject: accepted, reviewed and sent as plain text`, async () => {
        const form = await mount();
        await fillValid(form);
        const text = `طلب ${markup} نهاية`;
        type(subject(form), text);
        await form.updateComplete;
        await continueToReview(form);
        expect(reviewValue(form, 'نص موضوع الزيارة').textContent).to.contain(text);
        expect(injected(form)).to.have.length(0);
        await send(form);
        expect(lastRequest().subject).to.equal(text);
        expect(injected(form)).to.have.length(0);
      });
    }

    it('markup in a companion name is refused with the letters-only message, nothing rendered', async () => {
      const form = await mount();
      const list = $(form, 'emirate-companion-list');
      list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
      await settled(form);
      const name = list.shadowRoot!.querySelector<HTMLInputElement>('[id$="-fullName"]')!;
      type(name, '<img src=x onerror=alert(1)> سعد علي القحطاني');
      await settled(form);
      expect(visibleText(list)).to.contain('بالحروف فقط، بلا أرقام أو رموز');
      expect(injected(form)).to.have.length(0);
    });
  });

  describe('file names', () => {
    const names: Array<[string, string, 'pdf' | 'png']> = [
      ['../../etc/passwd.pdf', 'passwd.pdf', 'pdf'],
      ['C:\\fakepath\\x.pdf', 'x.pdf', 'pdf'],
      ['<img src=x onerror=alert(1)>.png', '<img src=x onerror=alert(1)>.png', 'png'],
      ['"><svg onload=alert(1)>.pdf', '"><svg onload=alert(1)>.pdf', 'pdf'],
    ];
    for (const [name, sent, kind] of names) {
      it(`${name}: shown as text, sent without any folder`, async () => {
        const form = await mount();
        const field = $(form, '#subjectLetter');
        pickFile(field, fileOf(kind, name));
        await until(() => visibleText(field).includes('جاهز'), 'the upload');
        expect(deepQuery(field, '.file-name bdi')!.textContent).to.equal(sent);
        expect(injected(form)).to.have.length(0);
        const uploads = [...mockBackend.db.uploads.values()];
        expect(uploads).to.have.length(1);
        expect(uploads[0]!.file.name).to.equal(sent);
        expect(uploads[0]!.file.name).to.not.match(/[\\/]/);
        await fillValid(form);
        pickFile(field, fileOf(kind, name));
        await until(() => visibleText(field).includes('جاهز') && mockBackend.db.uploads.size === 4, 'the second upload');
        await settled(form);
        await continueToReview(form);
        expect(reviewValue(form, 'خطاب موضوع الزيارة').textContent).to.contain(sent);
        expect(injected(form)).to.have.length(0);
      });
    }
  });

  describe('files that lie or are out of bounds', () => {
    it('a PNG named .pdf is refused: its name claims another type; nothing uploaded', async () => {
      const form = await mount();
      pickFile($(form, '#idCopy'), fileOf('png', 'scan.pdf', { declaredType: 'application/pdf' }));
      await until(() => visibleText($(form, '#idCopy')).includes('ينتهي بامتداد لا يطابق محتواه'), 'the name-type error');
      expect(mockBackend.db.uploads.size).to.equal(0);
      expect(visibleText($(form, '#idCopy'))).to.not.match(RAW_CODE);
    });

    it('a PNG named without an extension, declared PDF, is sent as a PNG named .png', async () => {
      const form = await mount();
      await attach(form, 'idCopy', fileOf('png', 'scan', { declaredType: 'application/pdf' }));
      const [upload] = [...mockBackend.db.uploads.values()];
      expect(upload!.file).to.include({ type: 'image/png', name: 'scan.png' });
      expect(upload!.blob.type, 'the part’s declared type').to.equal('image/png');
    });

    it('a text file named .pdf: the type message, nothing uploaded, in English too', async () => {
      const fetches = recordFetches();
      try {
        const form = await mount('en');
        pickFile($(form, '#idCopy'), fileOf('text', 'report.pdf', { declaredType: 'application/pdf' }));
        await until(() => visibleText($(form, '#idCopy')).includes('not accepted'), 'the type error');
        expect(visibleText($(form, '#idCopy'))).to.contain('PDF');
        expect(mockBackend.db.uploads.size).to.equal(0);
        expect(fetches.calls.filter((u) => u.includes('/uploads'))).to.have.length(0);
      } finally {
        fetches.restore();
      }
    });

    it('an empty file: "the file is empty", nothing uploaded, the other attachment kept', async () => {
      const form = await mount();
      await attach(form, 'idCopy', fileOf('png', 'id.png'));
      pickFile($(form, '#subjectLetter'), new File([], 'letter.pdf', { type: 'application/pdf' }));
      await until(() => visibleText($(form, '#subjectLetter')).includes('ملف خطاب موضوع الزيارة فارغ'), 'the empty-file error');
      expect(mockBackend.db.uploads.size, 'only the ID copy').to.equal(1);
      expect(visibleText($(form, '#idCopy'))).to.contain('جاهز');
      expect(visibleText($(form, '#subjectLetter'))).to.not.match(RAW_CODE);
    });

    it('a 50 MB file: the size message names the 5 MB limit, nothing is read or uploaded', async () => {
      const fetches = recordFetches();
      try {
        const form = await mount();
        const big = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), new Blob([new ArrayBuffer(50 * 1024 * 1024)])], 'big.pdf', { type: 'application/pdf' });
        expect(big.size).to.be.above(50 * 1024 * 1024);
        pickFile($(form, '#subjectLetter'), big);
        await until(() => visibleText($(form, '#subjectLetter')).includes('حجم ملف خطاب موضوع الزيارة أكبر'), 'the size error');
        expect(visibleText($(form, '#subjectLetter'))).to.contain(`(${formatBytes(5 * 1024 * 1024)})`);
        expect(visibleText($(form, '#subjectLetter'))).to.contain('big.pdf');
        expect(mockBackend.db.uploads.size).to.equal(0);
        expect(fetches.calls.filter((u) => u.includes('/uploads'))).to.have.length(0);
        await setWidgetLocale('en');
        await settled(form);
        expect(visibleText($(form, '#subjectLetter'))).to.contain('5 MB');
        // The form still works: a good file replaces it.
        await attach(form, 'subjectLetter', fileOf('pdf', 'letter.pdf'));
      } finally {
        fetches.restore();
      }
    });
  });

  describe('Arabic-Indic and Persian digits', () => {
    it('in the mobile and a companion ID: accepted, sent as ASCII digits', async () => {
      const form = await mount();
      await fillValid(form);
      type($(form, '#mobile'), '۰۵۱۲ ۳۴۵ ۶۷۸');
      const list = $(form, 'emirate-companion-list');
      list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
      await settled(form);
      type(list.shadowRoot!.querySelector<HTMLInputElement>('[id$="-fullName"]')!, 'سعد محمد علي القحطاني');
      type(list.shadowRoot!.querySelector<HTMLInputElement>('[id$="-idNumber"]')!, '٢٣٤٥٦٧٨٩٠٤');
      pickFile(list.shadowRoot!.querySelector('emirate-file-field')!, fileOf('png', 'id.png'));
      await until(() => visibleText(list).includes('جاهز'), 'the companion ID image');
      await settled(form);
      expect(errorOf(form, 'mobile')).to.equal('');
      await continueToReview(form);
      expect(root(form).querySelector('dl.review'), 'on the review').to.not.equal(null);
      expect(reviewValue(form, 'رقم الجوال').textContent).to.contain('+966 51 234 5678');
      await send(form);
      expect(lastRequest().mobile).to.equal('512345678');
      expect(lastRequest().companions[0]!.idNumber).to.equal('2345678904');
    });
  });
});
