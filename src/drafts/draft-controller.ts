import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Draft, DraftStore, DraftStoreFailure, StoredFile } from './draft-store.js';

/**
 * Why drafts are not being kept: turned off by the page, the browser cannot keep them, or the
 * same draft is open in another tab (`elsewhere`; saving resumes here once that tab lets go).
 */
export type DraftsOffReason = 'disabled' | 'elsewhere' | DraftStoreFailure;

/** The store, its key scheme and sealing load apart from the form, while it fetches its data. */
const loadStore = () => import('./draft-store.js');

/**
 * Deletes every draft of every user and portal, and the key that sealed them: call it when
 * the citizen signs out. Never rejects.
 */
export async function clearAllDrafts(): Promise<void> {
  await (await loadStore()).clearAllDrafts();
}

export interface DraftControllerOptions {
  /** Which form the draft belongs to, e.g. `booking`. */
  form: string;
  /** Quiet time after the last change before values are written (default 600 ms). */
  delayMs?: number;
  /** How long a draft is kept (default: the store's 14 days). */
  ttlMs?: number;
  /** Called after each successful write. */
  onSaved?: (savedAt: number) => void;
  /** Called when drafts turn off (IndexedDB missing, blocked, full). */
  onOff?: (reason: DraftsOffReason) => void;
}

/**
 * Autosaves a form's values (debounced, and at once on `pagehide`) and its files (each when it
 * changes, never on keystrokes) to the IndexedDB draft store, per portal and per user. Any
 * storage failure turns drafts off and is reported; the form itself never fails because of it.
 *
 * One tab at a time keeps a draft: the first to open it holds a Web Lock named after it. A
 * second tab restores what was saved but writes nothing (`offReason` is `elsewhere`) until the
 * first lets go (closed, or the form left); then its latest values and files are written.
 */
export class DraftController<T> implements ReactiveController {
  /** `null` while drafts are on; otherwise why they are off. */
  offReason: DraftsOffReason | null = null;

