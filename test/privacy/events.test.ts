/**
 * Events carry no personal data (issue #10). A page script listening at `document`, in the
 * capture and the bubble phase, for every `emirate-*` event, and a recorder of every event
 * dispatched where a page listener can see it (composed, or on an element of the page itself),
 * follow a whole booking with companions and files, a failed send that asks for sign-in, a reply
 * with a document and a rating with a comment. No event's `detail` (searched through) holds a
 * typed or session value (names, ID numbers, mobile, email, subject, reply, comment, file
 * names) or any File or Blob.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/booking-form.js';
import '../../src/inbox.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { Inbox } from '../../src/inbox.js';
import type { CompanionList } from '../../src/companion-list.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { fileOf, pickFile, settled, type, until, visibleText } from '../support/dom.js';
import { $, attach, continueToReview, fillAnswers, send } from '../support/booking.js';

await useMockBackend();

/** What the citizen types or the session brings: none of it may appear in any event. */
const PERSONAL = {
  sessionName: 'محمد عبدالله سعيد القحطاني',
  sessionId: '1085427373',
  fullName: 'سلمان فهد ناصر الدوسري',
  mobile: '551234987',
  email: 'probe.citizen@example.sa',
  subject: 'مراجعة سرية بخصوص أرض زراعية في حبونا',
  companion1Name: 'خالد سلمان فهد الدوسري',
  companion1Id: '1748392659',
  companion2Name: 'Ramesh Kumarasamy',
  companion2Id: '2908173640',
  letter: 'probe-letter.pdf',
  idCopy: 'probe-id-copy.png',
  companion1Image: 'probe-companion-one.png',
  companion2Image: 'probe-companion-two.png',
  reply: 'مرفق صك الأرض المطلوب للمراجعة',
  replyFile: 'probe-deed.pdf',
  comment: 'تعامل ممتاز وسريع من الموظف',
};

/** Every `emirate-*` event the widget documents, public and internal. */
const EMIRATE_EVENTS = [
  'emirate-request-submitted',
  'emirate-show-requests',
  'emirate-draft-saved',
  'emirate-draft-restored',
  'emirate-sign-in-required',
  'emirate-companions-change',
  'emirate-file-change',
  'emirate-request-opened',
  'emirate-request-closed',
  'emirate-message-sent',
  'emirate-reply-sent',
  'emirate-request-cancelled',
  'emirate-rating-submitted',
  'emirate-unread-changed',
  'emirate-inquiry-result',
  'emirate-service-start',
  'emirate-view-changed',
  'emirate-show-requests-asked',
  'emirate-new-request-asked',
];

interface Seen {
  how: string;
  type: string;
  event: Event;
}

/** A page script's view of the widget's events, from `start()` to `stop()`. */
function pageListener() {
  const seen: Seen[] = [];
  const listeners: Array<[string, EventListener, boolean]> = [];
  const realDispatch = EventTarget.prototype.dispatchEvent;
  return {
    seen,
    start() {
      for (const type of EMIRATE_EVENTS) {
        for (const capture of [true, false]) {
          const listener = (event: Event) => {
            seen.push({ how: capture ? 'document capture' : 'document bubble', type, event });
            // The page handles sign-in and "My requests" itself: no navigation, no warning.
            if (type === 'emirate-sign-in-required' || type === 'emirate-show-requests') event.preventDefault();
          };
          document.addEventListener(type, listener, { capture });
          listeners.push([type, listener, capture]);
        }
      }
      // Any event a page listener can see: composed (it leaves every shadow tree), or dispatched
      // on a node of the page's own document.
      EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
        const onPage = this instanceof Node && this.getRootNode() === document;
        if (event.composed || onPage || this === window) seen.push({ how: event.composed ? 'composed' : 'on the page', type: event.type, event });
        return realDispatch.call(this, event);
      };
    },
    stop() {
      EventTarget.prototype.dispatchEvent = realDispatch;
      for (const [type, listener, capture] of listeners) document.removeEventListener(type, listener, { capture });
    },
  };
}

