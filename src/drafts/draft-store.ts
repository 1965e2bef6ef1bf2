/**
 * Form drafts in IndexedDB (via `idb`), per portal, user and form. Values and files are kept
 * apart: typing rewrites only the small values record; each file is written once, when chosen.
 * Drafts expire (14 days by default) and can all be cleared at sign-out.
 */
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface StoredFile {
  blob: Blob;
  name: string;
  type: string;
}

export interface Draft<T> {
  values: T;
  /** Files by slot (e.g. `idCopy`, `companion:<key>`). */
  files: Record<string, StoredFile>;
  savedAt: number;
  expiresAt: number;
}

export type DraftStoreFailure = 'unavailable' | 'blocked' | 'full' | 'error';

export class DraftStoreError extends Error {
  readonly reason: DraftStoreFailure;
  constructor(reason: DraftStoreFailure, cause?: unknown) {
    super(`Drafts ${reason}`, { cause });
    this.name = 'DraftStoreError';
    this.reason = reason;
  }
}

export interface DraftStoreOptions {
  /** Default `emirate-drafts`. */
  dbName?: string;
  /** How long a draft lives after its last save; default 14 days. */
  ttlMs?: number;
  /** The clock; tests move it. */
  now?: () => number;
}

export const DEFAULT_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const OPEN_TIMEOUT_MS = 3000;

interface ValuesRecord {
  key: string;
  values: unknown;
  savedAt: number;
  expiresAt: number;
}

interface FileRecord extends StoredFile {
  key: string;
  slot: string;
}

interface DraftSchema extends DBSchema {
  drafts: { key: string; value: ValuesRecord; indexes: { expiresAt: number } };
  files: { key: [string, string]; value: FileRecord; indexes: { draft: string } };
}

/** A stable key for one form of one user on one portal. */
export function draftKey(parts: { portal: string; user: string; form: string }): string {
  return JSON.stringify([parts.portal, parts.user, parts.form]);
}

/** Maps what IndexedDB throws to a reason the form can explain. */
export function toDraftStoreError(error: unknown): DraftStoreError {
  if (error instanceof DraftStoreError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new DraftStoreError('full', error);
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (inner === 'QuotaExceededError') return new DraftStoreError('full', error);
  return new DraftStoreError('error', error);
}

export class DraftStore {
  private constructor(
    private readonly db: IDBPDatabase<DraftSchema>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** Opens (creating if needed) the draft database; rejects with a {@link DraftStoreError}. */
  static async open(options: DraftStoreOptions = {}): Promise<DraftStore> {
    if (!globalThis.indexedDB) throw new DraftStoreError('unavailable');
    const name = options.dbName ?? 'emirate-drafts';
    let blocked = false;
    const opening = openDB<DraftSchema>(name, 1, {
        upgrade(db) {
        const drafts = db.createObjectStore('drafts', { keyPath: 'key' });
          drafts.createIndex('expiresAt', 'expiresAt');
          const files = db.createObjectStore('files', { keyPath: ['key', 'slot'] });
          files.createIndex('draft', 'key');
        },
        blocked() {
          blocked = true;
        },
        blocking() {
          // Another tab wants a newer version: step aside rather than block it.
          void opening.then((db) => db.close(), () => undefined);
        },
      });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DraftStoreError(blocked ? 'blocked' : 'unavailable')), OPEN_TIMEOUT_MS);
    });
    try {
      const db = await Promise.race([opening, timeout]);
      return new DraftStore(db, options.ttlMs ?? DEFAULT_TTL_MS, options.now ?? Date.now);
    } catch (error) {
      throw error instanceof DraftStoreError ? error : new DraftStoreError(blocked ? 'blocked' : 'unavailable', error);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The draft under `key`, or `null`. An expired draft is deleted. A draft saved "in the
   * future" by more than a day (the clock was wrong, then corrected) is not kept forever: its
   * times restart from now.
   */
  async load<T>(key: string): Promise<Draft<T> | null> {
    const now = this.now();
    const record = await this.run(() => this.db.get('drafts', key));
    if (!record) return null;
    if (now > record.expiresAt) {
      await this.delete(key);
      return null;
    }
    if (record.savedAt > now + DAY_MS) {
      record.savedAt = now;
      record.expiresAt = now + this.ttlMs;
      await this.run(() => this.db.put('drafts', record));
    }
    const files = await this.run(() => this.db.getAllFromIndex('files', 'draft', key));
    return {
      values: record.values as T,
      files: Object.fromEntries(files.map((f) => [f.slot, { blob: f.blob, name: f.name, type: f.type }])),
      savedAt: record.savedAt,
      expiresAt: record.expiresAt,
    };
  }

  /** Writes the values record only; file records are untouched. */
  async saveValues<T>(key: string, values: T): Promise<void> {
    const savedAt = this.now();
    await this.run(() => this.db.put('drafts', { key, values, savedAt, expiresAt: savedAt + this.ttlMs }));
  }

  /** Keeps one file slot (`null` forgets it). */
  async saveFile(key: string, slot: string, file: StoredFile | null): Promise<void> {
    await this.run(async () => {
      if (file) await this.db.put('files', { key, slot, blob: file.blob, name: file.name, type: file.type });
      else await this.db.delete('files', [key, slot]);
    });
  }

  /** Deletes a draft and all its files. */
  async delete(key: string): Promise<void> {
    await this.run(async () => {
      const tx = this.db.transaction(['drafts', 'files'], 'readwrite');
      const files = tx.objectStore('files');
      await Promise.all([
        tx.objectStore('drafts').delete(key),
        ...(await files.index('draft').getAllKeys(key)).map((k) => files.delete(k)),
        tx.done,
      ]);
    });
  }

  /** Deletes every draft of every user and portal. */
  async clearAll(): Promise<void> {
    await this.run(async () => {
      const tx = this.db.transaction(['drafts', 'files'], 'readwrite');
      await Promise.all([tx.objectStore('drafts').clear(), tx.objectStore('files').clear(), tx.done]);
    });
  }

  close(): void {
    this.db.close();
  }

  private async run<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (error) {
      throw toDraftStoreError(error);
    }
  }
}

/** Deletes every draft (call it when the citizen signs out). Never throws. */
export async function clearAllDrafts(options: Pick<DraftStoreOptions, 'dbName'> = {}): Promise<void> {
  if (!globalThis.indexedDB) return;
  try {
    await deleteDB(options.dbName ?? 'emirate-drafts');
  } catch {
    // Nothing to clear, or storage is unavailable: either way no draft remains readable here.
  }
}
