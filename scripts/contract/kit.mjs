/**
 * The contract kit: runs the checks `openapi.yaml` calls for (checks.mjs) against a server and
 * reports, operation by operation, what passes, what fails and what was skipped and why.
 * `cli.mjs` runs it against any server; `mock.mjs` against the msw mock backend in Node.
 */
import { CallError, ContractClient } from './client.mjs';
import { planChecks, runCheck, Skip } from './checks.mjs';
import { loadSpec } from './spec.mjs';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {import('./checks.mjs').Check} Check
 * @typedef {{ check: Check, outcome: 'pass' | 'fail' | 'skip', failures: string[], notes: string[], reason?: string }} Result
 * @typedef {{
 *   spec?: string, base: string, cookies?: string[], headers?: string[], params?: Record<string, string>,
 *   closedRequest?: string, approvedRequest?: string, inquiry?: { number: string, year: number }, only?: string[], timeoutMs?: number,
 *   verbose?: boolean, log?: (line: string) => void,
 * }} KitOptions
 */

/** The document the kit reads unless told otherwise. */
export const DEFAULT_SPEC = fileURLToPath(new URL('../../src/api/openapi.yaml', import.meta.url));

/**
 * The checks the document calls for. With `only` (operation ids, kinds or check ids): those,
 * after every success check, which make what the others work on (a request, an attachment).
 * @param {import('./spec.mjs').Spec} spec
 * @param {string[]} [only]
 */
export function listChecks(spec, only = []) {
  const checks = planChecks(spec);
  if (only.length === 0) return checks;
  return checks.filter((check) => check.kind === 'success' || only.some((wanted) => wanted === check.id || wanted === check.op.id || wanted === check.kind));
}

/**
 * Runs the kit; prints as it goes through `log` (nothing when absent) and returns the results.
 * @param {KitOptions} options
 * @returns {Promise<{ results: Result[], passed: number, failed: number, skipped: number }>}
 */
