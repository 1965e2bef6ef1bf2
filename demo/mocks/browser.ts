/**
 * Starts the mock backend in the page (msw service worker). Used by the demo page and the
 * tests; never imported by the library.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { Catalog, Message, RequestDetail, RequestStatus, UploadedFile } from '../../src/api/types.js';
import { addStaffMessage, db, dbChanged, draftSecretFor, listStoredRequests, moveVisit, resetDb, seedManyRequests, seedSampleRequests, setCatalog, setStatus } from './db.js';
import { createHandlers } from './handlers.js';
import { persistDb, type MockStorePersistence } from './persist.js';
import { getScenario, queueFault, resetScenario, setCsrfToken, setScenario, type Fault, type Scenario } from './scenarios.js';

export interface MockBackendOptions {
  /** Where the adapter under test or demo sends its calls, e.g. `/api`. */
  baseUrl: string;
  /** Silence msw's console log of every intercepted request. */
  quiet?: boolean;
  /** Where msw's worker script is served; default `/mockServiceWorker.js`. */
  workerUrl?: string;
}

let worker: SetupWorker | undefined;
let starting: Promise<SetupWorker> | undefined;

/**
 * Registers the service worker and answers calls under `baseUrl`. Calling it again is cheap:
 * the running worker is reused, with handlers for the new `baseUrl` if it changed.
 */
export function startMockBackend(options: MockBackendOptions): Promise<SetupWorker> {
  const handlers = createHandlers(options.baseUrl);
  if (starting) {
    return starting.then((running) => {
      running.resetHandlers(...handlers);
      return running;
    });
  }
  worker = setupWorker(...handlers);
  const started = worker.start({
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? false,
  });
  starting = Promise.resolve(started).then(
    () => worker!,
    (error: unknown) => {
      stopMockBackend();
      throw error;
    },
  );
  return starting;
}

/** Stops intercepting (the demo's "real backend" switch). A later start registers again. */
export function stopMockBackend(): void {
  worker?.stop();
  worker = undefined;
  starting = undefined;
}

/** Controls of the running mock backend, for tests and the demo's switches. */
export const mockBackend = {
  /** Empty store (and no kept copy, see `persist`), default user, Najran catalog, scenario `new-user`, no queued faults, no anti-CSRF token. */
  reset(): void {
    resetDb();
    resetScenario();
  },
  setScenario: (scenario: Scenario): void => setScenario(scenario),
  getScenario: (): Scenario => getScenario(),
  /**
   * Every call that is not a GET must carry this token in `X-CSRF-Token` (besides
   * `X-Requested-With`, always checked), until the next reset; `undefined` drops the token check.
   */
  setCsrfToken: (token: string | undefined): void => setCsrfToken(token),
  /** The next matching request fails as described, once. */
  queueFault: (fault: Fault): void => queueFault(fault),
  /** Every stored request, oldest first. */
  listStoredRequests: (): RequestDetail[] => listStoredRequests(),
  /** A user with history: a request in every status, one with unread staff messages asking for a document. */
  seedSampleRequests: (): void => changing(() => seedSampleRequests()),
  /** `count` more requests, for paging. */
  seedManyRequests: (count: number): void => changing(() => seedManyRequests(count)),
  /** A staff message arrives (unread), optionally with a new status and attached files (served as stand-ins). */
  addStaffMessage: (requestNumber: string, text: string, status?: RequestStatus, attachments?: UploadedFile[]): Message =>
    changing(() => addStaffMessage(requestNumber, text, status, attachments)),
  setStatus: (requestNumber: string, status: RequestStatus, note?: string): void => changing(() => setStatus(requestNumber, status, note)),
  /**
   * Staff move the approved request's appointment (or `requestNumber`'s) to `at` (ms): e.g. an hour
   * from now, so its pass is valid now; an earlier time, so it is past.
   */
  moveVisit: (at: number, requestNumber?: string): void => changing(() => moveVisit(at, requestNumber)),
  /**
   * Keeps the store in `storage` (the demo: the tab's sessionStorage) across reloads: loads
   * what is saved there, then saves after every change; `reset()` removes it. Tests leave it off.
   */
  persist: (storage: Storage, key?: string): MockStorePersistence => persistDb(storage, key),
  /** Serve another emirate's catalog until the next reset. */
  setCatalog: (catalog: Catalog): void => setCatalog(catalog),
  /** Whether `GET /session` carries a `draftSecret` (on after a reset); off: a portal that issues none. */
  setDraftSecrets: (on: boolean): void => changing(() => void (db.draftSecrets = on)),
  /** The `draftSecret` the mock gives a user (stable per user). */
  draftSecretFor: (idNumber: string): Promise<string> => draftSecretFor(idNumber),
  /** The raw store, for assertions the helpers above do not cover. */
  db,
};

/** Runs a helper that changes the store, then reports the change (saved when the demo persists it). */
function changing<T>(change: () => T): T {
  const result = change();
  void dbChanged();
  return result;
}

export type { Fault, FaultKind, Scenario } from './scenarios.js';
export type { MockStorePersistence } from './persist.js';
export { aljoufCatalog, najranCatalog } from './catalog.js';
export { DEFAULT_USER } from './db.js';
export { REJECTED_EMAIL } from './validation.js';
export { MOCK_SESSION_MS } from './handlers.js';
export { PASS_EARLY_MS, PASS_LATE_MS, verifyPassToken } from './pass.js';
