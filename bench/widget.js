/**
 * The widget side of `npm run bench` (bench/widget.html): the BUILT library, /dist/browser/booking-form.js
 * (a module script in widget.html, as a portal page has it) and, for `?view=inbox`,
 * /dist/browser/inbox.js; gives the elements an in-memory adapter implementing `EmirateAdapter`
 * (src/api/types.ts).
 *
 * Why an in-memory adapter: every method resolves at once from memory (no fetch, no msw, no
 * service worker, no simulated latency), so the timings measure the widget itself — its
 * loading, rendering, validation and IndexedDB drafts — and not a network or a mock server.
 * The floor (floor.html) has no network either. Drafts stay on (real IndexedDB), as on a portal.
 *
 * The catalog is the Najran one the demo uses (demo/mocks/catalog.ts, served without its types
 * by bench/run.mjs as /bench/najran-catalog.js) with `companions.max = 20`, so the 20th
 * companion can be measured. `uploadFile` resolves at once (progress 1). `listRequests` pages
 * an array of N generated requests (`?requests=N`, default 50).
 *
 * On the prerendered page (bench/prerendered.html) the element is in the page already: it only
 * gets `preload` (the same session and catalog the server rendered it with) and the adapter.
 *
 * `window.bench` exposes `adapter(n)` (a fresh adapter with n requests) and `ready` for the
 * runner. `emirate-draft-saved` events are counted in `window.benchSaved` and marked with
 * `performance.mark('bench:saved')` (the runner finds the marks in its Chrome trace).
 */
import { najranCatalog } from './najran-catalog.js';

const params = new URLSearchParams(location.search);
const view = params.get('view') ?? 'booking';
const requestCount = Number(params.get('requests') ?? 50);

const catalog = { ...najranCatalog, companions: { max: 20 } };
// With a draft secret, as a portal's backend gives it: drafts keep their files (issue #10).
const session = { user: { idNumber: '1085427373', name: 'محمد عبدالله سعيد القحطاني' }, draftSecret: 'HptN8oV5WAPtZfbIHFZu6v0FkqzUjSjxqwWg5vmw6R4' };
const STATUSES = ['submitted', 'under-processing', 'needs-documents', 'approved', 'rejected', 'completed'];
const DAY = 24 * 60 * 60 * 1000;

/** N requests, newest first, with a mix of statuses and unread messages. */
function generateRequests(n) {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    requestNumber: String(67 + n - 1 - i).padStart(5, '0'),
    serviceName: catalog.service.name,
    createdAt: new Date(now - i * DAY).toISOString(),
    beneficiaryName: session.user.name,
    status: STATUSES[i % STATUSES.length],
    unreadMessages: i % 3 === 0 ? (i % 2) + 1 : 0,
  }));
}

function detailOf(summary) {
  return {
    ...summary,
    request: {
      applicantType: 'individual',
      fullName: session.user.name,
      idNumber: session.user.idNumber,
      mobile: '512345678',
      email: 'm.alqahtani@example.sa',
      appointmentType: 'emir',
      destination: 'emir-office',
      gate: 'main',
      reason: 'follow-up',
      subject: 'متابعة معاملة سابقة',
      subjectLetter: 'u1',
      idCopy: 'u2',
      belongings: [],
      companions: [],
      locale: 'ar',
    },
    history: [{ status: 'submitted', at: summary.createdAt }],
    messages: [],
  };
}

/** A fresh in-memory `EmirateAdapter` with `n` requests. */
export function adapter(n = requestCount) {
  const requests = generateRequests(n);
  let nextId = 1;
  const find = (number) => requests.find((r) => r.requestNumber === number) ?? requests[0];
  return {
    async getSession() {
      return session;
    },
    async getCatalog() {
      return catalog;
    },
    async uploadFile(file, name, _purpose, options) {
      options?.onProgress?.(1);
      return { id: `u${nextId++}`, name, size: file.size, type: file.type };
    },
    async submitRequest() {
      return { requestNumber: String(67 + requests.length).padStart(5, '0'), createdAt: new Date().toISOString() };
    },
    async listRequests({ page, pageSize }) {
      const start = (page - 1) * pageSize;
      return { items: requests.slice(start, start + pageSize).map((r) => ({ ...r })), page, pageSize, total: requests.length };
    },
    async getRequest(number) {
      return detailOf(find(number));
    },
    async sendMessage(_number, reply) {
      return { id: `m${nextId++}`, from: 'applicant', text: reply.text, at: new Date().toISOString(), read: true, attachments: [] };
    },
    async markMessagesRead() {},
    // The inbox refuses an adapter without every method it calls (issue #12); the bench's
    // inbox lists requests only, so these answer as a backend with nothing more would.
    async getAttachment() {
      return new Blob([], { type: 'application/octet-stream' });
    },
    async getUnreadCount() {
      return requests.reduce((a, r) => a + r.unreadMessages, 0);
    },
    async getPass() {
      throw Object.assign(new Error('no pass'), { kind: 'conflict' });
    },
    async cancelRequest(number) {
      return detailOf(find(number));
    },
    async getSummary() {
      return null;
    },
    async rateRequest() {},
    async inquire(query) {
      return { ...query, status: 'under-processing', updatedAt: new Date().toISOString() };
    },
  };
}

window.benchSaved = 0;
document.addEventListener('emirate-draft-saved', () => {
  window.benchSaved++;
  performance.mark('bench:saved');
});

// The prerendered page (prerendered.html) has the server's element already, and loads the
// entry itself after this module: the element gets what the server rendered it with first.
const prerendered = document.querySelector('emirate-booking-form');
if (prerendered) {
  prerendered.preload = { session, catalog };
  prerendered.adapter = adapter();
} else if (view === 'inbox') {
  await import('/dist/browser/inbox.js');
} else {
  await import('/dist/browser/booking-form.js');
  const form = document.createElement('emirate-booking-form');
  form.adapter = adapter();
  document.getElementById('app').append(form);
}
window.bench = { adapter, ready: true };
