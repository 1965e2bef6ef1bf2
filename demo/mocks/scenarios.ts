/**
 * How the mock backend behaves: a scenario for the whole page (the demo's switch) and a queue
 * of one-off faults for tests.
 */

/**
 * - `new-user`: signed in, no requests yet (the default).
 * - `signed-out`: nobody is signed in; `/session` and every user call answer 401.
 * - `server-error`: every call but `GET /catalog` and `GET /session` answers 503.
 * - `slow-network`: every answer comes 1.5 s late.
 */
export type Scenario = 'new-user' | 'signed-out' | 'server-error' | 'slow-network';

/** How a faulted request fails. */
export type FaultKind =
  /** The connection drops before the server does anything (`fetch` rejects). */
  | 'network'
  /** The server does the work (stores the request), then the answer is lost on the way back. */
  | 'network-after-commit'
  /**
   * The server answers this instead: `body` is sent as JSON, or as it is when a Blob (a
   * document of the Blob's type, e.g. a server's request summary, which the mock never offers).
   */
  | { status: number; body?: unknown; headers?: Record<string, string> };

export interface Fault {
  /** HTTP method, any case: `'POST'`. */
  method: string;
  /** Path under the base URL: the concrete one (`'/requests/00067/rating'`) or the route (`'/requests/:number/rating'`). */
  path: string;
  kind: FaultKind;
}

let scenario: Scenario = 'new-user';
const faults: Fault[] = [];
let csrfToken: string | undefined;

/** From now on, every call that is not a GET must carry this token in `X-CSRF-Token` (`undefined`: only `X-Requested-With`). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function getCsrfToken(): string | undefined {
  return csrfToken;
}

export function setScenario(next: Scenario): void {
  scenario = next;
}

export function getScenario(): Scenario {
  return scenario;
}

/** The next request matching `method` and `path` fails as `kind`, once. Faults queue in order. */
export function queueFault(fault: Fault): void {
  faults.push(fault);
}

/** Removes and returns the first queued fault matching the request, if any. */
export function takeFault(method: string, path: string, route: string): FaultKind | undefined {
  const index = faults.findIndex(
    (fault) => fault.method.toUpperCase() === method.toUpperCase() && (fault.path === path || fault.path === route),
  );
  return index < 0 ? undefined : faults.splice(index, 1)[0]?.kind;
}

/** Forgets queued faults. */
export function clearFaults(): void {
  faults.length = 0;
}

/** Back to `new-user` with no queued faults and no anti-CSRF token. */
export function resetScenario(): void {
  scenario = 'new-user';
  csrfToken = undefined;
  clearFaults();
}
