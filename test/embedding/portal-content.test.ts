import { fixture, html, expect } from '@open-wc/testing';
import '../../src/appointments.js';
import type { Appointments } from '../../src/appointments.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { CompanionList } from '../../src/companion-list.js';
import type { ServiceCard } from '../../src/service-card.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, useMockBackend } from '../support/mock-backend.js';
import { deepQuery, deepQueryAll, until } from '../support/dom.js';

await useMockBackend();

const style = (el: Element) => getComputedStyle(el);

/** Waits for `find` to return an element, and returns it. */
async function found<T extends Element = HTMLElement>(find: () => T | null | undefined, message: string, timeoutMs = 5000): Promise<T> {
  await until(() => find(), message, timeoutMs);
  return find()!;
}
const top = (el: Element) => el.getBoundingClientRect().top;

/** A page stylesheet, removed after the test. */
let sheet: HTMLStyleElement | undefined;
function pageStyles(css: string) {
  sheet = document.createElement('style');
  sheet.textContent = css;
  document.head.append(sheet);
}

describe('portal content: slots and exported parts', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(() => {
    sheet?.remove();
    sheet = undefined;
  });

  it("the service card shows the portal's header above its title, and help and footer below its buttons", async () => {
    const card = await fixture<ServiceCard>(html`
      <emirate-service-card api-base=${API_BASE}>
        <p slot="header" id="brand">إمارة منطقة الجوف</p>
        <p slot="help" id="help">للمساعدة اتصل على 920000000</p>
        <p slot="footer" id="footer">جميع الحقوق محفوظة</p>
      </emirate-service-card>
    `);
    const title = await found(() => card.shadowRoot!.querySelector('h2'), 'the service card', 8000);
    const start = card.shadowRoot!.querySelector('[part~=start]')!;
    const [brand, help, footer] = ['#brand', '#help', '#footer'].map((id) => card.querySelector(id)!);
    expect(top(brand!)).to.be.below(top(title));
    expect(top(help!)).to.be.above(top(start));
    expect(top(footer!)).to.be.above(top(help!));
    // Inside the card's border, as part of it.
    expect(card.shadowRoot!.querySelector('[part~=card]')!.contains(brand!.assignedSlot)).to.equal(true);
    await expect(card).to.be.accessible();
  });

  it('the service card shows the header and footer around its notice too', async () => {
    const card = await fixture<ServiceCard>(html`
      <emirate-service-card><p slot="header" id="brand">إمارة منطقة نجران</p><p slot="footer" id="footer">تذييل</p></emirate-service-card>
    `);
    // No backend: "unavailable" (and a console warning) instead of "Loading".
    expect(card.shadowRoot!.querySelector('[part=unavailable]')).to.not.equal(null);
    expect(card.querySelector('#brand')!.assignedSlot).to.not.equal(null);
    expect(card.querySelector('#footer')!.assignedSlot).to.not.equal(null);
    expect(top(card.querySelector('#brand')!)).to.be.below(top(card.shadowRoot!.querySelector('[part=unavailable]')!));
  });

  it("the shell shows the portal's header above its navigation and the help and footer below its view, on every view", async () => {
    history.replaceState(null, '', '/portal/appointment/');
    const shell = await fixture<Appointments>(html`
      <emirate-appointments base="/portal/appointment/" api-base=${API_BASE}>
        <p slot="header" id="brand">إمارة منطقة نجران</p>
        <p slot="help" id="help">للمساعدة اتصل على 920000000</p>
        <p slot="footer" id="footer">جميع الحقوق محفوظة</p>
      </emirate-appointments>
    `);
    await until(() => deepQuery(shell, '[part~=start]'), 'the service card in the shell', 8000);
    const nav = shell.shadowRoot!.querySelector('nav')!;
    const view = shell.shadowRoot!.querySelector('.view')!;
    const [brand, help, footer] = ['#brand', '#help', '#footer'].map((id) => shell.querySelector(id)!);
    expect(top(brand!)).to.be.below(top(nav));
    expect(top(help!)).to.be.above(view.getBoundingClientRect().bottom - 1);
    expect(top(footer!)).to.be.above(top(help!));
    await expect(shell).to.be.accessible();
    shell.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href$="inquiry"]')!.click();
    await until(() => shell.shadowRoot!.querySelector('emirate-inquiry-box'), 'the inquiry view');
    expect(brand!.assignedSlot).to.not.equal(null);
    expect(footer!.assignedSlot).to.not.equal(null);
    history.replaceState(null, '', '/');
  });

  it("the file fields' and companions' parts are styled from the page through the booking form", async () => {
    pageStyles(`
      emirate-booking-form::part(file-button) { background-color: rgb(11, 22, 33); }
      emirate-booking-form::part(add-button) { background-color: rgb(44, 55, 66); }
      emirate-booking-form::part(companion) { border-color: rgb(77, 88, 99); }
    `);
    const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} no-drafts></emirate-booking-form>`);
    const add = await found(() => deepQuery<HTMLElement>(form, '[part~=add-button]'), 'the companions', 8000);
    const letter = deepQuery(form.shadowRoot!.querySelector('#subjectLetter')!, '[part~=button]')!;
    expect(style(letter).backgroundColor).to.equal('rgb(11, 22, 33)');
    expect(style(add).backgroundColor).to.equal('rgb(44, 55, 66)');
    add.click();
    const companion = await found(() => deepQuery(form, '[part~=companion]'), 'a companion');
    expect(style(companion).borderTopColor).to.equal('rgb(77, 88, 99)');
    // The companion's ID image field, two shadow roots down, takes the same rule.
    const buttons = deepQueryAll(form, '[part~=button]');
    expect(buttons.length).to.be.above(2);
    for (const button of buttons) expect(style(button).backgroundColor).to.equal('rgb(11, 22, 33)');
    // Without the page's rule the buttons have their own look: the rule above did it.
    sheet!.remove();
    expect(style(letter).backgroundColor).to.not.equal('rgb(11, 22, 33)');
  });

  it("the companion list passes on its file fields' parts", async () => {
    pageStyles(`emirate-companion-list::part(file-button) { color: rgb(5, 150, 5); }`);
    const list = await fixture<CompanionList>(html`<emirate-companion-list></emirate-companion-list>`);
    list.shadowRoot!.querySelector<HTMLElement>('[part~=add-button]')!.click();
    const field = await found(() => deepQuery(list, 'emirate-file-field'), 'the ID image field');
    const button = await found(() => deepQuery(field, '[part~=button]'), 'its button');
    expect(style(button).color).to.equal('rgb(5, 150, 5)');
  });

  it("the shell passes on its views' parts", async () => {
    pageStyles(`emirate-appointments::part(start) { background-color: rgb(90, 30, 120); }`);
    history.replaceState(null, '', '/portal/appointment/');
    const shell = await fixture<Appointments>(html`<emirate-appointments base="/portal/appointment/" api-base=${API_BASE}></emirate-appointments>`);
    const start = await found(() => deepQuery(shell, '[part~=start]'), 'the service card in the shell', 8000);
    expect(style(start).backgroundColor).to.equal('rgb(90, 30, 120)');
    history.replaceState(null, '', '/');
  });
});
