/**
 * Form drafts in IndexedDB (via `idb`), per portal, user and form. Values and files are kept
 * apart: typing rewrites only the small values record; each file is written once, when chosen.
 * Every file belongs to a draft record that expires (14 days after the last save by default),
 * and all drafts can be cleared at sign-out.
 *
 * Drafts are sealed at rest: values, file names and file bytes are encrypted with AES-GCM
 * (a fresh 96-bit IV each time) under one non-extractable WebCrypto key kept in the same
 * database, and records are keyed by an HMAC of the draft's name (portal, user, form), so not
 * even the key says whose draft it is. What is on disk reads as noise without those keys,
 * which script cannot export; sign-out deletes the database, keys and drafts together.
 * Without WebCrypto (an insecure context) drafts are off rather than kept in the clear.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';

/** A file kept in a draft, as it was chosen. */
export interface StoredFile {
  blob: Blob;
  name: string;
  type: string;
  lastModified?: number;
}

/** A restored draft: the typed values, the files by slot, and when it was saved and expires. */
export interface Draft<T> {
  values: T;
  /** Files by slot (e.g. `idCopy`, `companion:<key>`). */
  files: Record<string, StoredFile>;
  savedAt: number;
  expiresAt: number;
}

/** Why drafts cannot be kept: no IndexedDB, another tab holds it, no space left, or anything else. */
export type DraftStoreFailure = 'unavailable' | 'blocked' | 'full' | 'error';

/** Every failure of the draft store; `cause` holds what IndexedDB threw, if anything. */
export class DraftStoreError extends Error {
  readonly reason: DraftStoreFailure;
  constructor(reason: DraftStoreFailure, cause?: unknown) {
    super(`Draft storage ${reason}`, { cause });
    this.name = 'DraftStoreError';
    this.reason = reason;
  }
}

export interface DraftStoreOptions {
  /** Default `emirate-drafts`. */
  dbName?: string;
  /** How long a draft lives after its last save; default 14 days. */
  ttlMs?: number;
  /** The clock; default `Date.now`. */
  now?: () => number;
  /** Default `globalThis.indexedDB`; `null` means there is none. */
  indexedDB?: IDBFactory | null;
}

const DEFAULT_DB_NAME = 'emirate-drafts';
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TTL_MS = 14 * DAY_MS;
/** A draft saved further ahead than this was saved by a wrong clock. */
const CLOCK_SLACK_MS = DAY_MS;
const OPEN_TIMEOUT_MS = 3000;
const DB_VERSION = 2;
const STORES = ['drafts', 'files'] as const;
const SEALING_KEY_ID = 'drafts';

/**
 * Encrypted bytes and the IV they were encrypted with. A file's bytes are kept as a Blob: the
 * database takes a Blob without copying it on the main thread, an ArrayBuffer it clones there
 * (an ArrayBuffer all the same where the database refuses Blobs, see {@link DraftStore.saveFile}).
 */
interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer | Blob;
}

interface DraftRecord {
  key: string;
  /** The values as sealed JSON; absent while only files were saved. */
  values?: Sealed;
  savedAt: number;
  expiresAt: number;
}

/** A file: its name, type and date sealed as JSON in `meta`, its bytes sealed in `body`. */
interface FileRecord {
  key: string;
  slot: string;
  meta: Sealed;
  body: Sealed;
}

interface DraftSchema extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { expiresAt: number } };
  files: { key: [string, string]; value: FileRecord; indexes: { draft: string } };
  keys: { key: string; value: DraftKeys };
}

interface DraftKeys {
  id: string;
  /** AES-GCM, non-extractable: seals values, file names and file bytes. */
  seal: CryptoKey;
  /** HMAC-SHA-256, non-extractable: turns draft names into record keys. */
  name: CryptoKey;
}

type Tx = IDBPTransaction<DraftSchema, typeof STORES, 'readwrite'>;

/** A stable, unambiguous key for one form of one user on one portal. */
export function draftKey(parts: { portal: string; user: string; form: string }): string {
  return JSON.stringify([parts.portal, parts.user, parts.form]);
}

