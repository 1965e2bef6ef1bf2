/**
 * Who is asking (#14): a public or private sector body gives its name; the private sector its
 * commercial registration number; both an authorisation letter, as the catalog's applicant
 * types say. Through the REST adapter to the msw mock, in both languages.
 */
import { expect } from '@open-wc/testing';
import '../../src/booking-form.js';
import type { BookingForm } from '../../src/booking-form.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { mockBackend, najranCatalog, useMockBackend } from '../support/mock-backend.js';
import { fileOf, settled, type, until, visibleText } from '../support/dom.js';
import { $, attach, continueToReview, errorOf, fillValid, root, send } from '../support/booking.js';
import { mountForm } from '../support/booking-mount.js';

const mount = mountForm;

async function chooseType(form: BookingForm, id: string) {
  $(form, `input[name=applicantType][value=${id}]`).click();
  await form.updateComplete;
}

await useMockBackend();

describe('<emirate-booking-form>: who is asking', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('asks an individual for no body; a public body for its name and a letter; a private one for its registration too', async () => {
    const form = await mount();
    await chooseType(form, 'individual');
    expect(root(form).querySelector('#entityName')).to.equal(null);
    expect(root(form).querySelector('#authorisationLetter')).to.equal(null);

    await chooseType(form, 'public-sector');
    expect($(form, '#entityName')).to.exist;
    expect(root(form).querySelector('#commercialRegistration')).to.equal(null);
    expect($(form, '#authorisationLetter')).to.exist;
    await expect(form).to.be.accessible();

    await chooseType(form, 'private-sector');
    expect($(form, '#commercialRegistration')).to.exist;
    await expect(form).to.be.accessible();
  });

  for (const [lang, words] of [
    ['ar', ['أدخل اسم الجهة', 'أدخل رقم السجل التجاري', 'أرفق خطاب التفويض', 'رقم السجل التجاري يتكون من 10 أرقام']],
    ['en', ['Enter the name of the body you represent', 'Enter the commercial registration number', 'Attach the authorisation letter', 'The commercial registration number has 10 digits']],
  ] as const) {
    it(`says what a private body has left out (${lang})`, async () => {
      const form = await mount();
      await fillValid(form);
      await chooseType(form, 'private-sector');
      await setWidgetLocale(lang);
      await settled(form);
      await continueToReview(form);
      expect(errorOf(form, 'entityName')).to.equal(words[0]);
      expect(errorOf(form, 'commercialRegistration')).to.equal(words[1]);
      expect(visibleText(root(form).querySelector('.error-summary')!)).to.contain(words[2]);
      await expect(form).to.be.accessible();
      type($(form, '#commercialRegistration'), '١٠١٠ ٢٣٤');
      await form.updateComplete;
      expect(errorOf(form, 'commercialRegistration')).to.equal(words[3]);
      await expect(form).to.be.accessible();
    });
  }

  it('sends the body with its registration and letter, and shows them on the review and the summary', async () => {
    const form = await mount();
    await fillValid(form);
    await chooseType(form, 'private-sector');
    type($(form, '#entityName'), 'شركة نجران للتطوير');
    type($(form, '#commercialRegistration'), '٥٩٥٠ ٠١٢ ٣٤٥');
    await attach(form, 'authorisationLetter', fileOf('pdf', 'تفويض.pdf'));
    await continueToReview(form);
    const review = visibleText(form);
    expect(review).to.contain('شركة نجران للتطوير');
    expect(review).to.contain('5950012345');
    expect(review).to.contain('تفويض.pdf');
    await expect(form).to.be.accessible();

    await send(form);
    const [stored] = mockBackend.listStoredRequests();
    expect(stored!.request.applicantType).to.equal('private-sector');
    expect(stored!.request.entity).to.include({ name: 'شركة نجران للتطوير', commercialRegistration: '5950012345' });
    expect(stored!.request.entity!.authorisationLetter).to.be.a('string').and.not.equal('');
    await until(() => visibleText(form).includes('شركة نجران للتطوير'), 'the summary with the body');
    await expect(form).to.be.accessible();
  });

  it('lets the catalog make the letter optional: a body may send without it', async () => {
    mockBackend.setCatalog({
      ...najranCatalog,
      applicantTypes: najranCatalog.applicantTypes.map((t) => (t.id === 'public-sector' ? { ...t, entity: { authorisationLetter: 'optional' as const } } : t)),
    });
    const form = await mount();
    await fillValid(form);
    await chooseType(form, 'public-sector');
    expect($(form, '#authorisationLetter').hasAttribute('required')).to.equal(false);
    type($(form, '#entityName'), 'بلدية نجران');
    await form.updateComplete;
    await continueToReview(form);
    expect(root(form).querySelector('#review-title'), 'on the review, without the letter').to.exist;
    await send(form);
    const [stored] = mockBackend.listStoredRequests();
    expect(stored!.request.entity).to.deep.equal({ name: 'بلدية نجران' });
  });

  it('turns the server’s entity.* errors into the form’s fields', async () => {
    mockBackend.setCatalog({
      ...najranCatalog,
      // The widget's catalog says nothing more than the name; the server asks for the registration (a second opinion).
      applicantTypes: najranCatalog.applicantTypes.map((t) => (t.id === 'public-sector' ? { ...t, entity: {} } : t)),
    });
    const form = await mount();
    await fillValid(form);
    await chooseType(form, 'public-sector');
    type($(form, '#entityName'), 'بلدية نجران');
    await continueToReview(form);
    mockBackend.setCatalog({
      ...najranCatalog,
      applicantTypes: najranCatalog.applicantTypes.map((t) => (t.id === 'public-sector' ? { ...t, entity: { authorisationLetter: 'required' as const } } : t)),
    });
    await send(form);
    await until(() => root(form).querySelector('.error-summary'), 'the error summary');
    expect(visibleText(root(form).querySelector('.error-summary')!)).to.contain('أرفق خطاب التفويض');
    await expect(form).to.be.accessible();
  });
});
