import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Draft, DraftStore, DraftStoreFailure, StoredFile } from './draft-store.js';

/**
 * Why drafts are not being kept: turned off by the page, the browser cannot keep them, or the
 * same draft is open in another tab (`elsewhere`; saving resumes here once that tab lets go).
 */
export type DraftsOffReason = 'disabled' | 'elsewhere' | DraftStoreFailure;

/** The store, its key scheme and sealing load apart from the form, while it fetches its data. */
const loadStore = () => import('./draft-store.js');

/** How long a form waits for another form to let go of the draft before saying it is open elsewhere. */
const CLAIM_GRACE_MS = 1000;

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
  /** Whether the page allows drafts at all (`no-drafts` says no); asked when the host connects. */
  allowed?: () => boolean;
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
  /**
   * `true` once this browser turned out unable to keep the draft to one tab (no Web Locks, or
   * the lock refused): drafts are still kept, but two tabs with the same form save over each other.
   */
  unguarded = false;

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
  /** The store, opened when the host connects, while the form fetches its session and catalog. */
  private early?: Promise<DraftStore>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('pagehide', this.onPageHide);
    // Opened while the form fetches its data, so the draft is there as soon as the form is.
    if (!this.store && !this.early && this.options.allowed?.() !== false) {
      this.early = this.openStore();
      this.early.catch(() => undefined);
    }
    if (this.key && !this.unclaim) void this.claim(this.key);
  }

  hostDisconnected(): void {
    this.connected = false;
    window.removeEventListener('pagehide', this.onPageHide);
    this.dropEarly();
    // Another form (a tab, or this page's next view) may take the draft once it is written.
    void this.flush().finally(() => this.connected || this.letGo());
  }

  /**
   * Opens the store for this portal and user and returns their saved draft, if any.
   * `enabled: false` (the `no-drafts` attribute) keeps nothing.
   */
  async start(scope: { portal: string; user: string; enabled: boolean }): Promise<Draft<T> | null> {
    // What was typed or chosen before the first start (the form knew its user later) is kept
    // for this draft, once the saved one has been read.
    const carried = this.key === undefined && !this.store ? { values: this.pending, files: new Map(this.heldFiles) } : undefined;
    this.stop();
    this.staleKey = undefined;
    if (!scope.enabled) {
      this.dropEarly();
      this.turnOff('disabled');
      return null;
    }
    const opened = this.early;
    this.early = undefined;
    const opening = (opened ?? this.openStore()).then(async (store) => {
      const { draftKey } = await loadStore();
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
      const draft = await store.load<T>(key);
      if (carried && this.key === key) {
        for (const [slot, file] of carried.files) void this.saveFile(slot, file);
        if (carried.values !== undefined && this.pending === undefined) this.queue(carried.values);
      }
      return draft;
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

  /**
   * Writes pending values now (used on `pagehide` and before leaving the form). The values are
   * taken when the write runs, after the store has opened: if the draft turns out to be open
   * elsewhere they stay pending, for when this form gets it.
   */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    return this.write((store, key) => {
      const values = this.pending;
      this.pending = undefined;
      return values === undefined ? undefined : store.saveValues(key, values);
    });
  }

  /** Keeps (or with `null`, forgets) the file of one attachment slot. */
  saveFile(slot: string, file: StoredFile | null): Promise<void> {
    return this.write(
      (store, key) => store.saveFile(key, slot, file),
      () => this.heldFiles.set(slot, file),
    );
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
      const store = await this.openStore();
      try {
        await store.delete(key);
      } finally {
        store.close();
      }
    } catch {
      // Nothing more can be done; the draft still expires with its time to live.
    }
  }

  /**
   * Serialises writes, after the store has opened, so a delete never races an earlier save.
   * While another form holds the draft nothing is written; `hold` keeps what would have been.
   * `op` returns nothing when there was nothing to write.
   */
  private write(op: (store: DraftStore, key: string) => Promise<void> | undefined, hold?: () => void): Promise<void> {
    if (this.offReason !== null && this.offReason !== 'elsewhere') return Promise.resolve();
    const next = this.writes.then(async () => {
      await this.opened;
      if (this.offReason === 'elsewhere') return hold?.();
      const { store, key } = this;
      if (this.offReason !== null) return;
      if (!store || !key) return hold?.(); // not started yet: kept for start()
      try {
        const writing = op(store, key);
        if (!writing) return;
        await writing;
        this.options.onSaved?.(Date.now());
      } catch (error) {
        this.fail(error);
      }
    });
    this.writes = next;
    return next;
  }

  /**
   * Takes the draft's lock (resolves `true`). A form this page just left lets go as soon as its
   * last write lands, so the lock is waited for a moment before the draft is called open
   * elsewhere (resolves `false`): it is loaded only after that write. Past the moment this form
   * stays in line and resumes saving when the lock comes. Without Web Locks, every tab keeps
   * the draft, and {@link DraftController.unguarded} says so.
   */
  private claim(key: string): Promise<boolean> {
    const locks = navigator.locks;
    if (!locks) {
      this.unguarded = true;
      return Promise.resolve(true);
    }
    const waiting = new AbortController();
    const held = new Promise<void>((release) => {
      this.unclaim = () => {
        waiting.abort();
        release();
      };
    });
    return new Promise<boolean>((resolve) => {
      let answered = false;
      const answer = (mine: boolean) => {
        if (answered) return;
        answered = true;
        clearTimeout(grace);
        resolve(mine);
      };
      const grace = setTimeout(() => answer(false), CLAIM_GRACE_MS);
      locks
        .request(`emirate-draft ${key}`, { signal: waiting.signal }, () => {
          if (answered) this.resume(key);
          else answer(true);
          return held;
        })
        .catch(() => {
          this.unguarded = true;
          answer(true);
        });
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

  private openStore(): Promise<DraftStore> {
    return loadStore().then(({ DraftStore }) => DraftStore.open(this.options.ttlMs ? { ttlMs: this.options.ttlMs } : {}));
  }

  /** Closes the store opened ahead when no draft will use it. */
  private dropEarly() {
    this.early?.then((store) => store.close(), () => undefined);
    this.early = undefined;
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
