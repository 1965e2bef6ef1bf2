import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../support/commands.js';
import '../../src/inbox.js';
import type { Inbox } from '../../src/inbox.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { deepQuery, fileOf, lineCount, pickFile, recordFetches, settled, type, until, visibleText } from '../support/dom.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import type { UnreadChangedDetail } from '../../src/elements/inbox/inbox.js';
import type { MessageSentDetail } from '../../src/inbox.js';

await useMockBackend();

const root = (inbox: Inbox) => inbox.shadowRoot!;
const rows = (inbox: Inbox) => [...root(inbox).querySelectorAll<HTMLElement>('li.request')];
const replyForm = (inbox: Inbox) => root(inbox).querySelector('emirate-reply-form')!;
const replyText = (inbox: Inbox) => replyForm(inbox).shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!;

async function mount(attrs: { request?: string; pageSize?: number; poll?: number; lang?: string } = {}) {
  const inbox = await fixture<Inbox>(html`<emirate-inbox
    api-base=${API_BASE}
    lang=${attrs.lang ?? 'ar'}
    request=${attrs.request ?? ''}
    page-size=${attrs.pageSize ?? 10}
    poll-interval=${attrs.poll ?? 30}
  ></emirate-inbox>`);
  await until(() => !root(inbox).querySelector('[aria-busy=true]') && !visibleText(inbox).includes('جارٍ تحميل'), 'the inbox to load');
  await settled(inbox);
  return inbox;
}

/** The newest sample request: under processing, two unread staff messages, one asking for a document. */
function latest() {
  return mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!;
}

async function openRow(inbox: Inbox, requestNumber: string) {
  root(inbox).querySelector<HTMLButtonElement>(`[data-request="${requestNumber}"]`)!.click();
  await until(() => root(inbox).querySelector('article'), 'the request to open');
  await settled(inbox);
}

