/**
 * Any wording, any language, at run time: a portal overrides strings by msg id and adds a
 * language (Urdu, right to left) with only part of the widget translated; what it leaves out
 * shows in English, then Arabic. Catalog texts follow the same chain.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/booking-form.js';
import '../../src/service-card.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { ServiceCard } from '../../src/service-card.js';
import { knownLocales, overrideMessages, registerLocale, setWidgetLocale, getLocale } from '../../src/locales.js';
import { localText } from '../../src/i18n/localization.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { najranCatalog } from '../../demo/mocks/catalog.js';
import { urdu } from '../../demo/locales/ur.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { settled, until, visibleText } from '../support/dom.js';

await useMockBackend();

async function mountForm(lang: string) {
  const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} no-drafts lang=${lang}></emirate-booking-form>`);
  await until(() => form.shadowRoot!.querySelector('form h3:nth-of-type(2)'), 'the whole form');
  await settled(form);
  return form;
}

const headings = (form: BookingForm) => [...form.shadowRoot!.querySelectorAll('form h3')].map((h) => h.textContent!.trim());
const labelOf = (form: BookingForm, id: string) => form.shadowRoot!.querySelector(`label[for=${id}]`)!.textContent!.replace(/\s+/g, ' ').trim();

describe('languages and wording added at run time', () => {
  before(() => registerLocale('ur', urdu));
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(() => fixtureCleanup());
  after(() => setWidgetLocale('ar'));

  it('Urdu, registered at run time: the form is right to left, in Urdu where Urdu is given and English where not', async () => {
    expect(knownLocales()).to.include('ur');
    const form = await mountForm('ur');
    await until(() => form.getAttribute('lang') === 'ur', 'the Urdu language on the host');
    expect(getLocale()).to.equal('ur');
    expect(form.getAttribute('dir')).to.equal('rtl');
    const text = visibleText(form);
    // Given in Urdu: the title, the sections, some labels, the button.
    expect(text).to.contain('ملاقات کی درخواست');
    expect(headings(form)).to.include.members(['درخواست دہندہ کی تفصیلات', 'ملاقات کی تفصیلات', 'ملاقات کے منسلکات', 'ساتھی', 'اقرار نامہ']);
    expect(labelOf(form, 'idNumber')).to.contain('شناختی نمبر');
    expect(labelOf(form, 'mobile')).to.contain('موبائل نمبر');
    expect(form.shadowRoot!.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('جائزے کے لیے آگے بڑھیں');
    // #14's fields have Urdu words too: the preferred time.
    expect(headings(form)).to.include('ملاقات کا پسندیدہ وقت');
    expect(text).to.contain('موزوں دن');
    // Left out: English, not Arabic.
    expect(labelOf(form, 'governorate')).to.contain('Governorate');
    expect(labelOf(form, 'appointmentType')).to.contain('Appointment type');
    expect(text).to.not.contain('المحافظة');
    expect(text).to.not.contain('طلب تحديد الموعد');
    await expect(form).to.be.accessible();
  });

  it('a region tag finds its language (ur-PK → ur), and switching back to Arabic re-renders in place', async () => {
    const form = await mountForm('ur-PK');
    await until(() => form.getAttribute('lang') === 'ur', 'Urdu');
    expect(visibleText(form)).to.contain('درخواست دہندہ کی تفصیلات');
    await setWidgetLocale('ar');
    await form.updateComplete;
    expect(form.getAttribute('dir')).to.equal('rtl');
    expect(visibleText(form)).to.contain('بيانات مقدم الطلب');
    expect(visibleText(form)).to.not.contain('درخواست دہندہ');
  });

  it('overrides any string of a built-in language by its msg id, with values in {0} placeholders, as text', async () => {
    overrideMessages('ar', { s448d797e3f8cdadb: 'احجز موعدك' });
    overrideMessages('en', { s448d797e3f8cdadb: 'Book your visit', s0fe1b1a1034593d1: 'Hijri year <b>{0}</b>' });
    try {
      const form = await mountForm('ar');
      expect(form.shadowRoot!.querySelector('form h2')!.textContent).to.equal('احجز موعدك');
      await setWidgetLocale('en');
      await form.updateComplete;
      expect(form.shadowRoot!.querySelector('form h2')!.textContent).to.equal('Book your visit');
      // An English override shows in Urdu too, where Urdu has no words of its own.
      await setWidgetLocale('ur');
      await form.updateComplete;
      expect(form.shadowRoot!.querySelector('form h2')!.textContent).to.equal('ملاقات کی درخواست');
      const { msg, str } = await import('@lit/localize');
      const year = 1447;
      expect(msg(str`بتقويم أم القرى، مثل ${year}`)).to.equal('Hijri year <b>1447</b>');
      await expect(form).to.be.accessible();
    } finally {
      overrideMessages('ar', { s448d797e3f8cdadb: 'طلب تحديد الموعد' });
      overrideMessages('en', { s448d797e3f8cdadb: 'Appointment request', s0fe1b1a1034593d1: 'Umm al-Qura calendar, e.g. {0}' });
    }
  });

  it("catalog texts in any language the catalog gives, else English, else Arabic", async () => {
    mockBackend.setCatalog({
      ...najranCatalog,
      service: { ...najranCatalog.service, name: { ...najranCatalog.service.name, ur: 'امارت سے ملاقات کی درخواست' } },
    });
    const card = await fixture<ServiceCard>(html`<emirate-service-card api-base=${API_BASE} lang="ur"></emirate-service-card>`);
    await until(() => card.shadowRoot!.querySelector('h2'), 'the card');
    await until(() => card.getAttribute('lang') === 'ur', 'Urdu');
    expect(card.shadowRoot!.querySelector('h2')!.textContent).to.equal('امارت سے ملاقات کی درخواست');
    // No Urdu for the description: English.
    expect(visibleText(card)).to.contain(najranCatalog.service.description.en);
    await expect(card).to.be.accessible();
    expect(localText({ ar: 'عربي', en: '' })).to.equal('عربي');
  });
});
