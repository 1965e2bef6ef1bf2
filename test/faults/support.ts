/**
 * Shared by the fault tests: mounting the booking form, driving it without the shared
 * `fillValid` (which attaches its own files), watching what reaches the mock server, and reading
 * the stored draft through the draft store's own API (never through the form under test).
 */
import { fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { openDB } from 'idb';
import type { SetupWorker } from 'msw/browser';
import '../../src/booking-form.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { BookingValues } from '../../src/domain/booking.js';
import { DraftStore, draftKey, type Draft } from '../../src/drafts/draft-store.js';
import { startMockBackend } from '../../demo/mocks/browser.js';
import { API_BASE, mockBackend } from '../support/mock-backend.js';
import { deepQuery, pickFile, settled, type, until, visibleText } from '../support/dom.js';
import { $ } from '../support/booking.js';
export { fillAnswers } from '../support/booking.js';

export const USER_ID = '1085427373';
export const COMPANION_ID = '2345678904';
export const LOGIN_URL = 'https://portal.example/nafath';

export const root = (form: BookingForm) => form.shadowRoot!;

/** What the booking form keeps in its draft (see booking-form.ts). */
export interface StoredBookingDraft {
  values: BookingValues;
  submissionKey?: string;
}

/** The running msw worker (the mock backend), to add runtime handlers that watch or fail calls. */
export function mockWorker(): Promise<SetupWorker> {
  return startMockBackend({ baseUrl: API_BASE, quiet: true });
}

/** Mounts a form as the portal does (api-base, login-url) and waits for it to load. */
export async function mount(options: { parent?: HTMLElement } = {}): Promise<BookingForm> {
  const template = html`<emirate-booking-form api-base=${API_BASE} login-url=${LOGIN_URL} lang="ar"></emirate-booking-form>`;
  const form = options.parent
    ? await fixture<BookingForm>(template, { parentNode: options.parent })
    : await fixture<BookingForm>(template);
  await until(() => root(form).querySelector('form, [role=alert], section'), 'the form to load');
  await settled(form);
  return form;
}

/** A real PDF/PNG (right magic bytes) whose remaining bytes are random, so byte-for-byte checks mean something. */
export function distinctFile(kind: 'pdf' | 'png', name: string, size = 700): File {
  const head = kind === 'png' ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] : [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a];
  const bytes = crypto.getRandomValues(new Uint8Array(size));
  bytes.set(head);
  return new File([bytes], name, { type: kind === 'png' ? 'image/png' : 'application/pdf' });
}

export async function bytesOf(blob: Blob): Promise<number[]> {
  return Array.from(new Uint8Array(await blob.arrayBuffer()));
}

/** Picks `file` in the slot and waits until it is uploaded ('جاهز'). */
export async function attachFile(form: BookingForm, slot: 'subjectLetter' | 'idCopy', file: File): Promise<void> {
  pickFile($(form, `#${slot}`), file);
  await until(() => {
    const text = visibleText($(form, `#${slot}`));
    return text.includes(file.name) && text.includes('جاهز');
  }, `${slot} to upload`);
}

export const companionList = (form: BookingForm) => $(form, 'emirate-companion-list');
export const companionRows = (form: BookingForm) => [...companionList(form).shadowRoot!.querySelectorAll<HTMLFieldSetElement>('fieldset.companion')];
export const companionControl = (form: BookingForm, index: number, field: 'fullName' | 'idNumber') =>
  companionRows(form)[index]!.querySelector<HTMLInputElement>(`[id$="-${field}"]`)!;
export const companionFileField = (form: BookingForm, index: number) => companionRows(form)[index]!.querySelector('emirate-file-field')!;

/** "+ Add companion", then name, ID and ID image; `waitReady` waits for the image's upload. */
export async function addCompanion(form: BookingForm, name: string, id: string, image: File, waitReady = true): Promise<void> {
  const list = companionList(form);
  const before = companionRows(form).length;
  list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
  await until(() => companionRows(form).length === before + 1, 'the companion row');
  type(companionControl(form, before, 'fullName'), name);
  type(companionControl(form, before, 'idNumber'), id);
  pickFile(companionFileField(form, before), image);
  if (waitReady) {
    await until(() => {
      const text = visibleText(companionFileField(form, before));
      return text.includes(image.name) && text.includes('جاهز');
    }, 'the companion ID image to upload');
  }
  await settled(form);
}


