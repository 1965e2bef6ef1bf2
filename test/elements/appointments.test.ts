import { fixture, html, expect, fixtureCleanup } from '@open-wc/testing';
import { setViewport } from '../support/commands.js';
import '../../src/appointments.js';
import type { Appointments } from '../../src/appointments.js';
import type { BookingForm, SignInRequiredDetail } from '../../src/booking-form.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { aljoufCatalog, API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { deepQueryAll, settled, type, until, visibleText } from '../support/dom.js';
import { $, continueToReview, fillValid, send } from '../support/booking.js';

await useMockBackend();

const BASE = '/portal/appointment/';
/** The test page's own address, put back after each test (the shell changes it). */
const testPage = location.pathname + location.search;

const shellRoot = (shell: Appointments) => shell.shadowRoot!;
/** The element or section the shell currently shows. */
const current = (shell: Appointments) =>
  shellRoot(shell).querySelector<HTMLElement>('.outlet > :not(div)') ?? shellRoot(shell).querySelector<HTMLElement>('.view > section, .view > emirate-request-sent, .view > .notice, .view > [role=status]');
const tagOf = (shell: Appointments) => current(shell)?.localName ?? '';
const navLink = (shell: Appointments, name: string) =>
  [...shellRoot(shell).querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => a.textContent!.includes(name))!;

async function mount(path: string, attrs: { lang?: string; loginUrl?: string; base?: string } = {}) {
  history.replaceState(null, '', path);
  const shell = await fixture<Appointments>(
    html`<emirate-appointments
      base=${attrs.base ?? BASE}
      api-base=${API_BASE}
      login-url=${attrs.loginUrl ?? ''}
      lang=${attrs.lang ?? 'ar'}
    ></emirate-appointments>`,
  );
  await shown(shell);
  return shell;
}

/** Waits until the view is on screen and has loaded what it shows. */
async function shown(shell: Appointments) {
  await until(() => current(shell), 'a view');
  const view = current(shell)!;
  if ('updateComplete' in view) {
    await until(() => !visibleText(view).match(/جارٍ التحميل|Loading/), 'the view to load', 8000);
    await settled(view as unknown as BookingForm);
  }
  await shell.updateComplete;
}

async function goTo(shell: Appointments, expectedTag: string) {
  await until(() => tagOf(shell) === expectedTag, `the ${expectedTag} view`);
  await shown(shell);
}

