/**
 * The HTTP layer's one error type: a status, a stable code and a message for the client. Route
 * code throws it; the app's error handler turns it (and Hono's own HTTP errors) into
 * `{ error: { code, message } }`, and anything else into a plain 500 without a stack.
 */
import type { ApiError as ApiErrorBody } from '../core/views/types.ts';

export type ApiStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 429 | 500 | 503;

/** A failure the client is told about as is. */
export class ApiError extends Error {
  readonly status: ApiStatus;
  readonly code: string;

  constructor(status: ApiStatus, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** 400 `bad-request`: a parameter the client can fix (the message says which, and what is allowed). */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'bad-request', message);
}

/** 404 `not-found`: an unknown campaign, establishment, machine, upload or route. */
export function notFound(message: string): ApiError {
  return new ApiError(404, 'not-found', message);
}

/** 413 `payload-too-large`. */
export function tooLarge(message: string): ApiError {
  return new ApiError(413, 'payload-too-large', message);
}

/** The JSON body of an error answer. */
export function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** 401 `login-required`: the route needs a logged-in user (accounts mode). */
export function loginRequired(
  message = 'log in first: POST /api/session with {"email","password"}',
): ApiError {
  return new ApiError(401, 'login-required', message);
}

/** 403 `forbidden`: the user's role or scope does not allow this. */
export function forbidden(message: string): ApiError {
  return new ApiError(403, 'forbidden', message);
}
