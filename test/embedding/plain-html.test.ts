import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { InquiryBox, InquiryResultDetail } from '../../src/inquiry-box.js';
import type { CompanionList, CompanionsChangeDetail } from '../../src/companion-list.js';
import type { BookingForm } from '../../src/booking-form.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import { getLocale, setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, useMockBackend } from '../support/mock-backend.js';
import { type, until, visibleText } from '../support/dom.js';

await useMockBackend();

/** A host page's own container, removed after each test. */
let host: HTMLElement;

describe('the elements on a plain HTML page (no framework)', () => {
  beforeEach(async () => {
    await setWidgetLocale('ar');
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    host.remove();
    return setWidgetLocale('ar');
  });

  it('upgrades tags written as HTML (innerHTML), takes attributes, and its events reach addEventListener', async () => {
    host.innerHTML = `<emirate-inquiry-box api-base="${API_BASE}" lang="en"></emirate-inquiry-box>`;
    const box = host.querySelector<InquiryBox>('emirate-inquiry-box')!;
    expect(box.apiBase).to.equal(API_BASE);
    await box.updateComplete;
    await until(() => visibleText(box).includes('Transaction inquiry'), 'the English view');
    expect(box.getAttribute('dir')).to.equal('ltr');

    const results: InquiryResultDetail[] = [];
    // Events are composed and bubble: the host page can listen on any ancestor.
    document.body.addEventListener('emirate-inquiry-result', (e) => results.push((e as CustomEvent<InquiryResultDetail>).detail), { once: true });
    type(box.shadowRoot!.querySelector<HTMLInputElement>('#transactionNumber')!, '4521');
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => results.length, 'the event on document.body', 8000);
    expect(results[0]).to.include({ transactionNumber: '4521', outcome: 'found' });
  });

  it('document.createElement: properties and attributes set before it is in the page are kept', async () => {
    const box = document.createElement('emirate-inquiry-box');
    const adapter = new RestAdapter({ baseUrl: API_BASE });
    box.adapter = adapter;
    box.setAttribute('lang', 'en');
    host.append(box);
    await box.updateComplete;
    expect(box.adapter === adapter).to.equal(true);
    await until(() => getLocale() === 'en', 'English');
    await box.updateComplete;
    expect(visibleText(box)).to.contain('Transaction inquiry');
    const outcomes: string[] = [];
    box.addEventListener('emirate-inquiry-result', (e) => outcomes.push((e as CustomEvent<InquiryResultDetail>).detail.outcome));
    type(box.shadowRoot!.querySelector<HTMLInputElement>('#transactionNumber')!, '999999');
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => outcomes.length, 'the answer', 8000);
    expect(outcomes).to.deep.equal(['not-found']);
  });

  it('properties set after it is in the page re-render it (companion list max, booking form no-drafts)', async () => {
    const list = document.createElement('emirate-companion-list') as CompanionList;
    host.append(list);
    await list.updateComplete;
    const counts: number[] = [];
    list.addEventListener('emirate-companions-change', (e) => counts.push((e as CustomEvent<CompanionsChangeDetail>).detail.count));
    list.max = 1;
    await list.updateComplete;
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part~=add-button]')!.click();
    await list.updateComplete;
    expect(counts).to.deep.equal([1]);
    expect(list.shadowRoot!.querySelector('[part~=add-button]'), 'no add button at max 1').to.equal(null);

    const form = document.createElement('emirate-booking-form') as BookingForm;
    form.noDrafts = true;
    form.setAttribute('api-base', API_BASE);
    host.append(form);
    await until(() => form.shadowRoot!.querySelector('form'), 'the booking form', 8000);
    expect(form.hasAttribute('no-drafts') || form.noDrafts).to.equal(true);
  });

  it('the language set as a property before the element is in the page is kept (what frameworks do)', async () => {
    const box = document.createElement('emirate-inquiry-box');
    box.lang = 'en';
    box.setAttribute('api-base', API_BASE);
    host.append(box);
    await box.updateComplete;
    await until(() => getLocale() === 'en', 'English').catch(() => undefined);
    expect(box.lang).to.equal('en');
    expect(getLocale()).to.equal('en');
  });
});
