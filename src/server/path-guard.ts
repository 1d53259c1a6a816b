/**
 * A request path no route can mean is answered 400 before any route runs: a segment that is not
 * valid percent-encoded UTF-8, that holds control characters once decoded (a NUL reached the
 * database as a 500 with its stack in the log), or that is longer than any identifier plateau
 * stores. The message says what is wrong without quoting the path.
 */
import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors.ts';

/** Longest path segment, once decoded (campaign ids, FINESS, equipment ids are far shorter). */
export const MAX_PATH_SEGMENT = 256;
/** Longest raw path. */
export const MAX_PATH = 2048;

/** Why `pathname` (raw, percent-encoded) is refused, or null when every segment is fine. */
export function badPath(pathname: string): string | null {
  if (pathname.length > MAX_PATH) return `the path is longer than ${MAX_PATH} characters`;
  const segments = pathname.split('/');
  for (let i = 0; i < segments.length; i++) {
    const raw = segments[i] ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return `path segment ${i} is not valid percent-encoded UTF-8`;
    }
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    if (/[\u0000-\u001f\u007f-\u009f]/.test(decoded))
      return `path segment ${i} holds control characters`;
    if (decoded.length > MAX_PATH_SEGMENT)
      return `path segment ${i} is longer than ${MAX_PATH_SEGMENT} characters`;
  }
  return null;
}

/**
 * The guard: 400 `bad-path` for a path `badPath` refuses.
 *
 * @example
 * app.use('*', pathGuard()); // GET /api/campaigns/%00 → 400
 */
export function pathGuard(): MiddlewareHandler {
  return async (c, next) => {
    const why = badPath(new URL(c.req.url).pathname);
    if (why)
      return c.json(
        errorBody(
          'bad-path',
          `${why}: no route takes such a path (GET /api/openapi.json lists them)`,
        ),
        400,
      );
    await next();
  };
}
