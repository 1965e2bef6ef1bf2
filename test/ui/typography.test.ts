/**
 * Arabic typography (#13): the widget names good Arabic faces before the generic ones when the
 * page sets no font, inherits the page's font when it does, ships no font files, and at 375 px
 * gives Arabic room (line height) and fields a size phones do not zoom into.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { setViewport } from '../support/commands.js';
import '../../src/booking-form.js';
import '../../src/inquiry-box.js';
import type { BookingForm } from '../../src/booking-form.js';
import { FONT_STACK } from '../../src/ui/styles.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, useMockBackend } from '../support/mock-backend.js';
import { settled, until } from '../support/dom.js';

await useMockBackend();

const family = (el: Element) => getComputedStyle(el).fontFamily;

describe('Arabic typography (#13)', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('the stack names IBM Plex Sans Arabic, Noto Sans Arabic, Noto Naskh Arabic and Tahoma before the generic families', () => {
    const names = FONT_STACK.split(',').map((n) => n.trim().replace(/'/g, ''));
    expect(names).to.deep.equal(['IBM Plex Sans Arabic', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Tahoma', 'system-ui', 'sans-serif']);
  });

  it('on a page that sets no font, the widget and what is inside it use that stack', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="font-family: initial"><emirate-inquiry-box lang="ar" api-base=${API_BASE}></emirate-inquiry-box></div>`);
    const box = wrapper.querySelector('emirate-inquiry-box')!;
    await (box as unknown as BookingForm).updateComplete;
    expect(family(box)).to.equal(FONT_STACK.replace(/'/g, '"'));
    expect(family(box.shadowRoot!.querySelector('#transactionNumber')!)).to.equal(family(box));
  });

  it('on a page that sets a font, the widget inherits it; --emirate-font-family wins over both', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="font-family: Georgia, serif">
      <emirate-inquiry-box lang="ar" api-base=${API_BASE}></emirate-inquiry-box>
      <emirate-inquiry-box lang="ar" api-base=${API_BASE} style="--emirate-font-family: 'Courier New', monospace"></emirate-inquiry-box>
    </div>`);
    const [inherits, themed] = [...wrapper.querySelectorAll('emirate-inquiry-box')];
    expect(family(inherits!)).to.equal('Georgia, serif');
    expect(family(themed!)).to.equal('"Courier New", monospace');
  });

  it('ships no font files: the page has no font faces after the widget loads', async () => {
    const form = await fixture<BookingForm>(html`<emirate-booking-form lang="ar" api-base=${API_BASE}></emirate-booking-form>`);
    await until(() => form.shadowRoot!.querySelector('#subject'), 'the whole form');
    expect([...document.fonts].length).to.equal(0);
    const sheets = [form, ...form.shadowRoot!.querySelectorAll('*')].flatMap((el) => el.shadowRoot?.adoptedStyleSheets ?? []);
    const css = sheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(css).to.not.contain('@font-face');
    expect(css).to.not.match(/url\(/);
  });

  for (const lang of ['ar', 'en'] as const) {
    it(`(${lang}) at 375 px: line height ${lang === 'ar' ? '1.75' : '1.6'}, fields at least 16 px, the heading within two lines, nothing wider than the screen`, async () => {
      await setViewport({ width: 375, height: 800 });
      await setWidgetLocale(lang);
      try {
        const form = await fixture<BookingForm>(html`<emirate-booking-form lang=${lang} api-base=${API_BASE} style="font-size: 15px"></emirate-booking-form>`);
        await until(() => form.shadowRoot!.querySelector('#subject'), 'the whole form');
        await settled(form);
        const intro = form.shadowRoot!.querySelector('.intro')!;
        const ratio = parseFloat(getComputedStyle(intro).lineHeight) / parseFloat(getComputedStyle(intro).fontSize);
        expect(ratio).to.be.closeTo(lang === 'ar' ? 1.75 : 1.6, 0.01);
        for (const id of ['fullName', 'email', 'subject', 'governorate']) {
          expect(parseFloat(getComputedStyle(form.shadowRoot!.querySelector(`#${id}`)!).fontSize), id).to.be.at.least(16);
        }
        const h2 = form.shadowRoot!.querySelector('h2')!;
        expect(h2.getBoundingClientRect().height / parseFloat(getComputedStyle(h2).lineHeight)).to.be.at.most(2.05);
        expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(375);
        await expect(form).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }
});
