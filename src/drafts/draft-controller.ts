import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../api/types.js';
import { Pause } from '../ui/pause.js';
import type { Draft, DraftStore, DraftStoreFailure, StoredFile } from './draft-store.js';

/**
 * Why drafts are not being kept: turned off by the page, the browser cannot keep them, the
 * same draft is open in another tab (`elsewhere`; saving resumes here once that tab lets go),
 * or the session ended (`locked`: the sealed draft stays for the next sign-in, its key is gone).
 */
export type DraftsOffReason = 'disabled' | 'elsewhere' | DraftStoreFailure;

/** Whose draft a form keeps, and under what. */
export interface DraftScope {
  /** The backend (`api-base`, or `adapter`). */
  portal: string;
  /** The signed-in user's ID number (a reply adds `/<request number>`). */
  user: string;
  /** `false` (the `no-drafts` attribute) keeps nothing. */
  enabled: boolean;
  /**
   * The session's `draftSecret`: drafts are sealed for this user and keep files. Without one (or
   * a malformed one) they keep typed values only, for 24 hours.
   */
  secret?: string;
  /** The session's `expiresAt`: a session reported absent after it expired, rather than signed out. */
  sessionEndsAt?: string;
}

/** The draft scope of a signed-in session on `portal`. */
export function draftScopeOf(portal: string, session: Session, enabled: boolean): DraftScope {
  return { portal, user: session.user.idNumber, enabled, secret: session.draftSecret, sessionEndsAt: session.expiresAt };
}

/** The store, its key scheme and sealing load apart from the form, while it fetches its data. */
const loadStore = () => import('./draft-store.js');

/**
 * Calls `then` once the page has painted and is idle, or at the latest `ms` later (a hidden
 * tab paints nothing): no IndexedDB, key derivation or sealing competes with the first screen.
 */
