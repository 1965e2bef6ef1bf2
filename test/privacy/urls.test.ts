/**
 * The addresses the elements follow (issue #10): `login-url`, `start-url`, `requests-url` and the
 * catalog's guide URL are followed only when they are http(s) or relative; anything else is
 * ignored with one console warning that names the element and the attribute. The sign-in return
 * address is always on the page's own origin. (The rule itself: test/domain/urls.test.ts.)
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/booking-form.js';
import '../../src/service-card.js';
import type { BookingForm, SignInRequiredDetail } from '../../src/booking-form.js';
import type { ServiceCard, ServiceStartDetail } from '../../src/service-card.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, najranCatalog, useMockBackend } from '../support/mock-backend.js';
import { settled, until, visibleText } from '../support/dom.js';
import { continueToReview, fillValid, send } from '../support/booking.js';

await useMockBackend();

const HOSTILE = [
  'javascript:alert(document.domain)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'blob:http://localhost/0b6c0a44-8d0f-4f0e-9f3a-1c2d3e4f5a6b',
  'file:///etc/passwd',
];

/** The console warnings until `stop()`. */
function recordWarnings() {
  const warnings: string[] = [];
  const real = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  return { warnings, stop: () => void (console.warn = real) };
}

/** The `emirate-sign-in-required` details until `stop()`; the page takes over (no navigation). */
function recordSignIns() {
  const seen: SignInRequiredDetail[] = [];
  const listener = (event: Event) => {
    event.preventDefault();
    seen.push((event as CustomEvent<SignInRequiredDetail>).detail);
  };
  document.addEventListener('emirate-sign-in-required', listener);
  return { seen, stop: () => document.removeEventListener('emirate-sign-in-required', listener) };
}

async function mountCard(attrs: { startUrl?: string; loginUrl?: string }) {
  const card = await fixture<ServiceCard>(
    html`<emirate-service-card api-base=${API_BASE} start-url=${attrs.startUrl ?? ''} login-url=${attrs.loginUrl ?? ''}></emirate-service-card>`,
  );
  await until(() => card.shadowRoot!.querySelector('[part=start]'), 'the card');
  await card.load();
  await card.updateComplete;
  return card;
}

