/**
 * Answers with JSON already serialized (views are memoized as text, so a cached view costs no
 * serialization per request).
 */
import type { Context } from 'hono';

const JSON_TYPE = 'application/json; charset=UTF-8';

/** A 200 answer with the JSON text `text`. */
export function sendJson(c: Context, text: string): Response {
  return c.body(text, 200, { 'content-type': JSON_TYPE });
}
