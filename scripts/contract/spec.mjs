/**
 * Reads `openapi.yaml` at run time and indexes what the contract kit drives its checks from:
 * every operation with its parameters, request body, security and documented responses (their
 * headers and the JSON pointer of each schema, so response bodies are validated against the
 * document itself). Only local references (`#/...`) are followed, as the document uses.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/**
 * @typedef {{ name: string, in: 'path' | 'query' | 'header' | 'cookie', required: boolean, schema: any, example?: unknown }} Parameter
 * @typedef {{ schema: any, pointer: string, example?: unknown }} Media
 * @typedef {{ required: boolean, schema?: any, pointer: string }} Header
 * @typedef {{ status: string, description: string, headers: Record<string, Header>, content: Record<string, Media> }} DocumentedResponse
 * @typedef {{
 *   id: string, method: string, path: string, pointer: string, summary: string,
 *   parameters: Parameter[], requestBody?: { required: boolean, content: Record<string, Media> },
 *   responses: Record<string, DocumentedResponse>, secured: boolean,
 * }} Operation
 * @typedef {{ doc: any, file: string, title: string, version: string, operations: Operation[] }} Spec
 */

/**
 * Loads and indexes the document at `file`.
 * @param {string} file
 * @returns {Spec}
 */
export function loadSpec(file) {
  const doc = parse(readFileSync(file, 'utf8'));
  if (typeof doc?.openapi !== 'string' || !doc.openapi.startsWith('3.')) throw new Error(`${file} is not an OpenAPI 3 document`);
  const operations = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const { value: item, pointer: itemPointer } = resolve(doc, rawItem, `/paths/${escape(path)}`);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const pointer = `${itemPointer}/${method}`;
      const id = op.operationId ?? `${method.toUpperCase()} ${path}`;
      operations.push({
        id,
        method: method.toUpperCase(),
        path,
        pointer,
        summary: op.summary ?? '',
        parameters: parameters(doc, item.parameters ?? [], op.parameters ?? [], itemPointer, pointer),
        requestBody: op.requestBody ? requestBody(doc, op.requestBody, `${pointer}/requestBody`) : undefined,
        responses: responses(doc, op.responses ?? {}, `${pointer}/responses`),
        secured: (op.security ?? doc.security ?? []).some((requirement) => Object.keys(requirement).length > 0),
      });
    }
  }
  return { doc, file, title: doc.info?.title ?? '', version: doc.info?.version ?? '', operations };
}

/**
 * The documented response for `status`: the exact code, else its range (`4XX`), else `default`.
 * @param {Operation} op
 * @param {number} status
 * @returns {DocumentedResponse | undefined}
 */
export function documentedResponse(op, status) {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
}

/**
 * The documented statuses of `op` in a class (2 for success, 4 for client errors).
 * @param {Operation} op
 * @param {number} hundreds
 */
export function statusesOf(op, hundreds) {
  return Object.keys(op.responses).filter((code) => code.startsWith(String(hundreds)));
}

/**
 * The `{ value, pointer }` at the end of a chain of local `$ref`s from `value` found at `pointer`.
 * @param {any} doc
 * @param {any} value
 * @param {string} pointer
 * @returns {{ value: any, pointer: string }}
 */
export function resolve(doc, value, pointer) {
  const seen = new Set();
  while (value && typeof value === 'object' && typeof value.$ref === 'string') {
    const ref = value.$ref;
    if (!ref.startsWith('#')) throw new Error(`${pointer}: only local references are followed, not ${ref}`);
    if (seen.has(ref)) throw new Error(`${pointer}: reference cycle at ${ref}`);
    seen.add(ref);
    pointer = ref.slice(1);
    value = at(doc, pointer);
    if (value === undefined) throw new Error(`${ref} points at nothing`);
  }
  return { value, pointer };
}

/** The value at a JSON pointer (`/paths/~1session/get`). */
function at(doc, pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), doc);
}

/** A key as a JSON pointer segment. */
export function escape(key) {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Path-level parameters overridden by the operation's own (same name and place). */
function parameters(doc, shared, own, itemPointer, opPointer) {
  const byKey = new Map();
  const add = (list, base) =>
    list.forEach((raw, index) => {
      const { value } = resolve(doc, raw, `${base}/parameters/${index}`);
      const schema = value.schema ? resolve(doc, value.schema, '').value : {};
      byKey.set(`${value.in}:${value.name.toLowerCase()}`, {
        name: value.name,
        in: value.in,
        required: value.in === 'path' || value.required === true,
        schema,
        example: value.example ?? firstExample(value.examples),
      });
    });
  add(shared, itemPointer);
  add(own, opPointer);
  return [...byKey.values()];
}

function requestBody(doc, raw, pointer) {
  const { value, pointer: where } = resolve(doc, raw, pointer);
  return { required: value.required === true, content: media(doc, value.content ?? {}, where) };
}

function responses(doc, raw, pointer) {
  /** @type {Record<string, DocumentedResponse>} */
  const result = {};
  for (const [status, rawResponse] of Object.entries(raw)) {
    const { value, pointer: where } = resolve(doc, rawResponse, `${pointer}/${escape(status)}`);
    const headers = {};
    for (const [name, rawHeader] of Object.entries(value.headers ?? {})) {
      const { value: header, pointer: headerPointer } = resolve(doc, rawHeader, `${where}/headers/${escape(name)}`);
      headers[name.toLowerCase()] = { required: header.required === true, schema: header.schema ? resolve(doc, header.schema, '').value : undefined, pointer: `${headerPointer}/schema` };
    }
    result[status.toUpperCase()] = { status: status.toUpperCase(), description: value.description ?? '', headers, content: media(doc, value.content ?? {}, where) };
  }
  return result;
}

function media(doc, content, pointer) {
  /** @type {Record<string, Media>} */
  const result = {};
  for (const [type, entry] of Object.entries(content)) {
    const schemaPointer = `${pointer}/content/${escape(type)}/schema`;
    result[type.toLowerCase()] = { schema: entry.schema ? resolve(doc, entry.schema, schemaPointer).value : undefined, pointer: schemaPointer, example: entry.example ?? firstExample(entry.examples) };
  }
  return result;
}

function firstExample(examples) {
  if (!examples || typeof examples !== 'object') return undefined;
  const first = Object.values(examples)[0];
  return first && typeof first === 'object' && 'value' in first ? first.value : undefined;
}