describe('addresses the elements follow', function () {
  this.timeout(20000);
  let warnings: ReturnType<typeof recordWarnings>;
  let signIns: ReturnType<typeof recordSignIns>;
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
    warnings = recordWarnings();
    signIns = recordSignIns();
  });
  afterEach(() => {
    warnings.stop();
    signIns.stop();
  });

  for (const hostile of HOSTILE) {
    it(`login-url ${JSON.stringify(hostile)} is ignored with one warning; sign-in is left to the page`, async () => {
      mockBackend.setScenario('signed-out');
      const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} login-url=${hostile}></emirate-booking-form>`);
      await until(() => form.shadowRoot!.querySelector('section button'), 'the sign-in view');
      form.shadowRoot!.querySelector<HTMLButtonElement>('section button')!.click();
      await until(() => signIns.seen.length === 1, 'emirate-sign-in-required');
      expect(signIns.seen[0]).to.deep.equal({ returnUrl: location.href, signInUrl: '' });
      await until(() => warnings.warnings.some((w) => w.includes('login-url')), 'the warning');
      const about = warnings.warnings.filter((w) => w.includes('login-url'));
      expect(about, 'one warning, on setting it').to.have.length(1);
      expect(about[0]).to.contain('<emirate-booking-form>').and.contain('login-url');
    });
  }

  it('a relative or scheme-relative login-url is followed, with the page as the return address', async () => {
    mockBackend.setScenario('signed-out');
    for (const [loginUrl, expected] of [
      ['/nafath/login?from=widget', new URL('/nafath/login?from=widget', location.href).href],
      ['//login.example/nafath', `${location.protocol}//login.example/nafath`],
    ]) {
      const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} login-url=${loginUrl!}></emirate-booking-form>`);
      await until(() => form.shadowRoot!.querySelector('section button'), 'the sign-in view');
      signIns.seen.length = 0;
      form.shadowRoot!.querySelector<HTMLButtonElement>('section button')!.click();
      await until(() => signIns.seen.length === 1, 'emirate-sign-in-required');
      const signIn = new URL(signIns.seen[0]!.signInUrl);
      signIn.searchParams.delete('return');
      expect(signIn.href).to.equal(expected);
      expect(new URL(signIns.seen[0]!.signInUrl).searchParams.get('return')).to.equal(location.href);
    }
    expect(warnings.warnings).to.deep.equal([]);
  });

  it('start-url on another site: followed when signed in, but sign-in comes back to this page', async () => {
    mockBackend.setScenario('signed-out');
    const signedOut = await mountCard({ startUrl: 'https://elsewhere.example/book', loginUrl: '/nafath/login' });
    signedOut.shadowRoot!.querySelector<HTMLButtonElement>('[part=start]')!.click();
    await until(() => signIns.seen.length === 1, 'emirate-sign-in-required');
    expect(signIns.seen[0]!.returnUrl).to.equal(location.href);
    expect(new URL(signIns.seen[0]!.signInUrl).searchParams.get('return')).to.equal(location.href);

    mockBackend.setScenario('new-user');
    const card = await mountCard({ startUrl: 'https://elsewhere.example/book' });
    const starts: ServiceStartDetail[] = [];
    card.addEventListener('emirate-service-start', (e) => {
      e.preventDefault();
      starts.push((e as CustomEvent<ServiceStartDetail>).detail);
    });
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part=start]')!.click();
    expect(starts).to.deep.equal([{ startUrl: 'https://elsewhere.example/book' }]);
    expect(warnings.warnings).to.deep.equal([]);
  });

  it('start-url on this site is the return address after sign-in', async () => {
    mockBackend.setScenario('signed-out');
    const card = await mountCard({ startUrl: '/portal/book?lang=en', loginUrl: '/nafath/login' });
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part=start]')!.click();
    await until(() => signIns.seen.length === 1, 'emirate-sign-in-required');
    expect(signIns.seen[0]!.returnUrl).to.equal(new URL('/portal/book?lang=en', location.href).href);
  });

  for (const hostile of HOSTILE) {
    it(`start-url ${JSON.stringify(hostile)} is ignored with one warning: "Start service" goes nowhere by itself`, async () => {
      const card = await mountCard({ startUrl: hostile });
      const starts: ServiceStartDetail[] = [];
      card.addEventListener('emirate-service-start', (e) => starts.push((e as CustomEvent<ServiceStartDetail>).detail));
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part=start]')!.click();
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part=start]')!.click();
      expect(starts).to.deep.equal([{ startUrl: '' }, { startUrl: '' }]);
      await until(() => warnings.warnings.length, 'the warning');
      expect(warnings.warnings).to.have.length(1);
      expect(warnings.warnings[0]).to.contain('<emirate-service-card>').and.contain('start-url');
    });
  }

  for (const hostile of HOSTILE) {
    it(`the catalog's guide URL ${JSON.stringify(hostile)} gives no link, with one warning`, async () => {
      mockBackend.setCatalog({ ...najranCatalog, service: { ...najranCatalog.service, guideUrl: hostile } });
      const card = await mountCard({});
      expect(visibleText(card)).to.contain('ابدأ الخدمة');
      expect(card.shadowRoot!.querySelector('[part=guide]')).to.equal(null);
      expect(card.shadowRoot!.querySelector('a[href]:not([href^="http"])')).to.equal(null);
      card.requestUpdate();
      await card.updateComplete;
      await until(() => warnings.warnings.length, 'the warning');
      expect(warnings.warnings).to.have.length(1);
      expect(warnings.warnings[0]).to.contain('<emirate-service-card>').and.contain('guideUrl');
      await expect(card).to.be.accessible();
    });
  }

  it('a relative guide URL is a link to this site', async () => {
    mockBackend.setCatalog({ ...najranCatalog, service: { ...najranCatalog.service, guideUrl: '/guides/appointment.pdf' } });
    const card = await mountCard({});
    expect(card.shadowRoot!.querySelector<HTMLAnchorElement>('[part=guide]')!.href).to.equal(new URL('/guides/appointment.pdf', location.href).href);
    expect(warnings.warnings).to.deep.equal([]);
  });

  it('requests-url "javascript:…" is ignored with one warning: "My requests" on the confirmation asks the page instead', async () => {
    const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} no-drafts requests-url="javascript:alert(1)"></emirate-booking-form>`);
    await until(() => form.shadowRoot!.querySelector('form'), 'the form');
    await settled(form);
    await fillValid(form);
    await continueToReview(form);
    await send(form);
    const sent = form.shadowRoot!.querySelector('emirate-request-sent')!;
    await until(() => sent.shadowRoot?.querySelector('button, a.button'), 'the confirmation');
    expect(sent.shadowRoot!.querySelector('a[href^="javascript"]')).to.equal(null);
    const asked = new Promise((resolve) =>
      form.addEventListener(
        'emirate-show-requests',
        (e) => {
          e.preventDefault(); // the page shows them
          resolve(e);
        },
        { once: true },
      ),
    );
    [...sent.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('طلباتي'))!.click();
    await asked;
    await until(() => warnings.warnings.some((w) => w.includes('requests-url')), 'the warning');
    const about = warnings.warnings.filter((w) => w.includes('requests-url'));
    expect(about).to.have.length(1);
    expect(about[0]).to.contain('<emirate-booking-form>');
  });
});
