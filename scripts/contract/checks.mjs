/**
 * The contract kit's checks. Which checks exist is read from the document: every operation
 * gets a success check, and each further kind applies when the operation documents it (401
 * when it needs a session, 404, 409, 413, 415, 422, 429, an `Idempotency-Key` header, `page`
 * and `pageSize` parameters). How a check calls an operation comes from a recipe when the kit
 * knows the operation (valid inputs, inputs that must be refused, what the answer must say);
 * an operation new to the kit still gets every generic check it can, and a failure that names
 * what to add to `RECIPES` where a call cannot be made up from the document alone.
 *
 * Every answer, in every check, must also match the document (status, content type, body
 * schema, headers); see `client.mjs`.
 */
import { isDeepStrictEqual } from 'node:util';
import { CallError } from './client.mjs';
import { oversizedPdfBytes, pdfBytes, pngBytes, textBytes } from './fixtures.mjs';
import { importTs } from './load-ts.mjs';
import { statusesOf } from './spec.mjs';

/** The header a staging server may honour to answer 429 (see the README's backend section). */
export const RATE_LIMIT_HEADER = 'X-Contract-Test';
export const RATE_LIMIT_VALUE = 'rate-limit';
/** A request number no server is expected to have. */
const UNKNOWN_NUMBER = '99999999';
/** An id of nothing. */
const UNKNOWN_ID = 'contract-kit-no-such-id';
/** A transaction number no inquiry is expected to know. */
const UNKNOWN_TRANSACTION = '9999999999';

/**
 * @typedef {import('./spec.mjs').Operation} Operation
 * @typedef {import('./client.mjs').Reply} Reply
 * @typedef {import('./client.mjs').CallInput} CallInput
 * @typedef {{ id: string, op: Operation, kind: string, title: string }} Check
 */

/** Thrown to end a check as skipped. */
export class Skip extends Error {}

/** The kinds of check, in the order they run within an operation, and when each applies. */
export const KINDS = [
  { kind: 'success', applies: () => true, title: 'success: a documented 2xx with the documented shape' },
  { kind: 'unauthorized', applies: (op) => op.secured, title: '401 Problem when signed out (no cookie, no --header)' },
  { kind: 'not-found', applies: (op) => has(op, '404'), title: '404 Problem for something that does not exist' },
  { kind: 'idempotency-key-required', applies: (op) => Boolean(idempotencyKey(op)?.required) && has(op, '400'), title: '400 Problem without the Idempotency-Key header' },
  { kind: 'replay', applies: (op) => Boolean(idempotencyKey(op)), title: 'replaying an Idempotency-Key returns the first result, nothing twice' },
  { kind: 'validation', applies: (op) => has(op, '422'), title: '422 ValidationProblem naming the fields and their codes' },
  { kind: 'conflict', applies: (op) => has(op, '409'), title: '409 Problem with its code' },
  { kind: 'too-large', applies: (op) => has(op, '413'), title: '413 Problem (file-too-large) over Catalog.files.maxBytes' },
  { kind: 'wrong-type', applies: (op) => has(op, '415'), title: '415 Problem (file-type) for content of another type' },
  { kind: 'paging', applies: (op) => ['page', 'pageSize'].every((name) => op.parameters.some((p) => p.in === 'query' && p.name === name)), title: 'paging: page, pageSize and total agree, newest first' },
  { kind: 'more-files', applies: (op) => /"#\/components\/schemas\/Booking(Fields|Request)"/.test(JSON.stringify(op.requestBody?.content?.['application/json']?.schema ?? {})), title: 'several files in one attachment slot (BookingRequest.moreFiles)' },
  { kind: 'rate-limited', applies: (op) => has(op, '429'), title: `429 Problem with Retry-After (when the server opts in to ${RATE_LIMIT_HEADER})` },
];

/**
 * The order the success checks run in, so each finds what an earlier one made (the catalog and
 * session for a booking, a request for its messages). Operations not named here run after.
 */
const SUCCESS_ORDER = ['getCatalog', 'getSession', 'uploadFile', 'submitRequest', 'listRequests', 'getRequest', 'sendMessage', 'getAttachment', 'getUnreadCount', 'markMessagesRead', 'getSummary', 'rateRequest', 'getPass', 'cancelRequest', 'inquire'];

/**
 * Every check the document calls for, in the order they run: the success checks first (in
 * `SUCCESS_ORDER`, then document order), then the other kinds, operation by operation.
 * @param {import('./spec.mjs').Spec} spec
 * @returns {Check[]}
 */
