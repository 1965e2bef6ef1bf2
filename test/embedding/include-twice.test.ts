import { fixture, html, expect } from '@open-wc/testing';
import '../../src/inquiry-box.js';
import { InquiryBox } from '../../src/inquiry-box.js';
import { getLocale, setWidgetLocale } from '../../src/i18n/localization.js';
import { customElement } from '../../src/ui/define.js';
import { API_BASE, useMockBackend } from '../support/mock-backend.js';
import { until, visibleText } from '../support/dom.js';
import { openHostPage, typeIn } from './support.js';

await useMockBackend();

// Anything the second copies make go wrong, in this page, outside the tests' own promises.
const pageErrors: string[] = [];
window.addEventListener('error', (e) => pageErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => pageErrors.push(String((e.reason as Error)?.message ?? e.reason)));

/** Imports a module by URL as a page would load it again (the dev server transpiles .ts). */
const load = <T>(url: string) => import(/* @vite-ignore */ url) as Promise<T>;
type InquiryModule = typeof import('../../src/elements/inquiry-box/inquiry-box.js');
type LocalizationModule = typeof import('../../src/i18n/localization.js');

describe('including the widget twice', () => {
  beforeEach(() => setWidgetLocale('ar'));
  afterEach(() => {
    expect(pageErrors, 'errors in the page').to.deep.equal([]);
  });

  it('the guard defines a tag once and keeps the first definition', () => {
    const tag = `emirate-guard-probe-${Math.random().toString(36).slice(2)}`;
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    customElement(tag)(First);
    expect(() => customElement(tag)(Second)).not.to.throw();
    expect(customElements.get(tag) === First).to.equal(true);
    // Without the guard, the platform throws: the case the guard exists for.
    expect(() => customElements.define(tag, Second)).to.throw(DOMException);
  });

  it('a second evaluation of an element module (same Lit) does not throw and the first definition stays', async () => {
    const again = await load<InquiryModule>(`/src/elements/inquiry-box/inquiry-box.ts?again=${Date.now()}`);
    expect(again.InquiryBox === InquiryBox, 'a new module instance with its own class').to.equal(false);
    expect(customElements.get('emirate-inquiry-box') === InquiryBox).to.equal(true);
    const box = await fixture<InquiryBox>(html`<emirate-inquiry-box api-base=${API_BASE}></emirate-inquiry-box>`);
    expect(box instanceof InquiryBox).to.equal(true);
    expect(box.shadowRoot!.querySelector('form')).to.exist;
  });

  it('a whole second copy (its own Lit and @lit/localize) does not throw, and the first copy keeps working', async () => {
    const second = await load<InquiryModule>('/src/elements/inquiry-box/inquiry-box.ts?copy=2');
    expect(second.InquiryBox === InquiryBox).to.equal(false);
    expect(customElements.get('emirate-inquiry-box') === InquiryBox).to.equal(true);

    const box = await fixture<InquiryBox>(html`<emirate-inquiry-box api-base=${API_BASE}></emirate-inquiry-box>`);
    const answers: string[] = [];
    box.addEventListener('emirate-inquiry-result', (e) => answers.push((e as CustomEvent<{ outcome: string }>).detail.outcome));
    box.shadowRoot!.querySelector<HTMLInputElement>('#transactionNumber')!.value = '4521';
    box.shadowRoot!.querySelector<HTMLInputElement>('#transactionNumber')!.dispatchEvent(new InputEvent('input'));
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => answers.length, 'the answer', 8000);
    expect(answers).to.deep.equal(['found']);
    await setWidgetLocale('en');
    await box.updateComplete;
    expect(visibleText(box)).to.contain('Transaction inquiry');
  });

  it('a second copy of the localisation module sharing @lit/localize does not throw and follows the same language', async () => {
    // @lit/localize's "configured once" flag is module-local: a second copy of our module that
    // shares it would throw "lit-localize can only be configured once" without the guard.
    const again = await load<LocalizationModule>(`/src/i18n/localization.ts?again=${Date.now()}`);
    await setWidgetLocale('en');
    expect(again.getLocale()).to.equal('en');
    await again.setWidgetLocale('ar');
    expect(getLocale()).to.equal('ar');
  });

  it('a page that includes the same module script twice, and a second copy from another URL, works', async function () {
    // A whole host page loading two copies of the module graph, as the other embedding tests:
    // with three engines side by side on two cores, WebKit took over the default 10 s.
    this.timeout(40000);
    const page = await openHostPage('/test/embedding/twice/index.html');
    try {
      expect(page.log.errors, 'errors in the host page').to.deep.equal([]);
      expect(page.log.copies).to.deep.equal({ distinct: true, definedByFirst: true });
      const box = page.document.querySelector('emirate-inquiry-box')!;
      await until(() => box.shadowRoot?.querySelector('form'), 'the inquiry box to render');
      typeIn(page.window, box.shadowRoot!.querySelector<HTMLInputElement>('#transactionNumber')!, '4521');
      box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => box.shadowRoot!.querySelector('[part=result]'), 'the answer', 8000);
      // (visibleText and instanceof checks do not work across frames: read the text directly.)
      expect(box.shadowRoot!.querySelector('[part=result]')!.textContent).to.contain('4521');
      const form = page.document.querySelector('emirate-booking-form')!;
      await until(() => form.shadowRoot?.querySelector('form'), 'the booking form to render', 8000);
      expect(page.log.errors, 'errors in the host page').to.deep.equal([]);
    } finally {
      page.remove();
    }
  });
});
