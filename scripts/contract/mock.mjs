/**
 * The msw mock backend (demo/mocks/handlers.ts, the demo's and the tests' own handlers) in
 * Node, for the contract kit: in the process through `msw/node` (`npm run contract:mock`, in
 * CI), or over HTTP on the loopback interface (`--serve PORT`) for `npm run contract -- --base`.
 *
 * The mock runs with a session cookie (`session`): signed in with it, signed out without it.
 * Its store starts with the sample history, whose completed request is the one
 * `--closed-request` names.
 *
 *   node scripts/contract/mock.mjs [--verbose] [--only ID]... [--spec FILE]   run the kit against the mock
 *   node scripts/contract/mock.mjs --serve 4010                 serve the mock at http://127.0.0.1:4010/api
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { importTs } from './load-ts.mjs';
import { runContract } from './kit.mjs';

/** Where the in-process mock answers (msw/node intercepts it; nothing leaves the process). */
export const MOCK_BASE = 'http://contract-mock.invalid/api';
/** The mock's session cookie, and the one the kit signs in with. */
export const SESSION_COOKIE = 'session';
export const SIGNED_IN = `${SESSION_COOKIE}=contract-kit`;

/**
 * The mock's modules, loaded once: the handlers and the store they share.
 * @returns {Promise<Record<string, any>>}
 */
export function loadMock() {
  mock ??= importTs(
    [
      "export { createHandlers } from './demo/mocks/handlers.ts';",
      "export { resetDb, seedSampleRequests, listStoredRequests } from './demo/mocks/db.ts';",
      "export { resetScenario } from './demo/mocks/scenarios.ts';",
    ].join('\n'),
    'demo/mocks/contract-entry.ts',
  );
  return mock;
}
let mock;

/**
 * Empties the mock's store and gives the user the sample history; the number of its completed
 * request (for `--closed-request`).
 */
export async function resetMock() {
  const { resetDb, resetScenario, seedSampleRequests, listStoredRequests } = await loadMock();
  resetDb();
  resetScenario();
  seedSampleRequests();
  return listStoredRequests().find((request) => request.status === 'completed').requestNumber;
}

/**
 * The handlers of a mock backend at `base`, signed in by the `session` cookie.
 * @param {string} base
 */
export async function mockHandlers(base) {
  const { createHandlers } = await loadMock();
  return createHandlers(base, { sessionCookie: SESSION_COOKIE });
}

/**
 * Starts the mock in this process (msw/node): `fetch` to `MOCK_BASE` reaches it.
 * @returns {Promise<import('msw/node').SetupServerApi>}
 */
export async function startMockInProcess() {
  const server = setupServer(...(await mockHandlers(MOCK_BASE)));
  server.listen({ onUnhandledRequest: 'error' });
  return server;
}

/**
 * Serves the mock over HTTP on 127.0.0.1 (port 0: any free one); its base URL and a way to stop.
 * `handlers` may be swapped while it runs (`server.handlers`).
 * @param {number} port
 */
export async function serveMock(port = 0) {
  const state = { handlers: [] };
  const http = createServer(async (incoming, outgoing) => {
    try {
      const chunks = [];
      for await (const chunk of incoming) chunks.push(chunk);
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const url = `http://${incoming.headers.host}${incoming.url}`;
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      const request = new Request(url, { method: incoming.method, headers, body: ['GET', 'HEAD'].includes(incoming.method ?? '') ? undefined : body });
      const response = (await getResponse(state.handlers, request)) ?? new Response(JSON.stringify({ code: 'not-found', message: 'No such route.' }), { status: 404, headers: { 'Content-Type': 'application/json' } });
      if (response.type === 'error') {
        incoming.socket.destroy();
        return;
      }
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(500, { 'Content-Type': 'application/json' });
      outgoing.end(JSON.stringify({ code: 'mock-failed', message: String(error) }));
    }
  });
  await new Promise((resolve) => http.listen(port, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${http.address().port}/api`;
  state.handlers = await mockHandlers(base);
  return {
    base,
    state,
    close: () => new Promise((resolve) => http.close(resolve)),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true, default: [] },
      spec: { type: 'string' },
    },
  });
  const closedRequest = await resetMock();
  if (values.serve !== undefined) {
    const served = await serveMock(Number(values.serve));
    console.log(`Mock backend at ${served.base} (signed in with the cookie ${SIGNED_IN}; completed request ${closedRequest}). Ctrl-C stops it.`);
    console.log(`  npm run contract -- --base ${served.base} --cookie '${SIGNED_IN}' --closed-request ${closedRequest}`);
    return;
  }
  const server = await startMockInProcess();
  try {
    const summary = await runContract({ spec: values.spec, base: MOCK_BASE, cookies: [SIGNED_IN], closedRequest, only: values.only, verbose: values.verbose, log: console.log });
    process.exitCode = summary.failed > 0 ? 1 : 0;
  } finally {
    server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
