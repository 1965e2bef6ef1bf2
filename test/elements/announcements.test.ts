/**
 * What changes is announced (#13; WCAG 4.1.3 Status Messages): each live region is in the page
 * before it speaks, and says what it should, no more often than it should.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '../support/commands.js';
import '../../src/booking-form.js';
import '../../src/inbox.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { Inbox } from '../../src/inbox.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { fileOf, pickFile, settled, type, until } from '../support/dom.js';
import { $ } from '../support/booking.js';

await useMockBackend();

async function mountForm(lang = 'ar') {
  const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang=${lang}></emirate-booking-form>`);
  await until(() => form.shadowRoot!.querySelector('#subjectLetter'), 'the whole form');
  await settled(form);
  return form;
}

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('announcements (#13)', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  describe('upload status', () => {
    const regions = (field: Element) => ({
      status: field.shadowRoot!.querySelector('.live-status[role=status]'),
      alert: field.shadowRoot!.querySelector('.live-alert[role=alert]'),
    });

    it('both regions are there, silent, before a file is chosen; progress and "ready" are a status with the field and file', async () => {
      const form = await mountForm();
      const field = $(form, '#subjectLetter');
      const { status, alert } = regions(field);
      expect(status, 'a status region').to.not.equal(null);
      expect(alert, 'an alert region').to.not.equal(null);
      expect(text(status)).to.equal('');
      expect(text(alert)).to.equal('');
      const said: string[] = [];
      new MutationObserver(() => said.push(text(status))).observe(status!, { childList: true, subtree: true, characterData: true });
      pickFile(field, fileOf('pdf', 'خطاب.pdf'));
      await until(() => text(status).endsWith('جاهز'), 'ready');
      expect(text(status)).to.equal('خطاب موضوع الزيارة (خطاب.pdf): جاهز');
      expect(said.some((s) => s.includes('جارٍ')), `progress was said (${said.join(' | ')})`).to.equal(true);
      expect(regions(field).status === status, 'the same region, kept').to.equal(true);
      expect(text(alert)).to.equal('');
      await expect(form).to.be.accessible();
    });

    it('a refused file is an alert that says why', async () => {
      const form = await mountForm();
      const field = $(form, '#idCopy');
      const { status, alert } = regions(field);
      pickFile(field, fileOf('text', 'ملاحظات.pdf'));
      await until(() => text(alert), 'the alert');
      expect(text(alert)).to.match(/^(نوع ملف|الملف|لا يطابق|محتوى)/);
      expect(text(alert)).to.contain('صورة هوية مقدم الطلب');
      expect(text(status)).to.equal('');
      await expect(form).to.be.accessible();
    });

    it('a failed upload is an alert', async () => {
      const form = await mountForm();
      const field = $(form, '#subjectLetter');
      for (let i = 0; i < 5; i++) mockBackend.queueFault({ method: 'POST', path: '/uploads', kind: { status: 500 } });
      pickFile(field, fileOf('pdf', 'خطاب.pdf'));
      const { alert } = regions(field);
      await until(() => text(alert), 'the alert', 15000);
      expect(text(alert)).to.contain('تعذر رفع ملف');
      await expect(form).to.be.accessible();
    });

    it('in English', async () => {
      await setWidgetLocale('en');
      const form = await mountForm('en');
      const field = $(form, '#subjectLetter');
      pickFile(field, fileOf('pdf', 'letter.pdf'));
      await until(() => text(regions(field).status).endsWith('Ready'), 'ready');
      expect(text(regions(field).status)).to.match(/^.+ \(letter\.pdf\): Ready$/);
    });
  });

  it('autosave says the first save only, and saves after a pause in typing, not at each key', async () => {
    const form = await mountForm();
    let saves = 0;
    form.addEventListener('emirate-draft-saved', () => saves++);
    const live = $(form, '.draft-live');
    expect(live.getAttribute('role')).to.equal('status');
    expect(text(live)).to.equal('');
    $(form, '#email').focus();
    await sendKeys({ type: 'citizen@example.sa' });
    await until(() => saves === 1, 'the save after the pause');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(saves, 'one save for a burst of 18 keys').to.equal(1);
    await until(() => text(live), 'the announcement');
    const first = text(live);
    expect(first).to.match(/^حُفظت المسودة تلقائيًا/);
    await sendKeys({ type: 'x' });
    await until(() => saves === 2, 'the second save');
    await form.updateComplete;
    expect(text(live), 'not said again').to.equal(first);
    expect(text($(form, '.draft-status'))).to.match(/^حُفظت المسودة تلقائيًا/);
    expect($(form, '.draft-status').hasAttribute('role'), 'the visible line is not a live region').to.equal(false);
    await expect(form).to.be.accessible();
  });

  for (const lang of ['ar', 'en'] as const) {
    it(`(${lang}) the subject's character counter speaks from 90% of the limit`, async () => {
      await setWidgetLocale(lang);
      const form = await mountForm(lang);
      const live = $(form, '.subject-left');
      expect(live.getAttribute('role')).to.equal('status');
      const subject = $<HTMLTextAreaElement>(form, '#subject');
      const max = 1000; // the Najran catalog's
      type(subject, 'م'.repeat(max * 0.9 - 1));
      await form.updateComplete;
      expect(text(live), 'silent below 90%').to.equal('');
      type(subject, 'م'.repeat(max - 5));
      await form.updateComplete;
      expect(text(live)).to.equal(lang === 'ar' ? 'بقي لك 5 أحرف' : 'You have 5 characters left');
      type(subject, 'م'.repeat(max + 2));
      await form.updateComplete;
      expect(text(live)).to.equal(lang === 'ar' ? 'تجاوزت الحد بـ حرفين' : 'You have 2 characters too many');
      await expect(form).to.be.accessible();
    });
  }

  it('the reply counter speaks near its limit too', async () => {
    mockBackend.seedSampleRequests();
    const number = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!.requestNumber;
    const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang="ar" request=${number}></emirate-inbox>`);
    await until(() => inbox.shadowRoot!.querySelector('emirate-reply-form')?.shadowRoot?.querySelector('#reply'), 'the reply form');
    const reply = inbox.shadowRoot!.querySelector('emirate-reply-form')!;
    type(reply.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!, 'ر'.repeat(1999));
    await reply.updateComplete;
    expect(text(reply.shadowRoot!.querySelector('.reply-left[role=status]'))).to.equal('بقي لك حرف واحد');
    // Opening the request marks its messages read: wait for that call, so it cannot land after
    // the next test's reset, on the same request number there.
    await until(() => mockBackend.listStoredRequests().find((r) => r.requestNumber === number)!.unreadMessages === 0, 'the messages marked read');
  });

  it('each inbox row’s button is described by its status and unread count', async () => {
    mockBackend.seedSampleRequests();
    const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang="ar"></emirate-inbox>`);
    await until(() => inbox.shadowRoot!.querySelector('[data-request]'), 'the list');
    const button = inbox.shadowRoot!.querySelector<HTMLButtonElement>('[data-request]')!;
    const description = button
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => text(inbox.shadowRoot!.getElementById(id)))
      .join(' ');
    expect(description).to.contain('بانتظار استكمال المستندات');
    expect(description).to.contain('لديك رسالتان');
  });
});
