/**
 * The visit itself in `<emirate-inbox>` (#14): the pass of an approved request (QR code of the
 * server's token, validity, print, image, calendar, the copy kept on the device for offline
 * use) and cancelling a request, through the REST adapter and the mock backend, in both languages.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { generate, mode } from 'lean-qr';
import '../../src/inbox.js';
import type { Inbox } from '../../src/inbox.js';
import type { VisitPassElement } from '../../src/elements/inbox/visit-pass.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import type { RequestDetail } from '../../src/api/types.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { PASS_EARLY_MS, verifyPassToken } from '../../demo/mocks/browser.js';
import { fileOf, settled, type, until, visibleText } from '../support/dom.js';
import { ValidationError } from '../../src/api/errors.js';
import type { BookingRequest } from '../../src/api/types.js';

await useMockBackend();

const HOUR = 60 * 60 * 1000;
const root = (inbox: Inbox) => inbox.shadowRoot!;
const passOf = (inbox: Inbox) => root(inbox).querySelector<VisitPassElement>('emirate-visit-pass');
const passRoot = (inbox: Inbox) => passOf(inbox)!.shadowRoot!;
const buttonNamed = (scope: ParentNode, text: string) => [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes(text));

/** The sample's approved request, with a companion added (its visit six days ahead). */
function approved(): RequestDetail {
  const request = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
  request.request.companions = [{ fullName: 'سعد محمد سعيد القحطاني', idNumber: '1000000008', idImage: 'upl-1' }];
  return request;
}

async function mount(request: string, attrs: { lang?: string; adapter?: RestAdapter } = {}) {
  const inbox = await fixture<Inbox>(
    attrs.adapter
      ? html`<emirate-inbox lang=${attrs.lang ?? 'ar'} request=${request} .adapter=${attrs.adapter}></emirate-inbox>`
      : html`<emirate-inbox api-base=${API_BASE} lang=${attrs.lang ?? 'ar'} request=${request}></emirate-inbox>`,
  );
  await until(() => root(inbox).querySelector('article, [role=alert]') && !visibleText(inbox).match(/جارٍ تحميل|Loading/), 'the request and its pass');
  await settled(inbox);
  return inbox;
}

/** The sample's approved request opened once at its pass, online, then closed: the pass is kept on the device. */
async function passSeenOnce() {
  mockBackend.seedSampleRequests();
  const request = approved();
  const adapter = new RestAdapter({ baseUrl: API_BASE, retries: 0 });
  const first = await mount(request.requestNumber, { adapter });
  const token = passOf(first)!.view!.pass.token;
  first.remove();
  // Give the pass time to be written (it is kept after it shows).
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { request, adapter, token };
}

/** Clicks a button and returns the `<a download>` the widget clicked (no real download in the test browser). */
async function download(button: HTMLButtonElement): Promise<HTMLAnchorElement> {
  const clicked: HTMLAnchorElement[] = [];
  const realClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push(this);
  };
  try {
    button.click();
    await until(() => clicked.length === 1, 'the download');
  } finally {
    HTMLAnchorElement.prototype.click = realClick;
  }
  return clicked[0]!;
}

/** The dark modules the SVG path draws, as "x,y" (the path is `M x y h n v1 h-n z` runs). */
function modulesOf(d: string): Set<string> {
  const dark = new Set<string>();
  for (const [, x, y, n] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(n); i++) dark.add(`${Number(x) + i},${y}`);
  return dark;
}