export function planChecks(spec) {
  const checks = [];
  for (const op of spec.operations) {
    for (const { kind, applies, title } of KINDS) {
      if (applies(op)) checks.push({ id: `${op.id}/${kind}`, op, kind, title: RECIPES[op.id]?.titles?.[kind] ?? title });
    }
  }
  const rank = (check) => {
    const known = SUCCESS_ORDER.indexOf(check.op.id);
    return check.kind === 'success' ? (known >= 0 ? known : SUCCESS_ORDER.length) : SUCCESS_ORDER.length + 1;
  };
  return checks.map((check, index) => ({ check, index })).sort((a, b) => rank(a.check) - rank(b.check) || a.index - b.index).map(({ check }) => check);
}

/**
 * Runs one check. `t` is the check's context (see kit.mjs): `t.call`, `t.expect`, `t.ok`,
 * `t.fail`, `t.note`, `t.ctx` (what earlier checks made) and `t.options`.
 * @param {Check} check
 * @param {any} t
 */
export async function runCheck(check, t) {
  const recipe = RECIPES[check.op.id] ?? {};
  const own = recipe[camel(check.kind)];
  if (own) return own(t, check.op);
  const generic = GENERIC[camel(check.kind)];
  if (!generic) throw new CallError(`the kit knows no way to run a ${check.kind} check of ${check.op.id}: add one to RECIPES in scripts/contract/checks.mjs`);
  return generic(t, check.op, recipe);
}

// ---- generic checks: from the document alone, with a recipe's inputs where it has them ----

const GENERIC = {
  /** Calls the operation with a valid input and expects a documented 2xx. */
  async success(t, op, recipe) {
    const reply = await t.call(op.id, await validInput(t, op, recipe));
    t.expect(reply, statusesOf(op, 2).map(Number));
  },

  /** Calls it with no credentials at all and expects 401. */
  async unauthorized(t, op, recipe) {
    const reply = await t.call(op.id, { ...(await minimalInput(t, op, recipe)), auth: false });
    t.expect(reply, [401]);
  },

  /** Calls it with every path parameter unknown (a recipe may say better) and expects 404. */
  async notFound(t, op, recipe) {
    const input = await validInput(t, op, recipe);
    const path = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.name === 'number' ? UNKNOWN_NUMBER : UNKNOWN_ID]));
    if (Object.keys(path).length === 0) throw new CallError(`${op.id} has no path parameter to make unknown: add a notFound recipe to RECIPES in scripts/contract/checks.mjs`);
    t.expect(await t.call(op.id, { ...input, path }), [404]);
  },

  /** Leaves the Idempotency-Key header out and expects 400. */
  async idempotencyKeyRequired(t, op, recipe) {
    const input = await validInput(t, op, recipe);
    t.expect(await t.call(op.id, { ...input, omit: [idempotencyKey(op).name] }), [400]);
  },

  /** Sends one input twice under one key: the second answer is the first one again. */
  async replay(t, op, recipe) {
    const input = await validInput(t, op, recipe);
    const key = newKey();
    const headers = { ...input.headers, [idempotencyKey(op).name]: key };
    const first = await t.call(op.id, { ...input, headers });
    if (!t.expect(first, statusesOf(op, 2).map(Number))) return;
    const again = await t.call(op.id, { ...input, headers });
    t.expect(again, statusesOf(op, 2).map(Number));
    t.ok(isDeepStrictEqual(again.body, first.body), 'the repeat answered another body than the first call', { first: first.body, repeat: again.body });
  },

  /** Asks for 429 with the opt-in header; skipped when the server does not take it up. */
  async rateLimited(t, op, recipe) {
    const input = await minimalInput(t, op, recipe);
    const reply = await t.call(op.id, { ...input, headers: { ...input.headers, [RATE_LIMIT_HEADER]: RATE_LIMIT_VALUE } });
    if (reply.status !== 429) {
      throw new Skip(`not triggerable: the server answered ${reply.status}, not 429, to ${RATE_LIMIT_HEADER}: ${RATE_LIMIT_VALUE} (a staging server opts in as the README's backend section says)`);
    }
    const retryAfter = reply.headers.get('Retry-After');
    t.ok(retryAfter !== null, '429 came without Retry-After');
    if (retryAfter !== null) t.ok(/^\d+$/.test(retryAfter.trim()) || !Number.isNaN(Date.parse(retryAfter)), `Retry-After "${retryAfter}" is neither seconds nor an HTTP date`);
  },
};

// ---- recipes: what the kit knows of each operation of the appointment contract ----

