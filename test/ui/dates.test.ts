import { expect } from '@open-wc/testing';
import { render, type CSSResult } from 'lit';
import { dateStyles, hijriAndGregorian } from '../../src/ui/dates.js';
import { formatGregorianDate, formatHijriDate } from '../../src/domain/hijri.js';
import { lineCount } from '../support/dom.js';

const DAY = '2025-12-03T09:00:00.000Z';

/** The template in a shadow root `width` px wide, with `styles` adopted. */
function show(locale: 'ar' | 'en', width: number, styles: CSSResult[]) {
  const host = document.createElement('div');
  host.style.inlineSize = `${width}px`;
  host.lang = locale;
  host.dir = locale === 'ar' ? 'rtl' : 'ltr';
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = styles.map((s) => s.styleSheet!);
  render(hijriAndGregorian(DAY, locale), shadow);
  const time = shadow.querySelector('time')!;
  const gregorian = shadow.querySelector<HTMLElement>('.date-gregorian')!;
  return { host, time, gregorian };
}

describe('hijriAndGregorian', () => {
  for (const locale of ['ar', 'en'] as const) {
    it(`(${locale}) shows the Hijri date with the Gregorian one in brackets, in a <time datetime>`, () => {
      const { host, time, gregorian } = show(locale, 600, [dateStyles]);
      expect(time.getAttribute('datetime')).to.equal(DAY);
      expect(time.textContent).to.equal(`${formatHijriDate(DAY, locale)} (${formatGregorianDate(DAY, locale)})`);
      expect(gregorian.textContent).to.equal(`(${formatGregorianDate(DAY, locale)})`);
      host.remove();
    });

    it(`(${locale}) never breaks inside the brackets when the line is too short for the whole date`, () => {
      const narrow = show(locale, 90, [dateStyles]);
      expect(lineCount(narrow.time), 'the date as a whole wraps').to.be.greaterThan(1);
      expect(lineCount(narrow.gregorian), 'the bracketed part stays on one line').to.equal(1);
      narrow.host.remove();
      // Without the styles the same width does break inside the brackets: the check above means something.
      const unstyled = show(locale, 90, []);
      expect(lineCount(unstyled.gregorian)).to.be.greaterThan(1);
      unstyled.host.remove();
    });
  }

  it('renders nothing for a value that is not a date', () => {
    const host = document.createElement('div');
    render(hijriAndGregorian('not a date', 'ar'), host);
    expect(host.querySelector('time')).to.equal(null);
    expect(host.textContent).to.equal('');
  });
});
