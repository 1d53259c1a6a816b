/**
 * Talking to plateau's HTTP API: JSON in, and every failure turned into an `ApiFailure` that
 * carries the server's `{ error: { code, message } }` (or says the server could not be reached),
 * so that screens show what went wrong instead of a blank.
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
  if (!response.ok) throw await failureOf(response);
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiFailure(response.status, 'bad-json', 'the answer is not JSON');
  }
}
