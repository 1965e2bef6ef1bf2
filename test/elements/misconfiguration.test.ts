/**
 * Set up wrong, the widget is loud and visible: each cause gives one console warning naming the
 * element, the cause and the fix, and the citizen sees a translated "this service is
 * unavailable" instead of a spinner: no backend, an adapter missing methods, an answer that is not
 * JSON or not the contract's shape (with its URL), an unsupported `lang` (Arabic is shown), and a
 * sign-in with nowhere to go (no `login-url`, `emirate-sign-in-required` not cancelled).
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/booking-form.js';
import '../../src/inbox.js';
import '../../src/inquiry-box.js';
import '../../src/service-card.js';
import type { BookingForm } from '../../src/booking-form.js'; // (any widget element, for the helpers' types)
import type { EmirateAdapter } from '../../src/api/types.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { najranCatalog } from '../../demo/mocks/catalog.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { settled, until, visibleText } from '../support/dom.js';
import { continueToReview, fillValid, send } from '../support/booking.js';

await useMockBackend();

const UNAVAILABLE = { ar: 'الخدمة غير متاحة الآن.', en: 'The service is not available right now.' } as const;
const LANGS = ['ar', 'en'] as const;

let warnings: string[] = [];
const realWarn = console.warn;
/** The widget's own warnings (Lit's dev-mode notes aside). */
const ours = () => warnings.filter((w) => w.includes('<emirate-'));

const notice = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part=unavailable]');

async function unavailable(el: Element) {
  await until(() => notice(el), 'the "unavailable" notice');
  return notice(el)!;
}