/** Maps what IndexedDB threw to a reason the form can explain: no space left is `full`. */
export function toDraftStoreError(error: unknown): DraftStoreError {
  if (error instanceof DraftStoreError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return new DraftStoreError(isQuotaError(error) || isQuotaError(cause) ? 'full' : 'error', error);
}

function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

/** The factory to use: the given one (`null`: none), else the page's, if it may be touched at all. */
function factoryOf(option: IDBFactory | null | undefined): IDBFactory | null {
  if (option !== undefined) return option;
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null; // some sandboxed frames throw on access
  }
}

/**
 * Opens the database, creating or upgrading its stores (version 1 kept drafts in the clear:
 * they are dropped, not sealed after the fact). Rejects `unavailable` when opening fails, and `blocked`
 * when the open is blocked or still pending after {@link OPEN_TIMEOUT_MS}; a connection that
 * arrives after that is closed at once. The connection closes itself when another tab needs a
 * new version or deletes the database, so this page never blocks it.
 */
function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason: DraftStoreFailure, cause?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new DraftStoreError(reason, cause));
    };
    const timer = setTimeout(() => fail('blocked'), OPEN_TIMEOUT_MS);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (error) {
      fail('unavailable', error);
      return;
    }
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (event.oldVersion < 1) {
        db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('expiresAt', 'expiresAt');
        db.createObjectStore('files', { keyPath: ['key', 'slot'] }).createIndex('draft', 'key');
      } else {
        for (const store of STORES) request.transaction!.objectStore(store).clear();
      }
      db.createObjectStore('keys', { keyPath: 'id' });
    };
    request.onblocked = () => fail('blocked');
    request.onerror = () => fail('unavailable', request.error);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      if (settled) {
        db.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve(db);
    };
  });
}

/**
 * The database's keys, made on first use, both non-extractable: AES-GCM to seal drafts, HMAC
 * to name them. Two tabs making them at once both try to add them; the loser's transaction
 * fails as a whole and it reads the winner's.
 */
