/**
 * The msw mock backend for tests.
 *
 * Usage: at the top level of a test file (outside `describe`),
 *
 * ```ts
 * await useMockBackend();
 * const adapter = new RestAdapter({ baseUrl: API_BASE });
 * ```
 *
 * The first call in a page starts the worker (each test file runs in its own page) and
 * registers a root-level mocha `beforeEach` that resets the store, the scenario and the fault
 * queue, so every test starts from a signed-in new user with no requests. Later calls only wait
 * for the worker. `resetMockBackend()` resets by hand in the middle of a test.
 */
import { mockBackend, startMockBackend } from '../../demo/mocks/browser.js';

/** The base URL tests give the adapter: same origin as the test page, so no CORS. */
export const API_BASE = '/api';

let ready: Promise<void> | undefined;

/** Starts the mock backend once per page and resets it before each test. */
export function useMockBackend(): Promise<void> {
  if (!ready) {
    beforeEach(resetMockBackend);
    ready = startMockBackend({ baseUrl: API_BASE, quiet: true }).then(resetMockBackend);
  }
  return ready;
}

/** Empty store, default user, Najran catalog, scenario `new-user`, no queued faults. */
export function resetMockBackend(): void {
  mockBackend.reset();
}

export { mockBackend };
export { aljoufCatalog, najranCatalog } from '../../demo/mocks/browser.js';
