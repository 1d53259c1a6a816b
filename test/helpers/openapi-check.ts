// Every answer of the app to /api/* checked against the OpenAPI document (src/server/openapi.ts):
// the operation is found by method and path template, the status must be documented for it, and
// a JSON body must validate (ajv, JSON Schema 2020-12) against that status's schema. Pure of
// vitest: test/helpers/openapi-setup.ts wires it into every test file of the run.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type {
  OpenApiDocument,
  Operation,
  Response as DocResponse,
  ResponseOrRef,
  Schema,
} from '../../src/server/openapi.ts';

const BASE = 'https://plateau.invalid/openapi/';

/** One answer that does not match the document. */
export interface OpenApiMismatch {
  method: string;
  path: string;
  status: number;
  problem: string;
}

/**
 * The one allowance: a path or method the document has no operation for gets the app's catch-all
 * error answers (unknown route 404, other method 405, malformed path 400, no session 401, a scope
 * refused 403, a foreign Host 421); their body must still be an `ApiError`.
 */
export const NO_OPERATION_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 405, 421]);

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
      k === '$ref' && typeof v === 'string'
        ? v.replace('#/components/schemas/', `${BASE}schemas/`)
        : absolute(v),
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
      .map(([template, ops]) => ({
        template,
        regex: templateRegex(template),
        params: (template.match(/\{/g) ?? []).length,
        ops,
      }))
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
  check(
    method: string,
    path: string,
    status: number,
    contentType: string | null,
    body: string,
  ): void {
    this.checked += 1;
    const fail = (problem: string): void =>
      void this.#mismatches.push({ method, path, status, problem });
    const route = this.route(path);
    const op = route?.ops[method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()];
    const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (!route || !op) {
      if (!NO_OPERATION_STATUSES.has(status)) return fail('no operation in the document');
      if (media !== 'application/json')
        return fail(`a catch-all ${status} answer in ${media || 'no content type'}`);
      return this.#validate(
        `catch-all ${status}`,
        this.#response({ $ref: '#/components/responses/NotFound' }).content!['application/json']!
          .schema,
        body,
        fail,
      );
    }
    const documented = op.responses[String(status)];
    if (!documented) return fail(`status not documented for ${op.operationId}`);
    const response = this.#response(documented);
    if (method === 'HEAD') return;
    if (status === 204 || status === 304 || media === '') {
      if (body !== '') fail(`a body without a content type for ${op.operationId}`);
      return;
    }
    const content = response.content?.[media];
    if (!content) {
      return fail(
        `${media} not documented for ${op.operationId} ${status} (documented: ${Object.keys(response.content ?? {}).join(', ') || 'none'})`,
      );
    }
    if (media !== 'application/json') return;
    this.#validate(`${method} ${route.template} ${status}`, content.schema, body, (problem) =>
      fail(`${op.operationId}: ${problem}`),
    );
  }

  #validate(key: string, schema: Schema, body: string, fail: (problem: string) => void): void {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return fail(`not JSON: ${body.slice(0, 120)}`);
    }
    let validate: ValidateFunction;
    try {
      validate = this.#validator(key, schema);
    } catch (error) {
      return fail(`the schema does not compile: ${String(error)}`);
    }
    this.validated += 1;
    if (!validate(value)) {
      const errors = (validate.errors ?? [])
        .slice(0, 8)
        .map(
          (e) =>
            `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
        );
      fail(errors.join('; '));
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
