/**
 * Form drafts in IndexedDB (via `idb`), per portal, user and form. Values and files are kept
 * apart: typing rewrites only the small values record; each file is written once, when chosen.
 * Every file belongs to a draft record that expires, and drafts are cleared at sign-out.
 *
 * What a copied disk, a copied browser profile or another user of the same browser finds here
 * is noise. A store is opened locked and unlocked with the signed-in user's draft secret (the
 * session's `draftSecret`, issued by the backend per user; see `openapi.yaml`):
 *
 * - From the secret, HKDF-SHA-256 derives an HMAC naming key and, per draft, an AES-KW wrapping
 *   key (the draft's name — portal, user and form — is the HKDF info). Both are non-extractable
 *   and live in memory only, until {@link DraftStore.lock} or {@link DraftStore.close}.
 * - Each draft has its own random AES-GCM data key. The disk holds it only wrapped under the
 *   draft's wrapping key; unwrapped, it is a non-extractable key in memory.
 * - Record keys, file slot names and the Web Lock name are HMACs of the draft's name under the
 *   naming key: without the secret nobody can even tell which records are whose.
 * - Values (with the time they were saved), file names, types and bytes are sealed with AES-GCM
 *   (a fresh 96-bit IV each time, the record's key and part as associated data) after padding
 *   to a size bucket, so a record's size does not give away a file's exact size or a name's
 *   length. The one time on disk is the expiry, rounded up to the hour.
 *
 * Without a secret (a portal whose backend issues none) a store is unlocked with `null`: values
 * are sealed under a key of this device kept in the same database (which a copied profile can
 * use, so this is the weaker mode), files are never kept, and drafts live at most 24 hours.
 * Without WebCrypto (an insecure context) drafts are off rather than kept in the clear.
 */
import { unwrap, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';

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
  /** When the draft will be deleted: `savedAt` plus its life, rounded up to the hour. */
  expiresAt: number;
}

/**
 * Why drafts cannot be kept: no IndexedDB, another tab holds it, no space left, the store's
 * keys were forgotten (`locked`: {@link DraftStore.lock}, e.g. after a 401), or anything else.
 */
export type DraftStoreFailure = 'unavailable' | 'blocked' | 'full' | 'locked' | 'error';

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
  /** How long a draft sealed under a backend secret lives after its last save; default 14 days. */
  ttlMs?: number;
  /** The clock; default `Date.now`. */
  now?: () => number;
  /** Default `globalThis.indexedDB`; `null` means there is none. */
  indexedDB?: IDBFactory | null;
}

const DEFAULT_DB_NAME = 'emirate-drafts';
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
export const DEFAULT_TTL_MS = 14 * DAY_MS;
/** The longest life of a draft kept without a backend secret (typed values only). */
export const VALUES_ONLY_TTL_MS = DAY_MS;
/** Expiry times on disk are rounded up to this, so they do not tell when a draft was saved. */
export const EXPIRY_STEP_MS = HOUR_MS;
/** A draft saved further ahead than this was saved by a wrong clock. */
const CLOCK_SLACK_MS = DAY_MS;
const OPEN_TIMEOUT_MS = 3000;
/** Version 3: drafts sealed under keys derived from the backend's per-user secret. */
const DB_VERSION = 3;
/** Every write runs over these (sign-ins name drafts, so they are deleted together). */
const STORES = ['drafts', 'files', 'signins'] as const;
const DEVICE_KEYS_ID = 'device';
/** A draft secret has at least this many bytes. */
export const MIN_SECRET_BYTES = 32;
/** HKDF salt: names the scheme, so keys derived here are never those of another use of the secret. */
const HKDF_SALT = new TextEncoder().encode('emirate-drafts/v1');

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
  /** HMAC of the draft's name. */
  key: string;
  /** The draft's data key, AES-KW-wrapped under the key derived from the secret; absent without one. */
  wrapped?: ArrayBuffer;
  /** `{ values, savedAt }` as sealed JSON; absent while only files were saved. */
  values?: Sealed;
  /** Rounded up to {@link EXPIRY_STEP_MS}. */
  expiresAt: number;
}

/** A file: its slot, name, type and date sealed as JSON in `meta`, its bytes sealed in `body`. */
interface FileRecord {
  key: string;
  /** HMAC of the draft's name and the slot. */
  slot: string;
  meta: Sealed;
  body: Sealed;
}

