/**
 * The contract kit against the msw mock backend in Node (`npm run test:contract`, node's own
 * test runner, not the browser suite): green against the demo's handlers, and failing, on the
 * operation concerned, against handlers broken on purpose; the CLI's exit codes over real HTTP.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { getResponse, http, HttpResponse } from 'msw';
import { listChecks, runContract } from '../../scripts/contract/kit.mjs';
import { loadSpec } from '../../scripts/contract/spec.mjs';
import { MOCK_BASE, mockHandlers, resetMock, serveMock, SIGNED_IN, startMockInProcess } from '../../scripts/contract/mock.mjs';

const CLI = fileURLToPath(new URL('../../scripts/contract/cli.mjs', import.meta.url));
const SPEC = fileURLToPath(new URL('../../src/api/openapi.yaml', import.meta.url));
const run = promisify(execFile);

/** @type {import('msw/node').SetupServerApi} */
let server;
let closedRequest = '';

before(async () => {
  server = await startMockInProcess();
});
after(() => server.close());
beforeEach(async () => {
  server.resetHandlers();
  closedRequest = await resetMock();
});

/** Runs the kit in this process against the mock; its results by check id. */
async function kit(options = {}) {
  const summary = await runContract({ base: MOCK_BASE, cookies: [SIGNED_IN], closedRequest, ...options });
  return { ...summary, byId: new Map(summary.results.map((result) => [result.check.id, result])) };
}

/** Answers as the demo's own handlers would, with `change` made to the request first. */
async function asTheMock(request, change) {
  const headers = new Headers(request.headers);
  change(headers);
  const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer();
  return getResponse(await mockHandlers(MOCK_BASE), new Request(request.url, { method: request.method, headers, body }));
}

