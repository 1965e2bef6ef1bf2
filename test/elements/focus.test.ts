/**
 * Focus goes where the person is (#13; WCAG 2.4.3 Focus Order, 2.4.2 Page Titled, 4.1.2 and
 * 3.3.1): driven with real key presses, and checked on the deep active element (through every
 * shadow root), not on a shadow root's own idea of focus.
 */
import { fixture, html, expect, fixtureCleanup } from '@open-wc/testing';
import { http } from 'msw';
import { sendKeys } from '../support/commands.js';
import '../../src/appointments.js';
import '../../src/booking-form.js';
import '../../src/companion-list.js';
import '../../src/inbox.js';
import type { Appointments } from '../../src/appointments.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { CompanionList } from '../../src/companion-list.js';
import type { Inbox } from '../../src/inbox.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { deepActiveElement, fileOf, pickFile, settled, until, visibleText } from '../support/dom.js';
import { $, continueToReview, fillValid } from '../support/booking.js';
import { addCompanion, COMPANION_ID, mockWorker } from '../faults/support.js';

await useMockBackend();

const BASE = '/portal/appointment/';
const testPage = location.pathname + location.search;

/** The deep active element is `el` (compared with ===, see support/dom.ts). */
const focused = (el: Element | null | undefined) => Boolean(el) && deepActiveElement() === el;
const describe_ = (el: Element | null) => (el ? `${el.localName}${el.id ? `#${el.id}` : ''}.${el.className} "${el.textContent?.trim().slice(0, 40)}"` : 'nothing');

/** Presses Enter on the choose button (the chooser opens), then as a chooser may, leaves focus on the page; then picks the file. */
async function chooseWithKeyboard(field: Element, file: File) {
  field.shadowRoot!.querySelector<HTMLButtonElement>('button.choose')!.focus();
  await sendKeys({ press: 'Enter' });
  (deepActiveElement() as HTMLElement | null)?.blur();
  pickFile(field, file);
}

async function focusLandsOnReplace(field: Element, name: string) {
  await until(() => visibleText(field).includes(name), 'the file name');
  const replace = field.shadowRoot!.querySelector<HTMLButtonElement>('button.choose')!;
  await until(() => focused(replace), `focus on "Replace" (it is on ${describe_(deepActiveElement())})`);
  expect(replace.textContent).to.match(/استبدال|Replace/);
  // The button is described by the file's name and status, so the new state is read with it.
  const described = replace.getAttribute('aria-describedby')!.split(' ');
  expect(described).to.include('file');
}

describe('focus (#13)', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(() => {
    fixtureCleanup();
    history.replaceState(null, '', testPage);
  });

  describe('after choosing a file, focus is on the field’s new state', () => {
    it('in the booking form', async () => {
      const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang="ar"></emirate-booking-form>`);
      await until(() => form.shadowRoot!.querySelector('#subjectLetter'), 'the attachments');
      await settled(form);
      const field = $(form, '#subjectLetter');
      await chooseWithKeyboard(field, fileOf('pdf', 'خطاب.pdf'));
      await focusLandsOnReplace(field, 'خطاب.pdf');
    });

    it('in a companion', async () => {
      const list = await fixture<CompanionList>(html`<emirate-companion-list lang="ar"></emirate-companion-list>`);
      list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => list.shadowRoot!.querySelector('emirate-file-field'), 'the companion');
      const field = list.shadowRoot!.querySelector('emirate-file-field')!;
      await chooseWithKeyboard(field, fileOf('png', 'هوية.png'));
      await focusLandsOnReplace(field, 'هوية.png');
    });

    it('in a reply', async () => {
      mockBackend.seedSampleRequests();
      const number = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!.requestNumber;
      const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang="ar" request=${number}></emirate-inbox>`);
      await until(() => inbox.shadowRoot!.querySelector('emirate-reply-form')?.shadowRoot?.querySelector('emirate-file-field'), 'the reply form');
      const field = inbox.shadowRoot!.querySelector('emirate-reply-form')!.shadowRoot!.querySelector('emirate-file-field')!;
      await chooseWithKeyboard(field, fileOf('pdf', 'صك.pdf'));
      await focusLandsOnReplace(field, 'صك.pdf');
    });
  });

  describe('after sending, focus is on the confirmation; the button stays focusable while sending', () => {
    /** Holds every POST to `path` until `release()` (then the mock backend answers it). */
    async function hold(path: string) {
      const worker = await mockWorker();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      worker.use(http.post(`${API_BASE}${path}`, async () => void (await gate)));
      return { release, done: () => worker.resetHandlers() };
    }

    it('a reply', async () => {
      mockBackend.seedSampleRequests();
      const number = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!.requestNumber;
      const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang="ar" request=${number}></emirate-inbox>`);
      await until(() => inbox.shadowRoot!.querySelector('emirate-reply-form')?.shadowRoot?.querySelector('#reply'), 'the reply form');
      const reply = inbox.shadowRoot!.querySelector('emirate-reply-form')!;
      await settled(inbox);
      reply.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!.focus();
      await sendKeys({ type: 'أرفقت الصك' });
      const held = await hold('/requests/:number/messages');
      try {
        const submit = reply.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;
        submit.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => submit.getAttribute('aria-disabled') === 'true', 'sending');
        expect(submit.disabled, 'not disabled: it keeps focus').to.equal(false);
        expect(focused(submit), 'focus stays on the button while sending').to.equal(true);
        await sendKeys({ press: 'Enter' }); // pressed again while sending: nothing happens
        await expect(inbox).to.be.accessible();
        held.release();
        const status = reply.shadowRoot!.querySelector<HTMLElement>('.sent')!;
        await until(() => focused(status), `focus on the confirmation (it is on ${describe_(deepActiveElement())})`);
        expect(status.textContent!.trim()).to.equal('تم إرسال ردك.');
        expect(status.getAttribute('role')).to.equal('status');
        expect(mockBackend.listStoredRequests().find((r) => r.requestNumber === number)!.messages.filter((m) => m.from === 'applicant')).to.have.length(1);
        await expect(inbox).to.be.accessible();
      } finally {
        held.done();
      }
    });

    it('a rating', async () => {
      mockBackend.seedSampleRequests();
      const completed = mockBackend.listStoredRequests().find((r) => r.status === 'completed')!;
      const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang="ar" request=${completed.requestNumber}></emirate-inbox>`);
      await until(() => inbox.shadowRoot!.querySelector('emirate-rating-form')?.shadowRoot?.querySelector('#star-1'), 'the rating form');
      const form = inbox.shadowRoot!.querySelector('emirate-rating-form')!;
      form.shadowRoot!.querySelector<HTMLInputElement>('#star-1')!.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      const held = await hold('/requests/:number/rating');
      try {
        const submit = form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;
        submit.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => submit.getAttribute('aria-disabled') === 'true', 'sending');
        expect(focused(submit), 'focus stays on the button while sending').to.equal(true);
        held.release();
        await until(() => focused(form.shadowRoot!.querySelector('.thanks')), `focus on the thanks (it is on ${describe_(deepActiveElement())})`);
        expect(visibleText(form)).to.contain('شكرًا لتقييمك الخدمة.');
        expect(visibleText(form)).to.contain('3 من 5');
        await expect(inbox).to.be.accessible();
      } finally {
        held.done();
      }
    });
  });

  describe('the shell', () => {
    const navLink = (shell: Appointments, name: string) =>
      [...shell.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => a.textContent!.includes(name))!;
    const currentLinks = (shell: Appointments) =>
      [...shell.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a[aria-current=page]')].map((a) => a.textContent!.trim());
    const headingFocused = (text: string) => {
      const active = deepActiveElement();
      return active?.localName === 'h2' && active.textContent!.trim() === text;
    };

    async function mount(path: string, lang = 'ar') {
      history.replaceState(null, '', path);
      const titles: string[] = [];
      const record = (e: Event) => titles.push((e as CustomEvent<{ title: string }>).detail.title);
      document.addEventListener('emirate-view-changed', record);
      const shell = await fixture<Appointments>(html`<emirate-appointments base=${BASE} api-base=${API_BASE} lang=${lang}></emirate-appointments>`);
      await until(() => titles.length > 0, 'the first view');
      return { shell, titles, stop: () => document.removeEventListener('emirate-view-changed', record) };
    }

    it('a route change, Back and Forward included, focuses the new view’s heading; aria-current and the title follow', async () => {
      mockBackend.seedSampleRequests();
      const { shell, titles, stop } = await mount(BASE);
      try {
        await until(() => shell.shadowRoot!.querySelector('emirate-service-card')?.shadowRoot?.querySelector('h2'), 'the service card');
        expect(titles).to.deep.equal(['خدمة طلب موعد']);
        navLink(shell, 'الاستعلام').focus();
        await sendKeys({ press: 'Enter' });
        await until(() => headingFocused('الاستعلام عن معاملة'), `the inquiry's heading focused (focus is on ${describe_(deepActiveElement())})`);
        expect(currentLinks(shell)).to.deep.equal(['الاستعلام']);
        expect(titles.at(-1)).to.equal('الاستعلام عن معاملة');

        navLink(shell, 'طلباتي').focus();
        await sendKeys({ press: 'Enter' });
        await until(() => headingFocused('طلباتي'), 'the requests heading focused');
        expect(currentLinks(shell)).to.deep.equal(['طلباتي']);

        history.back();
        await until(() => headingFocused('الاستعلام عن معاملة'), `Back: the inquiry's heading focused (focus is on ${describe_(deepActiveElement())})`);
        expect(currentLinks(shell)).to.deep.equal(['الاستعلام']);
        history.back();
        await until(() => deepActiveElement()?.localName === 'h2' && currentLinks(shell)[0] === 'الخدمة', 'Back: the service card’s heading focused');
        expect(titles.at(-1)).to.equal('خدمة طلب موعد');
        history.forward();
        await until(() => headingFocused('الاستعلام عن معاملة'), 'Forward: the inquiry’s heading focused');
        expect(titles).to.deep.equal(['خدمة طلب موعد', 'الاستعلام عن معاملة', 'طلباتي', 'الاستعلام عن معاملة', 'خدمة طلب موعد', 'الاستعلام عن معاملة']);
        await expect(shell).to.be.accessible();
      } finally {
        stop();
      }
    });

    for (const lang of ['ar', 'en'] as const) {
      it(`(${lang}) the title starts with "${lang === 'ar' ? 'خطأ:' : 'Error:'}" while the booking form shows its error summary`, async () => {
        await setWidgetLocale(lang);
        const { shell, titles, stop } = await mount(`${BASE}book`, lang);
        try {
          await until(() => shell.shadowRoot!.querySelector('emirate-booking-form')?.shadowRoot?.querySelector('button[type=submit]'), 'the form');
          const form = shell.shadowRoot!.querySelector<BookingForm>('emirate-booking-form')!;
          await settled(form);
          const title = lang === 'ar' ? 'طلب تحديد الموعد' : 'Appointment request';
          expect(titles).to.deep.equal([title]);
          $(form, 'button[type=submit]').focus();
          await sendKeys({ press: 'Enter' });
          await until(() => titles.length === 2, 'the title with the error');
          expect(titles[1]).to.equal(lang === 'ar' ? `خطأ: ${title}` : `Error: ${title}`);
          expect(focused($(form, '.error-summary')), 'focus on the summary').to.equal(true);
          await expect(shell).to.be.accessible();
        } finally {
          stop();
        }
      });
    }

    it('the demo page sets document.title from the event', async () => {
      const source = await (await fetch('/demo/main.ts')).text();
      expect(source).to.include('document.title = `${event.detail.title}');
    });
  });

  it('"Change" on the review’s companions row focuses the first companion', async () => {
    const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang="ar"></emirate-booking-form>`);
    await until(() => form.shadowRoot!.querySelector('emirate-companion-list'), 'the form');
    await settled(form);
    await fillValid(form);
    await addCompanion(form, 'سعد علي محمد الشهري', COMPANION_ID, fileOf('png', 'مرافق.png'));
    await continueToReview(form);
    await until(() => form.shadowRoot!.querySelector('#review-title'), 'the review');
    const change = [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('.review .change button')].find((b) => b.closest('div')!.querySelector('dt')!.textContent!.includes('المرافق'))!;
    change.focus();
    await sendKeys({ press: 'Enter' });
    const list = () => form.shadowRoot!.querySelector<CompanionList>('emirate-companion-list');
    await until(() => {
      const active = deepActiveElement();
      return active?.localName === 'input' && active.id.endsWith('-fullName') && list()?.shadowRoot?.contains(active);
    }, `focus on the first companion's name (it is on ${describe_(deepActiveElement())})`);
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('سعد علي محمد الشهري');
  });
});