const RECIPES = {
  getCatalog: {
    async success(t) {
      const reply = await t.call('getCatalog');
      if (t.expect(reply, [200])) t.ctx.catalog = reply.body;
    },
  },

  getSession: {
    async success(t) {
      const reply = await t.call('getSession');
      if (t.expect(reply, [200])) t.ctx.session = reply.body;
    },
  },

  uploadFile: {
    titles: {
      success: 'success: 201 UploadedFile for a PDF and a PNG, with their size and real type',
      validation: '422 ValidationProblem: no purpose → field purpose',
    },
    input: () => ({ form: uploadForm(pdfBytes(), 'contract-kit.pdf', 'application/pdf', 'reply') }),
    async success(t) {
      const rules = t.need('catalog', 'getCatalog').files;
      const pdf = pdfBytes();
      const reply = await t.call('uploadFile', { form: uploadForm(pdf, 'contract-kit.pdf', 'application/pdf', 'subject-letter') });
      if (t.expect(reply, [201])) {
        t.ok(reply.body.size === pdf.length, `the PDF's size is ${reply.body.size}, not ${pdf.length}`);
        t.ok(reply.body.type === 'application/pdf', `the PDF's type is ${reply.body.type}`);
        t.ok(reply.body.name === 'contract-kit.pdf', `the PDF's name came back as ${reply.body.name}`);
      }
      if (!rules.acceptedTypes.includes('image/png')) return t.note('PNG is not an accepted type here; only the PDF was sent');
      const png = await t.call('uploadFile', { form: uploadForm(pngBytes(), 'contract-kit.png', 'image/png', 'id-copy') });
      if (t.expect(png, [201])) t.ok(png.body.type === 'image/png', `the PNG's type is ${png.body.type}`);
    },
    async validation(t) {
      const form = new FormData();
      form.append('file', new Blob([pdfBytes()], { type: 'application/pdf' }), 'contract-kit.pdf');
      form.append('name', 'contract-kit.pdf');
      const reply = await t.call('uploadFile', { form });
      t.expectFieldErrors(reply, [{ field: 'purpose', codes: ['required', 'invalid'] }]);
    },
    async tooLarge(t) {
      const { maxBytes } = t.need('catalog', 'getCatalog').files;
      const reply = await t.call('uploadFile', { form: uploadForm(oversizedPdfBytes(maxBytes + 1), 'contract-kit-large.pdf', 'application/pdf', 'reply') });
      if (t.expect(reply, [413])) t.ok(reply.body?.code === 'file-too-large', `the code is ${reply.body?.code}, not file-too-large`);
    },
    async wrongType(t) {
      const reply = await t.call('uploadFile', { form: uploadForm(textBytes(), 'contract-kit.pdf', 'application/pdf', 'reply') });
      if (t.expect(reply, [415])) t.ok(reply.body?.code === 'file-type', `the code is ${reply.body?.code}, not file-type`);
    },
  },

  submitRequest: {
    titles: {
      success: 'success: 201 SubmitResult for a valid booking built from the catalog and session',
      replay: 'replaying an Idempotency-Key returns the first result; no second request is made',
      validation: '422 ValidationProblem: mobile → mobile-invalid, subject → required; then the same key, corrected → 201',
      'more-files': 'a slot that takes several files (Catalog.attachments): 201 with moreFiles, kept in the RequestDetail; one file past maxFiles → 422 files-max',
    },
    input: async (t) => ({ json: await freshBooking(t) }),
    minimal: () => ({ json: {} }),
    async success(t) {
      const booking = await freshBooking(t);
      const reply = await t.call('submitRequest', { json: booking });
      if (t.expect(reply, [201])) t.ctx.request = { number: reply.body.requestNumber, createdAt: reply.body.createdAt, booking };
    },
    async replay(t) {
      const booking = await freshBooking(t);
      const headers = { 'Idempotency-Key': newKey() };
      const first = await t.call('submitRequest', { json: booking, headers });
      if (!t.expect(first, [201])) return;
      const before = await listTotal(t);
      const again = await t.call('submitRequest', { json: booking, headers });
      t.expect(again, [200, 201]);
      t.ok(isDeepStrictEqual(again.body, first.body), 'the repeat answered another body than the first call', { first: first.body, repeat: again.body });
      const after = await listTotal(t);
      if (before !== undefined && after !== undefined) t.ok(after === before, `GET /requests counted ${before} requests before the repeat and ${after} after it`);
    },
    async validation(t) {
      const booking = await freshBooking(t);
      const headers = { 'Idempotency-Key': newKey() };
      const reply = await t.call('submitRequest', { json: { ...booking, mobile: '12345', subject: '' }, headers });
      if (!t.expectFieldErrors(reply, [{ field: 'mobile', codes: ['mobile-invalid'] }, { field: 'subject', codes: ['required'] }])) return;
      const corrected = await t.call('submitRequest', { json: booking, headers });
      t.expect(corrected, [201], 'the same key with the fields corrected (a rejected call is not remembered)');
    },
    async moreFiles(t) {
      const catalog = t.need('catalog', 'getCatalog');
      const purposes = { subjectLetter: 'subject-letter', idCopy: 'id-copy' };
      const slot = Object.keys(purposes).find((name) => (catalog.attachments?.[name]?.maxFiles ?? catalog.files.maxFiles ?? 1) > 1);
      if (!slot) throw new Skip('the catalog lets the subject letter and the ID copy take one file each (no Catalog.attachments maxFiles over 1)');
      const max = catalog.attachments?.[slot]?.maxFiles ?? catalog.files.maxFiles;
      const booking = await freshBooking(t);
      const second = await uploadFor(t, purposes[slot]);
      const reply = await t.call('submitRequest', { json: { ...booking, moreFiles: { [slot]: [second] } } });
      if (t.expect(reply, [201])) {
        const detail = await t.call('getRequest', { path: { number: reply.body.requestNumber } });
        if (t.expect(detail, [200])) t.ok(isDeepStrictEqual(detail.body.request?.moreFiles?.[slot], [second]), `GET /requests/{number} does not keep moreFiles.${slot}`, detail.body.request?.moreFiles);
      }
      const more = [];
      for (let i = 0; i < max; i++) more.push(await uploadFor(t, purposes[slot]));
      const over = await t.call('submitRequest', { json: { ...(await freshBooking(t)), moreFiles: { [slot]: more } } });
      t.expectFieldErrors(over, [{ field: `moreFiles.${slot}`, codes: ['files-max'] }]);
    },
  },

  listRequests: {
    titles: { success: "success: 200 RequestSummaryPage listing the kit's request" },
    async success(t) {
      const reply = await t.call('listRequests', { query: { page: 1, pageSize: 100 } });
      if (!t.expect(reply, [200])) return;
      const own = t.ctx.request?.number;
      if (own && reply.body.total <= 100) t.ok(reply.body.items.some((item) => item.requestNumber === own), `the kit's request ${own} is not in the list`);
    },
    async paging(t) {
      let first = await t.call('listRequests', { query: { page: 1, pageSize: 1 } });
      if (!t.expect(first, [200])) return;
      if (first.body.total < 2) {
        await spareRequest(t);
        await spareRequest(t, 'second');
        first = await t.call('listRequests', { query: { page: 1, pageSize: 1 } });
        if (!t.expect(first, [200])) return;
      }
      const { total } = first.body;
      t.ok(first.body.page === 1 && first.body.pageSize === 1, `page=1&pageSize=1 answered page ${first.body.page}, pageSize ${first.body.pageSize}`);
      t.ok(first.body.items.length === 1, `page 1 of size 1 has ${first.body.items.length} items`);
      const second = await t.call('listRequests', { query: { page: 2, pageSize: 1 } });
      if (t.expect(second, [200])) {
        t.ok(second.body.page === 2 && second.body.items.length === 1, `page 2 of size 1 answered page ${second.body.page} with ${second.body.items.length} items`);
        t.ok(second.body.total === total, `total is ${total} on page 1 and ${second.body.total} on page 2`);
        const [a, b] = [first.body.items[0], second.body.items[0]];
        if (a && b) {
          t.ok(a.requestNumber !== b.requestNumber, `pages 1 and 2 both hold request ${a.requestNumber}`);
          t.ok(a.createdAt >= b.createdAt, `not newest first: page 1 holds ${a.createdAt}, page 2 ${b.createdAt}`);
        }
      }
      const past = await t.call('listRequests', { query: { page: total + 1, pageSize: 1 } });
      if (t.expect(past, [200])) t.ok(past.body.items.length === 0, `page ${total + 1} of size 1 (past the end) has ${past.body.items.length} items`);
      const all = await t.call('listRequests', { query: { page: 1, pageSize: 100 } });
      if (t.expect(all, [200])) {
        t.ok(all.body.items.length === Math.min(total, 100), `pageSize=100 gave ${all.body.items.length} items of ${total}`);
        const dates = all.body.items.map((item) => item.createdAt);
        t.ok(dates.every((date, i) => i === 0 || dates[i - 1] >= date), 'the list is not newest first');
      }
    },
  },

  getRequest: {
    titles: { success: "success: 200 RequestDetail of the kit's request, with what was sent" },
    input: (t) => ({ path: { number: t.need('request', 'submitRequest').number } }),
    async success(t) {
      const { number, booking } = t.need('request', 'submitRequest');
      const reply = await t.call('getRequest', { path: { number } });
      if (!t.expect(reply, [200])) return;
      t.ok(reply.body.requestNumber === number, `asked for ${number}, got ${reply.body.requestNumber}`);
      t.ok(reply.body.request?.subject === booking.subject, 'the request does not hold the subject that was sent');
    },
  },

  sendMessage: {
    titles: {
      success: 'success: 201 Message with an uploaded PDF, then listed in the request',
      replay: 'replaying an Idempotency-Key returns the first message; it is stored once',
      validation: '422 ValidationProblem: no text and no attachments → text required',
      conflict: '409 Problem (request-closed) on a completed or rejected request',
    },
    input: (t) => ({ path: { number: t.need('request', 'submitRequest').number }, json: { text: 'Contract kit: a reply.', attachments: [] } }),
    minimal: (t) => ({ path: { number: t.ctx.request?.number ?? UNKNOWN_NUMBER }, json: {} }),
    async success(t) {
      const { number } = t.need('request', 'submitRequest');
      const pdf = pdfBytes();
      const upload = await t.call('uploadFile', { form: uploadForm(pdf, 'contract-kit-reply.pdf', 'application/pdf', 'reply') });
      if (!t.expect(upload, [201], 'uploading the reply\'s attachment')) return;
      const text = 'Contract kit: a reply with a document.';
      const reply = await t.call('sendMessage', { path: { number }, json: { text, attachments: [upload.body.id] } });
      if (!t.expect(reply, [201])) return;
      t.ok(reply.body.from === 'applicant', `the message is from ${reply.body.from}`);
      t.ok(reply.body.text === text, 'the message does not hold the text that was sent');
      t.ok(reply.body.attachments?.[0]?.id === upload.body.id, 'the message does not hold the uploaded file');
      t.ctx.attachment = { id: upload.body.id, bytes: pdf };
      const detail = await t.call('getRequest', { path: { number } });
      if (t.expect(detail, [200], 'reading the request back')) t.ok(detail.body.messages.some((m) => m.id === reply.body.id), 'the request does not list the new message');
    },
    async replay(t) {
      const { number } = t.need('request', 'submitRequest');
      const headers = { 'Idempotency-Key': newKey() };
      const json = { text: `Contract kit: one reply, sent twice (${headers['Idempotency-Key']}).`, attachments: [] };
      const first = await t.call('sendMessage', { path: { number }, json, headers });
      if (!t.expect(first, [201])) return;
      const again = await t.call('sendMessage', { path: { number }, json, headers });
      t.expect(again, [200, 201]);
      t.ok(isDeepStrictEqual(again.body, first.body), 'the repeat answered another body than the first call', { first: first.body, repeat: again.body });
      const detail = await t.call('getRequest', { path: { number } });
      if (t.expect(detail, [200], 'reading the request back')) {
        const stored = detail.body.messages.filter((m) => m.text === json.text).length;
        t.ok(stored === 1, `the reply is stored ${stored} times`);
      }
    },
    async validation(t) {
      const { number } = t.need('request', 'submitRequest');
      const reply = await t.call('sendMessage', { path: { number }, json: { text: '', attachments: [] } });
      t.expectFieldErrors(reply, [{ field: 'text', codes: ['required'] }]);
    },
    async conflict(t) {
      const number = t.options.closedRequest;
      if (!number) throw new Skip('needs --closed-request NUMBER: a completed or rejected request of the signed-in user');
      const reply = await t.call('sendMessage', { path: { number }, json: { text: 'Contract kit: a reply to a closed request.', attachments: [] } });
      if (t.expect(reply, [409])) t.ok(reply.body?.code === 'request-closed', `the code is ${reply.body?.code}, not request-closed`);
    },
  },

  getAttachment: {
    titles: {
      success: "success: 200 the reply's PDF, the bytes that were uploaded",
      'not-found': '404 Problem for an unknown file of a known request, and of an unknown request',
    },
    input: (t) => ({ path: { number: t.need('request', 'submitRequest').number, id: t.need('attachment', 'sendMessage').id } }),
    minimal: (t) => ({ path: { number: t.ctx.request?.number ?? UNKNOWN_NUMBER, id: t.ctx.attachment?.id ?? UNKNOWN_ID } }),
    async success(t) {
      const { number } = t.need('request', 'submitRequest');
      const { id, bytes } = t.need('attachment', 'sendMessage');
      const reply = await t.call('getAttachment', { path: { number, id } });
      if (!t.expect(reply, [200])) return;
      t.ok(reply.type === 'application/pdf', `served as ${reply.type}, not application/pdf`);
      t.ok(Buffer.from(reply.bytes).equals(Buffer.from(bytes)), `served ${reply.bytes.length} bytes that are not the ${bytes.length} uploaded`);
    },
    async notFound(t) {
      const { number } = t.need('request', 'submitRequest');
      t.expect(await t.call('getAttachment', { path: { number, id: UNKNOWN_ID } }), [404], 'an unknown file of the kit\'s request');
      t.expect(await t.call('getAttachment', { path: { number: UNKNOWN_NUMBER, id: UNKNOWN_ID } }), [404], 'an unknown request');
    },
  },

  markMessagesRead: {
    titles: { success: "success: 204, then the request's staff messages are read" },
    input: (t) => ({ path: { number: t.need('request', 'submitRequest').number } }),
    async success(t) {
      const { number } = t.need('request', 'submitRequest');
      if (!t.expect(await t.call('markMessagesRead', { path: { number } }), [204])) return;
      const detail = await t.call('getRequest', { path: { number } });
      if (t.expect(detail, [200], 'reading the request back')) {
        t.ok(detail.body.messages.every((m) => m.from !== 'staff' || m.read), 'a staff message is still unread');
        t.ok(detail.body.unreadMessages === 0, `unreadMessages is ${detail.body.unreadMessages}`);
      }
    },
  },

  getSummary: {
    titles: { success: 'success: 200 a PDF summary, or 404 Problem when the server offers none' },
    input: (t) => ({ path: { number: t.need('request', 'submitRequest').number } }),
    async success(t) {
      const { number } = t.need('request', 'submitRequest');
      const reply = await t.call('getSummary', { path: { number } });
      if (!t.expect(reply, [200, 404])) return;
      if (reply.status === 404) return t.note('this server offers no summary document (404); the widget prints its own');
      t.ok(new TextDecoder().decode(reply.bytes.subarray(0, 5)) === '%PDF-', 'the summary is not a PDF');
    },
  },

  rateRequest: {
    titles: {
      success: "success: 204 for 5 stars, then the request holds the rating",
      conflict: '409 Problem (already-rated) when rated again',
      validation: '422 ValidationProblem: 9 stars → field stars',
    },
    input: (t) => ({ path: { number: t.need('request', 'submitRequest').number }, json: { stars: 5, comment: 'Contract kit.' } }),
    minimal: (t) => ({ path: { number: t.ctx.request?.number ?? UNKNOWN_NUMBER }, json: {} }),
    async success(t) {
      const { number } = t.need('request', 'submitRequest');
      if (!t.expect(await t.call('rateRequest', { path: { number }, json: { stars: 5, comment: 'Contract kit.' } }), [204])) return;
      t.ctx.rated = true;
      const detail = await t.call('getRequest', { path: { number } });
      if (t.expect(detail, [200], 'reading the request back') && detail.body.rating) t.ok(detail.body.rating.stars === 5, `the rating reads ${detail.body.rating.stars} stars`);
    },
    async conflict(t) {
      const { number } = t.need('request', 'submitRequest');
      t.need('rated', 'rateRequest');
      const reply = await t.call('rateRequest', { path: { number }, json: { stars: 4 } });
      if (t.expect(reply, [409])) t.ok(reply.body?.code === 'already-rated', `the code is ${reply.body?.code}, not already-rated`);
    },
    async validation(t) {
      const number = await spareRequest(t);
      const reply = await t.call('rateRequest', { path: { number }, json: { stars: 9 } });
      t.expectFieldErrors(reply, [{ field: 'stars', codes: ['invalid'] }]);
    },
  },

  getPass: {
    titles: {
      success: 'success: 200 VisitPass of an approved request (--approved-request, else the first approved one listed), valid from before it is valid to',
      conflict: "409 Problem (no-pass) for the kit's request, which is not approved",
    },
    input: (t) => ({ path: { number: t.need('request', 'submitRequest').number } }),
    async success(t) {
      const number = t.options.approvedRequest ?? (await approvedRequest(t));
      const reply = await t.call('getPass', { path: { number } });
      if (!t.expect(reply, [200])) return;
      t.ok(Date.parse(reply.body.validFrom) < Date.parse(reply.body.validTo), `the pass is valid from ${reply.body.validFrom} to ${reply.body.validTo}`);
      const again = await t.call('getPass', { path: { number } });
      if (t.expect(again, [200], 'asking again')) t.ok(again.body.validTo === reply.body.validTo, 'asked twice, the pass changed its validity');
    },
    async conflict(t) {
      const { number } = t.need('request', 'submitRequest');
      const reply = await t.call('getPass', { path: { number } });
      if (t.expect(reply, [409])) t.ok(reply.body?.code === 'no-pass', `the code is ${reply.body?.code}, not no-pass`);
    },
  },

  cancelRequest: {
    titles: {
      success: 'success: 200 RequestDetail with status cancelled; cancelling again answers 200 cancelled (idempotent)',
      conflict: '409 Problem (not-cancellable) on a completed or rejected request',
      validation: '422 ValidationProblem: a reason of 501 characters → field reason',
    },
    input: (t) => ({ path: { number: t.need('request', 'submitRequest').number }, json: { reason: 'Contract kit.' } }),
    minimal: (t) => ({ path: { number: t.ctx.request?.number ?? UNKNOWN_NUMBER }, json: {} }),
    async success(t) {
      const number = await spareRequest(t, 'cancelled');
      const reply = await t.call('cancelRequest', { path: { number }, json: { reason: 'Contract kit: no longer needed.' } });
      if (!t.expect(reply, [200])) return;
      t.ok(reply.body.status === 'cancelled', `the request's status is ${reply.body.status}, not cancelled`);
      const again = await t.call('cancelRequest', { path: { number }, json: {} });
      if (t.expect(again, [200], 'cancelling again')) t.ok(again.body.status === 'cancelled', `cancelled twice, the status is ${again.body.status}`);
      const listed = await t.call('getRequest', { path: { number } });
      if (t.expect(listed, [200], 'reading the request back')) t.ok(listed.body.status === 'cancelled', `read back, the status is ${listed.body.status}`);
    },
    async conflict(t) {
      const number = t.options.closedRequest;
      if (!number) throw new Skip('needs --closed-request NUMBER: a completed or rejected request of the signed-in user');
      const reply = await t.call('cancelRequest', { path: { number }, json: {} });
      if (t.expect(reply, [409])) t.ok(reply.body?.code === 'not-cancellable', `the code is ${reply.body?.code}, not not-cancellable`);
    },
    async validation(t) {
      const number = await spareRequest(t, 'not-cancelled');
      const reply = await t.call('cancelRequest', { path: { number }, json: { reason: 'x'.repeat(501) } });
      t.expectFieldErrors(reply, [{ field: 'reason', codes: ['too-long', 'invalid'] }]);
    },
  },

  inquire: {
    titles: {
      success: 'success: 200 InquiryResult for a known transaction (--inquiry, else the kit\'s request)',
      'not-found': "404 Problem for a transaction the inquiry does not know (the inquiry's not-found)",
      validation: '422 ValidationProblem: a number with letters, year 1200 → transactionNumber, hijriYear',
    },
    input: async (t) => ({ query: { number: UNKNOWN_TRANSACTION, year: await hijriYear() } }),
    minimal: async () => ({ query: { number: '1', year: await hijriYear() } }),
    async success(t) {
      const given = t.options.inquiry;
      const own = given ? undefined : t.need('request', 'submitRequest');
      const number = given ? given.number : own.number;
      const year = given ? given.year : await hijriYear(new Date(own.createdAt));
      const reply = await t.call('inquire', { query: { number, year } });
      if (!given && reply.status === 404) {
        throw new Skip(`the inquiry does not know the kit's request ${number} of ${year}; give --inquiry NUMBER/YEAR of a transaction it knows`);
      }
      if (!t.expect(reply, [200])) return;
      t.ok(Number(reply.body.transactionNumber) === Number(number), `asked for ${number}, got ${reply.body.transactionNumber}`);
      t.ok(reply.body.hijriYear === Number(year), `asked for year ${year}, got ${reply.body.hijriYear}`);
    },
    async notFound(t) {
      t.expect(await t.call('inquire', { query: { number: UNKNOWN_TRANSACTION, year: await hijriYear() } }), [404]);
    },
    async validation(t) {
      const reply = await t.call('inquire', { query: { number: '12a', year: 1200 } });
      t.expectFieldErrors(reply, [{ field: 'transactionNumber', codes: ['invalid'] }, { field: 'hijriYear', codes: ['invalid'] }]);
    },
  },
};

