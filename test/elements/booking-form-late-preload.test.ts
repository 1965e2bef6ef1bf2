/**
 * A portal's script often gives the booking form its data a moment after the element is on the
 * page (`await customElements.whenDefined(…)`, then `preload` or `adapter`). The element's first
 * update, with neither, starts towards "unavailable" and waits for its wording; what the page
 * gives meanwhile must win. This file runs alone in its page, so the wording is not loaded yet
 * when the test starts and that wait is a real fetch (the test checks it).
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import '../../src/booking-form.js';
import type { BookingForm } from '../../src/booking-form.js';
import { najranCatalog } from '../../demo/mocks/catalog.js';
import { until } from '../support/dom.js';

const SESSION = { user: { idNumber: '1000000008', name: 'محمد أحمد علي القحطاني', mobile: '512345678' } };
const wordsFetched = () => performance.getEntriesByType('resource').some((e) => /\/src\/i18n\/messages\.[jt]s/.test(e.name));

describe('<emirate-booking-form> given its data after its first update', () => {
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => undefined; // the first update's "no backend" warning is expected here
  });
  afterEach(() => {
    console.warn = warn;
    fixtureCleanup();
  });

  it('shows the form, not "unavailable", when preload comes while the wording loads', async () => {
    const el = document.createElement('emirate-booking-form') as BookingForm;
    document.body.append(el);
    // The first update runs in a microtask: with no backend and no preload it asks for its wording.
    for (let i = 0; i < 100 && !el.hasUpdated; i++) await Promise.resolve();
    expect(el.hasUpdated, 'the first update has run').to.equal(true);
    expect(wordsFetched(), 'the wording is still on its way').to.equal(false);
    el.preload = { session: SESSION, catalog: najranCatalog };

    await until(() => el.shadowRoot!.querySelector('#fullName'), 'the first screen');
    // Let the first update's wording arrive (the same module: it has loaded once this import
    // has), and whatever that update would do after.
    await import('../../src/i18n/messages.js');
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('[part=unavailable]')?.textContent?.trim() ?? 'none', 'the "unavailable" notice').to.equal('none');
    expect(Boolean(el.shadowRoot!.querySelector('#fullName')), 'the first field').to.equal(true);
    await expect(el).to.be.accessible();
    el.remove();
  });
});
