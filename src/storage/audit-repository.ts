/**
 * The audit log (issue 15): one appended row per login, read, export or account change, with
 * who, what, on what and how it ended. The table refuses update and delete (migration 0007); this
 * module refuses a detail that names a password, secret or token, so none can be written there.
 */
import type { Store } from './open-store.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** What is appended. `action` is e.g. 'login', 'logout', 'read.site', 'export', 'user.create'. */
export interface AuditEntry {
  userId?: number | null;
  /** The e-mail as it was at the time (kept when the user is gone). */
  email?: string | null;
  action: string;
  target?: string | null;
  outcome: AuditOutcome;
  /** Extra facts, stored as JSON; no key may look like a password, secret or token. */
  detail?: Record<string, unknown> | null;
}

/** A row of the log, times in ISO 8601 UTC. */
export interface AuditRecord {
  id: number;
  at: string;
  userId: number | null;
  email: string | null;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  detail: Record<string, unknown> | null;
}

export interface ReadAuditOptions {
  /** Only rows at or after this instant. */
  since?: Date;
  /** At most this many rows (default 100). */
  limit?: number;
  /** Only rows of this action (`login`, `user.add`…). */
  action?: string;
}

const SECRET_KEY = /pass(word|wd|phrase)|^pass$|pwd|secret|token|credential/i;

/** The first key, at any depth, whose name looks like a secret's, or null. */
function secretKey(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = secretKey(v);
      if (found !== null) return found;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) return key;
    const found = secretKey(v);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Appends `entry` to the audit log. Throws (writing nothing) when `detail` has a key named like a
 * password, secret or token.
 *
 * @example
 * await audit(store, { userId: user.id, email: user.email, action: 'login', outcome: 'success' });
 */
export async function audit(store: Store, entry: AuditEntry): Promise<void> {
  const detail = entry.detail ?? null;
  const key = secretKey(detail);
  if (key !== null)
    throw new TypeError(
      `audit detail may not hold '${key}': no password, secret or token is ever logged`,
    );
  await store.db.query(
    `insert into audit_log (user_id, email, action, target, outcome, detail) values ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      entry.userId ?? null,
      entry.email ?? null,
      entry.action,
      entry.target ?? null,
      entry.outcome,
      detail === null ? null : JSON.stringify(detail),
    ],
  );
}

/** The log, newest first: rows since `since` (default all), of `action` (default any), at most `limit` (default 100). */
export async function readAudit(
  store: Store,
  { since, limit = 100, action }: ReadAuditOptions = {},
): Promise<AuditRecord[]> {
  const rows = await store.db.query<{
    id: string;
    at: string;
    user_id: string | null;
    email: string | null;
    action: string;
    target: string | null;
    outcome: AuditOutcome;
    detail: Record<string, unknown> | null;
  }>(
    `select id::text as id,
            to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
            user_id::text as user_id, email, action, target, outcome, detail::json as detail
       from audit_log
      where ($1::timestamptz is null or at >= $1::timestamptz)
        and ($3::text is null or action = $3::text)
      order by at desc, id desc
      limit $2`,
    [since ? since.toISOString() : null, Math.max(0, Math.floor(limit)), action ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    userId: r.user_id === null ? null : Number(r.user_id),
    email: r.email,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    detail: r.detail,
  }));
}
