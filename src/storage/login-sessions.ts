/**
 * Login sessions (issue 15): a random 32-byte token goes to the browser, the store keeps only its
 * SHA-256 (user_sessions.token_hash), so a copy of the database opens no session. Every lookup
 * hashes then reads by primary key: the same work whatever the token, known or not.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from './open-store.ts';

/** The user a live session belongs to. */
export interface SessionUser {
  id: number;
  email: string;
  role: 'site' | 'region' | 'national' | 'admin';
  /** The FINESS a site user answers for (empty for other roles). */
  finess: string[];
  /** The INSEE code of a region user's region, else null. */
  region: string | null;
  displayName: string | null;
}

export interface CreateSessionOptions {
  /** How long the session lives, in hours (default 8). */
  ttlHours?: number;
}

/** The SHA-256 of a token as given (its base64url text), as stored in token_hash. */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Opens a session for `userId`, living `ttlHours` (default 8); returns the token (43 base64url
 * characters) that only the caller ever holds.
 *
 * @example
 * const token = await createSession(store, user.id); // set it in an HttpOnly cookie
 */
export async function createSession(
  store: Store,
  userId: number,
  { ttlHours = 8 }: CreateSessionOptions = {},
): Promise<string> {
  if (!Number.isFinite(ttlHours) || ttlHours <= 0)
    throw new RangeError(`ttlHours must be positive, got ${ttlHours}`);
  const token = randomBytes(32).toString('base64url');
  await store.db.query(
    `insert into user_sessions (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3::float8))`,
    [tokenHash(token), userId, ttlHours * 3600],
  );
  return token;
}

/**
 * The user of `token`'s session when it exists, is neither revoked nor expired and its user is not
 * disabled, else null. Marks the session seen (written at most once a minute).
 */
export async function sessionUser(store: Store, token: string): Promise<SessionUser | null> {
  const rows = await store.db.query<{
    id: string;
    email: string;
    role: SessionUser['role'];
    finess: string[];
    region: string | null;
    display_name: string | null;
  }>(
    // Every API request looks its session up: the "seen" mark is written at most once a minute
    // (a data-modifying CTE runs whether or not the select reads its rows), not on every request.
    `with live as (
       select s.token_hash, s.last_seen_at, u.id, u.email, u.role, u.finess, u.region, u.display_name
         from user_sessions s join users u on u.id = s.user_id
        where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now() and u.disabled_at is null),
     seen as (
       update user_sessions s set last_seen_at = now()
         from live where s.token_hash = live.token_hash and live.last_seen_at < now() - interval '1 minute')
     select id::text as id, email, role, finess, region, display_name from live`,
    [tokenHash(token)],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    email: row.email,
    role: row.role,
    finess: row.finess,
    region: row.region,
    displayName: row.display_name,
  };
}

/** Revokes `token`'s session (logout); true when a live session was revoked. */
export async function revokeSession(store: Store, token: string): Promise<boolean> {
  const rows = await store.db.query(
    `update user_sessions set revoked_at = now() where token_hash = $1 and revoked_at is null returning 1 as x`,
    [tokenHash(token)],
  );
  return rows.length > 0;
}

/** Revokes every session of `userId` (password change, account disabled); returns how many. */
export async function revokeUserSessions(store: Store, userId: number): Promise<number> {
  const rows = await store.db.query(
    `update user_sessions set revoked_at = now() where user_id = $1 and revoked_at is null returning 1 as x`,
    [userId],
  );
  return rows.length;
}

/** Deletes the expired sessions (revoked ones too once expired); returns how many. */
export async function purgeExpired(store: Store): Promise<number> {
  const rows = await store.db.query(
    `delete from user_sessions where expires_at <= now() returning 1 as x`,
  );
  return rows.length;
}
