/**
 * The small builders of OpenAPI schemas and responses, shared by the document (openapi.ts) and
 * the route groups that keep their entries beside their routes (accounts, trends, bundles).
 */
import type { Parameter, ResponseOrRef, Schema } from './openapi.ts';

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const use = (name: string): ResponseOrRef => ({ $ref: `#/components/responses/${name}` });
export const arr = (items: Schema): Schema => ({ type: 'array', items });
export const str: Schema = { type: 'string' };
export const int: Schema = { type: 'integer' };
export const num: Schema = { type: 'number' };
export const bool: Schema = { type: 'boolean' };
export const numOrNull: Schema = { type: ['number', 'null'] };
export const strOrNull: Schema = { type: ['string', 'null'] };
export const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
export const strEnum = (values: readonly string[]): Schema => ({ type: 'string', enum: values });
export const json = (schema: Schema): Record<string, { schema: Schema }> => ({
  'application/json': { schema },
});
/** An error answer (`ApiError`) described by `description`. */
export const apiError = (description: string): ResponseOrRef => ({
  description,
  content: json(ref('ApiError')),
});
/** An object whose properties are all required unless listed in `optional`. */
export const obj = (
  properties: Record<string, Schema>,
  optional: readonly string[] = [],
  description?: string,
): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
});
/** A record keyed by some of `keys`. */
export const partialRecord = (keys: readonly string[], value: Schema): Schema => ({
  type: 'object',
  properties: Object.fromEntries(keys.map((k) => [k, value])),
  additionalProperties: false,
});

/** A required path parameter. */
export const path = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: str,
});

/** An optional query parameter. */
export const query = (name: string, description: string, schema: Schema): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/**
 * The answers of a route that reads: the value, or the usual errors (401 and 403 in accounts
 * mode); `extra` adds the route's own answers (e.g. a 409).
 */
export const ok = (
  description: string,
  schema: Schema,
  extra: Record<string, ResponseOrRef> = {},
): Record<string, ResponseOrRef> => ({
  '200': { description, content: json(schema) },
  '400': use('BadRequest'),
  '401': use('LoginRequired'),
  '403': use('Forbidden'),
  '404': use('NotFound'),
  ...extra,
  '405': use('MethodNotAllowed'),
  '421': use('HostNotAllowed'),
  '500': use('ServerError'),
});