describe('the visit pass', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('shows name, masked ID, request number, Hijri and Gregorian date, time, gate, companions, belongings, and a QR code of the server’s signed token', async () => {
    mockBackend.seedSampleRequests();
    const request = approved();
    const inbox = await mount(request.requestNumber);
    const pass = passRoot(inbox);
    const text = visibleText(pass.querySelector('.pass')!);
    expect(text).to.contain('تصريح الزيارة');
    expect(text).to.contain('محمد عبدالله سعيد القحطاني');
    expect(text).to.contain('1•••••7373');
    expect(text).to.not.contain('1085427373');
    expect(text).to.contain(request.requestNumber);
    expect(pass.querySelector('dd time')!.textContent).to.match(/هـ/);
    expect(pass.querySelector('dd time .date-gregorian')!.textContent).to.match(/\(\d+ \S+ 20\d\d\)/);
    expect(text).to.contain('9:30');
    expect(text).to.contain('البوابة الشمالية');
    expect(text).to.contain('مرافق واحد');
    expect(text).to.contain('سعد محمد سعيد القحطاني');
    expect(text).to.contain('سيارة خاصة');
    expect(text).to.contain('لوحة السيارة');
    expect(text).to.contain('ا ب ح 1234 · ABJ 1234 · أبيض');

    // The QR code: its text alternative is the request number, and it draws the token the server signed.
    const svg = pass.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal(`رمز التصريح للطلب رقم ${request.requestNumber}`);
    const token = passOf(inbox)!.view!.pass.token;
    const signed = await verifyPassToken(token);
    expect(signed, 'the demo key signed it').to.not.equal(null);
    expect(signed!.n).to.equal(request.requestNumber);
    expect(signed!.g).to.equal('north');
    // lean-qr's full build, in the UTF-8 mode its nano build (the widget's) uses: the same code, module for module.
    const code = generate(mode.utf8(token));
    const expected = new Set<string>();
    for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) expected.add(`${x + 4},${y + 4}`);
    expect(modulesOf(pass.querySelector('path')!.getAttribute('d')!)).to.deep.equal(expected);
    expect(svg.getAttribute('viewBox')).to.equal(`0 0 ${code.size + 8} ${code.size + 8}`);
    await expect(inbox).to.be.accessible();
  });

  it('is offered from the list on an approved request, which opens at the pass', async () => {
    mockBackend.seedSampleRequests();
    const request = approved();
    const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE} lang="ar"></emirate-inbox>`);
    await until(() => root(inbox).querySelector('li.request'), 'the list');
    await settled(inbox);
    const links = [...root(inbox).querySelectorAll<HTMLButtonElement>('[data-pass]')];
    expect(links.map((b) => b.dataset.pass)).to.deep.equal([request.requestNumber]);
    expect(links[0]!.textContent!.trim()).to.equal(`تصريح الزيارة للطلب ${request.requestNumber}`);
    await expect(inbox).to.be.accessible();
    links[0]!.click();
    await until(() => passOf(inbox)?.shadowRoot?.activeElement, 'focus on the pass');
    expect(passRoot(inbox).activeElement!.getAttribute('aria-labelledby')).to.equal('pass-title');
    expect(inbox.request).to.equal(request.requestNumber);
  });

  it('says "not valid yet" before its window, "valid" within and "no longer valid" after, in both languages', async () => {
    mockBackend.seedSampleRequests();
    const request = approved();
    const inbox = await mount(request.requestNumber);
    expect(visibleText(passRoot(inbox).querySelector('.validity')!)).to.match(/^التصريح غير صالح بعد: يبدأ .*هـ/);
    await expect(inbox).to.be.accessible();

    const element = passOf(inbox)!;
    const from = Date.parse(element.view!.pass.validFrom);
    element.now = () => from + PASS_EARLY_MS;
    await settled(inbox);
    expect(visibleText(passRoot(inbox).querySelector('.validity')!)).to.match(/^التصريح صالح حتى /);
    expect(passRoot(inbox).querySelector('.validity.valid')).to.not.equal(null);
    await expect(inbox).to.be.accessible();

    element.now = () => Date.parse(element.view!.pass.validTo) + 1000;
    await settled(inbox);
    expect(visibleText(passRoot(inbox).querySelector('.validity')!)).to.match(/^انتهت صلاحية التصريح في /);

    await setWidgetLocale('en');
    await settled(inbox);
    await element.updateComplete;
    expect(visibleText(passRoot(inbox).querySelector('.validity')!)).to.match(/^The pass is no longer valid: it ended .*AH/);
    element.now = () => from - 1000;
    await element.updateComplete;
    expect(visibleText(passRoot(inbox).querySelector('.validity')!)).to.match(/^The pass is not valid yet: it starts /);
    const text = visibleText(passRoot(inbox).querySelector('.pass')!);
    expect(text).to.contain('Visit pass');
    expect(text).to.contain('North gate');
    expect(text).to.contain('Private car');
    expect(passRoot(inbox).querySelector('svg')!.getAttribute('aria-label')).to.equal(`Pass code for request number ${request.requestNumber}`);
    await expect(inbox).to.be.accessible();
  });

  it('is valid on the day of the visit (the demo’s "visit today" scenario)', async () => {
    mockBackend.seedSampleRequests();
    const request = approved();
    mockBackend.moveVisit(Date.now() + HOUR);
    const inbox = await mount(request.requestNumber, { lang: 'en' });
    expect(visibleText(passRoot(inbox).querySelector('.validity')!)).to.match(/^The pass is valid until /);
    await expect(inbox).to.be.accessible();
  });

  it('prints alone, saves as a PNG image, and downloads an .ics file for the calendar', async () => {
    mockBackend.seedSampleRequests();
    const request = approved();
    const inbox = await mount(request.requestNumber);
    const element = passOf(inbox)!;

    let printed = 0;
    const realPrint = window.print;
    window.print = () => void printed++;
    try {
      buttonNamed(passRoot(inbox), 'طباعة التصريح')!.click();
      await until(() => printed === 1, 'the print dialog');
    } finally {
      window.print = realPrint;
    }
    expect(document.querySelector('[data-emirate-printing]'), 'the pass alone prints').to.equal(null);
    expect(element.hasAttribute('data-emirate-printing')).to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    expect(element.hasAttribute('data-emirate-printing')).to.equal(false);

    const image = await download(buttonNamed(passRoot(inbox), 'حفظ التصريح كصورة')!);
    expect(image.download).to.equal(`visit-pass-${request.requestNumber}.png`);
    const png = new Uint8Array(await (await fetch(image.href)).arrayBuffer());
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).to.equal('PNG');

    const ics = await download(buttonNamed(passRoot(inbox), 'إضافة إلى التقويم')!);
    expect(ics.download).to.equal(`appointment-${request.requestNumber}.ics`);
    const text = await (await fetch(ics.href)).text();
    expect(text).to.match(/^BEGIN:VCALENDAR\r\n/);
    expect(text.replace(/\r\n /g, '')).to.contain(`DESCRIPTION;LANGUAGE=ar:رقم الطلب: ${request.requestNumber}`);
    expect(text).to.contain('LOCATION;LANGUAGE=ar:البوابة الشمالية');
    expect(text).to.contain('DTSTART;TZID=Asia/Riyadh:');
    expect(text).to.contain('TRIGGER:-P1D');
  });

  it('is kept sealed on the device once opened, and shows from there when the server cannot be reached', async () => {
    const { request, adapter, token } = await passSeenOnce();

    mockBackend.queueFault({ method: 'GET', path: '/requests/:number', kind: 'network' });
    const offline = await mount(request.requestNumber, { adapter });
    await until(() => passOf(offline), 'the kept pass');
    await settled(offline);
    expect(root(offline).querySelector('[role=alert]'), 'the failure is said').to.not.equal(null);
    expect(passOf(offline)!.view!.pass.token).to.equal(token);
    expect(visibleText(passRoot(offline).querySelector('.pass')!)).to.contain('النسخة المحفوظة على جهازك');
    expect(visibleText(passRoot(offline).querySelector('.pass')!)).to.contain('1•••••7373');
    await expect(offline).to.be.accessible();
  });

  it('opened again with no connection (a reload at the gate), shows the gate’s copy: QR code, number, date and gate, no name or ID; a sign-out clears it', async () => {
    const { request, adapter, token } = await passSeenOnce();

    // No session can be had: the list shows the failure, and below it the pass kept for the gate.
    mockBackend.queueFault({ method: 'GET', path: '/session', kind: 'network' });
    const list = await fixture<Inbox>(html`<emirate-inbox lang="ar" .adapter=${adapter}></emirate-inbox>`);
    await until(() => root(list).querySelector('.gate-passes emirate-visit-pass'), 'the gate’s copy');
    await settled(list);
    const pass = root(list).querySelector<VisitPassElement>('.gate-passes emirate-visit-pass')!;
    await pass.updateComplete;
    expect(pass.view!.pass.token).to.equal(token);
    const text = visibleText(pass.shadowRoot!.querySelector('.pass')!);
    expect(text).to.contain(request.requestNumber).and.contain('مرافق واحد').and.contain('النسخة المحفوظة على جهازك');
    expect(text, 'no name, ID or companion’s name on the device-key copy').to.not.contain('القحطاني').and.not.contain('7373');
    expect(pass.view!.name).to.equal(undefined);
    expect(visibleText(list)).to.contain('تصاريح الزيارة المحفوظة على هذا الجهاز');
    expect(root(list).querySelector('[role=alert]'), 'the failure is said').to.not.equal(null);
    await expect(list).to.be.accessible();
    list.remove();

    // Opened at another request: not this pass.
    mockBackend.queueFault({ method: 'GET', path: '/session', kind: 'network' });
    const other = await mount('999999', { adapter });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(root(other).querySelector('.gate-passes'), 'only the open request’s pass').to.equal(null);
    other.remove();

    // Seen signed out: the copies go, as drafts do.
    mockBackend.setScenario('signed-out');
    const signedOut = await fixture<Inbox>(html`<emirate-inbox lang="ar" .adapter=${adapter}></emirate-inbox>`);
    await until(() => visibleText(signedOut).includes('النفاذ الوطني'), 'sign in');
    await new Promise((resolve) => setTimeout(resolve, 300));
    signedOut.remove();
    mockBackend.setScenario('new-user');
    mockBackend.queueFault({ method: 'GET', path: '/session', kind: 'network' });
    const after = await mount(request.requestNumber, { adapter });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(root(after).querySelector('.gate-passes'), 'nothing kept after the sign-out').to.equal(null);
  });

  it('keeps nothing on a shared computer (no-drafts), and only the masked ID', async () => {
    mockBackend.seedSampleRequests();
    const request = approved();
    const adapter = new RestAdapter({ baseUrl: API_BASE, retries: 0 });
    const inbox = await fixture<Inbox>(html`<emirate-inbox no-drafts request=${request.requestNumber} .adapter=${adapter}></emirate-inbox>`);
    await until(() => passOf(inbox), 'the pass');
    inbox.remove();
    await new Promise((resolve) => setTimeout(resolve, 300));
    mockBackend.queueFault({ method: 'GET', path: '/requests/:number', kind: 'network' });
    const offline = await mount(request.requestNumber, { adapter });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(passOf(offline)).to.equal(null);
    // Nor for the gate.
    mockBackend.queueFault({ method: 'GET', path: '/session', kind: 'network' });
    const reloaded = await mount(request.requestNumber, { adapter });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(root(reloaded).querySelector('.gate-passes')).to.equal(null);
  });

  it('is not shown for a request that is not approved, and says so when the pass cannot be had', async () => {
    mockBackend.seedSampleRequests();
    const open = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!;
    const inbox = await mount(open.requestNumber);
    expect(passOf(inbox)).to.equal(null);

    const request = approved();
    mockBackend.queueFault({ method: 'GET', path: '/requests/:number/pass', kind: { status: 503, body: { code: 'unavailable', message: 'Down.' } } });
    mockBackend.queueFault({ method: 'GET', path: '/requests/:number/pass', kind: { status: 503, body: { code: 'unavailable', message: 'Down.' } } });
    mockBackend.queueFault({ method: 'GET', path: '/requests/:number/pass', kind: { status: 503, body: { code: 'unavailable', message: 'Down.' } } });
    const failing = await mount(request.requestNumber, { adapter: new RestAdapter({ baseUrl: API_BASE, retries: 0 }) });
    await until(() => visibleText(failing).includes('تعذر تحميل تصريح الزيارة'), 'the failure');
    await expect(failing).to.be.accessible();
    mockBackend.reset();
  });
});

describe('cancelling a request', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('asks for confirmation with an optional reason, then shows "cancelled" in the request, its history and the list', async () => {
    mockBackend.seedSampleRequests();
    const request = approved();
    const inbox = await mount(request.requestNumber);
    buttonNamed(root(inbox), 'إلغاء الطلب')!.click();
    await settled(inbox);
    const confirm = root(inbox).querySelector('.cancel')!;
    expect(visibleText(confirm)).to.contain(`إلغاء الطلب رقم ${request.requestNumber}؟`);
    expect(root(inbox).activeElement?.id).to.equal('cancel-title');
    await expect(inbox).to.be.accessible();

    // Going back keeps the request.
    buttonNamed(confirm, 'تراجع')!.click();
    await settled(inbox);
    expect(root(inbox).querySelector('.cancel')).to.equal(null);
    expect(root(inbox).activeElement?.id).to.equal('cancel-request');

    buttonNamed(root(inbox), 'إلغاء الطلب')!.click();
    await settled(inbox);
    type(root(inbox).querySelector<HTMLTextAreaElement>('#cancel-reason')!, 'تم حل الموضوع، شكرًا.');
    const cancelled: unknown[] = [];
    const onCancelled = (e: Event) => cancelled.push((e as CustomEvent).detail);
    document.addEventListener('emirate-request-cancelled', onCancelled);
    buttonNamed(root(inbox), 'تأكيد الإلغاء')!.click();
    await until(() => root(inbox).querySelector('.status-cancelled'), 'the cancelled status');
    document.removeEventListener('emirate-request-cancelled', onCancelled);
    // The page learns the request number, never the reason (personal data stays in the widget).
    expect(cancelled).to.deep.equal([{ requestNumber: request.requestNumber }]);
    await settled(inbox);
    expect(visibleText(root(inbox).querySelector('article > p')!)).to.contain('ملغي');
    expect(visibleText(root(inbox).querySelector('.history')!)).to.contain('تم حل الموضوع، شكرًا.');
    expect(passOf(inbox), 'a cancelled request has no pass').to.equal(null);
    expect(buttonNamed(root(inbox), 'إلغاء الطلب'), 'no second cancel').to.equal(undefined);
    expect(visibleText(root(inbox).querySelector('.closed')!)).to.contain('أُلغي هذا الطلب');
    expect(root(inbox).querySelector('emirate-reply-form')).to.equal(null);
    expect(visibleText(root(inbox).querySelector('[role=status][aria-live]')!)).to.contain(`أُلغي الطلب ${request.requestNumber}.`);
    expect(mockBackend.listStoredRequests().find((r) => r.requestNumber === request.requestNumber)!.status).to.equal('cancelled');
    await expect(inbox).to.be.accessible();

    inbox.request = '';
    await until(() => root(inbox).querySelector('li.request'), 'the list');
    const row = [...root(inbox).querySelectorAll('li.request')].find((li) => visibleText(li).includes(request.requestNumber))!;
    expect(visibleText(row)).to.contain('ملغي');
  });

  it('offers no cancel on a completed, rejected or past request, and explains a refusal in English', async () => {
    mockBackend.seedSampleRequests();
    for (const status of ['completed', 'rejected'] as const) {
      const closed = mockBackend.listStoredRequests().find((r) => r.status === status)!;
      const inbox = await mount(closed.requestNumber);
      expect(buttonNamed(root(inbox), 'إلغاء الطلب'), status).to.equal(undefined);
      expect(passOf(inbox), status).to.equal(null);
      inbox.remove();
    }
    const request = approved();
    const inbox = await mount(request.requestNumber, { lang: 'en' });
    buttonNamed(root(inbox), 'Cancel the request')!.click();
    await settled(inbox);
    // Meanwhile the visit passed: the server refuses.
    mockBackend.moveVisit(Date.now() - HOUR);
    buttonNamed(root(inbox), 'Confirm cancellation')!.click();
    await until(() => visibleText(inbox).includes('This request can no longer be cancelled.'), 'the refusal');
    expect(buttonNamed(root(inbox), 'Confirm cancellation')).to.equal(undefined);
    await until(() => !buttonNamed(root(inbox), 'Cancel the request'), 'the request shown as it is (past its visit)');
    expect(visibleText(inbox)).to.include('This request can no longer be cancelled.');
    await expect(inbox).to.be.accessible();
  });

  it('is idempotent through the REST adapter: cancelling twice answers the cancelled request both times', async () => {
    mockBackend.seedSampleRequests();
    const open = mockBackend.listStoredRequests().find((r) => r.status === 'submitted')!;
    const api = new RestAdapter({ baseUrl: API_BASE });
    const first = await api.cancelRequest(open.requestNumber, { reason: 'لم أعد بحاجة إليه' });
    const again = await api.cancelRequest(open.requestNumber, {});
    expect(first.status).to.equal('cancelled');
    expect(again.status).to.equal('cancelled');
    expect(again.history.filter((h) => h.status === 'cancelled')).to.have.length(1);
    const listed = await api.listRequests({ page: 1, pageSize: 10 });
    expect(listed.items.find((r) => r.requestNumber === open.requestNumber)!.status).to.equal('cancelled');
  });
});

describe('the car plate in the contract', () => {
  it('is sent with the booking, checked by the server (plate-letter), and read back with the request', async () => {
    const api = new RestAdapter({ baseUrl: API_BASE });
    const session = (await api.getSession())!;
    const letter = await api.uploadFile(fileOf('pdf', 'letter.pdf'), 'letter.pdf', 'subject-letter');
    const idCopy = await api.uploadFile(fileOf('png', 'id.png'), 'id.png', 'id-copy');
    const booking: BookingRequest = {
      applicantType: 'individual',
      fullName: session.user.name,
      idNumber: session.user.idNumber,
      mobile: '512345678',
      email: 'm.alqahtani@example.sa',
      appointmentType: 'department',
      destination: 'rights',
      gate: 'north',
      reason: 'complaint',
      subject: 'موعد بسيارة خاصة',
      subjectLetter: letter.id,
      idCopy: idCopy.id,
      belongings: ['private-car'],
      plate: { digits: '1234', letters: 'ABC' },
      companions: [],
      declaration: true,
      locale: 'ar',
    };
    const refused = await api.submitRequest(booking, { idempotencyKey: 'plate-1' }).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors).to.deep.include({ field: 'plate', code: 'plate-letter' });
    const sent = await api.submitRequest({ ...booking, plate: { digits: '1234', letters: 'ABJ', make: 'تويوتا' } }, { idempotencyKey: 'plate-1' });
    const detail = await api.getRequest(sent.requestNumber);
    expect(detail.request.plate).to.deep.equal({ digits: '1234', letters: 'ABJ', make: 'تويوتا' });
  });
});
