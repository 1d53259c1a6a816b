/**
 * Who is using the app (issue 15). On start the app asks `GET /api/session`: the embedded store
 * answers `{ mode: 'local' }` (no login, everything as before); a PostgreSQL server answers the
 * logged-in user and the CSRF token, or 401 (the login page). One small external store, read with
 * `useSyncExternalStore`; any later 401 of the API puts it back to the login page, keeping the
 * address, which the app shows again once logged in.
 */
import type {
  LoginAnswer,
  SessionInfo,
  SessionState as SessionState200,
} from '../../core/views/account-types.ts';
import { ApiFailure, failureOf, getJson, onUnauthorized, sendJson, setCsrfToken } from './api.ts';
import { forget } from './answer-cache.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/translate.ts';

export type { SessionInfo };

/** What `GET /api/session` answers with 200. */
export type SessionAnswer = SessionState200;

/** Where the app stands about its user. */
export type SessionState =
  /** `GET /api/session` not answered yet. */
  | { status: 'checking' }
  /** The embedded single-user store: no login. */
  | { status: 'local' }
  /** Logged in. */
  | { status: 'accounts'; user: SessionInfo; csrf: string }
  /** The login page; `expired` when a session ended under the reader's feet. */
  | { status: 'login'; expired: boolean }
  /** The server could not say (unreachable, 5xx). */
  | { status: 'error'; error: ApiFailure };

/** The API's session route. */
export const SESSION_PATH = '/api/session';

let state: SessionState = { status: 'checking' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  setCsrfToken(next.status === 'accounts' ? next.csrf : null);
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the session state changes; returns the unsubscription. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session state now (outside React). */
export function sessionState(): SessionState {
  return state;
}

onUnauthorized(() => {
  // A session that ended (expired, revoked, logged out elsewhere): nothing cached under it is
  // shown again, and the login page comes back over the same address.
  if (state.status === 'accounts' || state.status === 'checking') {
    forget();
    set({ status: 'login', expired: state.status === 'accounts' });
  }
});

/**
 * Asks the server who is logged in. A server without the route (404: before issue 15) is the
 * embedded store.
 */
export async function checkSession(): Promise<void> {
  try {
    const answer = await getJson<SessionAnswer>(SESSION_PATH);
    if (answer.mode === 'accounts')
      set({ status: 'accounts', user: answer.user, csrf: answer.csrf });
    else set({ status: 'local' });
  } catch (error) {
    const failure =
      error instanceof ApiFailure ? error : new ApiFailure(0, 'unknown', String(error));
    if (failure.status === 401) set({ status: 'login', expired: false });
    else if (failure.status === 404) set({ status: 'local' });
    else set({ status: 'error', error: failure });
  }
}

/** How a login attempt ended when it did not succeed. */
export type LoginRefusal =
  | { kind: 'bad-credentials' }
  /** Too many attempts: wait `retryAfter` seconds (null: the server did not say). */
  | { kind: 'too-many'; retryAfter: number | null }
  | { kind: 'failure'; error: ApiFailure };

/** Seconds to wait from a `Retry-After` header (seconds, or an HTTP date), or null. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * "45 s" or "15 min" (rounded up): how long to wait before trying again.
 *
 * @example
 * waitText(900, 'fr'); // "15 min"
 */
export function waitText(seconds: number, lang: Lang): string {
  if (seconds < 60) return t(lang, 'auth.web.wait.seconds', { seconds });
  return t(lang, 'auth.web.wait.minutes', { minutes: Math.ceil(seconds / 60) });
}

/**
 * Logs in with `POST /api/session`; on success the session state holds the user (and the
 * cached answers of any earlier user are forgotten). Resolves with null on success, else why not.
 */
export async function logIn(email: string, password: string): Promise<LoginRefusal | null> {
  let response: Response;
  try {
    response = await fetch(SESSION_PATH, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch (error) {
    return {
      kind: 'failure',
      error: new ApiFailure(0, 'network', error instanceof Error ? error.message : String(error)),
    };
  }
  if (response.status === 401) return { kind: 'bad-credentials' };
  if (response.status === 429)
    return { kind: 'too-many', retryAfter: retryAfterSeconds(response.headers.get('retry-after')) };
  if (!response.ok) return { kind: 'failure', error: await failureOf(response) };
  try {
    const body = (await response.json()) as LoginAnswer;
    forget();
    set({ status: 'accounts', user: body.user, csrf: body.csrf });
    return null;
  } catch {
    return {
      kind: 'failure',
      error: new ApiFailure(response.status, 'bad-json', 'the answer is not JSON'),
    };
  }
}

/**
 * Logs out (`DELETE /api/session` with the CSRF token); whatever the answer, the app forgets the
 * user and shows the login page.
 */
export async function logOut(): Promise<void> {
  try {
    await sendJson('DELETE', SESSION_PATH);
  } catch {
    // Already logged out on the server (expired, revoked): the page still leaves.
  }
  forget();
  set({ status: 'login', expired: false });
}
