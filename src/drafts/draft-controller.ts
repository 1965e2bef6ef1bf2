import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftStore, DraftStoreError, draftKey, type Draft, type DraftStoreFailure, type StoredFile } from './draft-store.js';

/** Why drafts are not being kept: turned off by the page, or the browser cannot keep them. */
export type DraftsOffReason = 'disabled' | DraftStoreFailure;

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
  private readonly onPageHide = () => void this.flush();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    void this.flush();
  }

  /**
   * Opens the store for this portal and user and returns their saved draft, if any.
   * `enabled: false` (the `no-drafts` attribute) keeps nothing.
   */
  async start(scope: { portal: string; user: string; enabled: boolean }): Promise<Draft<T> | null> {
    this.stop();
    if (!scope.enabled) {
      this.turnOff('disabled');
      return null;
    }
    const opening = DraftStore.open(this.options.ttlMs ? { ttlMs: this.options.ttlMs } : {});
    this.opened = opening.catch(() => undefined);
    try {
      this.store = await opening;
      // Drafts of users or forms that are never opened again expire here too.
      this.store.purgeExpired().catch(() => undefined);
      this.key = draftKey({ portal: scope.portal, user: scope.user, form: this.options.form });
      this.offReason = null;
      this.host.requestUpdate();
      return await this.store.load<T>(this.key);
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  /** Schedules a write of `values` after the quiet time (also while the store is still opening). */
  queue(values: T): void {
    if (this.offReason !== null) return;
    this.pending = values;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? 600);
  }

  /** Writes pending values now (used on `pagehide` and before leaving the form). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const values = this.pending;
    this.pending = undefined;
    if (values === undefined) return this.writes.then(() => undefined);
    return this.write((store, key) => store.saveValues(key, values));
  }

  /** Keeps (or with `null`, forgets) the file of one attachment slot. */
  saveFile(slot: string, file: StoredFile | null): Promise<void> {
    return this.write((store, key) => store.saveFile(key, slot, file));
  }

  /** Deletes the draft (after a successful send, or "discard draft"). */
  async discard(): Promise<void> {
    clearTimeout(this.timer);
    this.pending = undefined;
    await this.write((store, key) => store.delete(key));
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

  private fail(error: unknown) {
    this.turnOff(error instanceof DraftStoreError ? error.reason : 'error');
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
    this.store?.close();
    this.store = undefined;
    this.key = undefined;
  }
}