describe('a misconfigured widget is loud and visible', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(async () => {
    console.warn = realWarn;
    fixtureCleanup();
    await setWidgetLocale('ar');
  });

  describe('no backend (neither api-base nor adapter)', () => {
    for (const lang of LANGS) {
      for (const tag of ['emirate-booking-form', 'emirate-inbox', 'emirate-service-card', 'emirate-inquiry-box'] as const) {
        it(`<${tag}> in ${lang}: "unavailable" instead of a spinner, and one warning naming it and the fix`, async () => {
          await setWidgetLocale(lang);
          const el = await fixture<BookingForm>(`<${tag} lang="${lang}"></${tag}>`);
          const shown = await unavailable(el);
          expect(shown.getAttribute('role')).to.equal('alert');
          expect(shown.textContent).to.contain(UNAVAILABLE[lang]);
          expect(visibleText(el)).to.not.match(/جارٍ|Loading/);
          await until(() => ours().length, 'the warning');
          await settled(el);
          expect(ours()).to.have.length(1);
          expect(ours()[0]).to.contain(`<${tag}>`).and.contain('no backend').and.contain('api-base').and.contain('adapter');
          await expect(el).to.be.accessible();
        });
      }
    }
  });

  describe('an adapter missing methods', () => {
    for (const lang of LANGS) {
      it(`names the missing ones and shows "unavailable" (${lang})`, async () => {
        await setWidgetLocale(lang);
        const partial = { getSession: async () => null, getCatalog: async () => najranCatalog } as unknown as EmirateAdapter;
        const form = await fixture<BookingForm>(html`<emirate-booking-form lang=${lang} .adapter=${partial}></emirate-booking-form>`);
        expect((await unavailable(form)).textContent).to.contain(UNAVAILABLE[lang]);
        await until(() => ours().length, 'the warning');
        expect(ours()).to.have.length(1);
        expect(ours()[0]).to.contain('<emirate-booking-form>').and.contain('uploadFile, submitRequest').and.contain('EmirateAdapter');
        await expect(form).to.be.accessible();
      });
    }

    it('an adapter with what the element calls is enough: the inquiry box needs only inquire', async () => {
      const inquire = { inquire: async () => ({ transactionNumber: '1', hijriYear: 1447, status: 'submitted', updatedAt: new Date().toISOString() }) };
      const box = await fixture<BookingForm>(html`<emirate-inquiry-box .adapter=${inquire as unknown as EmirateAdapter}></emirate-inquiry-box>`);
      await settled(box);
      expect(box.shadowRoot!.querySelector('form')).to.exist;
      expect(notice(box)).to.equal(null);
      expect(ours()).to.deep.equal([]);
    });
  });

  describe('an answer that is not JSON, or not the shape of the contract', () => {
    const cases = [
      ['not JSON', { status: 200, body: new Blob(['<h1>Portal</h1>'], { type: 'text/html' }) }, 'not JSON'],
      ['not the shape', { status: 200, body: { ...najranCatalog, gates: 'main' } }, 'gates'],
    ] as const;
    for (const lang of LANGS) {
      for (const [what, kind, says] of cases) {
        it(`${what}: one warning naming the element and the URL, and the translated error with a retry (${lang})`, async () => {
          await setWidgetLocale(lang);
          mockBackend.queueFault({ method: 'GET', path: '/catalog', kind });
          const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang=${lang}></emirate-booking-form>`);
          await until(() => form.shadowRoot!.querySelector('[role=alert]'), 'the error');
          await settled(form);
          expect(visibleText(form)).to.contain(lang === 'ar' ? 'وصل من الخادم رد غير متوقع' : 'The server sent an unexpected answer');
          expect(form.shadowRoot!.querySelector('[role=alert] button')).to.exist;
          expect(ours()).to.have.length(1);
          expect(ours()[0]).to.contain('<emirate-booking-form>').and.contain(`${API_BASE}/catalog`).and.contain(says).and.contain('openapi.yaml');
          await expect(form).to.be.accessible();
        });
      }
    }
  });

  describe('an unsupported lang', () => {
    it('shows Arabic, right to left, with one warning naming the code and the known ones', async () => {
      const box = await fixture<BookingForm>(html`<emirate-inquiry-box api-base=${API_BASE} lang="fr"></emirate-inquiry-box>`);
      await settled(box);
      await until(() => ours().length, 'the warning');
      expect(box.getAttribute('lang')).to.equal('ar');
      expect(box.getAttribute('dir')).to.equal('rtl');
      expect(visibleText(box)).to.contain('الاستعلام عن معاملة');
      expect(ours()).to.have.length(1);
      expect(ours()[0]).to.contain('<emirate-inquiry-box>').and.contain('lang "fr"').and.contain('ar, en').and.contain('registerLocale');
      await expect(box).to.be.accessible();
    });
  });

  describe('signed out, with no login-url and nobody handling emirate-sign-in-required', () => {
    const SIGN_IN = { ar: 'تسجيل الدخول عبر النفاذ الوطني الموحد', en: 'Sign in with' } as const;
    for (const lang of LANGS) {
      it(`"Sign in" says it is unavailable, with one warning saying how to fix it (${lang})`, async () => {
        await setWidgetLocale(lang);
        mockBackend.setScenario('signed-out');
        const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang=${lang}></emirate-booking-form>`);
        await until(() => form.shadowRoot!.querySelector('section button'), 'the sign-in view');
        const button = form.shadowRoot!.querySelector<HTMLButtonElement>('section button')!;
        expect(button.textContent).to.contain(SIGN_IN[lang]);
        expect(notice(form), 'not before it is pressed').to.equal(null);
        button.click();
        expect((await unavailable(form)).textContent).to.contain(UNAVAILABLE[lang]);
        await until(() => ours().length, 'the warning');
        button.click();
        await settled(form);
        expect(ours()).to.have.length(1);
        expect(ours()[0]).to.contain('<emirate-booking-form>').and.contain('login-url').and.contain('emirate-sign-in-required').and.contain('preventDefault');
        await expect(form).to.be.accessible();
      });
    }

    it('the same on the review, when the session ended while the citizen read it', async () => {
      const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} no-drafts></emirate-booking-form>`);
      await until(() => form.shadowRoot!.querySelector('form'), 'the form');
      await settled(form);
      await fillValid(form);
      await continueToReview(form);
      mockBackend.setScenario('signed-out');
      await send(form);
      const error = form.shadowRoot!.querySelector<HTMLElement>('.send-error')!;
      error.querySelector('button')!.click();
      expect((await unavailable(form)).textContent).to.contain(UNAVAILABLE.ar);
      await until(() => ours().length, 'the warning');
      expect(ours()).to.have.length(1);
      expect(ours()[0]).to.contain('<emirate-booking-form>').and.contain('login-url');
      await expect(form).to.be.accessible();
    });

    it('a host that cancels the event takes over: no warning, no notice', async () => {
      mockBackend.setScenario('signed-out');
      const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE}></emirate-booking-form>`);
      await until(() => form.shadowRoot!.querySelector('section button'), 'the sign-in view');
      let asked = 0;
      form.addEventListener('emirate-sign-in-required', (event) => {
        event.preventDefault();
        asked++;
      });
      form.shadowRoot!.querySelector<HTMLButtonElement>('section button')!.click();
      await settled(form);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(asked).to.equal(1);
      expect(notice(form)).to.equal(null);
      expect(ours()).to.deep.equal([]);
    });
  });
});