function afterPaintAndIdle(then: () => void, ms = 1500): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => fire(), ms);
  let idle: number | undefined;
  const fire = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    then();
  };
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (timer === undefined) return;
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fire, { timeout: 500 });
      else fire();
    }),
  );
  return () => {
    clearTimeout(timer);
    timer = undefined;
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/** What tells that the citizen is about to type: the store opens at once on these. */
const FIRST_INPUT = ['focusin', 'pointerdown', 'keydown', 'input'] as const;

/** How long a form waits for another form to let go of the draft before saying it is open elsewhere. */
const CLAIM_GRACE_MS = 1000;

/**
 * Deletes every draft of every user and portal, and this device's key. The widget already
 * deletes a user's drafts itself when it sees them signed out; a portal may call this too, e.g.
 * on its own sign-out page. Never rejects.
 */
export async function clearAllDrafts(): Promise<void> {
  await (await loadStore()).clearAllDrafts();
}

/**
 * `portal` reported nobody signed in (its session is `null`): deletes the drafts of whoever was
 * signed in there since its last sign-out, unless their session had expired. Never rejects.
 */
export async function clearSignedOutDrafts(portal: string): Promise<void> {
  await (await loadStore()).clearSignedOutDrafts(portal);
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
 * changes, never on keystrokes) to the IndexedDB draft store, per portal and per user, sealed
 * under the session's draft secret. Without a secret only the values are kept, for 24 hours
 * (`valuesOnly`). Any storage failure turns drafts off and is reported; the form itself never
 * fails because of it. The keys are derived once per {@link start}, never per keystroke.
 *
 * One tab at a time keeps a draft: the first to open it holds a Web Lock named after the
 * draft's record key (an HMAC, not the ID number). A second tab restores what was saved but
 * writes nothing (`offReason` is `elsewhere`) until the first lets go (closed, or the form
 * left); then its latest values and files are written.
 */
export class DraftController<T> implements ReactiveController {
  /** `null` while drafts are on; otherwise why they are off. */
  offReason: DraftsOffReason | null = null;
  /** Drafts are kept without a backend secret: typed values only (no files), for 24 hours. */
  valuesOnly = false;
  /**
   * `true` once this browser turned out unable to keep the draft to one tab (no Web Locks, or
   * the lock refused): drafts are still kept, but two tabs with the same form save over each other.
   */
  unguarded = false;

  private store?: DraftStore;
  private key?: string;
  /** The Web Lock's name: from the draft's record key. */
  private lockName?: string;
  private pending?: T;
  /** Writes the pending values at a pause in typing. */
  private readonly pause = new Pause(() => void this.flush());
  private writes: Promise<unknown> = Promise.resolve();
  /** Settles once `start()` has opened the store (or failed): writes asked for earlier wait for it. */
  private opened: Promise<unknown> = Promise.resolve();
  /** Files chosen while another tab holds the draft, written when this tab gets it. */
  private heldFiles = new Map<string, StoredFile | null>();
  /** Lets go of the draft's lock (or stops waiting for it). */
  private unclaim?: () => void;
  private connected = false;
  /**
   * The record key of a draft that may still be on disk while saving is off (a full disk, or
   * the session ended): `discard()` deletes it, which needs no keys.
   */
  private staleRecord?: string;
  private record?: string;
  private readonly onPageHide = () => void this.flush();
  /** The store, opened ahead (see {@link whenWanted}) while the form fetches its session and catalog. */
  private early?: Promise<DraftStore>;
  /** Settles on the host's first input, or once the page has painted and is idle. */
  private wanted?: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('pagehide', this.onPageHide);
    // Opened ahead, so the draft is there soon after the form is; but not before the first
    // screen has painted, unless the citizen starts typing first.
    if (!this.store && !this.early && this.options.allowed?.() !== false) {
      this.early = this.whenWanted().then(() => this.openStore());
      this.early.catch(() => undefined);
    }
    if (this.lockName && !this.unclaim) void this.claim(this.lockName);
  }

  hostDisconnected(): void {
    this.connected = false;
    window.removeEventListener('pagehide', this.onPageHide);
    this.dropEarly();
    // Another form (a tab, or this page's next view) may take the draft once it is written.
    void this.flush().finally(() => this.connected || this.letGo());
  }

  /**
   * Opens the store for this portal and user, derives the keys from the session's secret (once),
   * and returns their saved draft, if any. `enabled: false` (the `no-drafts` attribute) keeps
   * nothing. Notes the draft as the signed-in user's, so that a sign-out deletes it.
   */
  async start(scope: DraftScope): Promise<Draft<T> | null> {
    // What was typed or chosen before the first start (the form knew its user later) is kept
    // for this draft, once the saved one has been read.
    const carried = this.key === undefined && !this.store ? { values: this.pending, files: new Map(this.heldFiles) } : undefined;
    this.stop();
    this.staleRecord = undefined;
    this.offReason = null;
    if (!scope.enabled) {
      this.dropEarly();
      this.turnOff('disabled');
      return null;
    }
    const opened = this.early;
    this.early = undefined;
    const opening = (opened ?? this.whenWanted().then(() => this.openStore())).then(async (store) => {
      try {
        const { draftKey, parseDraftSecret } = await loadStore();
        const secret = scope.secret !== undefined && parseDraftSecret(scope.secret) ? scope.secret : null;
        if (scope.secret !== undefined && secret === null) {
          console.warn('<emirate-*>: the session\'s draftSecret is not base64url of at least 32 bytes; drafts keep typed values only, for 24 hours.');
        }
        await store.unlock(secret);
        const key = draftKey({ portal: scope.portal, user: scope.user, form: this.options.form });
        const record = await store.recordKey(key);
        const ends = scope.sessionEndsAt === undefined ? undefined : Date.parse(scope.sessionEndsAt);
        await store.noteSignedIn(scope.portal, key, ends);
        const lockName = `emirate-draft ${record}`;
        return { store, key, record, lockName, valuesOnly: !store.keepsFiles, mine: await this.claim(lockName) };
      } catch (error) {
        store.close();
        throw error;
      }
    });
    this.opened = opening.catch(() => undefined);
    try {
      const { store, key, record, lockName, valuesOnly, mine } = await opening;
      this.store = store;
      this.key = key;
      this.record = record;
      this.lockName = lockName;
      this.valuesOnly = valuesOnly;
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
    this.pause.poke(this.options.delayMs ?? 600);
  }

  /**
   * Writes pending values now (used on `pagehide` and before leaving the form). The values are
   * taken when the write runs, after the store has opened: if the draft turns out to be open
   * elsewhere they stay pending, for when this form gets it.
   */
  flush(): Promise<void> {
    this.pause.cancel();
    return this.write((store, key) => {
      const values = this.pending;
      this.pending = undefined;
      return values === undefined ? undefined : store.saveValues(key, values);
    });
  }

  /** Keeps (or with `null`, forgets) the file of one attachment slot; never without a backend secret. */
  saveFile(slot: string, file: StoredFile | null): Promise<void> {
    return this.write(
      (store, key) => (this.valuesOnly ? undefined : store.saveFile(key, slot, file)),
      () => this.heldFiles.set(slot, file),
    );
  }

  /**
   * The session ended (the backend answered 401): what is pending is written, then the keys
   * are forgotten. The sealed draft stays on disk and opens again after the next sign-in
   * ({@link start}); until then nothing more is saved (`offReason` is `locked`).
   */
  async sessionEnded(): Promise<void> {
    await this.flush();
    if (this.offReason !== null && this.offReason !== 'elsewhere') return;
    this.staleRecord = this.record;
    this.turnOff('locked');
  }

  /**
   * `portal` reported nobody signed in: forgets this form's draft and keys, and deletes the
   * drafts of whoever was signed in there (see {@link clearSignedOutDrafts}).
   */
  async signedOut(portal: string): Promise<void> {
    this.dropEarly();
    this.stop();
    await this.writes.catch(() => undefined);
    await clearSignedOutDrafts(portal);
  }

  /** Deletes the draft (after a successful send, or "discard draft"). */
  async discard(): Promise<void> {
    this.pause.cancel();
    this.pending = undefined;
    this.heldFiles.clear();
    const stale = this.staleRecord;
    this.staleRecord = undefined;
    // Saving is off, but a full disk (or a locked store) still allows deleting: what was saved
    // before must not come back once the request is sent or the draft discarded.
    if (stale !== undefined) return this.deleteStale(stale);
    await this.write((store, key) => store.delete(key));
  }

  private async deleteStale(record: string): Promise<void> {
    try {
      const store = await this.openStore();
      try {
        await store.deleteRecord(record);
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
  private claim(name: string): Promise<boolean> {
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
        .request(name, { signal: waiting.signal }, () => {
          if (answered) this.resume(name);
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
  private resume(lockName: string) {
    if (this.lockName !== lockName || this.offReason !== 'elsewhere') return;
    this.offReason = null;
    for (const [slot, file] of this.heldFiles) void this.saveFile(slot, file);
    this.heldFiles.clear();
    void this.flush();
    this.host.requestUpdate();
  }

  /**
   * Settles on the host's first focus, pointer, key or input (what is typed is then kept as soon
   * as the store can take it), or once the page has painted and is idle, whichever comes first.
   */
  private whenWanted(): Promise<void> {
    return (this.wanted ??= new Promise<void>((resolve) => {
      const host = this.host as unknown as Partial<EventTarget>;
      const now = () => {
        for (const type of FIRST_INPUT) host.removeEventListener?.(type, now, true);
        cancel();
        resolve();
      };
      for (const type of FIRST_INPUT) host.addEventListener?.(type, now, { capture: true, passive: true });
      const cancel = afterPaintAndIdle(now);
    }));
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
    this.staleRecord = this.record ?? this.staleRecord; // stop() forgets the key
    this.turnOff((error as { reason?: DraftStoreFailure } | null)?.reason ?? 'error');
  }

  private turnOff(reason: DraftsOffReason) {
    this.offReason = reason;
    this.stop();
    this.options.onOff?.(reason);
    this.host.requestUpdate();
  }

  private stop() {
    this.pause.cancel();
    this.pending = undefined;
    this.heldFiles.clear();
    this.letGo();
    this.store?.close(); // and forgets its keys
    this.store = undefined;
    this.key = undefined;
    this.record = undefined;
    this.lockName = undefined;
  }
}
