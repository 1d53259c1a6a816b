/**
 * Talking to plateau's HTTP API: JSON in, and every failure turned into an `ApiFailure` that
 * carries the server's `{ error: { code, message } }` (or says the server could not be reached),
 * so that screens show what went wrong instead of a blank. In accounts mode (issue 15) every
 * state-changing request carries the session's `X-CSRF-Token`, and a 401 from any route but
 * `/api/session` tells the session state that the login has expired (see session.ts).
 */
import type { ApiError } from '../../core/views/types.ts';

/** A request that did not give the expected answer. `status` 0 means no answer at all. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
  }
}

/** The header that carries the CSRF token. */
export const CSRF_HEADER = 'X-CSRF-Token';

let csrfToken: string | null = null;
let unauthorized: (() => void) | null = null;

/** Sets (or clears, with null) the CSRF token sent with every POST/PUT/PATCH/DELETE. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header to add to a state-changing request (none in local mode). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { [CSRF_HEADER]: csrfToken } : {};
}

/** Registers what to do when the API answers 401 (the session state goes back to the login page). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorized = handler;
}

/**
 * Tells the session that `path` answered `status`: a 401 from any route but the session's own
 * means the login expired or was revoked.
 */
export function noticeStatus(path: string, status: number): void {
  if (status === 401 && !path.startsWith('/api/session')) unauthorized?.();
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * The failure an unsuccessful response stands for: the API's own code and message when its
 * body is an `ApiError`, else `http-<status>` with the status text.
 */
export async function failureOf(response: Response): Promise<ApiFailure> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (isApiError(body))
      return new ApiFailure(response.status, String(body.error.code), body.error.message);
  } catch {
    // Not JSON (a proxy's error page): fall through to the status line.
  }
  return new ApiFailure(
    response.status,
    `http-${response.status}`,
    response.statusText || text.slice(0, 200),
  );
}

/**
 * GETs `path` and parses its JSON.
 *
 * @throws ApiFailure with code `network` when the server cannot be reached, or the API's code.
 */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { accept: 'application/json' },
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    noticeStatus(path, response.status);
    throw await failureOf(response);
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiFailure(response.status, 'bad-json', 'the answer is not JSON');
  }
}

/**
 * Sends `method path` with a JSON body (or none) and the CSRF header; resolves with the
 * answer's JSON, or null for an empty answer (204).
 *
 * @throws ApiFailure with code `network` when the server cannot be reached, or the API's code.
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...csrfHeaders(),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiFailure(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    noticeStatus(path, response.status);
    throw await failureOf(response);
  }
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiFailure(response.status, 'bad-json', 'the answer is not JSON');
  }
}
