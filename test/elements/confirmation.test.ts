/**
 * What the citizen sees after sending (guide §1.16): the transaction number with its Hijri year
 * (as the inquiry asks for them), the date, the masked mobile, what happens next, the way to
 * "My requests", and the printable summary that prints alone.
 */
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '../support/commands.js';
import { itUnless } from '../support/engine.js';
import '../../src/booking-form.js';
import type { BookingForm, ShowRequestsDetail } from '../../src/booking-form.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { settled, type, until, visibleText } from '../support/dom.js';
import { $, continueToReview, fillValid, root, send } from '../support/booking.js';

/** The confirmation's own tree (an internal element, loaded once a request is sent). */
const sentRoot = (form: BookingForm) => root(form).querySelector('emirate-request-sent')!.shadowRoot!;

await useMockBackend();

async function mount(attrs: { lang?: string; requestsUrl?: string } = {}) {
  const form = await fixture<BookingForm>(
    html`<emirate-booking-form api-base=${API_BASE} lang=${attrs.lang ?? 'ar'} requests-url=${attrs.requestsUrl ?? ''}></emirate-booking-form>`,
  );
  await until(() => root(form).querySelector('form, [role=alert], section'), 'the form to load');
  await settled(form);
  return form;
}

/** Fills and sends in Arabic (the fill helpers pick options by their Arabic names), then shows `lang`. */
async function sent(attrs: { lang?: string; requestsUrl?: string } = {}) {
  const form = await mount({ ...attrs, lang: 'ar' });
  await fillValid(form);
  await continueToReview(form);
  await send(form);
  await until(() => root(form).querySelector('emirate-request-sent')?.shadowRoot?.querySelector('#done-title'), 'the confirmation');
  if (attrs.lang && attrs.lang !== 'ar') {
    await setWidgetLocale(attrs.lang);
    await settled(form);
  }
  const [stored] = mockBackend.listStoredRequests();
  return { form, stored: stored! };
}

const hijriYear = (iso: string) =>
  new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { year: 'numeric', timeZone: 'Asia/Riyadh' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'year')!.value;

/** The confirmation on screen, without the print-only summary. */
const screenText = (form: BookingForm) => visibleText(sentRoot(form).querySelector('.confirmation')!);

