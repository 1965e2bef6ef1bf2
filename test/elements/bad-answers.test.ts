/**
 * What a citizen sees when the server answers badly, and what uploads send: a wrong shape, a body
 * that is not JSON, or a redirect to a sign-in page ends in a translated error with a retry (or
 * "sign in"), never an endless "Loading…"; a server's 422 text is never shown word for word; a
 * rating out of range does not break the rating form; files go up as their content's type under a
 * matching name with one key per chosen file; the anti-CSRF attributes reach the server. All
 * through the REST adapter (`api-base`) and the msw mock backend.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/appointments.js';
import '../../src/booking-form.js';
import '../../src/inbox.js';
import '../../src/inquiry-box.js';
import '../../src/service-card.js';
import type { Appointments } from '../../src/appointments.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { Inbox } from '../../src/inbox.js';
import type { ServiceCard } from '../../src/service-card.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { mockWorker } from '../faults/support.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { $, attach, continueToReview, errorOf, fillValid, send } from '../support/booking.js';
import { deepQuery, fileOf, pickFile, settled, until, visibleText } from '../support/dom.js';
import { input, mount as mountInquiry, result } from '../support/inquiry.js';

await useMockBackend();
const worker = await mockWorker();

const BAD_ANSWER_AR = 'وصل من الخادم رد غير متوقع، فتعذر عرض البيانات. أعد المحاولة بعد قليل.';
const BAD_ANSWER_EN = 'The server sent an unexpected answer, so this cannot be shown. Try again shortly.';
const SIGN_IN = 'تسجيل الدخول عبر النفاذ الوطني الموحد';
const redirect = { status: 302, headers: { Location: '/portal/sign-in' } };

const alertOf = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[role=alert]');
const buttonIn = (el: Element | null, text: string) =>
  [...(el?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent!.includes(text));

let warnings: string[] = [];
const realWarn = console.warn;

describe('bad answers from the server, as the citizen sees them', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = realWarn;
    worker.resetHandlers();
  });

  describe('<emirate-inbox>', () => {
    async function mountInbox(request = '', lang = 'ar') {
      const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang=${lang} request=${request}></emirate-inbox>`);
      await until(() => alertOf(inbox) || inbox.shadowRoot!.querySelector('ul.requests, article, .empty, section button'), 'the inbox to settle');
      await settled(inbox);
      return inbox;
    }

    it('a page of requests in the wrong shape: the translated error with a retry that loads the list; told once on the console', async () => {
      mockBackend.seedSampleRequests();
      mockBackend.queueFault({ method: 'GET', path: '/requests', kind: { status: 200, body: { items: [{ requestNumber: 7 }], page: 1 } } });
      const inbox = await mountInbox();
      expect(alertOf(inbox)!.textContent).to.contain(BAD_ANSWER_AR);
      expect(visibleText(inbox)).to.not.contain('جارٍ تحميل');
      await expect(inbox).to.be.accessible();
      expect(warnings.filter((w) => w.includes('/api/requests'))).to.have.length(1);
      buttonIn(alertOf(inbox), 'إعادة المحاولة')!.click();
      await until(() => inbox.shadowRoot!.querySelectorAll('li.request').length === 5, 'the list after the retry');
      await expect(inbox).to.be.accessible();
    });

    it('an answer that is not JSON, in English', async () => {
      await setWidgetLocale('en');
      mockBackend.queueFault({ method: 'GET', path: '/requests', kind: { status: 200, body: new Blob(['<h1>Bad gateway</h1>'], { type: 'text/html' }) } });
      const inbox = await mountInbox('', 'en');
      expect(alertOf(inbox)!.textContent).to.contain(BAD_ANSWER_EN);
      expect(buttonIn(alertOf(inbox), 'Try again')).to.exist;
      await expect(inbox).to.be.accessible();
    });

    it('a malformed catalog while a request is open: the error in the request view (not "Loading…"), and the retry starts again', async () => {
      mockBackend.seedSampleRequests();
      const [first] = mockBackend.listStoredRequests();
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200, body: { emirate: null } } });
      const inbox = await mountInbox(first!.requestNumber);
      expect(alertOf(inbox)!.textContent).to.contain(BAD_ANSWER_AR);
      expect(visibleText(inbox)).to.not.contain('جارٍ تحميل');
      await expect(inbox).to.be.accessible();
      buttonIn(alertOf(inbox), 'إعادة المحاولة')!.click();
      await until(() => inbox.shadowRoot!.querySelector('article'), 'the request after the retry');
    });

    it('a request in the wrong shape: the error with a retry', async () => {
      mockBackend.seedSampleRequests();
      const [first] = mockBackend.listStoredRequests();
      mockBackend.queueFault({ method: 'GET', path: '/requests/:number', kind: { status: 200, body: { ...first, messages: null } } });
      const inbox = await mountInbox(first!.requestNumber);
      expect(alertOf(inbox)!.textContent).to.contain(BAD_ANSWER_AR);
      await expect(inbox).to.be.accessible();
      buttonIn(alertOf(inbox), 'إعادة المحاولة')!.click();
      await until(() => inbox.shadowRoot!.querySelector('article'), 'the request after the retry');
    });

    it('a redirect to a sign-in page: the sign-in view', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/session', kind: redirect });
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: redirect });
      const inbox = await mountInbox();
      expect(buttonIn(inbox.shadowRoot as unknown as Element, SIGN_IN)).to.exist;
      await expect(inbox).to.be.accessible();
    });

    for (const [title, rating, shows] of [
      ['9 stars shows as 5', { stars: 9 }, 'شكرًا لتقييمك الخدمة'],
      ['-2 stars shows as 1', { stars: -2 }, 'شكرًا لتقييمك الخدمة'],
      ['"five" stars leaves the form to rate', { stars: 'five' }, 'قيّم الخدمة'],
    ] as const) {
      it(`a rating of ${title}, without breaking the rating form`, async () => {
        mockBackend.seedSampleRequests();
        const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
        mockBackend.queueFault({ method: 'GET', path: '/requests/:number', kind: { status: 200, body: { ...approved, rating } } });
        const inbox = await mountInbox(approved.requestNumber);
        const form = inbox.shadowRoot!.querySelector('emirate-rating-form')!;
        await until(() => form.shadowRoot?.textContent?.includes(shows), 'the rating form');
        if ('stars' in rating && typeof rating.stars === 'number') {
          const stars = rating.stars > 5 ? 5 : 1;
          expect(form.shadowRoot!.querySelector('.given')!.textContent).to.equal('★'.repeat(stars) + '☆'.repeat(5 - stars));
        }
        await expect(inbox).to.be.accessible();
      });
    }
  });

  describe('<emirate-booking-form>', () => {
    async function mountForm(attrs: { csrfToken?: string; csrfCookie?: string } = {}) {
      const form = await fixture<BookingForm>(
        html`<emirate-booking-form api-base=${API_BASE} lang="ar" csrf-token=${attrs.csrfToken ?? ''} csrf-cookie=${attrs.csrfCookie ?? ''}></emirate-booking-form>`,
      );
      await until(() => form.shadowRoot!.querySelector('form, [role=alert], section'), 'the form to load');
      await settled(form);
      return form;
    }

    it('a malformed catalog: the translated error with a retry that shows the form', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200, body: { ...mockBackend.db.catalog, gates: 'main' } } });
      const form = await mountForm();
      expect(alertOf(form)!.textContent).to.contain(BAD_ANSWER_AR);
      await expect(form).to.be.accessible();
      expect(warnings.filter((w) => w.includes('/api/catalog') && w.includes('gates'))).to.have.length(1);
      buttonIn(alertOf(form), 'إعادة المحاولة')!.click();
      await until(() => form.shadowRoot!.querySelector('form'), 'the form after the retry');
    });

    it('a redirect to a sign-in page while loading: sign in, not "unavailable"', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/session', kind: redirect });
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: redirect });
      const form = await mountForm();
      expect(buttonIn(form.shadowRoot as unknown as Element, SIGN_IN)).to.exist;
      expect(alertOf(form)).to.equal(null);
      await expect(form).to.be.accessible();
    });

    it('a send answered in the wrong shape: the error says the data is kept, and a resend', async () => {
      const form = await mountForm();
      await fillValid(form);
      await continueToReview(form);
      mockBackend.queueFault({ method: 'POST', path: '/requests', kind: { status: 201, body: { requestNumber: null } } });
      await send(form);
      const error = form.shadowRoot!.querySelector('.send-error')!;
      expect(error.textContent).to.contain('وصل من الخادم رد غير متوقع').and.contain('بياناتك محفوظة');
      expect($<HTMLButtonElement>(form, 'button[part=submit]').textContent).to.contain('إعادة الإرسال');
      await expect(form).to.be.accessible();
    });

    it('a 422 with codes it does not know: its own generic words, never the server’s; known codes translated', async () => {
      worker.use(
        http.post(`${API_BASE}/requests`, () =>
          HttpResponse.json(
            {
              code: 'validation',
              message: 'Rejected',
              errors: [
                { field: 'subject', code: 'subject-blocklisted', message: 'SERVER SAYS: <b>forbidden words</b>' },
                { field: 'email', code: 'email-invalid', message: 'SERVER SAYS: bad email' },
              ],
            },
            { status: 422 },
          ),
        ),
      );
      const form = await mountForm();
      await fillValid(form);
      await continueToReview(form);
      await send(form);
      await until(() => form.shadowRoot!.querySelector('.error-summary'), 'the error summary');
      expect(visibleText(form)).to.not.contain('SERVER SAYS');
      expect(errorOf(form, 'subject')).to.equal('القيمة غير صحيحة');
      expect(errorOf(form, 'email')).to.equal('أدخل بريدًا إلكترونيًا صحيحًا، مثل name@example.com');
      await expect(form).to.be.accessible();
    });

    describe('uploads', () => {
      it('a file is sent as its content’s type under a name with its extension; a matching name stays', async () => {
        const form = await mountForm();
        await attach(form, 'idCopy', fileOf('png', 'scan', { declaredType: 'application/octet-stream' }));
        pickFile($(form, '#subjectLetter'), fileOf('pdf', 'خطاب\u202e.pdf'));
        await until(() => visibleText($(form, '#subjectLetter')).includes('جاهز'), 'the letter to upload');
        expect(visibleText($(form, '#idCopy'))).to.contain('scan.png');
        const uploads = [...mockBackend.db.uploads.values()];
        expect(uploads.map((u) => [u.file.name, u.file.type, u.blob.type])).to.deep.equal([
          ['scan.png', 'image/png', 'image/png'],
          ['خطاب.pdf', 'application/pdf', 'application/pdf'],
        ]);
        await expect(form).to.be.accessible();
      });

      for (const [name, kind] of [['report.pdf.html', 'pdf'], ['setup.exe', 'png'], ['x.pdf', 'png']] as const) {
        it(`${kind.toUpperCase()} content named ${name}: refused before upload, with the translated message`, async () => {
          const form = await mountForm();
          pickFile($(form, '#subjectLetter'), fileOf(kind, name));
          await until(() => visibleText($(form, '#subjectLetter')).includes('ينتهي بامتداد لا يطابق محتواه'), 'the name-type message');
          expect(visibleText($(form, '#subjectLetter'))).to.contain('اسم ملف خطاب موضوع الزيارة');
          expect(mockBackend.db.uploads.size).to.equal(0);
          await expect(form).to.be.accessible();
        });
      }

      it('one Idempotency-Key per chosen file, kept across its retries; a new choice, a new key', async () => {
        const keys: string[] = [];
        let failing = true;
        worker.use(
          http.post(`${API_BASE}/uploads`, ({ request }) => {
            keys.push(request.headers.get('Idempotency-Key') ?? '');
            return failing ? HttpResponse.json({ code: 'internal', message: 'Disk array offline.' }, { status: 500 }) : undefined;
          }),
        );
        const form = await mountForm();
        const field = $(form, '#idCopy');
        pickFile(field, fileOf('png', 'id.png'));
        await until(() => buttonIn(field.shadowRoot as unknown as Element, 'إعادة المحاولة'), 'the failed upload', 8000);
        expect(keys.length, 'the adapter tried again by itself').to.be.above(1);
        failing = false;
        buttonIn(field.shadowRoot as unknown as Element, 'إعادة المحاولة')!.click();
        await until(() => visibleText(field).includes('جاهز'), 'the upload after the retry');
        expect(new Set(keys).size).to.equal(1);
        expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
        pickFile(field, fileOf('png', 'id-2.png'));
        await until(() => visibleText(field).includes('id-2.png') && visibleText(field).includes('جاهز'), 'the second file');
        expect(new Set(keys).size).to.equal(2);
      });
    });

    describe('anti-CSRF attributes', () => {
      it('csrf-token reaches the server with each upload and the send; without it the server refuses', async () => {
        mockBackend.setCsrfToken('page-token');
        const refused = await mountForm();
        pickFile($(refused, '#idCopy'), fileOf('png', 'id.png'));
        await until(() => visibleText($(refused, '#idCopy')).includes('تعذر رفع'), 'the refused upload', 8000);
        fixtureCleanup();

        const form = await mountForm({ csrfToken: 'page-token' });
        await fillValid(form);
        await continueToReview(form);
        await send(form);
        expect(mockBackend.listStoredRequests()).to.have.length(1);
      });

      it('csrf-cookie: the token is read from the cookie at each call', async () => {
        const cookie = 'emirate-form-xsrf';
        try {
          document.cookie = `${cookie}=from-cookie; path=/`;
          mockBackend.setCsrfToken('from-cookie');
          const form = await mountForm({ csrfCookie: cookie });
          await attach(form, 'idCopy', fileOf('png', 'id.png'));
          document.cookie = `${cookie}=rotated; path=/`;
          mockBackend.setCsrfToken('rotated');
          await attach(form, 'subjectLetter');
          expect(mockBackend.db.uploads.size).to.equal(2);
        } finally {
          document.cookie = `${cookie}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
        }
      });
    });
  });

  describe('<emirate-inquiry-box>', () => {
    it('an inquiry answered in the wrong shape: the translated error with a retry', async () => {
      const { box } = await mountInquiry();
      mockBackend.queueFault({ method: 'GET', path: '/inquiry', kind: { status: 200, body: { transactionNumber: '4521', status: 'lost' } } });
      input(box, 'transactionNumber').value = '4521';
      input(box, 'transactionNumber').dispatchEvent(new Event('input'));
      box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => result(box).textContent!.includes(BAD_ANSWER_AR), 'the error');
      const retry = buttonIn(result(box), 'إعادة المحاولة')!;
      await expect(box).to.be.accessible();
      retry.click();
      await until(() => result(box).querySelector('.status'), 'the result after the retry');
    });
  });

  describe('<emirate-service-card>', () => {
    it('a malformed catalog: the translated error with a retry that shows the card', async () => {
      mockBackend.queueFault({ method: 'GET', path: '/catalog', kind: { status: 200, body: [] } });
      const card = await fixture<ServiceCard>(html`<emirate-service-card api-base=${API_BASE} lang="ar"></emirate-service-card>`);
      await until(() => alertOf(card), 'the error');
      expect(alertOf(card)!.textContent).to.contain(BAD_ANSWER_AR);
      await expect(card).to.be.accessible();
      buttonIn(alertOf(card), 'إعادة المحاولة')!.click();
      await until(() => card.shadowRoot!.querySelector('[part=card]'), 'the card after the retry');
    });
  });

  describe('<emirate-appointments> confirmation', () => {
    const testPage = location.pathname + location.search;
    afterEach(() => history.replaceState(null, '', testPage));

    it('a request read back in the wrong shape: the translated error with a retry that shows the confirmation', async () => {
      mockBackend.seedSampleRequests();
      const [first] = mockBackend.listStoredRequests();
      mockBackend.queueFault({ method: 'GET', path: '/requests/:number', kind: { status: 200, body: { ...first, createdAt: 'yesterday' } } });
      history.replaceState(null, '', `/portal/appointment/book/sent/${first!.requestNumber}`);
      const shell = await fixture<Appointments>(html`<emirate-appointments base="/portal/appointment/" api-base=${API_BASE} lang="ar"></emirate-appointments>`);
      await until(() => alertOf(shell), 'the error');
      expect(alertOf(shell)!.textContent).to.contain(BAD_ANSWER_AR);
      await expect(shell).to.be.accessible();
      buttonIn(alertOf(shell), 'إعادة المحاولة')!.click();
      await until(() => deepQuery(shell, '#done-title'), 'the confirmation after the retry');
    });
  });
});