/** This device's keys, for drafts kept without a backend secret. */
interface DeviceKeys {
  id: string;
  /** AES-GCM, non-extractable: seals values. */
  seal: CryptoKey;
  /** HMAC-SHA-256, non-extractable: turns draft names into record keys. */
  name: CryptoKey;
}

/**
 * Who signed in on a portal since its last sign-out: the record keys of their drafts (HMACs,
 * nobody's name), deleted when a sign-out is seen.
 */
interface SignInRecord {
  portal: string;
  drafts: string[];
  /** When the last session seen ends (rounded up to the hour); a session absent after it expired. */
  endsAt?: number;
}

interface DraftSchema extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { expiresAt: number } };
  files: { key: [string, string]; value: FileRecord; indexes: { draft: string } };
  device: { key: string; value: DeviceKeys };
  signins: { key: string; value: SignInRecord };
}

/** The keys of one unlocking, in memory only. */
interface Keyring {
  /** HMAC-SHA-256: names records, slots and locks. */
  name: CryptoKey;
  /** HKDF base key from the backend secret; absent in the device mode. */
  secret?: CryptoKey;
  /** AES-GCM device key, which seals values in the device mode. */
  device?: CryptoKey;
  drafts: Map<string, Promise<DraftKeys>>;
  /** The drafts' keys once made, for a save to use without waiting (see {@link DraftStore.saveValues}). */
  made: Map<string, DraftKeys>;
}

/** One draft's keys, made once per unlocking. */
interface DraftKeys {
  name: string;
  record: string;
  /** AES-KW, from the secret with the draft's name as HKDF info. */
  wrap?: CryptoKey;
  /** The data key in use and its wrapped form, once read from disk or made. */
  data?: Promise<DataKey>;
  /** What `data` resolved to, for a save to use at once; stale as soon as `data` is another promise. */
  settled?: { from: Promise<DataKey>; data: DataKey };
  /** The associated data of the values record (see {@link boundTo}), made once. */
  valuesAt?: Uint8Array<ArrayBuffer>;
}

interface DataKey {
  key: CryptoKey;
  wrapped?: ArrayBuffer;
  /** A write under this key has found the draft on disk sealed under it (or made it). */
  checked?: boolean;
}

type DraftTx = IDBPTransaction<DraftSchema, typeof STORES, 'readwrite'>;

/** Another tab gave the draft a data key first: the write is made again under that one. */
class KeyChanged extends Error {}

/** A stable, unambiguous name for one form of one user on one portal (never stored as is). */
export function draftKey(parts: { portal: string; user: string; form: string }): string {
  return JSON.stringify([parts.portal, parts.user, parts.form]);
}

/**
 * The bytes of a draft secret: base64url (padding allowed), at least {@link MIN_SECRET_BYTES}
 * bytes; `null` for anything else.
 */
export function parseDraftSecret(secret: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof secret !== 'string' || !/^[A-Za-z0-9_-]+={0,2}$/.test(secret)) return null;
  const base64 = secret.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (base64.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return null;
  }
  if (binary.length < MIN_SECRET_BYTES) return null;
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The bucket a sealed part of `n` bytes is padded to: 512 bytes at least, then the next power of
 * two up to 64 KiB, then Padmé (at most ~6 % more; a size leaks about log log n bits).
 */