  private store?: DraftStore;
  private key?: string;
  private pending?: T;
  private timer?: ReturnType<typeof setTimeout>;
  private writes: Promise<unknown> = Promise.resolve();
  /** Settles once `start()` has opened the store (or failed): writes asked for earlier wait for it. */
  private opened: Promise<unknown> = Promise.resolve();
  /** Files chosen while another tab holds the draft, written when this tab gets it. */
  private heldFiles = new Map<string, StoredFile | null>();
  /** Lets go of the draft's lock (or stops waiting for it). */
  private unclaim?: () => void;
  private connected = false;
  /** A draft that may still be on disk after writing failed (a full disk): `discard()` deletes it. */
  private staleKey?: string;
  private readonly onPageHide = () => void this.flush();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('pagehide', this.onPageHide);
    void loadStore().catch(() => undefined); // fetched while the form loads its data
    if (this.key && !this.unclaim) void this.claim(this.key);
  }

  hostDisconnected(): void {
    this.connected = false;
    window.removeEventListener('pagehide', this.onPageHide);
    // Another form (a tab, or this page's next view) may take the draft once it is written.
    void this.flush().finally(() => this.connected || this.letGo());
  }

  /**
   * Opens the store for this portal and user and returns their saved draft, if any.
   * `enabled: false` (the `no-drafts` attribute) keeps nothing.
   */
  async start(scope: { portal: string; user: string; enabled: boolean }): Promise<Draft<T> | null> {
    this.stop();
    this.staleKey = undefined;
    if (!scope.enabled) {
      this.turnOff('disabled');
      return null;
    }
    const opening = loadStore().then(async ({ DraftStore, draftKey }) => {
      const store = await DraftStore.open(this.options.ttlMs ? { ttlMs: this.options.ttlMs } : {});
      const key = draftKey({ portal: scope.portal, user: scope.user, form: this.options.form });
      return { store, key, mine: await this.claim(key) };
    });
    this.opened = opening.catch(() => undefined);
    try {
      const { store, key, mine } = await opening;
      this.store = store;
      this.key = key;
      // Drafts of users or forms that are never opened again expire here too.
      store.purgeExpired().catch(() => undefined);
      this.offReason = mine ? null : 'elsewhere';
      this.host.requestUpdate();
      return await store.load<T>(key);
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  /** Schedules a write of `values` after the quiet time (also while the store is still opening). */
  queue(values: T): void {
    if (this.offReason !== null && this.offReason !== 'elsewhere') return;
    this.pending = values;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? 600);
  }

  /** Writes pending values now (used on `pagehide` and before leaving the form). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.offReason === 'elsewhere') return Promise.resolve();
    const values = this.pending;
    this.pending = undefined;
    if (values === undefined) return this.writes.then(() => undefined);
    return this.write((store, key) => store.saveValues(key, values));
  }

  /** Keeps (or with `null`, forgets) the file of one attachment slot. */
  saveFile(slot: string, file: StoredFile | null): Promise<void> {
    if (this.offReason === 'elsewhere') this.heldFiles.set(slot, file);
    return this.write((store, key) => store.saveFile(key, slot, file));
  }

  /** Deletes the draft (after a successful send, or "discard draft"). */
  async discard(): Promise<void> {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.heldFiles.clear();
    const stale = this.staleKey;
    this.staleKey = undefined;
    // Saving is off, but a full disk still allows deleting: what was saved before the disk
    // filled must not come back once the request is sent or the draft discarded.
    if (stale !== undefined) return this.deleteStale(stale);
    await this.write((store, key) => store.delete(key));
  }

  private async deleteStale(key: string): Promise<void> {
    try {
      const { DraftStore } = await loadStore();
      const store = await DraftStore.open(this.options.ttlMs ? { ttlMs: this.options.ttlMs } : {});
      try {
        await store.delete(key);
      } finally {
        store.close();
      }
    } catch {
      // Nothing more can be done; the draft still expires with its time to live.
    }
  }

  /** Serialises writes, after the store has opened, so a delete never races an earlier save. */
  private write(op: (store: DraftStore, key: string) => Promise<void>): Promise<void> {
    if (this.offReason !== null) return Promise.resolve();
    const next = this.writes.then(async () => {
      await this.opened;
      const { store, key } = this;
      if (!store || !key || this.offReason !== null) return;
      try {
        await op(store, key);
        this.options.onSaved?.(Date.now());
      } catch (error) {
        this.fail(error);
      }
    });
    this.writes = next;
    return next;
  }

  /**
   * Takes the draft's lock if no other tab holds it (resolves `true`); otherwise resolves
   * `false` and waits in line, resuming saving here when the lock comes. Without Web Locks,
   * every tab keeps the draft.
   */
  private claim(key: string): Promise<boolean> {
    const locks = navigator.locks;
    if (!locks) return Promise.resolve(true);
    const waiting = new AbortController();
    const held = new Promise<void>((release) => {
      this.unclaim = () => {
        waiting.abort();
        release();
      };
    });
    const name = `emirate-draft ${key}`;
    return new Promise<boolean>((resolve) => {
      locks
        .request(name, { ifAvailable: true }, (lock) => {
          resolve(Boolean(lock));
          if (!lock) {
            locks.request(name, { signal: waiting.signal }, () => (this.resume(key), held)).catch(() => undefined);
            return;
          }
          return held;
        })
        .catch(() => resolve(true));
    });
  }

  /** This tab now holds the draft: what was typed and chosen meanwhile is written. */
  private resume(key: string) {
    if (this.key !== key || this.offReason !== 'elsewhere') return;
    this.offReason = null;
    for (const [slot, file] of this.heldFiles) void this.saveFile(slot, file);
    this.heldFiles.clear();
    void this.flush();
    this.host.requestUpdate();
  }

  private letGo() {
    this.unclaim?.();
    this.unclaim = undefined;
  }

  private fail(error: unknown) {
    this.staleKey = this.key ?? this.staleKey; // stop() forgets the key
    this.turnOff((error as { reason?: DraftStoreFailure } | null)?.reason ?? 'error');
  }

  private turnOff(reason: DraftsOffReason) {
    this.offReason = reason;
    this.stop();
    this.options.onOff?.(reason);
    this.host.requestUpdate();
  }

  private stop() {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.heldFiles.clear();
    this.letGo();
    this.store?.close();
    this.store = undefined;
    this.key = undefined;
  }
}
