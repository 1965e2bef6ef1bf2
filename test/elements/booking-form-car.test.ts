/**
 * The car at the gate (#14): a belonging the catalog marks a vehicle makes the form ask for its
 * plate; the plate is checked, kept in the draft, shown on the review and the summary, and sent
 * in one form through the REST adapter to the msw mock.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/booking-form.js';
import type { BookingForm } from '../../src/booking-form.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { mockBackend, useMockBackend } from '../support/mock-backend.js';
import { settled, type, until, visibleText } from '../support/dom.js';
import { $, continueToReview, errorOf, fillValid, root, send } from '../support/booking.js';
import { mountForm } from '../support/booking-mount.js';

const mount = mountForm;

const belonging = (form: BookingForm, id: string) => $(form, `input[name=belongings][value=${id}]`);

/** "Yes, other belongings", then the private car (the mock's catalog marks it a vehicle) and a phone. */
async function declareCar(form: BookingForm) {
  $(form, '#hasBelongings-yes').click();
  await form.updateComplete;
  belonging(form, 'private-car').click();
  await form.updateComplete;
  belonging(form, 'mobile-phone').click();
  await form.updateComplete;
}

await useMockBackend();

describe('<emirate-booking-form>: the car at the gate', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('asks for the plate only when a vehicle is declared', async () => {
    const form = await mount();
    $(form, '#hasBelongings-yes').click();
    await form.updateComplete;
    belonging(form, 'mobile-phone').click();
    await form.updateComplete;
    expect(root(form).querySelector('#plate'), 'a phone is no car').to.equal(null);
    belonging(form, 'private-car').click();
    await form.updateComplete;
    expect($(form, '#plate')).to.exist;
    expect($(form, '#plateMake').required).to.equal(false);
    expect($(form, '#plateColour').required).to.equal(false);
    await expect(form).to.be.accessible();
    $(form, '#hasBelongings').click(); // "no": the car and its plate go
    await form.updateComplete;
    expect(root(form).querySelector('#plate')).to.equal(null);
  });

  for (const [lang, required, letter] of [
    ['ar', 'أدخل رقم لوحة السيارة وحروفها', 'في اللوحة حرف لا تستخدمه اللوحات السعودية'],
    ['en', "Enter the car's plate number and letters", 'The plate has a letter Saudi plates do not use'],
  ] as const) {
    it(`says what is wrong with a plate (${lang})`, async () => {
      const form = await mount();
      await fillValid(form);
      await setWidgetLocale(lang);
      await settled(form);
      await declareCar(form);
      await continueToReview(form);
      expect(errorOf(form, 'plate')).to.equal(required);
      expect(visibleText(root(form).querySelector('.error-summary')!)).to.contain(required);
      await expect(form).to.be.accessible();
      type($(form, '#plate'), 'ABC 123');
      await form.updateComplete;
      expect(errorOf(form, 'plate')).to.contain(letter);
      await expect(form).to.be.accessible();
    });
  }

  it('keeps the plate in the draft, shows it on the review and the summary, and sends it in one form', async () => {
    const form = await mount();
    await fillValid(form);
    await declareCar(form);
    type($(form, '#plate'), 'أ ب ح ١٢٣٤');
    type($(form, '#plateMake'), 'تويوتا كامري');
    type($(form, '#plateColour'), 'أبيض');
    const saved = oneEvent(form, 'emirate-draft-saved');
    await form.updateComplete;
    expect(errorOf(form, 'plate')).to.equal('');

    // A reload brings the plate back from the draft.
    await saved;
    form.remove();
    const again = await mount();
    expect($(again, '#plate').value).to.equal('أ ب ح ١٢٣٤');
    expect($(again, '#plateMake').value).to.equal('تويوتا كامري');
    for (const slot of ['subjectLetter', 'idCopy']) await until(() => visibleText($(again, `#${slot}`)).includes('جاهز'), `${slot} to upload again`);

    await continueToReview(again);
    const review = visibleText(again);
    expect(review).to.contain('لوحة السيارة');
    expect(review).to.contain('ا ب ح 1234 · ABJ 1234 · تويوتا كامري · أبيض');
    await expect(again).to.be.accessible();

    await send(again);
    const [stored] = mockBackend.listStoredRequests();
    expect(stored!.request.plate).to.deep.equal({ digits: '1234', letters: 'ABJ', make: 'تويوتا كامري', colour: 'أبيض' });
    expect(stored!.request.belongings).to.have.members(['private-car', 'mobile-phone']);
    // The confirmation's printable summary has the plate too.
    await until(() => visibleText(again).includes('ABJ 1234'), 'the summary with the plate');
    await expect(again).to.be.accessible();
  });

  it('shows the plate in English on the review', async () => {
    const form = await mount();
    await fillValid(form);
    await setWidgetLocale('en');
    await settled(form);
    await declareCar(form);
    type($(form, '#plate'), '12 xzj');
    await form.updateComplete;
    await continueToReview(form);
    expect(visibleText(form)).to.contain('Car plate');
    expect(visibleText(form)).to.contain('ص م ح 12 · XZJ 12');
    await expect(form).to.be.accessible();
  });
});