describe('the contract kit against the mock backend', () => {
  test('passes every check the document calls for, none skipped', async () => {
    const expected = listChecks(loadSpec(SPEC));
    const { results, passed, failed, skipped } = await kit();
    const failures = results.filter((result) => result.outcome !== 'pass').map((result) => `${result.check.id}: ${[...result.failures, result.reason].join('; ')}`);
    assert.deepEqual(failures, []);
    assert.equal(failed, 0);
    assert.equal(skipped, 0);
    assert.equal(passed, expected.length);
    assert.deepEqual(results.map((result) => result.check.id).sort(), expected.map((check) => check.id).sort());
  });

  test('covers every operation of the document with a success check, and the checks the issue names', async () => {
    const spec = loadSpec(SPEC);
    const ids = new Set(listChecks(spec).map((check) => check.id));
    for (const op of spec.operations) assert.ok(ids.has(`${op.id}/success`), `${op.id} has no success check`);
    for (const id of [
      'getSession/unauthorized',
      'getRequest/not-found',
      'rateRequest/conflict',
      'sendMessage/conflict',
      'submitRequest/validation',
      'submitRequest/replay',
      'sendMessage/replay',
      'submitRequest/rate-limited',
      'inquire/rate-limited',
      'uploadFile/too-large',
      'uploadFile/wrong-type',
      'listRequests/paging',
      'inquire/not-found',
    ]) {
      assert.ok(ids.has(id), `no check ${id}`);
    }
  });

  test('fails the success check of an operation whose handler answers the wrong shape', async () => {
    // The demo's own answer, but the request number as a JSON number: a one-field drift.
    server.use(
      http.get(`${MOCK_BASE}/requests/:number`, async ({ request }) => {
        const answer = await asTheMock(request, () => {});
        if (answer.status !== 200) return answer;
        const detail = await answer.json();
        return HttpResponse.json({ ...detail, requestNumber: Number(detail.requestNumber) });
      }),
    );
    const { byId, failed } = await kit();
    const broken = byId.get('getRequest/success');
    assert.equal(broken.outcome, 'fail');
    assert.match(broken.failures.join('\n'), /does not match the schema of 200 application\/json/);
    assert.match(broken.failures.join('\n'), /\/requestNumber must be string/);
    assert.equal(byId.get('getCatalog/success').outcome, 'pass');
    assert.equal(byId.get('listRequests/paging').outcome, 'pass');
    assert.ok(failed > 0);
  });

  test('fails the replay check of a server that forgets its Idempotency-Keys', async () => {
    server.use(http.post(`${MOCK_BASE}/requests`, ({ request }) => asTheMock(request, (headers) => headers.set('Idempotency-Key', crypto.randomUUID()))));
    const { byId } = await kit({ only: ['submitRequest'] });
    const replay = byId.get('submitRequest/replay');
    assert.equal(replay.outcome, 'fail');
    assert.match(replay.failures.join('\n'), /the repeat answered another body than the first call/);
    assert.match(replay.failures.join('\n'), /GET \/requests counted \d+ requests before the repeat and \d+ after it/);
    assert.equal(byId.get('submitRequest/success').outcome, 'pass');
  });

  test('fails a 429 without Retry-After, and skips 429 as not triggerable when the opt-in is ignored', async () => {
    server.use(
      http.get(`${MOCK_BASE}/inquiry`, ({ request }) =>
        request.headers.has('X-Contract-Test') ? HttpResponse.json({ code: 'rate-limited', message: 'Slow down.' }, { status: 429 }) : undefined,
      ),
    );
    const withoutHeader = await kit({ only: ['inquire/rate-limited'] });
    const result = withoutHeader.byId.get('inquire/rate-limited');
    assert.equal(result.outcome, 'fail');
    assert.match(result.failures.join('\n'), /429 came without Retry-After/);

    closedRequest = await resetMock();
    server.resetHandlers();
    server.use(http.post(`${MOCK_BASE}/requests`, ({ request }) => asTheMock(request, (headers) => headers.delete('X-Contract-Test'))));
    const ignored = await kit({ only: ['submitRequest/rate-limited'] });
    const skipped = ignored.byId.get('submitRequest/rate-limited');
    assert.equal(skipped.outcome, 'skip');
    assert.match(skipped.reason, /^not triggerable/);
    assert.equal(ignored.failed, 0);
  });

  test('fails 413 and 415 when an upload of any size or type is accepted', async () => {
    server.use(http.post(`${MOCK_BASE}/uploads`, () => HttpResponse.json({ id: 'upl-any', name: 'x.pdf', size: 1, type: 'application/pdf' }, { status: 201 })));
    const { byId } = await kit({ only: ['uploadFile'] });
    assert.equal(byId.get('uploadFile/too-large').outcome, 'fail');
    assert.match(byId.get('uploadFile/too-large').failures.join('\n'), /answered 201, expected 413/);
    assert.equal(byId.get('uploadFile/wrong-type').outcome, 'fail');
    assert.match(byId.get('uploadFile/wrong-type').failures.join('\n'), /answered 201, expected 415/);
  });

  test('fails 401 when a call without the session cookie is answered', async () => {
    server.use(http.get(`${MOCK_BASE}/messages/unread`, () => HttpResponse.json({ total: 0 })));
    const { byId } = await kit({ only: ['getUnreadCount'] });
    assert.equal(byId.get('getUnreadCount/unauthorized').outcome, 'fail');
    assert.match(byId.get('getUnreadCount/unauthorized').failures.join('\n'), /answered 200, expected 401/);
  });
});

describe('npm run contract -- --base <url>', () => {
  test('exits 0 against the mock over HTTP, and 1 with the broken operation named when a handler breaks', async () => {
    const served = await serveMock(0);
    try {
      const args = [CLI, '--base', served.base, '--cookie', SIGNED_IN, '--closed-request', closedRequest];
      const green = await run(process.execPath, args);
      const count = listChecks(loadSpec(SPEC)).length;
      assert.match(green.stdout, new RegExp(`^contract: ${count} passed, 0 failed, 0 skipped$`, 'm'));

      closedRequest = await resetMock();
      served.state.handlers.unshift(http.get(`${served.base}/catalog`, () => HttpResponse.json({ emirate: {} })));
      const red = await run(process.execPath, [CLI, '--base', served.base, '--cookie', SIGNED_IN, '--closed-request', closedRequest]).then(
        () => assert.fail('the kit exited 0 against a broken catalog'),
        (error) => error,
      );
      assert.equal(red.code, 1);
      assert.match(red.stdout, /✗ success: a documented 2xx with the documented shape\n\s+GET \/catalog → 200: the body does not match the schema/);
      assert.match(red.stdout, /Failed:\n {2}getCatalog\/success/);
    } finally {
      await served.close();
    }
  });

  test('exits 2 without --base', async () => {
    const error = await run(process.execPath, [CLI]).then(() => assert.fail('exited 0'), (e) => e);
    assert.equal(error.code, 2);
    assert.match(error.stderr, /--base is required/);
  });
});
