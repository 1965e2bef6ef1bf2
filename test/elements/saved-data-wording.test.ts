/**
 * "Your data is saved" (بياناتك محفوظة) is said only where the citizen typed something that is
 * kept: the booking form's send and its uploads, the reply form. Loading the inbox, the
 * inquiry, the service card and the booking form itself get the plain message.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/inbox.js';
import '../../src/inquiry-box.js';
import '../../src/service-card.js';
import '../../src/booking-form.js';
import type { Inbox } from '../../src/inbox.js';
import type { ServiceCard } from '../../src/service-card.js';
import type { BookingForm } from '../../src/booking-form.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { settled, type, until, visibleText } from '../support/dom.js';
import { input, mount as mountInquiry, result } from '../support/inquiry.js';

await useMockBackend();

const SAVED = 'بياناتك محفوظة';
const fail = (method: string, path: string, times = 3) => {
  for (let i = 0; i < times; i++) mockBackend.queueFault({ method, path, kind: { status: 503 } });
};

describe('"your data is saved" only where something was typed', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('the inbox list that failed to load gets the plain message', async () => {
    fail('GET', '/requests');
    const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang="ar"></emirate-inbox>`);
    await until(() => inbox.shadowRoot!.querySelector('[role=alert]'), 'the error');
    expect(visibleText(inbox)).to.contain('حدث خطأ في الخادم. أعد المحاولة بعد قليل.').and.not.contain(SAVED);
    await expect(inbox).to.be.accessible();
  });

  it('the inquiry gets the plain message, in both languages', async () => {
    mockBackend.setScenario('server-error');
    const { box } = await mountInquiry();
    type(input(box, 'transactionNumber'), '4521');
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => visibleText(result(box)).includes('حدث خطأ في الخادم'), 'the error', 8000);
    expect(visibleText(result(box))).to.not.contain(SAVED);
    await expect(box).to.be.accessible();
    await setWidgetLocale('en');
    await settled(box);
    expect(visibleText(result(box))).to.contain('Something went wrong on the server. Try again shortly.').and.not.contain('kept');
  });

  it('the service card gets the plain message', async () => {
    fail('GET', '/catalog');
    const card = await fixture<ServiceCard>(html`<emirate-service-card api-base=${API_BASE} lang="ar"></emirate-service-card>`);
    await until(() => card.shadowRoot!.querySelector('[role=alert]'), 'the error', 8000);
    expect(visibleText(card)).to.contain('حدث خطأ في الخادم').and.not.contain(SAVED);
    await expect(card).to.be.accessible();
  });

  it('the booking form that could not load gets the plain message', async () => {
    fail('GET', '/catalog');
    const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang="ar"></emirate-booking-form>`);
    await until(() => form.shadowRoot!.querySelector('[role=alert]'), 'the error', 8000);
    expect(visibleText(form)).to.contain('حدث خطأ في الخادم').and.not.contain(SAVED);
    await expect(form).to.be.accessible();
  });

  it('a reply that failed to send says the typed reply is kept', async () => {
    mockBackend.seedSampleRequests();
    const number = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!.requestNumber;
    const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang="ar" request=${number}></emirate-inbox>`);
    await until(() => inbox.shadowRoot!.querySelector('emirate-reply-form'), 'the reply form', 8000);
    const reply = inbox.shadowRoot!.querySelector('emirate-reply-form')!;
    await settled(inbox);
    type(reply.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!, 'ردي على الموظف');
    fail('POST', '/requests/:number/messages');
    reply.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => reply.shadowRoot!.querySelector('.send-error'), 'the failure', 8000);
    expect(visibleText(reply)).to.contain('حدث خطأ في الخادم. أعد المحاولة بعد قليل؛ بياناتك محفوظة.');
    await expect(inbox).to.be.accessible();
  });
});