// ---- inputs ----

/** A valid input: the recipe's, else one made from the document. */
async function validInput(t, op, recipe) {
  if (recipe.input) return recipe.input(t);
  const path = Object.fromEntries(op.parameters.filter((p) => p.in === 'path' && p.name === 'number').map((p) => [p.name, t.need('request', 'submitRequest').number]));
  return { path, ...documentBody(op) };
}

/** An input without side effects, for 401 and 429: the recipe's, else empty bodies and unknown ids. */
async function minimalInput(t, op, recipe) {
  if (recipe.minimal) return recipe.minimal(t);
  if (recipe.input && !op.requestBody) return recipe.input(t);
  if (recipe.input && op.requestBody?.content['multipart/form-data']) return recipe.input(t);
  const path = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.name === 'number' ? (t.ctx.request?.number ?? UNKNOWN_NUMBER) : UNKNOWN_ID]));
  const json = op.requestBody?.content['application/json'] ? {} : undefined;
  return json === undefined ? { path } : { path, json };
}

/** A body from the document's examples, for an operation the kit has no recipe for. */
function documentBody(op) {
  if (!op.requestBody) return {};
  const json = op.requestBody.content['application/json'];
  const example = json?.example ?? json?.schema?.examples?.[0] ?? json?.schema?.example;
  if (example !== undefined) return { json: example };
  if (!op.requestBody.required) return {};
  throw new CallError(`the kit cannot make up a body for ${op.id}: give its request body an example in openapi.yaml, or add a recipe to RECIPES in scripts/contract/checks.mjs`);
}