describe('<emirate-appointments>', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(() => {
    fixtureCleanup();
    history.replaceState(null, '', testPage);
  });

  describe('routes and deep links', () => {
    const routes: Array<[string, string]> = [
      ['', 'emirate-service-card'],
      ['book', 'emirate-booking-form'],
      ['requests', 'emirate-inbox'],
      ['inquiry', 'emirate-inquiry-box'],
    ];
    for (const [route, tag] of routes) {
      it(`opens ${tag} at ${BASE}${route}`, async () => {
        const shell = await mount(BASE + route);
        expect(tagOf(shell)).to.equal(tag);
        expect(location.pathname).to.equal(BASE + route);
      });
    }

    it('opens one request at requests/<number>', async () => {
      mockBackend.seedSampleRequests();
      const [request] = mockBackend.listStoredRequests();
      const shell = await mount(`${BASE}requests/${request!.requestNumber}`);
      const inbox = current(shell)!;
      expect(inbox.localName).to.equal('emirate-inbox');
      expect(inbox.getAttribute('request')).to.equal(request!.requestNumber);
      await until(() => visibleText(inbox).includes(request!.requestNumber) && !visibleText(inbox).includes('جارٍ'), 'the request');
      expect(visibleText(inbox)).to.include(request!.requestNumber);
    });

    it('shows the confirmation at book/sent/<number>, read back from the backend: the number with its Hijri year, the masked mobile, next steps, a link to the request', async () => {
      mockBackend.seedSampleRequests();
      const request = mockBackend.listStoredRequests()[0]!;
      const shell = await mount(`${BASE}book/sent/${request.requestNumber}?lang=ar`);
      await until(() => visibleText(shell).includes('تم إرسال طلبك بنجاح'), 'the confirmation');
      const text = visibleText(shell);
      const year = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { year: 'numeric', timeZone: 'Asia/Riyadh' })
        .formatToParts(new Date(request.createdAt))
        .find((p) => p.type === 'year')!.value;
      expect(text).to.include(`رقم المعاملة`);
      expect(text).to.include(`${request.requestNumber} لعام ${year} هـ`);
      expect(text).to.include(`+966 5• ••• ${request.request.mobile.slice(-4)}`);
      expect(text).not.to.include(request.request.mobile);
      expect(text).to.include('ماذا بعد؟');
      const follow = deepQueryAll<HTMLAnchorElement>(shell, 'a').find((a) => a.textContent!.includes('متابعة'))!;
      expect(new URL(follow.href).pathname).to.equal(`${BASE}requests/${request.requestNumber}`);
      expect(new URL(follow.href).search, 'the page query is kept').to.equal('?lang=ar');
      await expect(shell).to.be.accessible();
    });

    it('says so, with a retry, when the confirmation cannot read the request back', async () => {
      const shell = await mount(`${BASE}book/sent/00999`);
      await until(() => shellRoot(shell).querySelector('[role=alert]'), 'the error');
      expect(shellRoot(shell).querySelector('[role=alert] button')).to.exist;
      await expect(shell).to.be.accessible();
    });

    it('says a page does not exist for an unknown address, with a way back', async () => {
      const shell = await mount(`${BASE}no/such/view`);
      expect(visibleText(shell)).to.include('الصفحة غير موجودة');
      shellRoot(shell).querySelector<HTMLAnchorElement>('.view a')!.click();
      await goTo(shell, 'emirate-service-card');
      expect(location.pathname).to.equal(BASE);
    });

    it('treats the page path without its trailing slash as the service card', async () => {
      const shell = await mount('/portal/appointment', { base: '/portal/appointment' });
      expect(tagOf(shell)).to.equal('emirate-service-card');
      expect(location.pathname).to.equal('/portal/appointment/');
    });

    it('works at any base path, taking its base from the page when none is given', async () => {
      const shell = await mount('/another/cms/page/inquiry', { base: '/another/cms/page/' });
      expect(tagOf(shell)).to.equal('emirate-inquiry-box');
      fixtureCleanup();
      history.replaceState(null, '', '/elsewhere/emirate');
      const unbased = await fixture<Appointments>(html`<emirate-appointments api-base=${API_BASE}></emirate-appointments>`);
      await shown(unbased);
      expect(unbased.basePath).to.equal('/elsewhere/emirate/');
      expect(new URL(navLink(unbased, 'طلباتي').href).pathname).to.equal('/elsewhere/emirate/requests');
    });
  });

  describe('navigation', () => {
    it('follows its links without reloading, and the back and forward buttons move between views', async () => {
      const shell = await mount(BASE);
      const before = performance.getEntriesByType('navigation').length;
      navLink(shell, 'طلباتي').click();
      await goTo(shell, 'emirate-inbox');
      expect(location.pathname).to.equal(`${BASE}requests`);
      expect(navLink(shell, 'طلباتي').getAttribute('aria-current')).to.equal('page');
      navLink(shell, 'الاستعلام').click();
      await goTo(shell, 'emirate-inquiry-box');
      expect(location.pathname).to.equal(`${BASE}inquiry`);

      history.back();
      await goTo(shell, 'emirate-inbox');
      expect(location.pathname).to.equal(`${BASE}requests`);
      history.back();
      await goTo(shell, 'emirate-service-card');
      expect(location.pathname).to.equal(BASE);
      history.forward();
      await goTo(shell, 'emirate-inbox');
      expect(performance.getEntriesByType('navigation').length).to.equal(before);
    });

    for (const lang of ['ar', 'en']) {
      it(`keeps its tabs on one row at 375 px in ${lang}, with names that match across languages`, async () => {
        await setViewport({ width: 375, height: 800 });
        await setWidgetLocale(lang);
        try {
          const shell = await mount(`${BASE}inquiry`, { lang });
          const links = [...shellRoot(shell).querySelectorAll<HTMLAnchorElement>('nav a')];
          const tops = new Set(links.map((a) => Math.round(a.getBoundingClientRect().top)));
          expect(tops.size, 'one row').to.equal(1);
          const list = shellRoot(shell).querySelector('nav ul')!;
          expect(list.scrollWidth, 'no scrolling needed at normal text size').to.be.at.most(list.clientWidth);
          expect(links.map((a) => a.textContent!.trim())).to.deep.equal(lang === 'ar' ? ['الخدمة', 'طلباتي', 'الاستعلام'] : ['Service', 'My requests', 'Inquiry']);
          expect(links.map((a) => a.getAttribute('aria-current'))).to.deep.equal(['false', 'false', 'page']);
        } finally {
          await setViewport({ width: 800, height: 600 });
        }
      });
    }

    it('moves focus to the new view’s heading after a navigation', async () => {
      const shell = await mount(BASE);
      navLink(shell, 'الاستعلام').click();
      await goTo(shell, 'emirate-inquiry-box');
      const view = current(shell)!;
      await until(() => view.shadowRoot!.activeElement?.localName === 'h2', 'focus on the heading');
    });

    it('keeps the address in step when a request is opened and closed in the inbox', async () => {
      mockBackend.seedSampleRequests();
      const shell = await mount(`${BASE}requests`);
      const inbox = current(shell)!;
      await until(() => inbox.shadowRoot!.querySelector('[data-request]'), 'the list');
      const first = inbox.shadowRoot!.querySelector<HTMLButtonElement>('[data-request]')!;
      const number = first.dataset.request!;
      first.click();
      await until(() => location.pathname === `${BASE}requests/${number}`, 'the request address');
      await until(() => inbox.shadowRoot!.querySelector('button.back, [data-action=back]') ?? [...inbox.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('العودة')), 'the back button');
      const back = [...inbox.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('العودة'))!;
      back.click();
      await until(() => location.pathname === `${BASE}requests`, 'the list address');
      history.back();
      await until(() => inbox.getAttribute('request') === number, 'the request again (back button)');
      expect(current(shell) === inbox).to.equal(true);
    });

    it('stops routing while out of the page and resumes at the current address when put back', async () => {
      const shell = await mount(BASE);
      const parent = shell.parentElement!;
      shell.remove();
      history.pushState(null, '', `${BASE}inquiry`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(tagOf(shell)).to.equal('emirate-service-card');
      parent.append(shell);
      await goTo(shell, 'emirate-inquiry-box');
    });

    it('leaves links on the host page alone, even ones that point under its base', async () => {
      const shell = await mount(BASE);
      const outside = document.createElement('a');
      outside.href = `${BASE}inquiry`;
      outside.textContent = 'host link';
      document.body.append(outside);
      let handled: boolean | undefined;
      const record = (event: Event) => {
        handled = event.defaultPrevented;
        event.preventDefault(); // keep the test page
      };
      window.addEventListener('click', record);
      try {
        outside.click();
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        window.removeEventListener('click', record);
        outside.remove();
      }
      expect(handled).to.equal(false);
      expect(location.pathname).to.equal(BASE);
      expect(tagOf(shell)).to.equal('emirate-service-card');
    });
  });

  describe('the service card', () => {
    it('shows the service from the catalog: description, Nafath note, terms, facts, rating, guide', async () => {
      const shell = await mount(BASE);
      const card = current(shell)!;
      const text = visibleText(card);
      for (const expected of [
        'خدمة طلب موعد مع الإمارة',
        'تتيح هذه الخدمة إمكانية التقدم بطلب موعد في الامارة',
        'النفاذ الوطني الموحد',
        'إرفاق خطاب سبب الزيارة',
        'المواطنون / المقيمون',
        'لا يوجد رسوم',
        'حسب اتفاقية مستوى الخدمة',
        'مواقع الإمارة',
        '4.5',
        'ابدأ الخدمة',
        'تحميل دليل الخدمة',
      ]) {
        expect(text, expected).to.include(expected);
      }
      const guide = card.shadowRoot!.querySelector<HTMLAnchorElement>('a[part=guide]')!;
      expect(guide.hasAttribute('download')).to.equal(true);
      const response = await fetch(guide.href);
      expect(response.headers.get('content-type')).to.include('pdf');
    });

    it("shows another emirate's texts from its catalog", async () => {
      mockBackend.setCatalog(aljoufCatalog);
      const shell = await mount(BASE);
      const text = visibleText(current(shell)!);
      expect(text).to.include(aljoufCatalog.service.name.ar);
      expect(text).to.include('4.2');
    });

    it('"Start service" opens the booking form for a signed-in citizen', async () => {
      const shell = await mount(BASE);
      current(shell)!.shadowRoot!.querySelector<HTMLButtonElement>('button[part=start]')!.click();
      await goTo(shell, 'emirate-booking-form');
      expect(location.pathname).to.equal(`${BASE}book`);
      expect(visibleText(current(shell)!)).to.include('الاسم الرباعي');
    });

    it('"Start service" sends a signed-out citizen to Nafath with the booking form as the return address', async () => {
      mockBackend.setScenario('signed-out');
      const shell = await mount(BASE, { loginUrl: '/nafath/login' });
      const asked: SignInRequiredDetail[] = [];
      const listener = (event: Event) => {
        asked.push((event as CustomEvent<SignInRequiredDetail>).detail);
        event.preventDefault(); // the host takes over (and the test page stays)
      };
      document.addEventListener('emirate-sign-in-required', listener);
      try {
        // Until the card knows the citizen is signed out, "Start service" goes to the start address
        // (where the form asks for the sign-in itself), so the click waits for the session's answer.
        const card = current(shell) as unknown as { session?: unknown };
        await until(() => card.session === null, 'the card to know the citizen is signed out');
        current(shell)!.shadowRoot!.querySelector<HTMLButtonElement>('button[part=start]')!.click();
      } finally {
        document.removeEventListener('emirate-sign-in-required', listener);
      }
      expect(asked.length).to.equal(1);
      expect(asked[0]!.returnUrl).to.equal(new URL(`${BASE}book`, location.href).href);
      const signIn = new URL(asked[0]!.signInUrl);
      expect(signIn.pathname).to.equal('/nafath/login');
      expect(signIn.searchParams.get('return')).to.equal(asked[0]!.returnUrl);
      expect(location.pathname).to.equal(BASE);
    });

    it('a login-url that is not a web address: the shell warns once, its views never follow it', async () => {
      mockBackend.setScenario('signed-out');
      const warnings: string[] = [];
      const realWarn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
      const asked: SignInRequiredDetail[] = [];
      const listener = (event: Event) => {
        asked.push((event as CustomEvent<SignInRequiredDetail>).detail);
        event.preventDefault();
      };
      document.addEventListener('emirate-sign-in-required', listener);
      try {
        const shell = await mount(BASE, { loginUrl: 'javascript:alert(document.domain)' });
        // Pressed before the card knows the citizen is signed out, "Start service" goes to the form.
        const card = current(shell) as unknown as { session?: unknown };
        await until(() => card.session === null, 'the card to know the citizen is signed out');
        current(shell)!.shadowRoot!.querySelector<HTMLButtonElement>('button[part=start]')!.click();
        navLink(shell, 'طلباتي').click();
        await goTo(shell, 'emirate-inbox');
        const signIn = () => [...current(shell)!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('النفاذ'));
        await until(signIn, "the inbox's sign-in");
        signIn()!.click();
        // The words of warnings load with the first one.
        await until(() => warnings.some((w) => w.includes('login-url')), 'the warning');
      } finally {
        console.warn = realWarn;
        document.removeEventListener('emirate-sign-in-required', listener);
      }
      expect(asked.map((a) => a.signInUrl)).to.deep.equal(['', '']);
      expect(warnings.filter((w) => w.includes('login-url'))).to.have.length(1);
      expect(warnings.find((w) => w.includes('login-url'))).to.contain('<emirate-appointments>');
    });
  });

  describe('sign-in round trip', () => {
    it('brings the citizen back to the booking form with their draft after Nafath', async () => {
      // Signed in, the citizen starts typing; the draft is saved.
      let shell = await mount(`${BASE}book`);
      let form = current(shell) as BookingForm;
      const saved = new Promise((resolve) => form.addEventListener('emirate-draft-saved', resolve, { once: true }));
      type($(form, '#email'), 'citizen@example.sa');
      type($<HTMLTextAreaElement>(form, '#subject'), 'مراجعة بخصوص معاملة');
      await saved;

      // The session runs out (past its expiresAt: an expiry, not a sign-out, so the sealed draft
      // is kept); the page is opened again and asks for sign-in.
      fixtureCleanup();
      const realNow = Date.now;
      const later = realNow() + 9 * 60 * 60 * 1000;
      Date.now = () => later;
      try {
        mockBackend.setScenario('signed-out');
        shell = await mount(`${BASE}book`, { loginUrl: '/nafath/login' });
        form = current(shell) as BookingForm;
        let detail: SignInRequiredDetail | undefined;
        form.addEventListener('emirate-sign-in-required', (event) => {
          detail = (event as CustomEvent<SignInRequiredDetail>).detail;
          event.preventDefault();
        });
        const signIn = [...form.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('النفاذ'))!;
        signIn.click();
        await until(() => detail, 'emirate-sign-in-required');
        expect(new URL(detail!.returnUrl).pathname).to.equal(`${BASE}book`);

        // Nafath approves and sends the citizen back to the return address.
        fixtureCleanup();
        mockBackend.setScenario('new-user');
        shell = await mount(new URL(detail!.returnUrl).pathname);
        form = current(shell) as BookingForm;
        await until(() => form.shadowRoot!.querySelector('#email'), 'the form');
        expect($(form, '#email').value).to.equal('citizen@example.sa');
        expect($<HTMLTextAreaElement>(form, '#subject').value).to.equal('مراجعة بخصوص معاملة');
        expect(visibleText(form)).to.include('استعدنا مسودة');
      } finally {
        Date.now = realNow;
      }
    });

    it("keeps the page's query (language, branding) through Start service, sign-in and the shell's links", async () => {
      mockBackend.setScenario('signed-out');
      const shell = await mount(`${BASE}?lang=en&brand=aljouf`, { loginUrl: '/nafath/login', lang: 'en' });
      for (const link of shellRoot(shell).querySelectorAll<HTMLAnchorElement>('nav a')) {
        expect(new URL(link.href).search, link.textContent!).to.equal('?lang=en&brand=aljouf');
      }
      let detail: SignInRequiredDetail | undefined;
      const listener = (event: Event) => {
        detail = (event as CustomEvent<SignInRequiredDetail>).detail;
        event.preventDefault();
      };
      document.addEventListener('emirate-sign-in-required', listener);
      try {
        // Until the card knows the citizen is signed out, "Start service" goes to the start address
        // (where the form asks for the sign-in itself), so the click waits for the session's answer.
        const card = current(shell) as unknown as { session?: unknown };
        await until(() => card.session === null, 'the card to know the citizen is signed out');
        current(shell)!.shadowRoot!.querySelector<HTMLButtonElement>('button[part=start]')!.click();
      } finally {
        document.removeEventListener('emirate-sign-in-required', listener);
      }
      const back = new URL(detail!.returnUrl);
      expect(back.pathname).to.equal(`${BASE}book`);
      expect(back.search).to.equal('?lang=en&brand=aljouf');
      expect(new URL(detail!.signInUrl).searchParams.get('return')).to.equal(detail!.returnUrl);

      // Back from Nafath, at the return address: the booking form, in English.
      fixtureCleanup();
      mockBackend.setScenario('new-user');
      const again = await mount(back.pathname + back.search, { lang: 'en' });
      expect(tagOf(again)).to.equal('emirate-booking-form');
      expect(location.search).to.equal('?lang=en&brand=aljouf');
      navLink(again, 'My requests').click();
      await goTo(again, 'emirate-inbox');
      expect(location.pathname + location.search).to.equal(`${BASE}requests?lang=en&brand=aljouf`);
    });

    it('shows the confirmation view after a request is sent, and the request opens from it', async () => {
      const shell = await mount(`${BASE}book`);
      const form = current(shell) as BookingForm;
      await fillValid(form);
      await continueToReview(form);
      await send(form);
      await until(() => location.pathname.startsWith(`${BASE}book/sent/`), 'the confirmation address');
      const [stored] = mockBackend.listStoredRequests();
      expect(location.pathname).to.equal(`${BASE}book/sent/${stored!.requestNumber}`);
      await until(() => visibleText(shell).includes('تم إرسال طلبك بنجاح'), 'the confirmation');
      expect(visibleText(shell)).to.include(stored!.requestNumber);
      deepQueryAll<HTMLAnchorElement>(shell, 'a').find((a) => a.textContent!.includes('متابعة'))!.click();
      await goTo(shell, 'emirate-inbox');
      expect(current(shell)!.getAttribute('request')).to.equal(stored!.requestNumber);
    });
  });

  describe('accessibility', () => {
    for (const lang of ['ar', 'en']) {
      for (const route of ['', 'book', 'book/sent/R-1447-000001', 'requests', 'requests/R-1447-000001', 'inquiry', 'missing']) {
        it(`is accessible at "${route || '(service card)'}" in ${lang}`, async () => {
          mockBackend.seedSampleRequests();
          const number = mockBackend.listStoredRequests()[0]!.requestNumber;
          const shell = await mount(BASE + route.replace('R-1447-000001', number), { lang });
          await setWidgetLocale(lang);
          await shell.updateComplete;
          await shown(shell);
          expect(shell.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
          await expect(shell).to.be.accessible();
        });
      }
    }
  });
});