async function draftKeys(db: IDBPDatabase<DraftSchema>): Promise<DraftKeys> {
  const kept = await db.get('keys', SEALING_KEY_ID);
  if (kept) return kept;
  const keys = {
    id: SEALING_KEY_ID,
    seal: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    name: await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  };
  // Drafts sealed under keys that are gone can never be read again: they go with new keys.
  const tx = db.transaction(['keys', ...STORES], 'readwrite');
  try {
    await Promise.all([tx.objectStore('keys').add(keys), ...STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
    return keys;
  } catch {
    const winner = await db.get('keys', SEALING_KEY_ID);
    if (!winner) throw new DraftStoreError('error');
    return winner;
  }
}

/** Deletes a draft record and all its files inside `tx`. */
async function removeDraft(tx: Tx, key: string): Promise<void> {
  const files = tx.objectStore('files');
  await tx.objectStore('drafts').delete(key);
  for (const fileKey of await files.index('draft').getAllKeys(key)) await files.delete(fileKey);
}

/** Keeps form drafts in IndexedDB; every method rejects with a {@link DraftStoreError}. */
export class DraftStore {
  /** On-disk keys by draft name. */
  private readonly diskKeys = new Map<string, Promise<string>>();
  /** Whether the database takes file bytes as a Blob (see {@link DraftStore.saveFile}). */
  private blobsKept = true;

  private constructor(
    private readonly db: IDBPDatabase<DraftSchema>,
    private readonly keys: DraftKeys,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Opens (creating if needed) the draft database. Rejects `unavailable` when there is no
   * IndexedDB or it cannot be opened, `blocked` when another tab keeps it from opening (~3 s).
   */
  static async open(options: DraftStoreOptions = {}): Promise<DraftStore> {
    const factory = factoryOf(options.indexedDB);
    if (!factory || !globalThis.crypto?.subtle) throw new DraftStoreError('unavailable');
    const db = wrap(await openDatabase(factory, options.dbName ?? DEFAULT_DB_NAME)) as unknown as IDBPDatabase<DraftSchema>;
    try {
      return new DraftStore(db, await draftKeys(db), options.ttlMs ?? DEFAULT_TTL_MS, options.now ?? Date.now);
    } catch (error) {
      db.close();
      throw toDraftStoreError(error);
    }
  }

  /**
   * The draft under `key`, or `null`. A draft is expired only once now is past its `expiresAt`;
   * then it is deleted with its files. A draft saved more than a day in the future (the clock
   * was ahead, then corrected) is not kept until that future: its `savedAt` becomes now and
   * its `expiresAt` now + ttl, and this is written back. Files saved before any values give
   * `null` (there is nothing to restore the form from); they expire like a draft.
   */
  async load<T>(name: string): Promise<Draft<T> | null> {
    const key = await this.diskKey(name);
    const now = this.now();
    const found = await this.transact(async (tx) => {
      const drafts = tx.objectStore('drafts');
      let record = await drafts.get(key);
      if (!record) return null;
      if (now > record.expiresAt) {
        await removeDraft(tx, key);
        return null;
      }
      if (record.savedAt > now + CLOCK_SLACK_MS) {
        record = { ...record, savedAt: now, expiresAt: now + this.ttlMs };
        await drafts.put(record);
      }
      if (!record.values) return null;
      return { record, values: record.values, files: await tx.objectStore('files').index('draft').getAll(key) };
    });
    if (!found) return null;
    try {
      const files: Record<string, StoredFile> = {};
      for (const { slot, meta, body } of found.files) {
        const { name, type, lastModified } = JSON.parse(await this.unseal(meta, 'text')) as Omit<StoredFile, 'blob'>;
        const blob = new Blob([await this.unseal(body)], { type });
        files[slot] = lastModified === undefined ? { blob, name, type } : { blob, name, type, lastModified };
      }
      return {
        values: JSON.parse(await this.unseal(found.values, 'text')) as T,
        files,
        savedAt: found.record.savedAt,
        expiresAt: found.record.expiresAt,
      };
    } catch (error) {
      // Sealed under a key this database no longer has (or altered on disk): unreadable, gone.
      if ((error as { name?: string } | null)?.name !== 'OperationError') throw toDraftStoreError(error);
      await this.delete(name);
      return null;
    }
  }

  /** Writes the values record only (file records are untouched); the draft lives ttl from now. */
  async saveValues<T>(name: string, values: T): Promise<void> {
    const key = await this.diskKey(name);
    const sealed = await this.seal(() => new TextEncoder().encode(JSON.stringify(values)));
    const savedAt = this.now();
    await this.transact(async (tx) => {
      await tx.objectStore('drafts').put({ key, values: sealed, savedAt, expiresAt: savedAt + this.ttlMs });
    });
  }

  /**
   * Keeps the file of one slot (`null` forgets it). A file saved before any values gets a draft
   * record of its own, so that it expires too.
   */
  async saveFile(name: string, slot: string, file: StoredFile | null): Promise<void> {
    const key = await this.diskKey(name);
    // Sealing awaits WebCrypto, which would end an open transaction: seal first, then write.
    const sealed = file && {
      meta: await this.seal(() => new TextEncoder().encode(JSON.stringify({ name: file.name, type: file.type, lastModified: file.lastModified }))),
      body: await this.seal(() => file.blob.arrayBuffer()),
    };
    const now = this.now();
    const write = (asBlob: boolean) =>
      this.transact(async (tx) => {
        const files = tx.objectStore('files');
        if (!sealed) {
          await files.delete([key, slot]);
          return;
        }
        const body = asBlob ? { iv: sealed.body.iv, data: new Blob([sealed.body.data]) } : sealed.body;
        await files.put({ key, slot, meta: sealed.meta, body });
        const drafts = tx.objectStore('drafts');
        if ((await drafts.count(key)) === 0) await drafts.add({ key, savedAt: now, expiresAt: now + this.ttlMs });
      });
    if (!sealed || !this.blobsKept) return write(false);
    try {
      await write(true);
    } catch (error) {
      // WebKit refuses Blobs in an ephemeral session (Safari Private Browsing, automation):
      // "Error preparing Blob/File data". The bytes then go in as an ArrayBuffer, cloned on the
      // main thread, which such a session takes; a database that refuses both is a real failure.
      if (!(error instanceof DraftStoreError) || error.reason !== 'error') throw error;
      await write(false);
      this.blobsKept = false;
    }
  }

  /** Deletes a draft and all its files. */
  async delete(name: string): Promise<void> {
    const key = await this.diskKey(name);
    await this.transact((tx) => removeDraft(tx, key));
  }

  /** Deletes every draft of every user and portal. */
  async clearAll(): Promise<void> {
    await this.transact(async (tx) => {
      await tx.objectStore('drafts').clear();
      await tx.objectStore('files').clear();
    });
  }

  /**
   * Deletes every expired draft with its files and returns how many. Drafts saved more than a
   * day in the future get their times restarted from now, as in {@link DraftStore.load}.
   */
  async purgeExpired(): Promise<number> {
    const now = this.now();
    return this.transact(async (tx) => {
      const drafts = tx.objectStore('drafts');
      const expired = await drafts.index('expiresAt').getAllKeys(IDBKeyRange.upperBound(now, true));
      for (const key of expired) await removeDraft(tx, key);
      for (const record of await drafts.getAll()) {
        if (record.savedAt > now + CLOCK_SLACK_MS) await drafts.put({ ...record, savedAt: now, expiresAt: now + this.ttlMs });
      }
      return expired.length;
    });
  }

  /**
   * The record key on disk for a draft name: its HMAC-SHA-256 under the database's naming key,
   * so a draft's key does not give away whose it is (an ID number has too few values for a
   * plain hash to hide it).
   */
  private diskKey(name: string): Promise<string> {
    let key = this.diskKeys.get(name);
    if (!key) {
      key = crypto.subtle.sign('HMAC', this.keys.name, new TextEncoder().encode(name)).then(
        (mac) => btoa(String.fromCharCode(...new Uint8Array(mac))),
        (error: unknown) => Promise.reject(toDraftStoreError(error)),
      );
      this.diskKeys.set(name, key);
    }
    return key;
  }

  /**
   * Encrypts what `bytes` gives (JSON that cannot be made, a file that can no longer be read,
   * and encryption failures all reject with a {@link DraftStoreError}).
   */
  private async seal(bytes: () => BufferSource | Promise<BufferSource>): Promise<Sealed> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    try {
      return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, this.keys.seal, await bytes()) };
    } catch (error) {
      throw toDraftStoreError(error);
    }
  }

  private unseal(sealed: Sealed): Promise<ArrayBuffer>;
  private unseal(sealed: Sealed, as: 'text'): Promise<string>;
  private async unseal(sealed: Sealed, as?: 'text'): Promise<ArrayBuffer | string> {
    const data = sealed.data instanceof Blob ? await sealed.data.arrayBuffer() : sealed.data;
    const bytes = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, this.keys.seal, data);
    return as ? new TextDecoder().decode(bytes) : bytes;
  }

  /** Closes the connection; later calls reject with `error`. */
  close(): void {
    this.db.close();
  }

  /**
   * Runs `body` in one read-write transaction over both stores; on failure the transaction is
   * aborted and the error mapped. The transaction's own error is preferred: when the disk is
   * full the request may only say `AbortError` while the transaction says `QuotaExceededError`.
   */
  private async transact<R>(body: (tx: Tx) => Promise<R>): Promise<R> {
    let tx: Tx | undefined;
    try {
      tx = this.db.transaction(STORES, 'readwrite');
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (error) {
      if (!tx) throw toDraftStoreError(error);
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      await tx.done.catch(() => undefined);
      throw toDraftStoreError(tx.error ?? error);
    }
  }
}

/**
 * Deletes every draft of every user and portal (call it when the citizen signs out); works
 * whether or not a store is open, since open stores close themselves when asked. Never
 * rejects: without IndexedDB there is nothing to clear. If another tab keeps the database
 * open, it gives up waiting after ~3 s; the deletion stays queued and happens when that tab
 * lets go.
 */
export async function clearAllDrafts(options: Pick<DraftStoreOptions, 'dbName' | 'indexedDB'> = {}): Promise<void> {
  const factory = factoryOf(options.indexedDB);
  if (!factory) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, OPEN_TIMEOUT_MS);
    function done() {
      clearTimeout(timer);
      resolve();
    }
    try {
      const request = factory.deleteDatabase(options.dbName ?? DEFAULT_DB_NAME);
      request.onsuccess = done;
      request.onerror = done;
    } catch {
      done();
    }
  });
}