/** Where in `value` a personal value or a File or Blob is, searched through objects, arrays, maps and sets. */
function leaks(value: unknown, path = 'detail', found: string[] = [], visited = new Set<unknown>()): string[] {
  if (value === null || value === undefined) return found;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    for (const [name, personal] of Object.entries(PERSONAL)) if (text.includes(personal)) found.push(`${path} holds ${name}`);
    return found;
  }
  if (typeof value !== 'object' || visited.has(value)) return found;
  visited.add(value);
  if (value instanceof Blob) {
    found.push(`${path} is a ${value instanceof File ? 'File' : 'Blob'}`);
    return found;
  }
  if (value instanceof Node || value === window) return found;
  if (value instanceof Map) {
    for (const [k, v] of value) {
      leaks(k, `${path} key`, found, visited);
      leaks(v, `${path}.get(${String(k)})`, found, visited);
    }
    return found;
  }
  if (value instanceof Set || Array.isArray(value)) {
    [...value].forEach((v, i) => leaks(v, `${path}[${i}]`, found, visited));
    return found;
  }
  for (const key of Object.keys(value)) {
    leaks(key, `${path} key ${key}`, found, visited);
    leaks((value as Record<string, unknown>)[key], `${path}.${key}`, found, visited);
  }
  return found;
}

/** Everything personal any seen event carries, as `type (how): where`. */
function leaksOf(seen: Seen[]): string[] {
  const out = new Set<string>();
  for (const { how, type, event } of seen) {
    const own: Record<string, unknown> = {};
    for (const key of Object.keys(event)) own[key] = (event as unknown as Record<string, unknown>)[key];
    for (const where of [...leaks((event as CustomEvent).detail), ...leaks(own, 'event')]) out.add(`${type} (${how}): ${where}`);
  }
  return [...out];
}

const row = (list: CompanionList, i: number) => list.shadowRoot!.querySelectorAll('fieldset.companion')[i]!;
const companionControl = (list: CompanionList, i: number, field: string) => row(list, i).querySelector<HTMLInputElement>(`[id$="-${field}"]`)!;

async function addCompanion(list: CompanionList, i: number, name: string, id: string, image: string) {
  list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
  await list.updateComplete;
  type(companionControl(list, i, 'fullName'), name);
  type(companionControl(list, i, 'idNumber'), id);
  pickFile(row(list, i).querySelector('emirate-file-field')!, fileOf('png', image));
  await until(() => visibleText(row(list, i)).includes('جاهز'), `companion ${i + 1}'s ID image`);
}

