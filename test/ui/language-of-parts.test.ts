/**
 * Language of parts and bidi (#13; WCAG 3.1.2 Language of Parts, 1.3.2 Meaningful Sequence):
 * data in the other language than the interface's is marked with its `lang` and `dir="auto"`,
 * and grouped numbers inside free text are isolated left to right, in both languages.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/inbox.js';
import '../../src/booking-form.js';
import type { Inbox } from '../../src/inbox.js';
import type { BookingForm } from '../../src/booking-form.js';
import { scriptLanguage, splitNumbers } from '../../src/domain/script.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, najranCatalog, useMockBackend } from '../support/mock-backend.js';
import { settled, until } from '../support/dom.js';

await useMockBackend();

const PHONE = '+966 55 123 4567';

/** The text node holding the element's text (Lit's markers are comments beside it). */
const textIn = (el: Element) => [...el.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')!;

/** Where `part` of the text node `node` is drawn (its first occurrence). */
function rectOf(node: Text, part: string): DOMRect {
  const start = node.data.indexOf(part);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + part.length);
  return range.getBoundingClientRect();
}

async function openRequest(lang: 'ar' | 'en', message: string, beneficiary?: string) {
  mockBackend.seedSampleRequests();
  const request = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!;
  if (beneficiary) mockBackend.db.requests.get(request.requestNumber)!.beneficiaryName = beneficiary;
  if (beneficiary) mockBackend.db.requests.get(request.requestNumber)!.request.fullName = beneficiary;
  mockBackend.addStaffMessage(request.requestNumber, message);
  await setWidgetLocale(lang);
  const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang=${lang}></emirate-inbox>`);
  await until(() => inbox.shadowRoot!.querySelector('[data-request]'), 'the list');
  const row = inbox.shadowRoot!.querySelector<HTMLElement>(`[data-request="${request.requestNumber}"]`)!.closest('li')!;
  const rowName = [...row.querySelectorAll('bdi')].find((b) => b.textContent === (beneficiary ?? request.beneficiaryName))!;
  row.querySelector<HTMLButtonElement>('[data-request]')!.click();
  await until(() => [...inbox.shadowRoot!.querySelectorAll('ol.messages .text')].some((p) => p.textContent === message), 'the message');
  await settled(inbox);
  const text = [...inbox.shadowRoot!.querySelectorAll<HTMLElement>('ol.messages .text')].find((p) => p.textContent === message)!;
  return { inbox, rowName, text };
}

describe('language of parts and bidi (#13)', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('knows a text’s script and finds grouped numbers', () => {
    expect(scriptLanguage('محمد عبدالله')).to.equal('ar');
    expect(scriptLanguage('John Smith')).to.equal('en');
    expect(scriptLanguage('0551234567')).to.equal(undefined);
    expect(splitNumbers(`اتصل على ${PHONE} أو 055 123 4567 قبل 3 أيام`).filter((p) => p.number).map((p) => p.text)).to.deep.equal([
      PHONE,
      '055 123 4567',
    ]);
    expect(splitNumbers('رقم +٩٦٦ ٥٥').filter((p) => p.number).map((p) => p.text)).to.deep.equal(['+٩٦٦ ٥٥']);
  });

  it('English interface: an Arabic staff message and a Nafath name are marked lang="ar" dir="auto"; the phone in it reads +966 … 4567 left to right', async () => {
    const message = `يرجى الاتصال على ${PHONE} لتأكيد الموعد`;
    const { inbox, rowName, text } = await openRequest('en', message);
    expect(text.getAttribute('lang')).to.equal('ar');
    expect(text.getAttribute('dir')).to.equal('auto');
    expect(rowName.getAttribute('lang'), 'the beneficiary in the list').to.equal('ar');
    expect(rowName.getAttribute('dir')).to.equal('auto');
    const details = [...inbox.shadowRoot!.querySelectorAll('dd bdi[lang=ar]')].map((b) => b.textContent);
    expect(details, 'the name in the request’s details').to.include('محمد عبدالله سعيد القحطاني');
    const phone = text.querySelector('bdi')!;
    expect(phone.getAttribute('dir')).to.equal('ltr');
    expect(phone.textContent).to.equal(PHONE);
    const node = textIn(phone);
    expect(rectOf(node, '+966').left, '+966 first, on the left').to.be.below(rectOf(node, '4567').left);
    await expect(inbox).to.be.accessible();
  });

  it('Arabic interface: an English name and message are marked lang="en"; Arabic data is not marked; a phone in an Arabic message keeps its order', async () => {
    const message = 'Please bring the original deed';
    const { inbox, rowName, text } = await openRequest('ar', message, 'John Smith');
    expect(text.getAttribute('lang')).to.equal('en');
    expect(rowName.getAttribute('lang')).to.equal('en');
    const staff = [...inbox.shadowRoot!.querySelectorAll<HTMLElement>('ol.messages .text')].filter((p) => p.textContent !== message);
    expect(staff.length).to.be.greaterThan(0);
    for (const p of staff) expect(p.hasAttribute('lang'), 'Arabic in the Arabic interface').to.equal(false);
    await expect(inbox).to.be.accessible();
  });

  it('Arabic interface: "+966 55 123 4567" in an Arabic message is not reversed', async () => {
    const message = `اتصل بنا على ${PHONE} من فضلك`;
    const { text } = await openRequest('ar', message);
    expect(text.hasAttribute('lang')).to.equal(false);
    expect(getComputedStyle(text).direction).to.equal('rtl');
    const node = textIn(text.querySelector('bdi')!);
    expect(rectOf(node, '+966').left).to.be.below(rectOf(node, '4567').left);
  });

  it('English interface: catalog texts without English (gates, applicant types) are marked lang="ar" in the form', async () => {
    const arabicOnly = <T extends { label: { ar: string; en: string } }>(list: T[]) => list.map((o) => ({ ...o, label: { ar: o.label.ar, en: '' } }));
    mockBackend.setCatalog({ ...najranCatalog, gates: arabicOnly(najranCatalog.gates), applicantTypes: arabicOnly(najranCatalog.applicantTypes) });
    await setWidgetLocale('en');
    const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang="en"></emirate-booking-form>`);
    await until(() => form.shadowRoot!.querySelector('#gate'), 'the whole form');
    await settled(form);
    const gates = [...form.shadowRoot!.querySelectorAll<HTMLOptionElement>('#gate option')].slice(1);
    expect(gates.length).to.be.greaterThan(0);
    for (const option of gates) expect(option.getAttribute('lang'), option.text).to.equal('ar');
    const types = [...form.shadowRoot!.querySelectorAll('input[name=applicantType]')].map((input) => input.nextElementSibling!);
    for (const label of types) expect(label.getAttribute('lang'), label.textContent!).to.equal('ar');
    const reasons = [...form.shadowRoot!.querySelectorAll<HTMLOptionElement>('#reason option')].slice(1);
    for (const option of reasons) expect(option.hasAttribute('lang'), 'reasons have English').to.equal(false);
    await expect(form).to.be.accessible();
  });

  for (const lang of ['ar', 'en'] as const) {
    it(`(${lang}) the booking form’s name from Nafath is marked only when it is not in the interface’s language`, async () => {
      await setWidgetLocale(lang);
      const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang=${lang}></emirate-booking-form>`);
      await until(() => form.shadowRoot!.querySelector<HTMLInputElement>('#fullName')?.value, 'the name');
      const name = form.shadowRoot!.querySelector<HTMLInputElement>('#fullName')!;
      expect(name.getAttribute('dir')).to.equal('auto');
      expect(name.getAttribute('lang')).to.equal(lang === 'en' ? 'ar' : null);
    });
  }
});
