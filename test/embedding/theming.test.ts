import { fixture, html, expect } from '@open-wc/testing';
import '../../src/inquiry-box.js';
import '../../src/companion-list.js';
import '../../src/booking-form.js';
import type { InquiryBox } from '../../src/inquiry-box.js';
import type { CompanionList } from '../../src/companion-list.js';
import type { BookingForm } from '../../src/booking-form.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, useMockBackend } from '../support/mock-backend.js';
import { type, until } from '../support/dom.js';

await useMockBackend();

const shadow = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const style = (el: Element) => getComputedStyle(el);

/** A page stylesheet, removed after the test. */
let sheet: HTMLStyleElement | undefined;
function pageStyles(css: string) {
  sheet = document.createElement('style');
  sheet.textContent = css;
  document.head.append(sheet);
}

describe('theming from the host page', () => {
  beforeEach(() => setWidgetLocale('ar'));
  afterEach(() => {
    sheet?.remove();
    sheet = undefined;
  });

  it('the defaults apply when no --emirate-* property is set', async () => {
    const box = await fixture<InquiryBox>(html`<emirate-inquiry-box api-base=${API_BASE}></emirate-inquiry-box>`);
    const button = shadow(box, 'button[type=submit]');
    expect(style(button).backgroundColor).to.equal('rgb(15, 107, 79)');
    expect(style(button).color).to.equal('rgb(255, 255, 255)');
    expect(style(button).borderTopLeftRadius).to.equal('8px');
  });

  it('--emirate-* custom properties on the host restyle the shadow content', async () => {
    const box = await fixture<InquiryBox>(html`
      <emirate-inquiry-box
        api-base=${API_BASE}
        style="
          --emirate-color-primary: rgb(120, 20, 60);
          --emirate-color-on-primary: rgb(250, 240, 200);
          --emirate-color-text: rgb(10, 20, 30);
          --emirate-color-border: rgb(1, 2, 3);
          --emirate-color-surface: rgb(240, 241, 242);
          --emirate-radius: 3px;
          --emirate-space: 10px;
          --emirate-font-family: 'Courier New', monospace;
        "
      ></emirate-inquiry-box>
    `);
    const button = shadow(box, 'button[type=submit]');
    expect(style(button).backgroundColor).to.equal('rgb(120, 20, 60)');
    expect(style(button).color).to.equal('rgb(250, 240, 200)');
    expect(style(button).borderTopLeftRadius).to.equal('3px');
    expect(style(button).fontFamily).to.equal('"Courier New", monospace');
    expect(style(button).paddingTop).to.equal('10px');
    expect(style(shadow(box, 'h2')).color).to.equal('rgb(120, 20, 60)');
    const field = shadow(box, '#transactionNumber');
    expect(style(field).borderTopColor).to.equal('rgb(1, 2, 3)');
    expect(style(field).backgroundColor).to.equal('rgb(240, 241, 242)');
    expect(style(field).fontFamily).to.equal('"Courier New", monospace');
    expect(style(shadow(box, 'label')).color).to.equal('rgb(10, 20, 30)');
  });

  it('a portal stylesheet can set the tokens for every element at once', async () => {
    pageStyles(`.portal { --emirate-color-primary: rgb(0, 90, 160); --emirate-radius: 0px; }`);
    const wrapper = await fixture(html`
      <div class="portal">
        <emirate-inquiry-box api-base=${API_BASE}></emirate-inquiry-box>
        <emirate-companion-list></emirate-companion-list>
      </div>
    `);
    const box = wrapper.querySelector<InquiryBox>('emirate-inquiry-box')!;
    const list = wrapper.querySelector<CompanionList>('emirate-companion-list')!;
    await list.updateComplete;
    expect(style(shadow(box, 'button[type=submit]')).backgroundColor).to.equal('rgb(0, 90, 160)');
    expect(style(shadow(box, 'button[type=submit]')).borderTopLeftRadius).to.equal('0px');
    // The secondary "add" button uses the primary colour for its text and border.
    expect(style(shadow(list, '[part~=add-button]')).color).to.equal('rgb(0, 90, 160)');
  });

  it("without --emirate-font-family the host page's font is inherited", async () => {
    const wrapper = await fixture(html`
      <div style="font-family: Georgia, 'Times New Roman', serif; font-size: 19px">
        <emirate-inquiry-box api-base=${API_BASE}></emirate-inquiry-box>
      </div>
    `);
    const box = wrapper.querySelector<InquiryBox>('emirate-inquiry-box')!;
    await box.updateComplete;
    const pageFont = style(wrapper).fontFamily;
    expect(pageFont).to.contain('Georgia');
    expect(style(box).fontFamily).to.equal(pageFont);
    expect(style(shadow(box, 'button[type=submit]')).fontFamily).to.equal(pageFont);
    expect(style(shadow(box, '#transactionNumber')).fontFamily).to.equal(pageFont);
    expect(style(shadow(box, 'p.hint')).fontFamily).to.equal(pageFont);
  });

  it('the documented ::part names of the inquiry box (form, result) can be styled from outside', async () => {
    pageStyles(`
      emirate-inquiry-box::part(form) { outline: 4px dashed rgb(9, 8, 7); }
      emirate-inquiry-box::part(result) { background-color: rgb(200, 210, 220); }
    `);
    const box = await fixture<InquiryBox>(html`<emirate-inquiry-box api-base=${API_BASE}></emirate-inquiry-box>`);
    expect(style(shadow(box, 'form')).outlineStyle).to.equal('dashed');
    expect(style(shadow(box, 'form')).outlineColor).to.equal('rgb(9, 8, 7)');
    type(shadow<HTMLInputElement>(box, '#transactionNumber'), '4521');
    shadow(box, 'button[type=submit]').click();
    await until(() => box.shadowRoot!.querySelector('[part=result]'), 'the answer', 8000);
    expect(style(shadow(box, '[part=result]')).backgroundColor).to.equal('rgb(200, 210, 220)');
  });

  it('the documented ::part names of the companion list (add-button, companion) can be styled from outside', async () => {
    pageStyles(`
      emirate-companion-list::part(add-button) { background-color: rgb(1, 100, 1); }
      emirate-companion-list::part(companion) { border-color: rgb(100, 1, 1); }
    `);
    const list = await fixture<CompanionList>(html`<emirate-companion-list></emirate-companion-list>`);
    expect(style(shadow(list, '[part~=add-button]')).backgroundColor).to.equal('rgb(1, 100, 1)');
    shadow(list, '[part~=add-button]').click();
    await list.updateComplete;
    expect(style(shadow(list, '[part~=companion]')).borderTopColor).to.equal('rgb(100, 1, 1)');
  });

  it('the documented ::part names of the booking form (form, submit) can be styled from outside', async () => {
    pageStyles(`
      emirate-booking-form::part(form) { outline: 2px solid rgb(7, 7, 7); }
      emirate-booking-form::part(submit) { background-color: rgb(33, 66, 99); }
    `);
    const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} no-drafts></emirate-booking-form>`);
    await until(() => form.shadowRoot!.querySelector('[part~=submit]'), 'the whole form', 8000);
    expect(style(shadow(form, '[part~=form]')).outlineColor).to.equal('rgb(7, 7, 7)');
    expect(style(shadow(form, '[part~=submit]')).backgroundColor).to.equal('rgb(33, 66, 99)');
    // Without the page's rule the same button has the primary colour: the rule above did it.
    sheet!.remove();
    expect(style(shadow(form, '[part~=submit]')).backgroundColor).to.equal('rgb(15, 107, 79)');
  });
});
