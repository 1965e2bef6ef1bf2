import { expect } from '@open-wc/testing';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { mockBackend, useMockBackend } from '../support/mock-backend.js';
import { until } from '../support/dom.js';
import { itUnless } from '../support/engine.js';
import { openHostPage, type HostPage } from './support.js';

/**
 * The widget on a page that enforces Trusted Types (issue #10): the strict policy plus
 * `require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'`, sent by
 * web-test-runner.config.mjs for /test/embedding/trusted-types/, with two copies of the widget
 * and of Lit. Violations are read three ways: `securitypolicyviolation` events and the Reporting
 * API in the page (test/embedding/record.js), and the reports the browser POSTs to `report-uri`.
 * The page's calls reach this page's msw through the service worker.
 */
await useMockBackend();

const PAGE = '/test/embedding/trusted-types/index.html';

type BookingPage = HostPage & { window: HostPage['window'] & { runBooking(): Promise<string> } };

/** The reports the browser sent to `report-uri` for `token`, after giving it a moment to send them. */
async function serverReports(token: string, atLeast = 0): Promise<Array<{ 'csp-report'?: { 'effective-directive'?: string; 'violated-directive'?: string } }>> {
  let reports: Array<{ 'csp-report'?: { 'effective-directive'?: string } }> = [];
  const start = performance.now();
  do {
    await new Promise((r) => setTimeout(r, 250));
    reports = await (await fetch(`/__csp-reports/${token}`)).json();
  } while (reports.length < atLeast && performance.now() - start < 5000);
  if (atLeast === 0) {
    // Nothing expected: wait a little longer, so a late report is not missed.
    await new Promise((r) => setTimeout(r, 750));
    reports = await (await fetch(`/__csp-reports/${token}`)).json();
  }
  return reports;
}

describe('a host page that enforces Trusted Types, with a second copy of Lit', function () {
  this.timeout(60000);
  let page: HostPage | undefined;
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(() => page?.remove());

  it('is really served with Trusted Types enforced', async () => {
    const policy = (await fetch(PAGE)).headers.get('content-security-policy') ?? '';
    expect(policy).to.contain("require-trusted-types-for 'script'");
    expect(policy).to.contain("trusted-types lit-html 'allow-duplicates'");
    expect(policy).to.contain("script-src 'self'");
    expect(policy).not.to.contain('unsafe');
  });

  it('runs a whole booking (fill, attach, companions, review, send) with no violation and no error', async () => {
    const token = `booking-${Date.now()}`;
    page = await openHostPage(`${PAGE}?report=${token}`, 20000);
    expect(page.log.errors, 'errors').to.deep.equal([]);
    expect(page.log.copies, 'two copies, the second rendering too').to.deep.equal({ distinct: true, secondRenders: true });

    const confirmation = await (page as BookingPage).window.runBooking();
    const stored = mockBackend.listStoredRequests().at(-1)!;
    expect(confirmation).to.contain(stored.requestNumber);
    expect(stored.request.companions.map((c) => c.idNumber)).to.deep.equal(['1748392659', '2908173640']);
    expect(Object.keys(stored.request).filter((k) => k === 'subjectLetter' || k === 'idCopy').length).to.equal(2);

    // The English strings load on demand: a script too.
    const form = page.document.querySelector('emirate-booking-form')!;
    form.setAttribute('lang', 'en');
    const sent = () => form.shadowRoot!.querySelector('emirate-request-sent')!.shadowRoot!.textContent!;
    await until(() => sent().includes('My requests'), 'the confirmation in English', 8000);

    expect(page.log.violations, 'securitypolicyviolation events').to.deep.equal([]);
    expect(page.log.reports, 'Reporting API').to.deep.equal([]);
    expect(await serverReports(token), 'reports sent to report-uri').to.deep.equal([]);
    expect(page.log.errors, 'errors').to.deep.equal([]);
  });

  it('would see a violation: a string written to innerHTML is refused, raises securitypolicyviolation and is sent to report-uri', async () => {
    const token = `sink-${Date.now()}`;
    page = await openHostPage(`${PAGE}?report=${token}`, 20000);
    const probe = page.document.createElement('div');
    expect(() => (probe.innerHTML = '<b>not trusted</b>')).to.throw();
    expect(probe.innerHTML).to.equal('');
    await until(() => page!.log.violations.length, 'the violation');
    expect(page.log.violations.map((v) => v.directive)).to.deep.equal(['require-trusted-types-for']);
    const sent = await serverReports(token, 1);
    expect(sent.map((r) => r['csp-report']?.['effective-directive'])).to.deep.equal(['require-trusted-types-for']);
  });

  itUnless(
    ['firefox', 'webkit'],
    "ReportingObserver exists there but is given no csp-violation reports (Firefox ESR 153, WebKitGTK 2.50); the event and report-uri, tested above, still report",
    'would see a violation through the Reporting API (ReportingObserver) too',
    async () => {
      page = await openHostPage(PAGE, 20000);
      expect(() => (page!.document.createElement('div').innerHTML = '<b>not trusted</b>')).to.throw();
      await until(() => page!.log.reports.length, 'the report');
      expect(page.log.reports.map((v) => v.directive)).to.deep.equal(['require-trusted-types-for']);
    },
  );

  it("needs 'allow-duplicates': without it, the second copy of Lit may not make its lit-html policy", async () => {
    const token = `duplicates-${Date.now()}`;
    page = await openHostPage(`${PAGE}?duplicates=refused&report=${token}`, 20000);
    await until(() => page!.log.violations.length, 'the violation');
    expect(page.log.violations.map((v) => v.directive)).to.include('trusted-types');
    expect(page.log.violations.find((v) => v.directive === 'trusted-types')!.sample).to.contain('lit-html');
    expect(page.log.errors.join('\n')).to.contain('lit-html');
    const sent = await serverReports(token, 1);
    expect(sent.map((r) => r['csp-report']?.['effective-directive'])).to.include('trusted-types');
  });
});
