/**
 * Keeps the mock backend's store for the browser tab: the demo saves it in sessionStorage after
 * every change, so a reload or another view of the gallery finds the same requests, messages,
 * uploads and remembered idempotent answers. Off unless the demo turns it on (tests keep their
 * store in the page and reset it before each test).
 *
 * Everything in the store is kept but the catalog (the gallery's branding switch chooses it on
 * every load). Uploads keep their name, type and size; their bytes are kept up to
 * {@link KEPT_UPLOAD_BYTES} in all, and a later upload comes back empty after a reload.
 */
import { db, observeDb, type DbEvent, type MockDb, type StoredUpload } from './db.js';
import type { UploadedFile, UploadPurpose } from '../../src/api/types.js';

/** The sessionStorage key of the demo's store. */
export const MOCK_STORE_KEY = 'emirate-demo-mock-store';
/** Bytes of uploads kept in all (stored as base64, a third larger). */
export const KEPT_UPLOAD_BYTES = 2 * 1024 * 1024;
/** Bumped when the saved shape changes; a store saved in another shape is dropped. */
const VERSION = 1;
/** Fields of the store that are not kept. */
const NOT_KEPT: ReadonlySet<string> = new Set(['catalog']);

/** How the demo controls its kept store. */
export interface MockStorePersistence {
  /** Writes the store now; resolves once it is written. */
  save(): Promise<void>;
  /** Stops saving; what is saved stays. */
  stop(): void;
}

interface SavedUpload {
  file: UploadedFile;
  purpose: UploadPurpose;
  /** The bytes as base64, when they fitted. */
  bytes?: string;
}

/**
 * Loads the store saved under `key` (if any, and of this version) into the running store, then
 * saves after every change the handlers and the demo's controls report; a reset removes it.
 */
export function persistDb(storage: Storage, key: string = MOCK_STORE_KEY): MockStorePersistence {
  const saved = storage.getItem(key);
  if (saved !== null && !restoreDb(saved)) storage.removeItem(key);
  /** Bumped by a reset, so a save that started before it writes nothing. */
  let generation = 0;
  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    const started = generation;
    writing = writing
      .then(async () => {
        if (started !== generation) return;
        const text = await snapshotDb();
        await write(storage, key, text, () => started === generation);
      })
      .catch(() => undefined);
    return writing;
  };
  const listener = (event: DbEvent) => {
    if (event === 'changed') return save();
    generation++;
    storage.removeItem(key);
    return undefined;
  };
  observeDb(listener);
  return { save, stop: () => observeDb(undefined) };
}

/** The store as text: upload bytes are read first, then the rest at one moment. */
export async function snapshotDb(keptBytes = KEPT_UPLOAD_BYTES): Promise<string> {
  const bytes = new Map<Blob, string>();
  let room = keptBytes;
  for (const upload of [...db.uploads.values()]) {
    if (upload.blob.size > room) continue;
    room -= upload.blob.size;
    bytes.set(upload.blob, await base64Of(upload.blob));
  }
  const store: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(db)) {
    if (NOT_KEPT.has(name)) continue;
    if (name === 'uploads') store[name] = [...db.uploads].map(([id, upload]) => [id, savedUpload(upload, bytes.get(upload.blob))]);
    else if (value instanceof Map) store[name] = [...value];
    else store[name] = value;
  }
  return JSON.stringify({ version: VERSION, store });
}

/**
 * Puts a store saved by {@link snapshotDb} into the running store. Returns false, changing
 * nothing, when `text` is not such a store.
 */
export function restoreDb(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isRecord(parsed) || parsed.version !== VERSION || !isRecord(parsed.store)) return false;
  const saved = parsed.store;
  const next: Partial<Record<keyof MockDb, unknown>> = {};
  for (const [name, current] of Object.entries(db) as Array<[keyof MockDb, unknown]>) {
    if (NOT_KEPT.has(name) || !(name in saved)) continue;
    const value = saved[name];
    if (current instanceof Map) {
      if (!Array.isArray(value) || !value.every((entry) => Array.isArray(entry) && entry.length === 2)) return false;
      next[name] = name === 'uploads' ? new Map((value as Array<[string, SavedUpload]>).map(([id, upload]) => [id, storedUpload(upload)])) : new Map(value as Array<[unknown, unknown]>);
    } else {
      if (typeof value !== typeof current || Array.isArray(value) !== Array.isArray(current)) return false;
      next[name] = value;
    }
  }
  Object.assign(db, next);
  return true;
}

/** Writes `text`, or the store without upload bytes when that is over the tab's quota; nothing once `current()` is false. */
async function write(storage: Storage, key: string, text: string, current: () => boolean): Promise<void> {
  if (!current()) return;
  try {
    storage.setItem(key, text);
    return;
  } catch {
    // Over the quota: try again below without the bytes.
  }
  const smaller = await snapshotDb(0);
  if (!current()) return;
  try {
    storage.setItem(key, smaller);
  } catch {
    storage.removeItem(key);
  }
}

function savedUpload(upload: StoredUpload, bytes: string | undefined): SavedUpload {
  return bytes === undefined ? { file: upload.file, purpose: upload.purpose } : { file: upload.file, purpose: upload.purpose, bytes };
}

function storedUpload(saved: SavedUpload): StoredUpload {
  const parts = saved.bytes === undefined ? [] : [Uint8Array.from(atob(saved.bytes), (c) => c.charCodeAt(0))];
  return { file: saved.file, purpose: saved.purpose, blob: new Blob(parts, { type: saved.file.type }) };
}

/** Uploads' bytes as base64, read once per Blob (the store is saved after every answer). */
const encoded = new WeakMap<Blob, string>();

async function base64Of(blob: Blob): Promise<string> {
  const known = encoded.get(blob);
  if (known !== undefined) return known;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const text = btoa(binary);
  encoded.set(blob, text);
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