function uploadForm(bytes, name, type, purpose) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  form.append('name', name);
  form.append('purpose', purpose);
  return form;
}

/** Uploads a file for a booking; its id. */
async function uploadFor(t, purpose) {
  const png = t.ctx.catalog.files.acceptedTypes.includes('image/png') && purpose !== 'subject-letter';
  const form = png ? uploadForm(pngBytes(), `contract-kit-${purpose}.png`, 'image/png', purpose) : uploadForm(pdfBytes(), `contract-kit-${purpose}.pdf`, 'application/pdf', purpose);
  const reply = await t.call('uploadFile', { form });
  if (!t.expect(reply, [201], `uploading the ${purpose} file`)) throw new Skip(`could not upload the booking's ${purpose} file`);
  return reply.body.id;
}

/**
 * A booking the server should accept, built from its catalog (the first type with a
 * destination, the first gate, reason and governorate) and the signed-in user, with two
 * fresh uploads.
 */
async function freshBooking(t) {
  const catalog = t.need('catalog', 'getCatalog');
  const { user } = t.need('session', 'getSession');
  const type = catalog.appointmentTypes.find((candidate) => destinationsOf(catalog, candidate).length > 0);
  if (!type) throw new CallError('the catalog offers no appointment type with a destination');
  const pick = (list) => (list.find((option) => option.id === 'individual') ?? list[0])?.id;
  const booking = {
    applicantType: pick(catalog.applicantTypes),
    fullName: user.name,
    idNumber: user.idNumber,
    mobile: user.mobile ?? '512345678',
    email: user.email ?? 'contract-kit@example.com',
    appointmentType: type.id,
    destination: destinationsOf(catalog, type)[0].id,
    gate: catalog.gates[0]?.id,
    reason: catalog.reasons[0]?.id,
    subject: `Contract kit test request ${newKey().slice(-12)}.`.slice(0, catalog.subject.maxLength),
    subjectLetter: await uploadFor(t, 'subject-letter'),
    idCopy: await uploadFor(t, 'id-copy'),
    belongings: [],
    companions: [],
    declaration: true,
    locale: 'en',
  };
  if (catalog.governorates[0]) booking.governorate = catalog.governorates[0].id;
  return booking;
}