describe('<emirate-inbox>', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('lists the requests with number, date, beneficiary, status and the unread badge', async () => {
    mockBackend.seedSampleRequests();
    const inbox = await mount();
    expect(rows(inbox)).to.have.length(5);
    const first = rows(inbox)[0]!;
    expect(visibleText(first)).to.contain(`طلب رقم ${latest().requestNumber}`);
    expect(visibleText(first)).to.contain('بانتظار استكمال المستندات');
    expect(visibleText(first)).to.contain('لديك رسالتان');
    expect(visibleText(first)).to.contain('محمد عبدالله سعيد القحطاني');
    expect(first.querySelector('time')!.textContent).to.match(/هـ/);
    await expect(inbox).to.be.accessible();
  });

  it('the reply box says its limit with the noun in the form the number takes', async () => {
    mockBackend.seedSampleRequests();
    const open = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!;
    const inbox = await mount({ request: open.requestNumber });
    await until(() => root(inbox).querySelector('emirate-reply-form')?.shadowRoot?.querySelector('#reply-hint'), 'the reply form');
    const hint = () => root(inbox).querySelector('emirate-reply-form')!.shadowRoot!.querySelector('#reply-hint')!.textContent!.trim();
    expect(hint()).to.equal('حتى 2000 حرف');
    await setWidgetLocale('en');
    await settled(inbox);
    expect(hint()).to.equal('Up to 2000 characters');
    await setWidgetLocale('ar');
  });

  it('says so when there are no requests yet', async () => {
    const inbox = await mount();
    expect(visibleText(inbox)).to.contain('لا توجد طلبات بعد');
    await expect(inbox).to.be.accessible();
  });

  it('explains a failed load and retries', async () => {
    mockBackend.seedSampleRequests();
    for (let i = 0; i < 3; i++) mockBackend.queueFault({ method: 'GET', path: '/requests', kind: { status: 503 } });
    const inbox = await mount();
    expect(visibleText(inbox)).to.contain('حدث خطأ في الخادم');
    await expect(inbox).to.be.accessible();
    root(inbox).querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await until(() => rows(inbox).length === 5, 'the list after retry');
  });

  it('pages through a long history', async () => {
    mockBackend.seedManyRequests(23);
    const inbox = await mount({ pageSize: 10 });
    expect(rows(inbox)).to.have.length(10);
    expect(visibleText(inbox)).to.contain('صفحة 1 من 3');
    const next = () => [...root(inbox).querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent!.includes('التالي'))!;
    next().click();
    await until(() => visibleText(inbox).includes('صفحة 2 من 3'), 'page 2');
    expect(root(inbox).activeElement === root(inbox).querySelector('h2'), 'focus').to.equal(true);
    next().click();
    await until(() => visibleText(inbox).includes('صفحة 3 من 3'), 'page 3');
    expect(rows(inbox)).to.have.length(3);
    expect(next().disabled).to.equal(true);
    await expect(inbox).to.be.accessible();
  });

  it('opens a request: details, history, messages; reading them clears the badge', async () => {
    mockBackend.seedSampleRequests();
    const inbox = await mount();
    const number = latest().requestNumber;
    const opened = oneEvent(inbox, 'emirate-request-opened');
    await openRow(inbox, number);
    expect((await opened).detail.requestNumber).to.equal(number);
    expect(inbox.getAttribute('request')).to.equal(number);
    await until(() => root(inbox).activeElement === root(inbox).querySelector('h2'), 'focus on the request’s heading');
    const text = visibleText(inbox);
    expect(text).to.contain('نأمل إرفاق صورة واضحة من صك الملكية');
    expect(text).to.contain('سجل الحالة');
    expect(text).to.contain('تحت الإجراء');
    expect(text).to.contain('الإدارة العامة للحقوق');
    await until(() => latest().unreadMessages === 0, 'the server to know the messages were read');
    await expect(inbox).to.be.accessible();
    root(inbox).querySelector<HTMLButtonElement>('p > button.link')!.click();
    await until(() => rows(inbox).length === 5, 'the list again');
    expect(visibleText(rows(inbox)[0]!)).to.not.contain('لديك');
    expect(root(inbox).activeElement?.getAttribute('data-request')).to.equal(number);
  });

  it('shows an approved request’s appointment date, time and gate', async () => {
    mockBackend.seedSampleRequests();
    const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
    const inbox = await mount({ request: approved.requestNumber });
    const box = root(inbox).querySelector('.appointment')!;
    expect(visibleText(box)).to.contain('موعدك');
    expect(visibleText(box)).to.contain('البوابة الشمالية');
    expect(visibleText(box)).to.match(/9:30|09:30|٩:٣٠/);
    await expect(inbox).to.be.accessible();
  });

  it('renders markup and script in a staff message as inert text', async () => {
    mockBackend.seedSampleRequests();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>عريض</b> \u202eغير مقلوب';
    mockBackend.addStaffMessage(latest().requestNumber, hostile);
    const inbox = await mount({ request: latest().requestNumber });
    const messages = root(inbox).querySelector('ol.messages')!;
    expect(messages.textContent).to.contain('<script>window.__pwned=1</script>');
    expect(messages.querySelector('img, script, b')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('sends a reply with a document; it joins the thread', async () => {
    mockBackend.seedSampleRequests();
    const number = latest().requestNumber;
    const inbox = await mount({ request: number });
    type(replyText(inbox), 'مرفق صورة الصك');
    const field = replyForm(inbox).shadowRoot!.querySelector('emirate-file-field')!;
    pickFile(field, fileOf('pdf', 'صك.pdf'));
    await until(() => visibleText(field).includes('جاهز'), 'the upload');
    const sent = oneEvent(inbox, 'emirate-message-sent') as Promise<CustomEvent<MessageSentDetail>>;
    replyForm(inbox).shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const { detail } = await sent;
    expect(detail.requestNumber).to.equal(number);
    expect(detail.attachmentCount).to.equal(1);
    expect(Object.keys(detail).sort(), 'which message, not what it says').to.deep.equal(['attachmentCount', 'messageId', 'requestNumber']);
    await until(() => visibleText(root(inbox).querySelector('ol.messages')!).includes('مرفق صورة الصك'), 'the reply in the thread');
    const reply = mockBackend.listStoredRequests().find((r) => r.requestNumber === number)!.messages.at(-1)!;
    expect(detail.messageId).to.equal(reply.id);
    expect(visibleText(root(inbox).querySelector('ol.messages')!)).to.contain('صك.pdf');
    expect(replyText(inbox).value).to.equal('');
    const stored = latest() ?? mockBackend.listStoredRequests().find((r) => r.requestNumber === number)!;
    expect(mockBackend.listStoredRequests().find((r) => r.requestNumber === number)!.messages.filter((m) => m.from === 'applicant')).to.have.length(1);
    expect(stored).to.exist;
    await expect(inbox).to.be.accessible();
  });

  it('asks for text or a document before sending a reply', async () => {
    mockBackend.seedSampleRequests();
    const inbox = await mount({ request: latest().requestNumber });
    replyForm(inbox).shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settled(inbox);
    expect(replyText(inbox).getAttribute('aria-invalid')).to.equal('true');
    expect(visibleText(replyForm(inbox))).to.contain('اكتب ردك أو أرفق مستندًا');
    await expect(inbox).to.be.accessible();
  });

  it('keeps a reply being typed, with its document, across a reload', async () => {
    mockBackend.seedSampleRequests();
    const number = latest().requestNumber;
    const inbox = await mount({ request: number });
    type(replyText(inbox), 'رد لم يُرسل بعد');
    const field = replyForm(inbox).shadowRoot!.querySelector('emirate-file-field')!;
    pickFile(field, fileOf('png', 'صورة.png'));
    await until(() => visibleText(field).includes('جاهز'), 'the upload');
    await new Promise((r) => setTimeout(r, 800)); // the autosave's quiet time
    inbox.remove();
    const again = await mount({ request: number });
    await until(() => replyText(again).value === 'رد لم يُرسل بعد', 'the text to come back');
    await until(() => visibleText(replyForm(again)).includes('صورة.png'), 'the document to come back');
  });

  it('a failed reply keeps its text and document, and the retry sends it once', async () => {
    mockBackend.seedSampleRequests();
    const number = latest().requestNumber;
    const inbox = await mount({ request: number });
    type(replyText(inbox), 'الرد مع المستند');
    const field = replyForm(inbox).shadowRoot!.querySelector('emirate-file-field')!;
    pickFile(field, fileOf('pdf', 'مستند.pdf'));
    await until(() => visibleText(field).includes('جاهز'), 'the upload');
    mockBackend.queueFault({ method: 'POST', path: '/requests/:number/messages', kind: 'network-after-commit' });
    mockBackend.queueFault({ method: 'POST', path: '/requests/:number/messages', kind: 'network' });
    mockBackend.queueFault({ method: 'POST', path: '/requests/:number/messages', kind: 'network' });
    const submit = () => replyForm(inbox).shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    submit();
    await until(() => visibleText(replyForm(inbox)).includes('تعذر الاتصال بالخادم'), 'the failure', 8000);
    expect(replyText(inbox).value).to.equal('الرد مع المستند');
    expect(visibleText(field)).to.contain('مستند.pdf');
    await expect(inbox).to.be.accessible();
    submit();
    await until(() => replyText(inbox).value === '', 'the retried send');
    const applicant = mockBackend.listStoredRequests().find((r) => r.requestNumber === number)!.messages.filter((m) => m.from === 'applicant');
    expect(applicant).to.have.length(1);
  });

  it('shows new staff messages and status changes without a reload, and announces them', async () => {
    mockBackend.seedSampleRequests();
    const inbox = await mount({ poll: 0.2 });
    const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
    mockBackend.addStaffMessage(approved.requestNumber, 'تم تغيير وقت الموعد.');
    await until(() => visibleText(inbox).includes(`رسالة جديدة في الطلب ${approved.requestNumber}`), 'the announcement');
    const row = rows(inbox).find((r) => visibleText(r).includes(approved.requestNumber))!;
    expect(visibleText(row)).to.contain('لديك رسالة');
    mockBackend.setStatus(approved.requestNumber, 'completed');
    await until(() => visibleText(inbox).includes('تغيرت حالة الطلب'), 'the status announcement');

    // Once the inbox leaves the page it stops asking, even with a check in flight.
    const { calls, restore } = recordFetches();
    try {
      inbox.remove();
      await new Promise((r) => setTimeout(r, 300));
      calls.length = 0;
      await new Promise((r) => setTimeout(r, 600));
      expect(calls).to.have.length(0);
    } finally {
      restore();
    }
  });

  it('stops polling while the page is hidden and checks again when it comes back', async () => {
    mockBackend.seedSampleRequests();
    const inbox = await mount({ poll: 0.1 });
    const { calls, restore } = recordFetches();
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden')!;
    try {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
      calls.length = 0;
      await new Promise((r) => setTimeout(r, 500));
      expect(calls.filter((u) => u.includes('/requests'))).to.have.length(0);
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => calls.some((u) => u.includes('/requests')), 'a check on return');
    } finally {
      restore();
      delete (document as { hidden?: boolean }).hidden;
      Object.defineProperty(Document.prototype, 'hidden', hidden);
      inbox.remove();
    }
  });

  it('downloads the server’s summary document when the backend provides one', async () => {
    mockBackend.seedSampleRequests();
    const serverPdf = new Blob(['%PDF-1.4\nserver summary'], { type: 'application/pdf' });
    mockBackend.queueFault({ method: 'GET', path: '/requests/:number/summary', kind: { status: 200, body: serverPdf } });
    const inbox = await mount({ request: latest().requestNumber });
    const clicked: HTMLAnchorElement[] = [];
    const realClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this); // no real download in the test browser
    };
    try {
      [...root(inbox).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('تنزيل ملخص الطلب'))!.click();
      await until(() => clicked.length === 1, 'the download');
    } finally {
      HTMLAnchorElement.prototype.click = realClick;
    }
    expect(clicked[0]!.download).to.equal(`request-${latest().requestNumber}.pdf`);
    expect(clicked[0]!.href).to.match(/^blob:/);
    expect(await (await fetch(clicked[0]!.href)).text()).to.equal('%PDF-1.4\nserver summary');
  });

  it('without a server document (the mock offers none), shows a print-ready summary and opens the print dialog', async () => {
    mockBackend.seedSampleRequests();
    const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
    const inbox = await mount({ request: approved.requestNumber });
    let printed = 0;
    const realPrint = window.print;
    window.print = () => void printed++;
    try {
      [...root(inbox).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('تنزيل ملخص الطلب'))!.click();
      await until(() => printed === 1, 'the print dialog');
    } finally {
      window.print = realPrint;
    }
    const view = root(inbox).querySelector('.print-view')!;
    expect(visibleText(view)).to.contain('ملخص الطلب');
    expect(visibleText(view)).to.contain(`${approved.requestNumber} لعام`);
    expect(visibleText(view)).to.contain('تمت الموافقة');
    expect(visibleText(view)).to.contain('البوابة الشمالية');
    expect(root(inbox).activeElement?.id, 'focus on the summary').to.equal('summary-title');
    expect(document.querySelector('[data-emirate-printing]'), 'the inbox alone prints').to.equal(inbox);
    window.dispatchEvent(new Event('afterprint'));
    expect(document.querySelector('[data-emirate-printing]')).to.equal(null);
    expect(visibleText(view)).to.contain('الإدارة العامة للحقوق');
    expect(root(inbox).querySelector('emirate-reply-form')).to.equal(null);
    await expect(inbox).to.be.accessible();
  });

  it('rates a decided request once, with the keyboard', async () => {
    mockBackend.seedSampleRequests();
    const completed = mockBackend.listStoredRequests().find((r) => r.status === 'completed')!;
    const inbox = await mount({ request: completed.requestNumber });
    const form = root(inbox).querySelector('emirate-rating-form')!;
    await settled(inbox);
    await expect(inbox).to.be.accessible();
    const submit = () => form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    submit();
    await settled(inbox);
    expect(visibleText(form)).to.contain('اختر عدد النجوم');
    form.shadowRoot!.querySelector<HTMLInputElement>('#star-1')!.focus();
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    expect(form.shadowRoot!.querySelector<HTMLInputElement>('#star-4')!.checked).to.equal(true);
    type(form.shadowRoot!.querySelector<HTMLTextAreaElement>('#comment')!, 'خدمة سريعة');
    const rated = oneEvent(inbox, 'emirate-rating-submitted');
    submit();
    expect((await rated).detail).to.deep.equal({ requestNumber: completed.requestNumber, stars: 4 });
    await until(() => visibleText(form).includes('شكرًا لتقييمك'), 'the thanks');
    expect(mockBackend.db.requests.get(completed.requestNumber)!.rating).to.deep.equal({ stars: 4, comment: 'خدمة سريعة' });
    expect(form.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(inbox).to.be.accessible();
  });

  it('signed out: offers Nafath sign-in', async () => {
    mockBackend.setScenario('signed-out');
    const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE}></emirate-inbox>`);
    await until(() => visibleText(inbox).includes('النفاذ الوطني الموحد'), 'the sign-in view');
    await expect(inbox).to.be.accessible();
  });

  it('every state reads in English and passes axe: empty, error, signed out, print view, rating', async () => {
    let inbox = await mount({ lang: 'en' });
    await until(() => visibleText(inbox).includes('No requests yet'), 'the empty state');
    await expect(inbox).to.be.accessible();

    for (let i = 0; i < 3; i++) mockBackend.queueFault({ method: 'GET', path: '/requests', kind: { status: 500 } });
    inbox = await mount({ lang: 'en' });
    await until(() => visibleText(inbox).includes('Something went wrong on the server'), 'the error state');
    await expect(inbox).to.be.accessible();

    mockBackend.seedSampleRequests();
    const completed = mockBackend.listStoredRequests().find((r) => r.status === 'completed')!;
    inbox = await mount({ lang: 'en', request: completed.requestNumber });
    await until(() => visibleText(inbox).includes('Rate the service'), 'the rating form');
    await expect(inbox).to.be.accessible();
    const realPrint = window.print;
    window.print = () => undefined;
    try {
      [...root(inbox).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Download request summary'))!.click();
      await until(() => visibleText(inbox).includes('Request summary') && visibleText(inbox).includes(`${completed.requestNumber} of`), 'the print view');
    } finally {
      window.print = realPrint;
    }
    await expect(inbox).to.be.accessible();

    mockBackend.setScenario('signed-out');
    inbox = await mount({ lang: 'en' });
    await until(() => visibleText(inbox).includes('Sign in with Nafath'), 'the sign-in view');
    await expect(inbox).to.be.accessible();
  });

  it('works in English', async () => {
    mockBackend.seedSampleRequests();
    const inbox = await mount({ lang: 'en' });
    await until(() => visibleText(inbox).includes('My requests'), 'English');
    expect(visibleText(rows(inbox)[0]!)).to.contain('You have 2 messages');
    expect(inbox.getAttribute('dir')).to.equal('ltr');
    await expect(inbox).to.be.accessible();
    await openRow(inbox, latest().requestNumber);
    expect(visibleText(inbox)).to.contain('Status history');
    expect(deepQuery(inbox, '#reply')).to.not.equal(null);
    await expect(inbox).to.be.accessible();
  });
});

/** Stands in for the browser's download: records each `<a download>` clicked and reads its blob URL at once. */
function catchDownloads() {
  const saved: Array<{ name: string; href: string; bytes: Promise<Blob> }> = [];
  const realClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href, bytes: fetch(this.href).then((r) => r.blob()) });
  };
  return { saved, restore: () => void (HTMLAnchorElement.prototype.click = realClick) };
}

/** Resolves once `url` (a blob URL) can no longer be read: it was revoked. */
async function revoked(url: string, timeoutMs = 5000) {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      await fetch(url);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} was never revoked`);
}

const attachmentButton = (inbox: Inbox, name: string) =>
  [...root(inbox).querySelectorAll<HTMLButtonElement>('ol.messages button.attachment')].find((b) => b.textContent!.includes(name))!;

describe('<emirate-inbox>: closed requests, attachments, the unread total, counted words', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  for (const status of ['completed', 'rejected'] as const) {
    it(`a ${status} request has no reply form: it says the request is closed and how to get help`, async () => {
      mockBackend.seedSampleRequests();
      const closed = mockBackend.listStoredRequests().find((r) => r.status === status)!;
      const inbox = await mount({ request: closed.requestNumber });
      expect(root(inbox).querySelector('emirate-reply-form')).to.equal(null);
      const notice = root(inbox).querySelector<HTMLElement>('.closed')!;
      expect(visibleText(notice)).to.contain('الطلب مغلق');
      expect(visibleText(notice)).to.contain(status === 'completed' ? 'اكتمل هذا الطلب' : 'رُفض هذا الطلب');
      expect(visibleText(notice)).to.contain(`فقدّم طلبًا جديدًا واذكر فيه رقم هذا الطلب (${closed.requestNumber})`);
      expect(root(inbox).querySelector('emirate-rating-form'), 'rating is still offered').to.not.equal(null);
      await expect(inbox).to.be.accessible();
    });
  }

  it('a request that becomes completed while open loses its reply form; in English the notice reads too', async () => {
    mockBackend.seedSampleRequests();
    const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
    const inbox = await mount({ request: approved.requestNumber, poll: 0.2, lang: 'en' });
    await until(() => root(inbox).querySelector('article'), 'the request');
    expect(root(inbox).querySelector('emirate-reply-form')).to.not.equal(null);
    mockBackend.setStatus(approved.requestNumber, 'completed');
    await until(() => root(inbox).querySelector('.closed'), 'the closed notice');
    expect(root(inbox).querySelector('emirate-reply-form')).to.equal(null);
    expect(visibleText(root(inbox).querySelector('.closed')!)).to.contain('This request is closed');
    expect(visibleText(root(inbox).querySelector('.closed')!)).to.contain(`make a new request and mention this request’s number (${approved.requestNumber})`);
    await expect(inbox).to.be.accessible();
  });

  it('opens the citizen’s own attachment: the bytes sent, saved under its name, the blob URL revoked after', async () => {
    mockBackend.seedSampleRequests();
    const number = latest().requestNumber;
    const api = new RestAdapter({ baseUrl: API_BASE });
    const sent = fileOf('pdf', 'صك.pdf', { size: 300 });
    const upload = await api.uploadFile(sent, 'صك.pdf', 'reply');
    await api.sendMessage(number, { text: 'مرفق الصك', attachments: [upload.id] }, { idempotencyKey: 'k-open' });
    const inbox = await mount({ request: number });
    const downloads = catchDownloads();
    try {
      attachmentButton(inbox, 'صك.pdf').click();
      await until(() => downloads.saved.length === 1, 'the download');
    } finally {
      downloads.restore();
    }
    const [saved] = downloads.saved;
    expect(saved!.name).to.equal('صك.pdf');
    expect(saved!.href).to.match(/^blob:/);
    const bytes = await saved!.bytes;
    expect(new Uint8Array(await bytes.arrayBuffer())).to.deep.equal(new Uint8Array(await sent.arrayBuffer()));
    await revoked(saved!.href);
    expect(root(inbox).querySelector('[role=alert]')).to.equal(null);
    await expect(inbox).to.be.accessible();
  });

  it('opens a staff attachment as a real file of its type, under a name safe to save', async () => {
    mockBackend.seedSampleRequests();
    const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
    mockBackend.addStaffMessage(approved.requestNumber, 'المخطط المطلوب', undefined, [
      { id: 'upl-plan', name: 'C:\\docs\\plan\u202Egnp.exe', size: 100, type: 'image/png' },
    ]);
    const inbox = await mount({ request: approved.requestNumber });
    const thread = visibleText(root(inbox).querySelector('ol.messages')!);
    expect(thread).to.contain('تعليمات-الزيارة.pdf');
    expect(thread, 'shown without its folder or the bidi override').to.contain('plangnp.exe');
    const downloads = catchDownloads();
    try {
      attachmentButton(inbox, 'تعليمات-الزيارة.pdf').click();
      await until(() => downloads.saved.length === 1, 'the first download');
      attachmentButton(inbox, 'plangnp.exe').click();
      await until(() => downloads.saved.length === 2, 'the second download');
    } finally {
      downloads.restore();
    }
    const [pdf, png] = downloads.saved;
    expect(pdf!.name).to.equal('تعليمات-الزيارة.pdf');
    expect(await (await pdf!.bytes).slice(0, 5).text()).to.equal('%PDF-');
    expect(png!.name, 'the extension of the type it really is').to.equal('plangnp.exe.png');
    expect((await png!.bytes).type).to.equal('image/png');
  });

  it('says which attachment could not be opened, in both languages', async () => {
    mockBackend.seedSampleRequests();
    const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
    mockBackend.queueFault({ method: 'GET', path: '/requests/:number/files/:id', kind: { status: 404 } });
    const inbox = await mount({ request: approved.requestNumber });
    const alertText = () => root(inbox).querySelector('ol.messages [role=alert]')!.textContent!.replace(/\s+/g, ' ');
    const downloads = catchDownloads();
    try {
      attachmentButton(inbox, 'تعليمات-الزيارة.pdf').click();
      await until(() => root(inbox).querySelector('ol.messages [role=alert]'), 'the failure');
      expect(alertText()).to.contain('تعذر فتح المرفق تعليمات-الزيارة.pdf.');
      expect(downloads.saved).to.have.length(0);
      await expect(inbox).to.be.accessible();
      await setWidgetLocale('en');
      await settled(inbox);
      expect(alertText()).to.contain('Could not open the attachment تعليمات-الزيارة.pdf.');
      await expect(inbox).to.be.accessible();
      attachmentButton(inbox, 'تعليمات-الزيارة.pdf').click();
      await until(() => downloads.saved.length === 1, 'the download on a second try');
      expect(root(inbox).querySelector('ol.messages [role=alert]')).to.equal(null);
    } finally {
      downloads.restore();
    }
  });

  it('reports the unread total over all requests: unreadCount and emirate-unread-changed at start, after polls and after reading', async () => {
    mockBackend.seedSampleRequests();
    mockBackend.seedManyRequests(12);
    const oldest = mockBackend.listStoredRequests().at(-1)!;
    mockBackend.addStaffMessage(oldest.requestNumber, 'رسالة على طلب في الصفحة الثانية');
    const events: CustomEvent<UnreadChangedDetail>[] = [];
    const record = (e: Event) => events.push(e as CustomEvent<UnreadChangedDetail>);
    document.addEventListener('emirate-unread-changed', record);
    try {
      const inbox = await mount({ poll: 0.2 });
      await until(() => events.length === 1, 'the first count');
      expect(rows(inbox)).to.have.length(10);
      expect(rows(inbox).some((r) => r.querySelector(`[data-request="${oldest.requestNumber}"]`)), 'the request is on page 2').to.equal(false);
      expect(events[0]!.detail).to.deep.equal({ count: 3 });
      expect(inbox.unreadCount).to.equal(3);
      expect(events[0]!.bubbles && events[0]!.composed, 'bubbles out of the shadow root').to.equal(true);
      expect(events[0]!.target === inbox).to.equal(true);

      mockBackend.addStaffMessage(oldest.requestNumber, 'رسالة أخرى');
      await until(() => events.length === 2, 'the count after a poll');
      expect(events[1]!.detail).to.deep.equal({ count: 4 });
      expect(inbox.unreadCount).to.equal(4);

      await openRow(inbox, latest().requestNumber);
      await until(() => events.length === 3, 'the count after reading');
      expect(events[2]!.detail).to.deep.equal({ count: 2 });
      expect(inbox.unreadCount).to.equal(2);
      await new Promise((r) => setTimeout(r, 500));
      expect(events, 'no event while the total stays the same').to.have.length(3);
      inbox.remove();
    } finally {
      document.removeEventListener('emirate-unread-changed', record);
    }
  });

  it('reports 0 unread when nobody is signed in', async () => {
    mockBackend.setScenario('signed-out');
    const changed = oneEvent(document, 'emirate-unread-changed');
    const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE}></emirate-inbox>`);
    expect((await changed).detail).to.deep.equal({ count: 0 });
    expect(inbox.unreadCount).to.equal(0);
  });

  it('counts unread messages in the Arabic forms for 1, 2, 3, 11 and 100', async () => {
    mockBackend.seedManyRequests(5);
    const counts = [1, 2, 3, 11, 100];
    // Newest first in the list: the first stored request is the top row.
    mockBackend.listStoredRequests().forEach((r, i) => {
      for (let k = 0; k < counts[i]!; k++) mockBackend.addStaffMessage(r.requestNumber, `رسالة ${k + 1}`);
    });
    const inbox = await mount();
    const badges = rows(inbox).map((r) => visibleText(r.querySelector('.badge')!).trim());
    expect(badges).to.deep.equal(['لديك رسالة', 'لديك رسالتان', 'لديك 3 رسائل', 'لديك 11 رسالة', 'لديك 100 رسالة']);
    await expect(inbox).to.be.accessible();
  });

  it('counts unread messages in English for 1 and 2', async () => {
    mockBackend.seedManyRequests(2);
    mockBackend.listStoredRequests().forEach((r, i) => {
      for (let k = 0; k <= i; k++) mockBackend.addStaffMessage(r.requestNumber, `message ${k + 1}`);
    });
    const inbox = await mount({ lang: 'en' });
    await until(() => visibleText(inbox).includes('My requests'), 'English');
    expect(rows(inbox).map((r) => visibleText(r.querySelector('.badge')!).trim())).to.deep.equal(['You have a message', 'You have 2 messages']);
  });

  it('announces new messages from a poll in the form their number takes', async () => {
    mockBackend.seedSampleRequests();
    const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
    const submitted = mockBackend.listStoredRequests().find((r) => r.status === 'submitted')!;
    const inbox = await mount({ poll: 0.2 });
    const status = () => visibleText(root(inbox).querySelector('[role=status][aria-live]')!);
    mockBackend.addStaffMessage(approved.requestNumber, 'الأولى');
    mockBackend.addStaffMessage(approved.requestNumber, 'الثانية');
    for (let k = 0; k < 3; k++) mockBackend.addStaffMessage(submitted.requestNumber, `رسالة ${k}`);
    await until(() => status().includes(`رسالتان جديدتان في الطلب ${approved.requestNumber}`), 'the announcement of two');
    expect(status()).to.contain(`3 رسائل جديدة في الطلب ${submitted.requestNumber}`);
    inbox.remove();
  });

  it('each row’s button is described by that row’s status and unread badge', async () => {
    mockBackend.seedSampleRequests();
    const inbox = await mount();
    const description = (button: HTMLElement) =>
      button
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => root(inbox).getElementById(id)!.textContent!.trim())
        .join(' | ');
    const buttons = rows(inbox).map((r) => r.querySelector<HTMLElement>('button[data-request]')!);
    const ids = buttons.flatMap((b) => b.getAttribute('aria-describedby')!.split(' '));
    expect(new Set(ids).size, 'ids unique per row').to.equal(ids.length);
    expect(description(buttons[0]!)).to.equal('بانتظار استكمال المستندات | لديك رسالتان');
    const statuses = ['بانتظار استكمال المستندات', 'تم تقديم الطلب', 'تمت الموافقة', 'مرفوض', 'مكتمل'];
    expect(buttons.slice(1).map(description)).to.deep.equal(statuses.slice(1));
    for (const [i, row] of rows(inbox).entries()) {
      expect(row.querySelector('.status')!.id).to.equal(buttons[i]!.getAttribute('aria-describedby')!.split(' ')[0]);
    }
    await expect(inbox).to.be.accessible();
  });

  for (const lang of ['ar', 'en']) {
    it(`(${lang}) at 320 px the Gregorian date in brackets stays on one line`, async () => {
      mockBackend.seedSampleRequests();
      const frame = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px"></div>`);
      const inbox = document.createElement('emirate-inbox');
      Object.assign(inbox, { apiBase: API_BASE, lang });
      frame.append(inbox);
      await until(() => rows(inbox).length === 5, 'the list');
      await settled(inbox);
      expect(inbox.getBoundingClientRect().width).to.be.at.most(320);
      const dates = [...root(inbox).querySelectorAll('.date-gregorian')];
      expect(dates).to.have.length(5);
      for (const date of dates) expect(lineCount(date), date.textContent!).to.equal(1);
      const approved = mockBackend.listStoredRequests().find((r) => r.status === 'approved')!;
      inbox.request = approved.requestNumber;
      await until(() => root(inbox).querySelector('.appointment'), 'the request');
      await settled(inbox);
      const details = [...root(inbox).querySelectorAll('.date-gregorian')];
      expect(details.length).to.be.greaterThan(2);
      for (const date of details) expect(lineCount(date), date.textContent!).to.equal(1);
    });
  }
});
