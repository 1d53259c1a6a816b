/**
 * The small JSON bodies of the accounts routes, read at the edge: at most `maxBytes`, an object,
 * else a 400 that never quotes the body (it may hold a password).
 */
import type { Context } from 'hono';
import { ApiError, badRequest } from '../errors.ts';

/** Largest body a login or an account change may send. */
export const MAX_ACCOUNT_BODY = 16 * 1024;

/** The request's JSON object body; a 400 (413 past `maxBytes`) that does not quote it otherwise. */
export async function readJsonObject(
  c: Context,
  what: string,
  maxBytes = MAX_ACCOUNT_BODY,
): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw badRequest(`${what} takes a JSON body (Content-Type: application/json)`);
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > maxBytes)
    throw new ApiError(
      413,
      'payload-too-large',
      `${what}: the body may not exceed ${maxBytes} bytes`,
    );
  const body = c.req.raw.body;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new ApiError(
          413,
          'payload-too-large',
          `${what}: the body may not exceed ${maxBytes} bytes`,
        );
      }
      chunks.push(value);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw badRequest(`${what}: the body is not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw badRequest(`${what}: the body must be a JSON object`);
  return parsed as Record<string, unknown>;
}

/** A string field of `body`, or a 400 naming the field (never its value). */
export function stringField(body: Record<string, unknown>, name: string, what: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '')
    throw badRequest(`${what}: "${name}" must be a non-empty string`);
  return value;
}

/** An optional string field (absent or null → undefined), or a 400 naming the field. */
export function optionalString(
  body: Record<string, unknown>,
  name: string,
  what: string,
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${what}: "${name}" must be a string`);
  return value;
}

/** Refuses (400) fields other than `allowed`, naming them (never their values). */
export function onlyFields(
  body: Record<string, unknown>,
  allowed: readonly string[],
  what: string,
): void {
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length > 0)
    throw badRequest(
      `${what}: unknown field ${extra.map((k) => `"${k.slice(0, 40)}"`).join(', ')} (it takes ${allowed.join(', ')})`,
    );
}
