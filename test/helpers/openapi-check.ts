// Every answer of the app to /api/* checked against the OpenAPI document (src/server/openapi.ts):
// the operation is found by method and path template, the status must be documented for it, and
// a JSON body must validate (ajv, JSON Schema 2020-12) against that status's schema. Pure of
// vitest: test/helpers/openapi-setup.ts wires it into every test file of the run.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument, Operation, Response as DocResponse, ResponseOrRef, Schema } from '../../src/server/openapi.ts';

const BASE = 'https://plateau.invalid/openapi/';

/** One answer that does not match the document. */
export interface OpenApiMismatch {
  method: string;
  path: string;
  status: number;
  problem: string;
}

/**
 * Answers the document may leave out, each with its reason (kept short on purpose).
 * Keys are `METHOD path-regex status`.
 */
export const UNDOCUMENTED_ALLOWED: readonly { method: string; path: RegExp; status: number; reason: string }[] = [];

interface Route {
  template: string;
  regex: RegExp;
  params: number;
  ops: Partial<Record<string, Operation>>;
}

/** `/api/a/{id}/b` → a regex matching one concrete path of that template. */
function templateRegex(template: string): RegExp {
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** Rewrites `#/components/schemas/X` into the absolute id under which X is registered. */
function absolute(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(absolute);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', `${BASE}schemas/`) : absolute(v),
    ]),
  );
}

/** The checker of one document: `check` records mismatches, `take` hands them over. */
export class OpenApiChecker {
  readonly #doc: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly #routes: Route[];
  readonly #validators = new Map<string, ValidateFunction>();
  #mismatches: OpenApiMismatch[] = [];
  /** How many answers were checked, and how many of them had a JSON body validated. */
  checked = 0;
  validated = 0;

  constructor(doc: OpenApiDocument) {
    this.#doc = doc;
    this.#ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
    addFormats(this.#ajv);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      this.#ajv.addSchema(absolute(schema) as object, `${BASE}schemas/${name}`);
    }
    this.#routes = Object.entries(doc.paths)
      .map(([template, ops]) => ({ template, regex: templateRegex(template), params: (template.match(/\{/g) ?? []).length, ops }))
      .sort((a, b) => a.params - b.params);
  }

  /** The documented route a concrete path belongs to (static segments win over parameters). */
  route(path: string): Route | undefined {
    return this.#routes.find((r) => r.regex.test(path));
  }

  #response(ref: ResponseOrRef): DocResponse {
    if ('$ref' in ref) {
      const name = ref.$ref.replace('#/components/responses/', '');
      const found = this.#doc.components.responses[name];
      if (!found) throw new Error(`unknown response ${ref.$ref}`);
      return found;
    }
    return ref;
  }

  #validator(key: string, schema: Schema): ValidateFunction {
    let v = this.#validators.get(key);
    if (!v) {
      v = this.#ajv.compile(absolute(schema) as object);
      this.#validators.set(key, v);
    }
    return v;
  }

  /** Checks one answer; `body` is the answer's text (read from a clone). */
  check(method: string, path: string, status: number, contentType: string | null, body: string): void {
    this.checked += 1;
    const fail = (problem: string): void => void this.#mismatches.push({ method, path, status, problem });
    const allowed = UNDOCUMENTED_ALLOWED.find((a) => a.method === method && a.status === status && a.path.test(path));
    if (allowed) return;
    const route = this.route(path);
    const op = route?.ops[method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()];
    if (!route || !op) return fail('no operation in the document');
    const documented = op.responses[String(status)];
    if (!documented) return fail(`status not documented for ${op.operationId}`);
    const response = this.#response(documented);
    const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (status === 204 || status === 304 || media === '') {
      if (body !== '') fail(`a body without a content type for ${op.operationId}`);
      return;
    }
    const content = response.content?.[media];
    if (!content) {
      return fail(`${media} not documented for ${op.operationId} ${status} (documented: ${Object.keys(response.content ?? {}).join(', ') || 'none'})`);
    }
    if (media !== 'application/json') return;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return fail(`not JSON though ${media}: ${body.slice(0, 120)}`);
    }
    let validate: ValidateFunction;
    try {
      validate = this.#validator(`${method} ${route.template} ${status}`, content.schema);
    } catch (error) {
      return fail(`the schema of ${op.operationId} ${status} does not compile: ${String(error)}`);
    }
    this.validated += 1;
    if (!validate(value)) {
      const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
      fail(`${op.operationId}: ${errors.join('; ')}`);
    }
  }

  /** The mismatches recorded since the last call. */
  take(): OpenApiMismatch[] {
    const out = this.#mismatches;
    this.#mismatches = [];
    return out;
  }
}

/** The mismatches as one readable message. */
export function describeMismatches(list: readonly OpenApiMismatch[]): string {
  return `answers that do not match the OpenAPI document (src/server/openapi.ts):\n${list
    .map((m) => `  ${m.method} ${m.path} → ${m.status}: ${m.problem}`)
    .join('\n')}`;
}
