/**
 * The contract kit's HTTP side: calls an operation of the document on the server under test,
 * as the signed-in client (with the `--cookie` and `--header` credentials) or as the signed-out
 * one (with none), and checks every answer against what the document says of that operation:
 * a documented status, a documented content type, a body valid against its schema (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses, through ajv) and the documented headers.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { documentedResponse } from './spec.mjs';

/**
 * @typedef {import('./spec.mjs').Operation} Operation
 * @typedef {import('./spec.mjs').Spec} Spec
 * @typedef {{
 *   path?: Record<string, string>, query?: Record<string, string | number>,
 *   headers?: Record<string, string>, json?: unknown, form?: FormData,
 *   auth?: boolean, omit?: string[],
 * }} CallInput
 * @typedef {{
 *   op: Operation, method: string, url: string, status: number, headers: Headers,
 *   type: string, body: any, bytes: Uint8Array, problems: string[], ms: number,
 * }} Reply
 */

/** The document's own key in ajv, the base every schema pointer is resolved against. */
const DOC_KEY = 'urn:contract-kit:openapi';

/** Thrown when a call cannot even be made (no value for a required parameter). */
export class CallError extends Error {}

export class ContractClient {
  /**
   * @param {{
   *   spec: Spec, base: string, cookies?: string[], headers?: string[], params?: Record<string, string>,
   *   timeoutMs?: number, log?: (line: string) => void,
   * }} options
   */
  constructor(options) {
    this.spec = options.spec;
    this.base = options.base.replace(/\/+$/, '');
    this.params = options.params ?? {};
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.log = options.log;
    /** Headers of the signed-in client only. */
    this.credentials = new Headers();
    for (const line of options.headers ?? []) {
      const colon = line.indexOf(':');
      if (colon < 1) throw new CallError(`--header wants "Name: value", not "${line}"`);
      this.credentials.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
    const cookies = (options.cookies ?? []).map((cookie) => cookie.trim()).filter(Boolean);
    if (cookies.length > 0) this.credentials.set('Cookie', [this.credentials.get('Cookie'), ...cookies].filter(Boolean).join('; '));
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(this.spec.doc, DOC_KEY);
  }

  /** Whether the signed-in client carries any credentials. */
  get hasCredentials() {
    return [...this.credentials.keys()].length > 0;
  }

  /**
   * The operation called `id` in the document.
   * @param {string} id
   */
  operation(id) {
    const op = this.spec.operations.find((candidate) => candidate.id === id);
    if (!op) throw new CallError(`the document has no operation ${id}`);
    return op;
  }

  /**
   * Calls `op` and checks the answer against the document (see `Reply.problems`).
   * @param {Operation} op
   * @param {CallInput} input
   * @returns {Promise<Reply>}
   */
  async call(op, input = {}) {
    const omitted = new Set((input.omit ?? []).map((name) => name.toLowerCase()));
    const headers = new Headers(input.auth === false ? undefined : this.credentials);
    const query = new URLSearchParams();
    let path = op.path;
    for (const param of op.parameters) {
      if (omitted.has(param.name.toLowerCase())) continue;
      const given = param.in === 'path' ? input.path?.[param.name] : param.in === 'query' ? input.query?.[param.name] : param.in === 'header' ? input.headers?.[param.name] : undefined;
      const value = given ?? (param.required ? this.fill(op, param) : undefined);
      if (value === undefined) continue;
      if (param.in === 'path') path = path.replace(`{${param.name}}`, encodeURIComponent(String(value)));
      else if (param.in === 'query') query.set(param.name, String(value));
      else if (param.in === 'header') headers.set(param.name, String(value));
      else if (param.in === 'cookie') headers.set('Cookie', [headers.get('Cookie'), `${param.name}=${value}`].filter(Boolean).join('; '));
    }
    for (const [name, value] of Object.entries(input.headers ?? {})) if (!omitted.has(name.toLowerCase())) headers.set(name, value);
    for (const [name, value] of Object.entries(input.query ?? {})) if (!query.has(name)) query.set(name, String(value));
    let body;
    if (input.form) body = input.form;
    else if (input.json !== undefined) {
      body = JSON.stringify(input.json);
      headers.set('Content-Type', 'application/json');
    }
    const search = query.toString();
    const url = `${this.base}${path}${search ? `?${search}` : ''}`;
    const started = performance.now();
    /** @type {Response} */
    let response;
    try {
      response = await fetch(url, { method: op.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new CallError(`${op.method} ${url}: no answer (${error?.cause?.message ?? error?.message ?? error})`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const ms = Math.round(performance.now() - started);
    const type = (response.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    /** @type {Reply} */
    const reply = { op, method: op.method, url, status: response.status, headers: response.headers, type, body: undefined, bytes, problems: [], ms };
    if (isJson(type) && bytes.length > 0) {
      try {
        reply.body = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        reply.problems.push(`the body is not JSON although its Content-Type is ${type}`);
      }
    }
    reply.problems.push(...this.conformance(reply));
    this.log?.(`    ${op.method} ${url}${input.auth === false ? ' (signed out)' : ''} → ${response.status}${type ? ` ${type}` : ''} in ${ms} ms`);
    return reply;
  }

  /**
   * A value for a required parameter the check did not give: `--param name=value`, else the
   * document's `default`, `const`, first example or first enum value.
   * @param {Operation} op
   * @param {import('./spec.mjs').Parameter} param
   */
  fill(op, param) {
    const schema = param.schema ?? {};
    if (param.in === 'header' && param.name.toLowerCase() === 'idempotency-key') return `contract-kit-${crypto.randomUUID()}`;
    const value = this.params[param.name] ?? param.example ?? schema.default ?? schema.const ?? schema.examples?.[0] ?? schema.example ?? schema.enum?.[0];
    if (value === undefined) {
      throw new CallError(`no value for the required ${param.in} parameter ${param.name} of ${op.id}: give one with --param ${param.name}=VALUE`);
    }
    return value;
  }

  /**
   * What in `reply` the document does not allow.
   * @param {Reply} reply
   * @returns {string[]}
   */
  conformance(reply) {
    const { op } = reply;
    const documented = documentedResponse(op, reply.status);
    if (!documented) return [`status ${reply.status} is not documented for ${op.id} (it documents ${Object.keys(op.responses).join(', ')})`];
    const problems = [];
    for (const [name, header] of Object.entries(documented.headers)) {
      const value = reply.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`header ${name} is missing`);
        continue;
      }
      if (!header.schema) continue;
      const validate = this.validator(header.pointer);
      const candidate = ['integer', 'number'].includes(header.schema.type) ? Number(value) : value;
      if (!validate(candidate)) problems.push(`header ${name}: ${describe(validate.errors)}`);
    }
    const types = Object.keys(documented.content);
    if (types.length === 0) {
      if (reply.bytes.length > 0) problems.push(`${reply.status} documents no body, but ${reply.bytes.length} bytes came`);
      return problems;
    }
    const media = types.find((type) => type === reply.type) ?? types.find((type) => matchesRange(type, reply.type));
    if (!media) {
      problems.push(`Content-Type ${reply.type || '(none)'} is not documented for ${reply.status} (documented: ${types.join(', ')})`);
      return problems;
    }
    const { schema, pointer } = documented.content[media];
    if (isJson(media)) {
      if (reply.bytes.length === 0) problems.push(`${reply.status} came with an empty body, not the documented JSON`);
      else if (reply.body !== undefined && schema) {
        const validate = this.validator(pointer);
        if (!validate(reply.body)) problems.push(`the body does not match the schema of ${reply.status} ${media}: ${describe(validate.errors)}`);
      }
    } else if (reply.bytes.length === 0) {
      problems.push(`${reply.status} ${media} came with an empty body`);
    }
    return problems;
  }

  /**
   * The compiled validator of the schema at a JSON pointer of the document.
   * @param {string} pointer
   */
  validator(pointer) {
    const validate = this.ajv.getSchema(`${DOC_KEY}#${pointer.split('/').map(encodeURIComponent).join('/')}`);
    if (!validate) throw new CallError(`the kit found no schema at #${pointer} of the document`);
    return validate;
  }
}

/** A JSON media type (`application/json`, `application/problem+json`). */
export function isJson(type) {
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

function matchesRange(documented, actual) {
  if (documented === '*/*') return true;
  return documented.endsWith('/*') && actual.startsWith(documented.slice(0, -1));
}

/** ajv's errors as one short line. */
function describe(errors) {
  return (errors ?? [])
    .slice(0, 4)
    .map((error) => `${error.instancePath || '(body)'} ${error.message}${error.params?.allowedValues ? ` (${error.params.allowedValues.join(', ')})` : ''}`)
    .join('; ');
}