/** The visible text of the stage's main heading (h2). */
export const heading = (form: BookingForm) => root(form).querySelector('h2')?.textContent?.trim() ?? '';

/** The draft notice boxes (role=status) the form shows, by text. */
export const statusNotices = (form: BookingForm) =>
  [...root(form).querySelectorAll<HTMLElement>('.notice[role=status]')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

export const NOTICE = {
  restored: 'استعدنا مسودة طلبك',
  full: 'مساحة التخزين في جهازك ممتلئة',
  elsewhere: 'هذا الطلب مفتوح في نافذة أو تبويب آخر',
  generic: 'لا يمكن حفظ مسودة الطلب على هذا المتصفح',
  valuesOnly: 'يُحفظ على هذا الجهاز ما تكتبه فقط لمدة 24 ساعة، ولا تُحفظ المرفقات',
  locked: 'مسودتك محفوظة ومقفلة حتى تسجّل الدخول مرة أخرى',
  unguarded: 'هذا المتصفح لا يمنع فتح الطلب في أكثر من نافذة أو تبويب',
};

/**
 * Reads the booking draft of the default user on `/api` straight from the store, unlocked with
 * the secret the mock's session gives that user (`null`: as a portal without secrets).
 */
export async function readStoredDraft(secret?: string | null): Promise<Draft<StoredBookingDraft> | null> {
  const store = await DraftStore.open();
  try {
    await store.unlock(secret === undefined ? await mockBackend.draftSecretFor(USER_ID) : secret);
    return await store.load<StoredBookingDraft>(draftKey({ portal: API_BASE, user: USER_ID, form: 'booking' }));
  } finally {
    store.close();
  }
}

/** Every record of the draft database's `store`, straight from IndexedDB (no keys needed). */
export async function rawDraftRecords(store: 'drafts' | 'files' | 'signins'): Promise<Array<Record<string, unknown>>> {
  const db = await openDB('emirate-drafts');
  try {
    return db.objectStoreNames.contains(store) ? ((await db.getAll(store)) as Array<Record<string, unknown>>) : [];
  } finally {
    db.close();
  }
}

/** Collects an event's `detail`s from `target` until `stop()`. */
export function collect<T>(target: EventTarget, type: string): { seen: T[]; stop: () => void } {
  const seen: T[] = [];
  const listener = (event: Event) => seen.push((event as CustomEvent<T>).detail);
  target.addEventListener(type, listener);
  return { seen, stop: () => target.removeEventListener(type, listener) };
}

/**
 * Records every `POST /requests` that reaches the mock (its Idempotency-Key), then lets the
 * mock's own handler (faults included) answer.
 */
export function watchSubmits(worker: SetupWorker): string[] {
  const keys: string[] = [];
  worker.use(
    http.post(`${API_BASE}/requests`, ({ request }) => {
      keys.push(request.headers.get('Idempotency-Key') ?? '(none)');
      return undefined;
    }),
  );
  return keys;
}

/**
 * Records every `POST /uploads` by its file name; while `failing(name)` holds, that upload
 * answers 500 (the others go on to the mock's handler).
 */
export function watchUploads(worker: SetupWorker, failing: (name: string) => boolean = () => false): Map<string, number> {
  const counts = new Map<string, number>();
  worker.use(
    http.post(`${API_BASE}/uploads`, async ({ request }) => {
      const body = await request.clone().formData();
      const name = String(body.get('name'));
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (failing(name)) return HttpResponse.json({ code: 'internal', message: 'Disk array offline.' }, { status: 500 });
      return undefined;
    }),
  );
  return counts;
}

/** The bytes the mock server keeps for the upload `id`. */
export async function serverBytes(id: string): Promise<number[]> {
  const stored = mockBackend.db.uploads.get(id);
  if (!stored) throw new Error(`no upload ${id} on the server`);
  return bytesOf(stored.blob);
}

export const sendButton = (form: BookingForm) => $<HTMLButtonElement>(form, 'button[part=submit]');
export const isReview = (form: BookingForm) => Boolean(root(form).querySelector('dl.review'));
export const deep = deepQuery;
