/**
 * A preferred time (#14): optional days and parts of the day, kept in the week's order, shown on
 * the review and the summary, and sent as `preference` through the REST adapter to the mock.
 */
import { expect } from '@open-wc/testing';
import '../../src/booking-form.js';
import type { BookingForm } from '../../src/booking-form.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { mockBackend, useMockBackend } from '../support/mock-backend.js';
import { settled, until, visibleText } from '../support/dom.js';
import { $, continueToReview, fillValid, root, send } from '../support/booking.js';
import { mountForm } from '../support/booking-mount.js';

const mount = mountForm;

async function tick(form: BookingForm, name: string, value: string) {
  $(form, `input[name=${name}][value=${value}]`).click();
  await form.updateComplete;
}

await useMockBackend();

describe('<emirate-booking-form>: a preferred time', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('is optional: a request without one is sent without it', async () => {
    const form = await mount();
    expect(root(form).querySelectorAll('input[name=preferredDays]').length).to.equal(5);
    expect(root(form).querySelectorAll('input[name=preferredParts]').length).to.equal(3);
    await expect(form).to.be.accessible();
    await fillValid(form);
    await continueToReview(form);
    expect(visibleText(form)).to.not.contain('الوقت المفضل للموعد');
    await send(form);
    expect(mockBackend.listStoredRequests()[0]!.request).to.not.have.property('preference');
  });

  for (const [lang, review] of [
    ['ar', 'الأحد، الثلاثاء · بداية الدوام (قبل 10:00)'],
    ['en', 'Sunday, Tuesday · Early (before 10:00)'],
  ] as const) {
    it(`shows the days in the week’s order on the review and the summary, and sends them (${lang})`, async () => {
      const form = await mount();
      await fillValid(form);
      await tick(form, 'preferredDays', 'tue');
      await tick(form, 'preferredDays', 'sun');
      await tick(form, 'preferredParts', 'early');
      await setWidgetLocale(lang);
      await settled(form);
      await expect(form).to.be.accessible();
      await continueToReview(form);
      expect(visibleText(form)).to.contain(review);
      await expect(form).to.be.accessible();
      await send(form);
      expect(mockBackend.listStoredRequests()[0]!.request.preference).to.deep.equal({ days: ['sun', 'tue'], parts: ['early'] });
      await until(() => visibleText(form).includes(review), 'the summary with the preference');
      await expect(form).to.be.accessible();
    });
  }

  it('says "any time" when only days are chosen', async () => {
    const form = await mount();
    await fillValid(form);
    await tick(form, 'preferredDays', 'thu');
    await continueToReview(form);
    expect(visibleText(form)).to.contain('الخميس · أي وقت');
  });
});
