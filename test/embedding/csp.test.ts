import { expect } from '@open-wc/testing';
import { until } from '../support/dom.js';
import { openHostPage, typeIn, type HostPage } from './support.js';

/**
 * The widget on a host page served with a strict Content-Security-Policy (no inline scripts or
 * styles, no eval; web-test-runner.config.mjs sends it for /test/embedding/csp/). The page
 * records every `securitypolicyviolation` from its first line (test/embedding/record.js).
 */
const PAGE = '/test/embedding/csp/index.html';

describe('a host page with a strict Content-Security-Policy', function () {
  this.timeout(40000);
  let page: HostPage | undefined;
  afterEach(() => page?.remove());

  it('is really served with the strict policy', async () => {
    const policy = (await fetch(PAGE)).headers.get('content-security-policy') ?? '';
    expect(policy).to.contain("script-src 'self'");
    expect(policy).to.contain("style-src 'self'");
    expect(policy).not.to.contain('unsafe-inline');
    expect(policy).not.to.contain('unsafe-eval');
  });

  it('shows the booking form and answers an inquiry with no violation and no error', async () => {
    page = await openHostPage(PAGE);
    expect(page.log.errors, 'errors').to.deep.equal([]);

    const form = page.document.querySelector('emirate-booking-form')!;
    await until(() => form.shadowRoot?.querySelector('form button[type=submit]'), 'the whole booking form', 10000);
    const styled = form.shadowRoot!.querySelector('form button[type=submit]')!;
    // The shadow styles (adopted constructable style sheets) apply under style-src 'self'.
    expect(page.window.getComputedStyle(styled).minBlockSize).to.equal('44px');

    const box = page.document.querySelector('emirate-inquiry-box')!;
    await until(() => box.shadowRoot?.querySelector('form'), 'the inquiry box');
    const answers: string[] = [];
    box.addEventListener('emirate-inquiry-result', (e) => answers.push((e as CustomEvent<{ outcome: string }>).detail.outcome));
    typeIn(page.window, box.shadowRoot!.querySelector<HTMLInputElement>('#transactionNumber')!, '4521');
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => answers.length, 'the inquiry answer', 8000);
    expect(answers).to.deep.equal(['found']);
    expect(box.shadowRoot!.querySelector('[part=result]')!.textContent).to.contain('4521');

    // Switch to English: the lazily loaded locale module is a same-origin script too.
    box.setAttribute('lang', 'en');
    await until(() => box.shadowRoot!.querySelector('h2')!.textContent!.includes('Transaction inquiry'), 'English', 8000);

    expect(page.log.violations, 'CSP violations').to.deep.equal([]);
    expect(page.log.errors, 'errors').to.deep.equal([]);
  });

  it('would see a violation: an inline style attribute and an inline script are reported', async () => {
    page = await openHostPage(PAGE);
    expect(page.log.violations).to.deep.equal([]);
    page.document.body.setAttribute('style', 'color: red');
    const script = page.document.createElement('script');
    script.textContent = 'window.inlineRan = true;';
    page.document.body.append(script);
    await until(() => page!.log.violations.length >= 2, 'the violations to be reported');
    expect(page.log.violations.map((v) => v.directive).sort()).to.deep.equal(['script-src-elem', 'style-src-attr']);
    expect((page.window as unknown as { inlineRan?: boolean }).inlineRan).to.equal(undefined);
  });
});

/**
 * The same host page with Trusted Types enforced (`require-trusted-types-for 'script'`): only
 * Lit's "lit-html" policy and the page's default one may reach script sinks, and the default one
 * refuses and records everything but the test's own service worker URL. Where an engine has no
 * Trusted Types the directive is ignored and the widget needs none: it writes no HTML strings.
 */
describe('a host page that enforces Trusted Types', function () {
  this.timeout(40000);
  const TT_PAGE = '/test/embedding/trusted-types/index.html';
  let page: HostPage | undefined;
  afterEach(() => page?.remove());

  it('is served with the strict policy and Trusted Types required', async () => {
    const policy = (await fetch(TT_PAGE)).headers.get('content-security-policy') ?? '';
    expect(policy).to.contain("script-src 'self'");
    expect(policy).to.contain("require-trusted-types-for 'script'");
    expect(policy).to.contain('trusted-types lit-html default');
  });

  it('shows the booking form and answers an inquiry with no violation and no error', async () => {
    page = await openHostPage(TT_PAGE);
    expect(page.log.errors, 'errors').to.deep.equal([]);
    expect('trustedTypes' in page.window, 'this engine enforces Trusted Types').to.equal(true);
    const form = page.document.querySelector('emirate-booking-form')!;
    await until(() => form.shadowRoot?.querySelector('form button[type=submit]'), 'the whole booking form', 10000);
    const box = page.document.querySelector('emirate-inquiry-box')!;
    await until(() => box.shadowRoot?.querySelector('form'), 'the inquiry box');
    const answers: string[] = [];
    box.addEventListener('emirate-inquiry-result', (e) => answers.push((e as CustomEvent<{ outcome: string }>).detail.outcome));
    typeIn(page.window, box.shadowRoot!.querySelector<HTMLInputElement>('#transactionNumber')!, '4521');
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => answers.length, 'the inquiry answer', 8000);
    expect(answers).to.deep.equal(['found']);
    box.setAttribute('lang', 'en');
    await until(() => box.shadowRoot!.querySelector('h2')!.textContent!.includes('Transaction inquiry'), 'English', 8000);
    expect(page.log.violations, 'CSP and Trusted Types violations').to.deep.equal([]);
    expect(page.log.errors, 'errors').to.deep.equal([]);
  });

  it('would see a violation: a string written to innerHTML is refused and reported', async () => {
    page = await openHostPage(TT_PAGE);
    expect(page.log.violations).to.deep.equal([]);
    const div = page.document.createElement('div');
    try {
      div.innerHTML = '<b>x</b>';
    } catch {
      // Refused: the default policy returned null.
    }
    expect(div.querySelector('b')).to.equal(null);
    await until(() => page!.log.violations.length > 0, 'the violation to be recorded');
  });
});