describe('the confirmation', function () {
  // Each test fills, uploads, reviews and sends a whole request first; the file's first one also
  // loads every lazy chunk. WebKit, sharing 2 cores with the other engines, once took over the
  // suite's 10 s for that (seen in CI); the assertions are unchanged.
  this.timeout(20000);
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('gives the transaction number with its Hijri year, the date, the masked mobile and what happens next (Arabic)', async () => {
    const { form, stored } = await sent();
    const text = screenText(form);
    expect(text).to.include('رقم المعاملة');
    expect(text).to.include(`${stored.requestNumber} لعام ${hijriYear(stored.createdAt)} هـ`);
    expect(text).to.include('+966 5• ••• 5678');
    expect(text, 'the whole mobile is not shown').not.to.include('512345678');
    expect(text).to.include('ماذا بعد؟');
    expect(text).to.include('للاستعلام عن المعاملة');
    expect(sentRoot(form).activeElement === sentRoot(form).querySelector('#done-title'), 'focus on the heading').to.equal(true);
    await expect(form).to.be.accessible();
  });

  it('reads the same in English, with the year in AH', async () => {
    const { form, stored } = await sent({ lang: 'en' });
    const text = screenText(form);
    expect(text).to.include('Transaction number');
    expect(text).to.include(`${stored.requestNumber} of ${hijriYear(stored.createdAt)} AH`);
    expect(text).to.include('+966 5• ••• 5678');
    expect(text).to.include('What happens next');
    await expect(form).to.be.accessible();
  });

  it('links to "My requests" at requests-url', async () => {
    const { form } = await sent({ requestsUrl: '/portal/my-requests' });
    const link = [...sentRoot(form).querySelectorAll<HTMLAnchorElement>('.confirmation a')].find((a) => a.textContent!.includes('طلباتي'))!;
    expect(new URL(link.href).pathname).to.equal('/portal/my-requests');
  });

  it('without requests-url, "My requests" asks the host with emirate-show-requests, and warns when nobody answers', async () => {
    const { form, stored } = await sent();
    const button = [...sentRoot(form).querySelectorAll<HTMLButtonElement>('.confirmation button')].find((b) => b.textContent!.includes('طلباتي'))!;
    const asked = oneEvent(form, 'emirate-show-requests');
    const handler = (e: Event) => e.preventDefault();
    form.addEventListener('emirate-show-requests', handler, { once: true });
    const warnings: unknown[] = [];
    const realWarn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      button.click();
      const { detail } = (await asked) as CustomEvent<ShowRequestsDetail>;
      expect(detail).to.deep.equal({ requestNumber: stored.requestNumber });
      expect(warnings, 'handled: no warning').to.have.length(0);
      button.click();
      // The words of warnings load with the first one.
      await until(() => warnings.length, 'the warning');
      expect(warnings, 'unhandled: one warning').to.have.length(1);
      expect(String((warnings[0] as unknown[])[0])).to.include('requests-url');
    } finally {
      console.warn = realWarn;
    }
  });

  it('"New request" starts an empty form, focused at its title', async () => {
    const { form } = await sent();
    [...sentRoot(form).querySelectorAll<HTMLButtonElement>('.confirmation button')].find((b) => b.textContent!.includes('طلب جديد'))!.click();
    await settled(form);
    expect(root(form).querySelector('form')).to.exist;
    expect($<HTMLTextAreaElement>(form, '#subject').value).to.equal('');
  });

  it('keeps a draft of the next request too, even when the last was sent within the pause before a save', async () => {
    const form = await mount();
    await fillValid(form);
    await continueToReview(form);
    // "Send" at once: the save that "continue" asked for still waits for its pause.
    await send(form);
    await until(() => root(form).querySelector('emirate-request-sent')?.shadowRoot?.querySelector('#done-title'), 'the confirmation');
    [...sentRoot(form).querySelectorAll<HTMLButtonElement>('.confirmation button')].find((b) => b.textContent!.includes('طلب جديد'))!.click();
    await settled(form);
    const saved = oneEvent(form, 'emirate-draft-saved');
    type($<HTMLTextAreaElement>(form, '#subject'), 'طلب آخر');
    await saved;
    form.remove();
    const again = await mount();
    expect($<HTMLTextAreaElement>(again, '#subject').value).to.equal('طلب آخر');
  });

  describe('the summary', () => {
    /** Sends, puts host content before the form and presses "Print" (the print dialog stubbed). */
    async function pressPrint() {
      const { form, stored } = await sent();
      const sibling = document.createElement('p');
      sibling.textContent = 'host page content';
      form.parentElement!.before(sibling);
      let printed = 0;
      const realPrint = window.print;
      window.print = () => void printed++;
      try {
        [...sentRoot(form).querySelectorAll<HTMLButtonElement>('.confirmation button')].find((b) => b.textContent!.includes('طباعة'))!.click();
      } finally {
        window.print = realPrint;
      }
      const summary = sentRoot(form).querySelector<HTMLElement>('.summary-doc')!;
      return { form, stored, sibling, summary, printed };
    }

    /** Every answer the printed summary must give, in Arabic. */
    function expectEveryAnswer(text: string, stored: { requestNumber: string; createdAt: string }) {
      expect(text).to.include('ملخص الطلب');
      expect(text).to.include(`${stored.requestNumber} لعام ${hijriYear(stored.createdAt)} هـ`);
      expect(text).to.include('تم تقديم الطلب');
      expect(text).to.include('citizen@example.sa');
      expect(text).to.include('هويتي.png');
      expect(text).to.include('subjectLetter.pdf');
      expect(text).to.match(/\(\d{1,2} [^\d]+ \d{4}\)/, 'the Gregorian date in brackets');
    }

    it('"Print" opens the print dialog once for a summary of every answer, hidden on screen; afterprint puts the page back', async () => {
      const { stored, sibling, summary, printed } = await pressPrint();
      expect(printed).to.equal(1);
      expect(getComputedStyle(summary.parentElement!).display, 'on screen the summary waits for print').to.equal('none');
      expect(document.querySelector('[data-emirate-print-path]'), 'the path to the summary is marked for print').not.to.equal(null);
      expectEveryAnswer(summary.textContent!.replace(/\s+/g, ' '), stored);
      window.dispatchEvent(new Event('afterprint'));
      expect(document.querySelector('[data-emirate-print-path]')).to.equal(null);
      expect(getComputedStyle(sibling).display).to.equal('block');
      sibling.remove();
    });

    itUnless(
      ['firefox', 'webkit'],
      'the test driver cannot emulate print media (WebDriver BiDi and classic WebDriver have no media emulation); the print styles are proven in Chromium, the print button, summary and clean-up in every engine',
      "prints alone: the host page and the confirmation are hidden, the summary shows every answer in the citizen's language",
      async () => {
        const { form, stored, sibling, summary } = await pressPrint();
        await emulateMedia({ media: 'print' });
        expect(getComputedStyle(sibling).display, 'the host page does not print').to.equal('none');
        expect(getComputedStyle(sentRoot(form).querySelector('.confirmation')!).display).to.equal('none');
        expect(getComputedStyle(summary.parentElement!).display).to.equal('block');
        expectEveryAnswer(summary.innerText, stored);

        window.dispatchEvent(new Event('afterprint'));
        expect(getComputedStyle(sibling).display, 'the page is put back after printing').to.equal('block');
        expect(document.querySelector('[data-emirate-print-path]')).to.equal(null);
        sibling.remove();
      },
    );

    it('prints in English for an English citizen', async () => {
      const { form } = await sent({ lang: 'en' });
      const text = sentRoot(form).querySelector<HTMLElement>('.summary-doc')!.textContent!;
      expect(text).to.include('Request summary');
      expect(text).to.include('Submitted');
      expect(text).to.include('Transaction number');
      expect(text).to.include('Date of request');
      expect(text).not.to.include('ملخص');
    });
  });
});