function destinationsOf(catalog, type) {
  return type.usesDepartments ? catalog.departments : (type.destinations ?? []);
}

/** Another request of the kit's, made once per run under `name`; its number. */
async function spareRequest(t, name = 'spare') {
  t.ctx.spares ??= {};
  if (t.ctx.spares[name]) return t.ctx.spares[name];
  const reply = await t.call('submitRequest', { json: await freshBooking(t) });
  if (!t.expect(reply, [201], 'making another request to work on')) throw new Skip('could not make another request to work on');
  t.ctx.spares[name] = reply.body.requestNumber;
  return reply.body.requestNumber;
}

/** The first approved request `GET /requests` lists (for its pass); a skip when there is none. */
async function approvedRequest(t) {
  const reply = await t.call('listRequests', { query: { page: 1, pageSize: 100 } });
  const found = reply.status === 200 ? reply.body.items.find((item) => item.status === 'approved') : undefined;
  if (!found) throw new Skip('no approved request to ask a pass of: give --approved-request NUMBER');
  return found.requestNumber;
}

/** How many requests `GET /requests` counts, if it answers. */
async function listTotal(t) {
  const reply = await t.call('listRequests', { query: { page: 1, pageSize: 1 } });
  return reply.status === 200 ? reply.body?.total : undefined;
}

/** The Umm al-Qura year of `date` in Riyadh, by the widget's own calendar (src/domain/hijri.ts). */
async function hijriYear(date = new Date()) {
  hijri ??= importTs("export { currentHijriYear } from './src/domain/hijri.ts';", 'scripts/contract/hijri-entry.ts');
  return (await hijri).currentHijriYear(date);
}
let hijri;

// ---- small helpers ----

function has(op, status) {
  return status in op.responses;
}

function idempotencyKey(op) {
  return op.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
}

export function newKey() {
  return `contract-kit-${crypto.randomUUID()}`;
}

function camel(kind) {
  return kind.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
}
