/** Hostile input in <emirate-inquiry-box>: impossible years, letters, huge and markup pastes (issue #5). */
import { expect } from '@open-wc/testing';
import '../../src/inquiry-box.js';
import type { InquiryBox } from '../../src/inquiry-box.js';
import { currentHijriYear } from '../../src/domain/hijri.js';
import { useMockBackend } from '../support/mock-backend.js';
import { recordFetches, type, until, visibleText } from '../support/dom.js';
import { input, mount, result } from '../support/inquiry.js';
import { HUGE, MARKUP, RAW_CODE, guardEachTest, injected } from './guard.js';

await useMockBackend();

const errorOf = (box: InquiryBox, id: string) => box.shadowRoot!.getElementById(`${id}-error`)?.textContent?.trim() ?? '';


async function ask(box: InquiryBox, number: string, year: string) {
  type(input(box, 'transactionNumber'), number);
  type(input(box, 'year'), year);
  box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await box.updateComplete;
}

describe('hostile input: <emirate-inquiry-box>', () => {
  guardEachTest({ drafts: false });
  let fetches: ReturnType<typeof recordFetches>;
  beforeEach(() => {
    fetches = recordFetches();
  });
  afterEach(() => fetches.restore());
  const inquiries = () => fetches.calls.filter((u) => u.includes('/inquiry'));

  for (const year of ['1600', '0', '-1', '99999', '١٣٠٠', '1446.5', '1e3', HUGE]) {
    it(`the year ${year.length > 20 ? '100 000 characters' : year}: the range message, nothing asked, the number kept`, async () => {
      const { box, events } = await mount();
      await ask(box, '4521', year); // a check that hangs on it (a backtracking pattern) fails the test's timeout
      expect(errorOf(box, 'year')).to.equal(`أدخل سنة هجرية من 1350 إلى ${currentHijriYear()}`);
      expect(input(box, 'year').getAttribute('aria-invalid')).to.equal('true');
      expect(box.shadowRoot!.activeElement === input(box, 'year'), 'focus on the year').to.equal(true);
      expect(input(box, 'transactionNumber').value).to.equal('4521');
      expect(input(box, 'year').value).to.equal(year);
      expect(events).to.have.length(0);
      expect(inquiries()).to.have.length(0);
    });
  }

  it('a year in Arabic-Indic digits (١٤٤٦) is accepted and asked as 1446', async () => {
    const { box, events } = await mount();
    await ask(box, '٤٥٢١', '١٤٤٦');
    await until(() => events.length === 1, 'the answer', 8000);
    expect(errorOf(box, 'year')).to.equal('');
    expect(events[0]).to.include({ transactionNumber: '4521', hijriYear: 1446 });
    expect(inquiries()[0]).to.contain('year=1446').and.contain('number=4521');
  });

  it('a year in Persian digits (۱۴۴۶) is accepted and asked as 1446', async () => {
    const { box, events } = await mount();
    await ask(box, '۴۵۲۱', '۱۴۴۶');
    await until(() => events.length === 1, 'the answer', 8000);
    expect(events[0]).to.include({ transactionNumber: '4521', hijriYear: 1446 });
  });

  it('out-of-range years read in English', async () => {
    const { box } = await mount('en');
    await until(() => visibleText(box).includes('Transaction inquiry'), 'English');
    await ask(box, '4521', '99999');
    expect(errorOf(box, 'year')).to.equal(`Enter a Hijri year from 1350 to ${currentHijriYear()}`);
  });

  for (const number of ['45٢1abc', 'ABC', HUGE, ...MARKUP]) {
    it(`the number ${number.length > 40 ? '100 000 characters' : number}: digits-only message, kept as typed, no element made`, async () => {
      const { box, events } = await mount();
      const started = performance.now();
      await ask(box, number, String(currentHijriYear()));
      expect(performance.now() - started).to.be.below(2000);
      expect(errorOf(box, 'transactionNumber')).to.equal('رقم المعاملة أرقام فقط، من 1 إلى 10 أرقام');
      expect(errorOf(box, 'transactionNumber')).to.not.match(RAW_CODE);
      expect(input(box, 'transactionNumber').value).to.equal(number);
      expect(input(box, 'year').value).to.equal(String(currentHijriYear()));
      expect(injected(box)).to.have.length(0);
      expect(events).to.have.length(0);
      expect(inquiries()).to.have.length(0);
      // Still works after the bad input.
      await ask(box, '4521', String(currentHijriYear()));
      await until(() => events.length === 1, 'the answer', 8000);
      expect(visibleText(result(box))).to.contain('تحت الإجراء');
    });
  }

  it('markup in the number reads in English too', async () => {
    const { box } = await mount('en');
    await until(() => visibleText(box).includes('Transaction inquiry'), 'English');
    await ask(box, MARKUP[2]!, String(currentHijriYear()));
    expect(errorOf(box, 'transactionNumber')).to.equal('A transaction number has digits only, 1 to 10 of them');
    expect(injected(box)).to.have.length(0);
  });
});