describe('events carry no personal data', function () {
  this.timeout(30000);
  const listener = pageListener();

  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
    listener.seen.length = 0;
    listener.start();
  });
  afterEach(() => listener.stop());

  it('a whole booking with companions, files and a sign-in on the way', async () => {
    const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} login-url="/nafath/login"></emirate-booking-form>`);
    await until(() => form.shadowRoot!.querySelector('form'), 'the form');
    await settled(form);
    await fillAnswers(form, PERSONAL.subject);
    type($(form, '#fullName'), PERSONAL.fullName);
    type($(form, '#mobile'), PERSONAL.mobile);
    type($(form, '#email'), PERSONAL.email);
    await attach(form, 'subjectLetter', fileOf('pdf', PERSONAL.letter));
    await attach(form, 'idCopy', fileOf('png', PERSONAL.idCopy));
    const list = $<CompanionList>(form, 'emirate-companion-list');
    await addCompanion(list, 0, PERSONAL.companion1Name, PERSONAL.companion1Id, PERSONAL.companion1Image);
    await addCompanion(list, 1, PERSONAL.companion2Name, PERSONAL.companion2Id, PERSONAL.companion2Image);
    await settled(form);
    // The draft is written (emirate-draft-saved) before the review.
    await until(() => listener.seen.some((s) => s.type === 'emirate-draft-saved'), 'a draft save', 8000);
    await continueToReview(form);
    expect(form.shadowRoot!.querySelector('#review-title'), 'the review').to.exist;

    // The session ended meanwhile: the send asks for sign-in, and the page takes over.
    mockBackend.queueFault({ method: 'POST', path: '/requests', kind: { status: 401 } });
    await send(form);
    form.shadowRoot!.querySelector<HTMLButtonElement>('.send-error button')!.click();
    await until(() => listener.seen.some((s) => s.type === 'emirate-sign-in-required'), 'the sign-in request');
    await send(form);
    await until(() => form.shadowRoot!.querySelector('emirate-request-sent'), 'the confirmation', 8000);
    const stored = mockBackend.listStoredRequests().at(-1)!;
    expect(stored.request.companions.map((c) => c.fullName)).to.deep.equal([PERSONAL.companion1Name, PERSONAL.companion2Name]);
    const sent = form.shadowRoot!.querySelector('emirate-request-sent')!;
    await settled(form);
    [...sent.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('طلباتي'))!.click();

    const types = new Set(listener.seen.filter((s) => s.how.startsWith('document')).map((s) => s.type));
    for (const type of ['emirate-draft-saved', 'emirate-companions-change', 'emirate-sign-in-required', 'emirate-request-submitted', 'emirate-show-requests']) {
      expect(types.has(type), `${type} reached the page`).to.equal(true);
    }
    expect(leaksOf(listener.seen)).to.deep.equal([]);
  });

  it('a reply with a document in the inbox, and a rating with a comment', async () => {
    mockBackend.seedSampleRequests();
    const request = mockBackend.listStoredRequests().find((r) => r.status === 'needs-documents')!;
    const inbox = await fixture<Inbox>(html`<emirate-inbox api-base=${API_BASE}></emirate-inbox>`);
    await until(() => inbox.shadowRoot!.querySelector(`[data-request="${request.requestNumber}"]`), 'the list');
    inbox.shadowRoot!.querySelector<HTMLButtonElement>(`[data-request="${request.requestNumber}"]`)!.click();
    await until(() => inbox.shadowRoot!.querySelector('emirate-reply-form'), 'the request');
    await settled(inbox);
    const reply = inbox.shadowRoot!.querySelector('emirate-reply-form')!;
    type(reply.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!, PERSONAL.reply);
    const field = reply.shadowRoot!.querySelector('emirate-file-field')!;
    pickFile(field, fileOf('pdf', PERSONAL.replyFile));
    await until(() => visibleText(field).includes('جاهز'), 'the upload');
    reply.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => listener.seen.some((s) => s.type === 'emirate-message-sent' && s.how === 'document bubble'), 'the reply to be sent');
    await until(() => visibleText(inbox.shadowRoot!.querySelector('ol.messages')!).includes(PERSONAL.replyFile), 'the reply in the thread');

    // Staff complete the request; the citizen goes back to the list, opens it again and rates it.
    mockBackend.setStatus(request.requestNumber, 'completed');
    inbox.shadowRoot!.querySelector<HTMLButtonElement>('p > button.link')!.click();
    await until(() => inbox.shadowRoot!.querySelector(`[data-request="${request.requestNumber}"]`), 'the list again');
    inbox.shadowRoot!.querySelector<HTMLButtonElement>(`[data-request="${request.requestNumber}"]`)!.click();
    await until(() => inbox.shadowRoot!.querySelector('emirate-rating-form'), 'the rating form');
    await settled(inbox);
    const rating = inbox.shadowRoot!.querySelector('emirate-rating-form')!;
    rating.shadowRoot!.querySelector<HTMLInputElement>('input[name=stars][value="5"]')!.click();
    type(rating.shadowRoot!.querySelector<HTMLTextAreaElement>('#comment')!, PERSONAL.comment);
    await settled(inbox);
    rating.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => listener.seen.some((s) => s.type === 'emirate-rating-submitted'), 'the rating');

    const types = new Set(listener.seen.filter((s) => s.how.startsWith('document')).map((s) => s.type));
    for (const type of ['emirate-request-opened', 'emirate-request-closed', 'emirate-message-sent', 'emirate-rating-submitted', 'emirate-unread-changed']) {
      expect(types.has(type), `${type} reached the page`).to.equal(true);
    }
    expect(leaksOf(listener.seen)).to.deep.equal([]);
  });

  it('would see a leak: a composed event with a name and a File in its detail is reported', () => {
    const probe = document.createElement('div');
    document.body.append(probe);
    try {
      probe.dispatchEvent(
        new CustomEvent('emirate-probe', { detail: { list: [{ who: PERSONAL.companion1Name, image: fileOf('png', 'x.png') }] }, bubbles: true, composed: true }),
      );
    } finally {
      probe.remove();
    }
    expect(leaksOf(listener.seen)).to.deep.equal([
      'emirate-probe (composed): detail.list[0].who holds companion1Name',
      'emirate-probe (composed): detail.list[0].image is a File',
    ]);
  });
});