export async function runContract(options) {
  const log = options.log ?? (() => {});
  const spec = loadSpec(options.spec ?? DEFAULT_SPEC);
  const client = new ContractClient({
    spec,
    base: options.base,
    cookies: options.cookies,
    headers: options.headers,
    params: options.params,
    timeoutMs: options.timeoutMs,
    log: options.verbose ? log : undefined,
  });
  const checks = listChecks(spec, options.only);
  log(`Contract kit: ${spec.title} ${spec.version} (${relative(spec.file)}), ${checks.length} checks`);
  log(`Server: ${client.base}`);
  log(`Signed in with: ${describeCredentials(options)}; signed out: no cookie, no header`);
  log('');

  /** What the checks make for each other: catalog, session, the kit's request, its attachment. */
  const ctx = {};
  /** @type {Result[]} */
  const results = [];
  for (const check of checks) {
    if (options.verbose) log(`  ${check.id}`);
    results.push(await runOne(check, client, ctx, options));
  }
  if (options.verbose) log('');
  for (const group of byOperation(results, spec)) {
    const { op } = group[0].check;
    log(`${op.method} ${op.path}  ${op.id}`);
    for (const result of group) log(formatResult(result));
  }
  const count = (outcome) => results.filter((result) => result.outcome === outcome).length;
  const summary = { results, passed: count('pass'), failed: count('fail'), skipped: count('skip') };
  log('');
  if (summary.failed > 0) {
    log('Failed:');
    for (const result of results.filter((r) => r.outcome === 'fail')) log(`  ${result.check.id}`);
    log('');
  }
  log(`contract: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  return summary;
}

/** Runs one check with its context `t`; never throws. */
async function runOne(check, client, ctx, options) {
  /** @type {Result} */
  const result = { check, outcome: 'pass', failures: [], notes: [] };
  const fail = (message) => result.failures.push(message);
  const t = {
    ctx,
    options,
    /** Calls an operation by id; whatever in the answer the document does not allow is a failure. */
    async call(id, input) {
      const reply = await client.call(client.operation(id), input);
      for (const problem of reply.problems) fail(`${reply.method} ${pathOf(reply.url, client.base)} → ${reply.status}: ${problem}`);
      return reply;
    },
    /** Whether the reply has one of `statuses`; a failure when not. */
    expect(reply, statuses, what) {
      if (statuses.includes(reply.status)) return true;
      const body = reply.body === undefined ? '' : ` ${clip(JSON.stringify(reply.body))}`;
      fail(`${what ? `${what}: ` : ''}${reply.method} ${pathOf(reply.url, client.base)} answered ${reply.status}, expected ${statuses.join(' or ')}${body}`);
      return false;
    },
    /** A 422 whose `errors` name each expected field with one of its codes. */
    expectFieldErrors(reply, expected) {
      if (!t.expect(reply, [422])) return false;
      const errors = Array.isArray(reply.body?.errors) ? reply.body.errors : [];
      let ok = true;
      for (const { field, codes } of expected) {
        const found = errors.filter((error) => error?.field === field);
        if (found.length === 0) {
          fail(`no error for field ${field} (errors: ${clip(JSON.stringify(errors))})`);
          ok = false;
        } else if (!found.some((error) => codes.includes(error.code))) {
          fail(`field ${field} has code ${found.map((error) => error.code).join(', ')}, expected ${codes.join(' or ')}`);
          ok = false;
        }
      }
      return ok;
    },
    /** A failure unless `condition`. */
    ok(condition, message, detail) {
      if (!condition) fail(detail === undefined ? message : `${message}: ${clip(JSON.stringify(detail))}`);
      return Boolean(condition);
    },
    /** Something worth telling that is not a failure. */
    note(message) {
      result.notes.push(message);
    },
    /** What an earlier check made, or a skip naming the check that should have made it. */
    need(key, producer) {
      if (ctx[key] === undefined) throw new Skip(`needs the ${key} from ${producer}'s success check, which did not pass`);
      return ctx[key];
    },
  };
  try {
    await runCheck(check, t);
  } catch (error) {
    if (error instanceof Skip) {
      result.reason = error.message;
      if (result.failures.length === 0) result.outcome = 'skip';
    } else if (error instanceof CallError) fail(error.message);
    else fail(`the kit failed: ${error?.stack ?? error}`);
  }
  if (result.failures.length > 0) result.outcome = 'fail';
  return result;
}

/** One result as report lines. */
export function formatResult(result) {
  const mark = { pass: '  ✓', fail: '  ✗', skip: '  -' }[result.outcome];
  const lines = [`${mark} ${result.check.title}${result.outcome === 'skip' ? ' (skipped)' : ''}`];
  for (const failure of result.failures) lines.push(`      ${failure}`);
  if (result.outcome === 'skip' && result.reason) lines.push(`      skipped: ${result.reason}`);
  for (const note of result.notes) lines.push(`      note: ${note}`);
  return lines.join('\n');
}

/** Results grouped by operation, in the document's order. */
function byOperation(results, spec) {
  return spec.operations.map((op) => results.filter((result) => result.check.op === op)).filter((group) => group.length > 0);
}

function describeCredentials(options) {
  const cookies = (options.cookies ?? []).flatMap((line) => line.split(';')).map((pair) => pair.split('=')[0].trim()).filter(Boolean);
  const headers = (options.headers ?? []).map((line) => line.split(':')[0].trim());
  const parts = [...cookies.map((name) => `cookie ${name}`), ...headers.map((name) => `header ${name}`)];
  return parts.length > 0 ? parts.join(', ') : 'nothing (give --cookie or --header)';
}

function pathOf(url, base) {
  return url.startsWith(base) ? url.slice(base.length) || '/' : url;
}

function relative(file) {
  const cwd = `${process.cwd()}/`;
  return file.startsWith(cwd) ? file.slice(cwd.length) : file;
}

function clip(text, max = 300) {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