export function paddedSize(n: number): number {
  if (n <= 512) return 512;
  if (n <= 65536) return 2 ** Math.ceil(Math.log2(n));
  const exponent = Math.floor(Math.log2(n));
  const step = 2 ** (exponent - (Math.floor(Math.log2(exponent)) + 1));
  return Math.ceil(n / step) * step;
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

/** What WebCrypto throws when a key does not fit the ciphertext (wrong key, or altered bytes). */
function isWrongKey(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'OperationError';
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

const encoder = new TextEncoder();
const encode = (text: string) => encoder.encode(text);
/** The associated data that binds a sealed part to `where` it is kept (record key and part). */
const boundTo = (where: string[]) => encode(where.join('\u0000'));
/** The device key as the data key of every draft kept without a secret: nothing on disk to check it against. */
const deviceData = (key: CryptoKey): DataKey => ({ key, checked: true });
const roundUp = (time: number) => Math.ceil(time / EXPIRY_STEP_MS) * EXPIRY_STEP_MS;

function base64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function sameBytes(a: ArrayBuffer, b: ArrayBuffer | undefined): boolean {
  if (!b || a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  return x.every((v, i) => v === y[i]);
}

/** `bytes` framed with their length and padded with zeros to {@link paddedSize}. */
function pad(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const framed = new Uint8Array(paddedSize(bytes.length + 4));
  new DataView(framed.buffer).setUint32(0, bytes.length);
  framed.set(bytes, 4);
  return framed;
}

/**
 * A file's bytes framed and padded as {@link pad} does, read in one go by the browser (no copy
 * of a large file on the main thread).
 */
function padBlob(blob: Blob): Promise<ArrayBuffer> {
  const header = new Uint8Array(4);
  new DataView(header.buffer).setUint32(0, blob.size);
  return new Blob([header, blob, new Uint8Array(paddedSize(blob.size + 4) - 4 - blob.size)]).arrayBuffer();
}

function unpad(framed: ArrayBuffer): Uint8Array<ArrayBuffer> {
  const length = new DataView(framed).getUint32(0);
  if (length > framed.byteLength - 4) throw new DOMException('Bad padding', 'OperationError');
  return new Uint8Array(framed, 4, length);
}

/**
 * Opens the database, creating or upgrading its stores (every earlier version kept drafts that
 * a copied disk could read: they are dropped, not sealed after the fact). Rejects `unavailable`
 * when opening fails, and `blocked` when the open is blocked or still pending after
 * {@link OPEN_TIMEOUT_MS}; a connection that arrives after that is closed at once. The
 * connection closes itself when another tab needs a new version or deletes the database, so
 * this page never blocks it.
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
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const store of [...db.objectStoreNames]) db.deleteObjectStore(store);
      db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('expiresAt', 'expiresAt');
      db.createObjectStore('files', { keyPath: ['key', 'slot'] }).createIndex('draft', 'key');
      db.createObjectStore('device', { keyPath: 'id' });
      db.createObjectStore('signins', { keyPath: 'portal' });
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
 * This device's keys, made on first use, both non-extractable. Two tabs making them at once
 * both try to add them; the loser's transaction fails and it reads the winner's.
 */
async function deviceKeys(db: IDBPDatabase<DraftSchema>): Promise<DeviceKeys> {
  const kept = await db.get('device', DEVICE_KEYS_ID);
  if (kept) return kept;
  const keys = {
    id: DEVICE_KEYS_ID,
    seal: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    name: await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  };
  try {
    await db.add('device', keys);
    return keys;
  } catch {
    const winner = await db.get('device', DEVICE_KEYS_ID);
    if (!winner) throw new DraftStoreError('error');
    return winner;
  }
}

/** Deletes a draft record and all its files inside `tx`. */
async function removeDraft(tx: DraftTx, key: string): Promise<void> {
  const files = tx.objectStore('files');
  await tx.objectStore('drafts').delete(key);
  for (const fileKey of await files.index('draft').getAllKeys(key)) await files.delete(fileKey);
}

/**
 * Keeps form drafts in IndexedDB; every method rejects with a {@link DraftStoreError}. Opened
 * locked: {@link DraftStore.unlock} with the user's secret (or `null`) before reading or writing.
 */
export class DraftStore {
  private keyring?: Keyring;
  /** Whether the keyring came from a backend secret (files kept, the long life). */
  private sealedBySecret = false;
  /** Whether the database takes file bytes as a Blob (WebKit's ephemeral sessions refuse them; see saveFile). */
  private blobsKept = true;

  private constructor(
    private readonly db: IDBPDatabase<DraftSchema>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Opens (creating if needed) the draft database, locked. Rejects `unavailable` when there is
   * no IndexedDB or WebCrypto or it cannot be opened, `blocked` when another tab keeps it from
   * opening (~3 s).
   */
  static async open(options: DraftStoreOptions = {}): Promise<DraftStore> {
    const factory = factoryOf(options.indexedDB);
    if (!factory || !globalThis.crypto?.subtle) throw new DraftStoreError('unavailable');
    const db = wrap(await openDatabase(factory, options.dbName ?? DEFAULT_DB_NAME)) as unknown as IDBPDatabase<DraftSchema>;
    return new DraftStore(db, options.ttlMs ?? DEFAULT_TTL_MS, options.now ?? Date.now);
  }

  /**
   * Derives this session's keys, in memory, replacing any earlier ones. With the user's draft
   * secret (see {@link parseDraftSecret}; a malformed one rejects `error`), drafts are sealed for
   * that user only and keep files; with `null`, values are sealed under this device's key, files
   * are not kept and drafts live at most {@link VALUES_ONLY_TTL_MS}.
   */
  async unlock(secret: string | null): Promise<void> {
    this.keyring = undefined;
    try {
      if (secret === null) {
        const device = await deviceKeys(this.db);
        this.keyring = { name: device.name, device: device.seal, drafts: new Map(), made: new Map() };
        this.sealedBySecret = false;
        return;
      }
      const bytes = parseDraftSecret(secret);
      if (!bytes) throw new DraftStoreError('error', new TypeError('Malformed draft secret'));
      const base = await crypto.subtle.importKey('raw', bytes, 'HKDF', false, ['deriveKey']);
      bytes.fill(0);
      const name = await crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: encode('name') },
        base,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign'],
      );
      this.keyring = { name, secret: base, drafts: new Map(), made: new Map() };
      this.sealedBySecret = true;
    } catch (error) {
      throw toDraftStoreError(error);
    }
  }

  /** Forgets the keys (the sealed drafts stay on disk); reading and writing reject `locked` until {@link unlock}. */
  lock(): void {
    this.keyring = undefined;
  }

  /** Whether files are kept: only under a backend secret. */
  get keepsFiles(): boolean {
    return Boolean(this.keyring) && this.sealedBySecret;
  }

  /** How long a draft written now lives: the store's life under a secret, at most a day without. */
  private get lifeMs(): number {
    return this.sealedBySecret ? this.ttlMs : Math.min(this.ttlMs, VALUES_ONLY_TTL_MS);
  }

  /** The life of a draft already on disk: one with a wrapped key was sealed under a secret. */
  private lifeOf(record: DraftRecord): number {
    return record.wrapped ? this.ttlMs : Math.min(this.ttlMs, VALUES_ONLY_TTL_MS);
  }

  /**
   * The on-disk key of a draft: its name's HMAC under the naming key, so it does not give away
   * whose draft it is (an ID number has too few values for a plain hash to hide it), and
   * without the secret it cannot be found. Also names the draft's Web Lock.
   */
  async recordKey(name: string): Promise<string> {
    return (await this.draftKeys(name)).record;
  }

  /**
   * The draft under `name`, or `null`. A draft is expired only once now is past its `expiresAt`;
   * then it is deleted with its files. A draft saved more than a day in the future (the clock
   * was ahead, then corrected) is not kept until that future: its `savedAt` becomes now and
   * its expiry now + its life, and this is written back. Files saved before any values give
   * `null` (there is nothing to restore the form from); they expire like a draft. A draft that
   * does not open (altered on disk) is deleted. Another secret does not even find it.
   */
  async load<T>(name: string): Promise<Draft<T> | null> {
    const keys = await this.draftKeys(name);
    const key = keys.record;
    const now = this.now();
    const found = await this.transact(async (tx) => {
      const drafts = tx.objectStore('drafts');
      let record = await drafts.get(key);
      if (!record) return null;
      if (now > record.expiresAt) {
        await removeDraft(tx, key);
        return null;
      }
      const life = this.lifeOf(record);
      if (record.expiresAt > roundUp(now + life) + CLOCK_SLACK_MS) {
        record = { ...record, expiresAt: roundUp(now + life) };
        await drafts.put(record);
      }
      if (!record.values) return null;
      const files = this.sealedBySecret ? await tx.objectStore('files').index('draft').getAll(key) : [];
      return { record, values: record.values, files };
    });
    if (!found) return null;
    try {
      const data = await this.dataKey(keys, found.record.wrapped);
      const files: Record<string, StoredFile> = {};
      for (const record of found.files) {
        const meta = JSON.parse(await this.unseal(data, record.meta, [key, record.slot, 'meta'], 'text')) as Omit<StoredFile, 'blob'> & { slot: string };
        const blob = new Blob([await this.unseal(data, record.body, [key, record.slot, 'body'])], { type: meta.type });
        const file: StoredFile = { blob, name: meta.name, type: meta.type };
        if (meta.lastModified !== undefined) file.lastModified = meta.lastModified;
        files[meta.slot] = file;
      }
      const sealed = JSON.parse(await this.unseal(data, found.values, [key, 'values'], 'text')) as { values: T; savedAt: number };
      let { savedAt } = sealed;
      let { expiresAt } = found.record;
      if (savedAt > now + CLOCK_SLACK_MS) {
        savedAt = now;
        expiresAt = roundUp(now + this.lifeOf(found.record));
        await this.writeValues(keys, sealed.values, savedAt, expiresAt);
      }
      return { values: sealed.values, files, savedAt, expiresAt };
    } catch (error) {
      if (!isWrongKey(error)) throw toDraftStoreError(error);
      // Sealed under another key (the secret was rotated, or the disk was altered): gone.
      keys.data = undefined;
      await this.transact((tx) => removeDraft(tx, key));
      return null;
    }
  }

  /**
   * Writes the values record only (file records are untouched); the draft lives its life from now.
   * A save after each pause in typing, once the draft's keys are made and its data key is known to
   * be the one on disk, is a seal and one put, without waiting on anything else (issue #16: each
   * promise hop is main-thread time on a slow phone).
   */
  saveValues<T>(name: string, values: T): Promise<void> {
    const savedAt = this.now();
    const expiresAt = roundUp(savedAt + this.lifeMs);
    const keys = this.keyring?.made.get(name);
    const data = keys && this.readyKey(keys);
    if (keys && data) return this.valuesRecord(keys, data, values, savedAt, expiresAt).then((record) => this.putDraft(record));
    return this.draftKeys(name).then((keys) => this.writeValues(keys, values, savedAt, expiresAt));
  }

  private async writeValues<T>(keys: DraftKeys, values: T, savedAt: number, expiresAt: number): Promise<void> {
    await this.underDataKey(keys, async (data) => {
      const record = await this.valuesRecord(keys, data, values, savedAt, expiresAt);
      // Once the key is known to be the one on disk, a save (each pause in typing) is one put.
      if (data.checked) return this.putDraft(record);
      await this.transact(async (tx) => {
        if (!data.checked) await this.checkKey(tx, keys, data);
        await tx.objectStore('drafts').put(record);
      });
      data.checked = true;
    });
  }

  /** A draft's values record: `{ values, savedAt }` sealed under `data`, with the data key as wrapped (if any). */
  private valuesRecord<T>(keys: DraftKeys, data: DataKey, values: T, savedAt: number, expiresAt: number): Promise<DraftRecord> {
    return this.seal(data, () => pad(encode(JSON.stringify({ values, savedAt }))), (keys.valuesAt ??= boundTo([keys.record, 'values']))).then((sealed) => {
      const record: DraftRecord = { key: keys.record, values: sealed, expiresAt };
      if (data.wrapped) record.wrapped = data.wrapped;
      return record;
    });
  }

  /**
   * Writes a draft record in a transaction over the drafts alone, on IndexedDB's own objects
   * (issue #16: the main thread's share of a save; the wrapper's promises and listeners, and a
   * transaction over every store, cost more than the write). Failures as {@link transact} maps them.
   */
  private putDraft(record: DraftRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let tx: IDBTransaction | undefined;
      try {
        tx = unwrap(this.db).transaction('drafts', 'readwrite');
        tx.objectStore('drafts').put(record);
      } catch (error) {
        try {
          tx?.abort();
        } catch {
          // Already finished or aborted.
        }
        reject(toDraftStoreError(error));
        return;
      }
      const done = tx;
      done.oncomplete = () => resolve();
      done.onabort = () => reject(toDraftStoreError(done.error ?? new DOMException('The write was aborted.', 'AbortError')));
    });
  }

  /**
   * Keeps the file of one slot (`null` forgets it). A file saved before any values gets a draft
   * record of its own, so that it expires too. Files are kept only under a backend secret:
   * without one this resolves and writes nothing.
   */
  async saveFile(name: string, slot: string, file: StoredFile | null): Promise<void> {
    const keys = await this.draftKeys(name);
    if (!this.sealedBySecret) return;
    const slotKey = await this.hmac(['slot', name, slot]);
    if (!file) {
      await this.transact((tx) => tx.objectStore('files').delete([keys.record, slotKey]));
      return;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await padBlob(file.blob);
    } catch (error) {
      throw toDraftStoreError(error); // a file that can no longer be read
    }
    await this.underDataKey(keys, async (data) => {
      // Sealing awaits WebCrypto, which would end an open transaction: seal first, then write.
      const meta = { slot, name: file.name, type: file.type, lastModified: file.lastModified };
      const sealedMeta = await this.seal(data, () => pad(encode(JSON.stringify(meta))), boundTo([keys.record, slotKey, 'meta']));
      const body = await this.seal(data, () => bytes, boundTo([keys.record, slotKey, 'body']));
      const now = this.now();
      const write = (asBlob: boolean) =>
        this.transact(async (tx) => {
          const record = await this.checkKey(tx, keys, data);
          await tx.objectStore('files').put({ key: keys.record, slot: slotKey, meta: sealedMeta, body: asBlob ? { iv: body.iv, data: new Blob([body.data]) } : body });
          if (!record) await tx.objectStore('drafts').add({ key: keys.record, wrapped: data.wrapped, expiresAt: roundUp(now + this.lifeMs) });
        });
      if (!this.blobsKept) {
        await write(false);
      } else {
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
      data.checked = true;
    });
  }

  /** Deletes a draft and all its files. */
  async delete(name: string): Promise<void> {
    await this.deleteRecord(await this.recordKey(name));
  }

  /** Deletes the draft stored under `record` (its {@link recordKey}) and all its files; needs no keys. */
  async deleteRecord(record: string): Promise<void> {
    await this.transact((tx) => removeDraft(tx, record));
  }

  /** Deletes every draft of every user and portal, and what sign-ins were noted. */
  async clearAll(): Promise<void> {
    await this.transact(async (tx) => {
      await tx.objectStore('drafts').clear();
      await tx.objectStore('files').clear();
      await tx.objectStore('signins').clear();
    });
  }

  /**
   * Deletes every expired draft with its files and returns how many. Drafts saved more than a
   * day in the future get their expiry restarted from now, as in {@link DraftStore.load}. Needs
   * no keys.
   */
  async purgeExpired(): Promise<number> {
    const now = this.now();
    return this.transact(async (tx) => {
      const drafts = tx.objectStore('drafts');
      const expired = await drafts.index('expiresAt').getAllKeys(IDBKeyRange.upperBound(now, true));
      for (const key of expired) await removeDraft(tx, key);
      for (const record of await drafts.getAll()) {
        const life = this.lifeOf(record);
        if (record.expiresAt > roundUp(now + life) + CLOCK_SLACK_MS) await drafts.put({ ...record, expiresAt: roundUp(now + life) });
      }
      // A sign-in whose session ended longer ago than any draft lives names only expired drafts.
      const signins = tx.objectStore('signins');
      for (const signin of await signins.getAll()) {
        if (signin.endsAt !== undefined && now > signin.endsAt + this.ttlMs + EXPIRY_STEP_MS) await signins.delete(signin.portal);
      }
      return expired.length;
    });
  }

  /**
   * Notes that the draft `name` belongs to whoever is signed in on `portal` now, whose session
   * ends at `endsAt` (when the backend says), so that a sign-out seen later deletes it
   * ({@link clearSignedOut}). Only the draft's record key is noted.
   */
  async noteSignedIn(portal: string, name: string, endsAt?: number): Promise<void> {
    const record = await this.recordKey(name);
    await this.transact(async (tx) => {
      const signins = tx.objectStore('signins');
      const known = await signins.get(portal);
      const drafts = known?.drafts.includes(record) ? known.drafts : [...(known?.drafts ?? []), record];
      const next: SignInRecord = { portal, drafts };
      if (endsAt !== undefined && Number.isFinite(endsAt)) next.endsAt = roundUp(endsAt);
      await signins.put(next);
    });
  }

  /**
   * `portal` reports nobody signed in: deletes the drafts of everyone noted as signed in there
   * since its last sign-out, and returns how many. A session that had passed its end is not a
   * sign-out but an expiry: its sealed drafts stay for the next sign-in (and 0 is returned).
   * Needs no keys.
   */
  async clearSignedOut(portal: string): Promise<number> {
    const now = this.now();
    return this.transact(async (tx) => {
      const signins = tx.objectStore('signins');
      const known = await signins.get(portal);
      if (!known || (known.endsAt !== undefined && now > known.endsAt)) return 0;
      for (const record of known.drafts) await removeDraft(tx, record);
      await signins.delete(portal);
      return known.drafts.length;
    });
  }

  /** Closes the connection and forgets the keys; later calls reject. */
  close(): void {
    this.lock();
    this.db.close();
  }

  // ---- keys ----

  private ring(): Keyring {
    if (!this.keyring) throw new DraftStoreError('locked');
    return this.keyring;
  }

  /** The HMAC-SHA-256 of `parts` under the naming key, base64url. */
  private async hmac(parts: string[]): Promise<string> {
    try {
      return base64url(await crypto.subtle.sign('HMAC', this.ring().name, encode(JSON.stringify(parts))));
    } catch (error) {
      throw toDraftStoreError(error);
    }
  }

  /** A draft's record key and wrapping key, made once per unlocking. */
  private draftKeys(name: string): Promise<DraftKeys> {
    let ring: Keyring;
    try {
      ring = this.ring();
    } catch (error) {
      return Promise.reject(error);
    }
    let keys = ring.drafts.get(name);
    if (!keys) {
      keys = (async () => {
        const record = await this.hmac(['draft', name]);
        const made: DraftKeys = { name, record };
        if (ring.secret) {
          made.wrap = await crypto.subtle.deriveKey(
            { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: encode(`wrap\u0000${name}`) },
            ring.secret,
            { name: 'AES-KW', length: 256 },
            false,
            ['wrapKey', 'unwrapKey'],
          );
        }
        ring.made.set(name, made);
        return made;
      })().catch((error: unknown) => {
        ring.drafts.delete(name);
        throw toDraftStoreError(error);
      });
      ring.drafts.set(name, keys);
    }
    return keys;
  }

  /**
   * The key that seals a draft: the device key without a secret; with one, the data key
   * unwrapped from `wrapped` (rejects `OperationError` when it was wrapped under another secret).
   */
  private async dataKey(keys: DraftKeys, wrapped: ArrayBuffer | undefined): Promise<DataKey> {
    const ring = this.ring();
    if (ring.device) return { key: ring.device };
    const known = await keys.data?.catch(() => undefined);
    if (known && (wrapped === undefined || sameBytes(wrapped, known.wrapped))) return known;
    if (!wrapped) throw new DOMException('No data key', 'OperationError');
    return this.remember(keys, this.unwrap(keys, wrapped));
  }

  private async unwrap(keys: DraftKeys, wrapped: ArrayBuffer): Promise<DataKey> {
    return { key: await crypto.subtle.unwrapKey('raw', wrapped, keys.wrap!, 'AES-KW', 'AES-GCM', false, ['encrypt', 'decrypt']), wrapped };
  }

  /** Keeps `data` as the draft's data key in memory, unless it fails. */
  private remember(keys: DraftKeys, data: Promise<DataKey>): Promise<DataKey> {
    keys.data = data;
    data.then(
      (resolved) => {
        if (keys.data === data) keys.settled = { from: data, data: resolved };
      },
      () => {
        if (keys.data === data) keys.data = undefined;
      },
    );
    return data;
  }

  /**
   * The data key a save can use at once, without reading the disk: the device key, or the
   * draft's own once it has resolved and a write has found it on disk (see {@link checkKey}).
   */
  private readyKey(keys: DraftKeys): DataKey | undefined {
    const ring = this.keyring;
    if (!ring) return undefined;
    if (ring.device) return deviceData(ring.device);
    const settled = keys.settled;
    return settled && settled.from === keys.data && settled.data.checked ? settled.data : undefined;
  }

  /**
   * Runs `write` under the draft's data key: the one in memory, else the one on disk, else a new
   * random one (made extractable only to be wrapped, then used as a non-extractable copy). When
   * another tab gave the draft its key first, `write` runs again under that key.
   */
  private async underDataKey(keys: DraftKeys, write: (data: DataKey) => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const data = this.writingKey(keys);
      try {
        await write(await data);
        return;
      } catch (error) {
        if (!(error instanceof KeyChanged) || attempt > 0) throw toDraftStoreError(error);
        if (keys.data === data) keys.data = undefined;
      }
    }
  }

  private writingKey(keys: DraftKeys): Promise<DataKey> {
    const ring = this.ring();
    if (ring.device) return Promise.resolve(deviceData(ring.device));
    if (keys.data) return keys.data;
    return this.remember(
      keys,
      (async (): Promise<DataKey> => {
        const record = await this.db.get('drafts', keys.record);
        if (record?.wrapped) {
          try {
            return await this.unwrap(keys, record.wrapped);
          } catch (error) {
            if (!isWrongKey(error)) throw error;
            // Wrapped under another secret: that draft can never be read again.
            await this.transact((tx) => removeDraft(tx, keys.record));
          }
        }
        const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
        const wrapped = await crypto.subtle.wrapKey('raw', fresh, keys.wrap!, 'AES-KW');
        return this.unwrap(keys, wrapped);
      })(),
    );
  }

  /**
   * Inside the first write under a data key: the draft on disk must be sealed under that key
   * (two tabs may each have made one for a new draft; the second to write takes the first's).
   * Later writes skip the read: the tab holds the draft's Web Lock, and a keystroke costs no more.
   */
  private async checkKey(tx: DraftTx, keys: DraftKeys, data: DataKey): Promise<DraftRecord | undefined> {
    const record = await tx.objectStore('drafts').get(keys.record);
    if (data.wrapped && record?.wrapped && !sameBytes(data.wrapped, record.wrapped)) throw new KeyChanged();
    return record;
  }

  // ---- sealing ----

  /**
   * Encrypts what `bytes` gives (already padded), bound by `additionalData` ({@link boundTo}) to
   * where it is kept. JSON that cannot be made and encryption failures reject with a
   * {@link DraftStoreError}.
   */
  private seal(data: DataKey, bytes: () => BufferSource, additionalData: BufferSource): Promise<Sealed & { data: ArrayBuffer }> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    try {
      return crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, data.key, bytes()).then(
        (sealed) => ({ iv, data: sealed }),
        (error: unknown) => Promise.reject(toDraftStoreError(error)),
      );
    } catch (error) {
      return Promise.reject(toDraftStoreError(error));
    }
  }

  private unseal(data: DataKey, sealed: Sealed, where: string[]): Promise<Uint8Array<ArrayBuffer>>;
  private unseal(data: DataKey, sealed: Sealed, where: string[], as: 'text'): Promise<string>;
  private async unseal(data: DataKey, sealed: Sealed, where: string[], as?: 'text'): Promise<Uint8Array<ArrayBuffer> | string> {
    const bytes = sealed.data instanceof Blob ? await sealed.data.arrayBuffer() : sealed.data;
    const additionalData = boundTo(where);
    const plain = unpad(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData }, data.key, bytes));
    return as ? new TextDecoder().decode(plain) : plain;
  }

  /**
   * Runs `body` in one read-write transaction over the drafts, files and sign-ins; on failure
   * the transaction is aborted and the error mapped. The transaction's own error is preferred:
   * when the disk is full the request may only say `AbortError` while the transaction says
   * `QuotaExceededError`. A {@link KeyChanged} passes through, for the write to be made again.
   */
  private async transact<R>(body: (tx: DraftTx) => Promise<R>): Promise<R> {
    let tx: DraftTx | undefined;
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
      if (error instanceof KeyChanged) throw error;
      throw toDraftStoreError(tx.error ?? error);
    }
  }
}

/**
 * Deletes every draft of every user and portal, with this device's key (call it when the
 * citizen signs out, if the portal wants more than the widget's own clearing at sign-out);
 * works whether or not a store is open, since open stores close themselves when asked. Never
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

/**
 * `portal` reported nobody signed in: deletes the drafts of those who signed in there since its
 * last sign-out ({@link DraftStore.clearSignedOut}). Never rejects.
 */
export async function clearSignedOutDrafts(portal: string, options: DraftStoreOptions = {}): Promise<void> {
  try {
    const store = await DraftStore.open(options);
    try {
      await store.clearSignedOut(portal);
    } finally {
      store.close();
    }
  } catch {
    // No drafts can be kept here, so there are none to clear; or they expire with their life.
  }
}
