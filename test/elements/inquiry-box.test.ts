import { expect, fixture, html } from '@open-wc/testing';
import '../../src/inquiry-box.js';
import type { InquiryBox } from '../../src/inquiry-box.js';
import { currentHijriYear } from '../../src/domain/hijri.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { lineCount, type, until, visibleText } from '../support/dom.js';
import { input, mount, result } from '../support/inquiry.js';

await useMockBackend();

async function ask(box: InquiryBox, number: string, year?: string) {
  type(input(box, 'transactionNumber'), number);
  if (year !== undefined) type(input(box, 'year'), year);
  box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await box.updateComplete;
  await until(() => !visibleText(result(box)).match(/جارٍ الاستعلام|Looking up/), 'the answer', 8000);
  await box.updateComplete;
}

describe('<emirate-inquiry-box>', () => {
  beforeEach(() => setWidgetLocale('ar'));

  it('needs no sign-in and defaults the year to the current Umm al-Qura year', async () => {
    mockBackend.setScenario('signed-out');
    const { box } = await mount();
    expect(input(box, 'year').value).to.equal(String(currentHijriYear()));
    expect(box.shadowRoot!.querySelectorAll('datalist option').length).to.equal(10);
    await expect(box).to.be.accessible();
    await ask(box, '4521');
    expect(visibleText(result(box))).to.contain('تحت الإجراء');
  });

  it('answers with the status and its Hijri and Gregorian date, from Arabic-Indic digits too', async () => {
    const { box, events } = await mount();
    const arabicIndic = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
    await ask(box, arabicIndic('4521'), arabicIndic(String(currentHijriYear())));
    const text = visibleText(result(box));
    expect(text).to.contain('المعاملة رقم 4521');
    expect(text).to.contain('تحت الإجراء');
    expect(text).to.match(/هـ/);
    expect(events).to.have.length(1);
    expect(events[0]).to.include({ transactionNumber: '4521', hijriYear: currentHijriYear(), outcome: 'found' });
    await expect(box).to.be.accessible();
  });

  it('shows a request the citizen cancelled as cancelled (ملغي / Cancelled)', async () => {
    mockBackend.seedSampleRequests();
    const open = mockBackend.listStoredRequests().find((r) => r.status === 'submitted')!;
    mockBackend.setStatus(open.requestNumber, 'cancelled', 'لم أعد بحاجة إليه');
    const { box } = await mount();
    await ask(box, open.requestNumber);
    expect(visibleText(result(box))).to.contain('ملغي');
    await expect(box).to.be.accessible();
    await setWidgetLocale('en');
    await box.updateComplete;
    expect(visibleText(result(box))).to.contain('Cancelled');
  });

  it('says clearly when no transaction has that number in that year', async () => {
    const { box, events } = await mount();
    await ask(box, '4521', String(currentHijriYear() - 3));
    expect(visibleText(result(box))).to.contain('لا توجد معاملة بالرقم 4521');
    expect(events[0]!.outcome).to.equal('not-found');
    await expect(box).to.be.accessible();
  });

  const invalid: Array<[string, string, string, string]> = [
    ['letters in the number', '45a1', 'transactionNumber', 'أرقام فقط'],
    ['an empty number', '', 'transactionNumber', 'أدخل رقم المعاملة'],
    ['an eleven-digit number', '12345678901', 'transactionNumber', 'أرقام فقط'],
  ];
  for (const [name, number, field, message] of invalid) {
    it(`catches ${name} before sending`, async () => {
      const { box, events } = await mount();
      type(input(box, 'transactionNumber'), number);
      box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await box.updateComplete;
      expect(box.shadowRoot!.getElementById(`${field}-error`)!.textContent).to.contain(message);
      expect(input(box, field).getAttribute('aria-invalid')).to.equal('true');
      expect(box.shadowRoot!.activeElement === input(box, field), 'focus').to.equal(true);
      expect(events).to.have.length(0);
      await expect(box).to.be.accessible();
    });
  }

  for (const year of ['1300', String(currentHijriYear() + 1), '14', 'abcd']) {
    it(`rejects the year ${year} before sending`, async () => {
      const { box, events } = await mount();
      type(input(box, 'transactionNumber'), '4521');
      type(input(box, 'year'), year);
      box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await box.updateComplete;
      expect(box.shadowRoot!.getElementById('year-error')!.textContent).to.contain(`1350`);
      expect(events).to.have.length(0);
    });
  }

  it('on 429 says when to try again', async () => {
    mockBackend.queueFault({ method: 'GET', path: '/inquiry', kind: { status: 429, headers: { 'Retry-After': '30' } } });
    const { box, events } = await mount();
    await ask(box, '4521');
    expect(visibleText(result(box))).to.contain('بعد 30 ثانية');
    expect(events[0]!.outcome).to.equal('rate-limited');
    await expect(box).to.be.accessible();
  });

  it('explains a server error and retries on request', async () => {
    mockBackend.setScenario('server-error');
    const { box } = await mount();
    await ask(box, '4521');
    expect(visibleText(result(box))).to.contain('حدث خطأ في الخادم');
    await expect(box).to.be.accessible();
    mockBackend.setScenario('new-user');
    result(box).querySelector<HTMLButtonElement>('button')!.click();
    await until(() => visibleText(result(box)).includes('تحت الإجراء'), 'the retried answer');
  });

  it('clears the previous answer when a new input error shows', async () => {
    const { box, events } = await mount();
    await ask(box, '4521');
    expect(visibleText(result(box))).to.contain('تحت الإجراء');
    type(input(box, 'transactionNumber'), '45a1');
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await box.updateComplete;
    expect(box.shadowRoot!.getElementById('transactionNumber-error')!.textContent).to.contain('أرقام فقط');
    expect(visibleText(result(box)).trim()).to.equal('');
    expect(box.shadowRoot!.querySelector('[part=result]')).to.equal(null);
    expect(events).to.have.length(1);
    await expect(box).to.be.accessible();

    // A year error clears a "not found" answer too.
    await ask(box, '9999', String(currentHijriYear()));
    expect(visibleText(result(box))).to.contain('لا توجد معاملة');
    type(input(box, 'year'), '1300');
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await box.updateComplete;
    expect(visibleText(result(box)).trim()).to.equal('');
  });

  it('hints the year as an Umm al-Qura year with an example, and no dangling "هـ،"', async () => {
    const year = currentHijriYear();
    const { box } = await mount();
    const hint = () => box.shadowRoot!.getElementById('year-hint')!.textContent!.trim();
    expect(hint()).to.equal(`بتقويم أم القرى، مثل ${year}`);
    expect(hint()).to.not.contain('هـ،');
    expect(input(box, 'year').getAttribute('aria-describedby')).to.contain('year-hint');
    await setWidgetLocale('en');
    await box.updateComplete;
    expect(hint()).to.equal(`Umm al-Qura calendar, e.g. ${year}`);
  });

  const waits: Array<[string, string]> = [
    ['11', 'أعد المحاولة بعد 11 ثانية.'],
    ['100', 'أعد المحاولة بعد 100 ثانية.'],
  ];
  for (const [seconds, words] of waits) {
    it(`on 429 with Retry-After ${seconds} counts the seconds in Arabic: "${words}"`, async () => {
      mockBackend.queueFault({ method: 'GET', path: '/inquiry', kind: { status: 429, headers: { 'Retry-After': seconds } } });
      const { box } = await mount();
      await ask(box, '4521');
      expect(visibleText(result(box))).to.contain(words);
    });
  }

  it('on 429 with a short Retry-After that persists, says "بعد ثانية واحدة"', async () => {
    for (let i = 0; i < 3; i++) mockBackend.queueFault({ method: 'GET', path: '/inquiry', kind: { status: 429, headers: { 'Retry-After': '1' } } });
    const { box } = await mount();
    await ask(box, '4521');
    expect(visibleText(result(box))).to.contain('أعد المحاولة بعد ثانية واحدة.');
  });

  for (const lang of ['ar', 'en']) {
    it(`(${lang}) at 320 px the answer's Gregorian date in brackets stays on one line`, async () => {
      const frame = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px"></div>`);
      const box = document.createElement('emirate-inquiry-box');
      Object.assign(box, { apiBase: API_BASE, lang });
      frame.append(box);
      await box.updateComplete;
      await ask(box, '4521');
      const date = box.shadowRoot!.querySelector('.date-gregorian')!;
      expect(box.getBoundingClientRect().width).to.be.at.most(320);
      expect(lineCount(date), date.textContent!).to.equal(1);
      expect(date.closest('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
      await expect(box).to.be.accessible();
    });
  }

  it('works in English, left to right', async () => {
    const { box } = await mount('en');
    await until(() => visibleText(box).includes('Transaction inquiry'), 'English');
    expect(box.getAttribute('dir')).to.equal('ltr');
    await ask(box, '4521');
    expect(visibleText(result(box))).to.contain('Under processing');
    expect(visibleText(result(box))).to.contain('AH');
    await expect(box).to.be.accessible();
    await ask(box, '4521', '1300');
    expect(box.shadowRoot!.getElementById('year-error')!.textContent).to.contain('Enter a Hijri year from 1350');
    await expect(box).to.be.accessible();
    await ask(box, '9999', String(currentHijriYear()));
    expect(visibleText(result(box))).to.contain('There is no transaction number 9999');
    await expect(box).to.be.accessible();
    mockBackend.queueFault({ method: 'GET', path: '/inquiry', kind: { status: 429, headers: { 'Retry-After': '20' } } });
    await ask(box, '4521');
    expect(visibleText(result(box))).to.contain('Try again in 20 seconds');
    await expect(box).to.be.accessible();
  });
});
