/**
 * The observatory's user accounts (issue 15, table `users` of migration 0007): add, list,
 * disable, reset a password and check a login. Each change to a user writes an `audit_log` row
 * in the same transaction; no message or audit row ever carries a password.
 */
import { territoryRegion } from '../plan/territories/territory-query.ts';
import type { Queryable } from './db.ts';
import type { Store } from './open-store.ts';
import { randomBytes } from 'node:crypto';
import {
  hashPassword,
  needsRehash,
  SCRYPT_DEFAULTS,
  verifyPassword,
  type ScryptParams,
} from './passwords.ts';

/** The roles a user may have: one or more sites, a region, the nation, or an administrator. */
export const USER_ROLES = ['site', 'region', 'national', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Passwords shorter than this are refused. */
export const MIN_PASSWORD_LENGTH = 12;

/** A user as stored, without its password hash. */
export interface User {
  id: string;
  email: string;
  displayName: string | null;
  role: UserRole;
  finess: string[];
  /** INSEE code of the region (role `region` only). */
  region: string | null;
  createdAt: string;
  passwordChangedAt: string;
  disabledAt: string | null;
}

/** What `addUser` takes. */
export interface NewUser {
  email: string;
  role: string;
  finess?: readonly string[];
  /** An INSEE region code or a region name (current or pre-2016). */
  region?: string | null;
  displayName?: string | null;
  password: string;
}

/** Who makes a change (an administrator logged in), and the hash parameters (tests use cheaper ones). */
export interface UserRepositoryOptions {
  /** The scrypt parameters of new hashes (default SCRYPT_DEFAULTS). */
  scrypt?: ScryptParams;
  /**
   * Who makes the change, for the audit log: an administrator logged in, or at the server's
   * console (`plateau users`) no account (`userId` null) and `console:<system user>`.
   */
  actor?: { userId: string | null; email: string } | null;
}

/** A refused account change, said in plain words (never with the password). */
export class UserAccountError extends Error {
  readonly code: 'invalid' | 'exists' | 'unknown';
  constructor(code: UserAccountError['code'], message: string) {
    super(message);
    this.name = 'UserAccountError';
    this.code = code;
  }
}

type UserRow = {
  id: string;
  email: string;
  display_name: string | null;
  role: UserRole;
  finess: string[];
  region: string | null;
  created_at: string;
  password_changed_at: string;
  disabled_at: string | null;
};

const COLUMNS = `id::text as id, email, display_name, role, finess, region,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  to_char(password_changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as password_changed_at,
  to_char(disabled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as disabled_at`;

function userOf(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    finess: [...row.finess],
    region: row.region,
    createdAt: row.created_at,
    passwordChangedAt: row.password_changed_at,
    disabledAt: row.disabled_at,
  };
}

/** The e-mail as stored: trimmed and lower-cased; refused when it is not an address. */
export function normalizeEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(e))
    throw new UserAccountError('invalid', `'${email.trim()}' is not an e-mail address`);
  return e;
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new UserAccountError(
      'invalid',
      `the password is too short: it needs at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
}

/** The audit row of a change to user `target`, by `actor` (none at the console); never a password. */
async function audit(
  db: Queryable,
  action: string,
  target: string,
  options: UserRepositoryOptions,
  detail: object | null = null,
): Promise<void> {
  await db.query(
    `insert into audit_log (user_id, email, action, target, outcome, detail) values ($1, $2, $3, $4, 'success', $5::jsonb)`,
    [
      options.actor?.userId ?? null,
      options.actor?.email ?? null,
      action,
      target,
      detail === null ? null : JSON.stringify(detail),
    ],
  );
}

/**
 * Adds a user. A `site` user needs at least one 9-digit FINESS, a `region` user a region (code
 * or name), the others neither; the password needs 12 characters.
 *
 * @example
 * await addUser(store, { email: 'ars@ars.example', role: 'region', region: 'Bretagne', password });
 */
export async function addUser(
  store: Store,
  user: NewUser,
  options: UserRepositoryOptions = {},
): Promise<User> {
  const email = normalizeEmail(user.email);
  if (!(USER_ROLES as readonly string[]).includes(user.role)) {
    throw new UserAccountError(
      'invalid',
      `unknown role '${user.role}': the roles are ${USER_ROLES.join(', ')}`,
    );
  }
  const role = user.role as UserRole;
  const finess = (user.finess ?? []).map((f) => f.trim()).filter((f) => f !== '');
  const regionAsked = user.region?.trim() || null;
  if (role === 'site') {
    if (finess.length === 0)
      throw new UserAccountError('invalid', 'a site user needs at least one FINESS (9 digits)');
    const bad = finess.filter((f) => !/^\d{9}$/.test(f) && !/^2[AB]\d{7}$/.test(f));
    if (bad.length > 0)
      throw new UserAccountError('invalid', `not a FINESS (9 digits): ${bad.join(', ')}`);
  } else if (finess.length > 0) {
    throw new UserAccountError('invalid', `only a site user has FINESS; a ${role} user has none`);
  }
  let region: string | null = null;
  if (role === 'region') {
    if (regionAsked === null)
      throw new UserAccountError('invalid', 'a region user needs a region (INSEE code or name)');
    region = territoryRegion(regionAsked);
    if (region === null)
      throw new UserAccountError(
        'invalid',
        `'${regionAsked}' is not a French region (INSEE code or name)`,
      );
  } else if (regionAsked !== null) {
    throw new UserAccountError(
      'invalid',
      `only a region user has a region; a ${role} user has none`,
    );
  }
  checkPassword(user.password);
  const hash = await hashPassword(user.password, options.scrypt);
  return store.db.transaction(async (tx) => {
    const taken = await tx.query(`select 1 from users where email = $1`, [email]);
    if (taken.length > 0) throw new UserAccountError('exists', `a user ${email} already exists`);
    const rows = await tx.query<UserRow>(
      `insert into users (email, display_name, role, finess, region, password_hash) values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
      [email, user.displayName?.trim() || null, role, [...new Set(finess)], region, hash],
    );
    const added = userOf(rows[0] as UserRow);
    await audit(tx, 'user.add', email, options, { role, finess: added.finess, region });
    return added;
  });
}

/** Every user, by e-mail. */
export async function listUsers(store: Store): Promise<User[]> {
  const rows = await store.db.query<UserRow>(`select ${COLUMNS} from users order by email`);
  return rows.map(userOf);
}

async function findId(db: Queryable, email: string): Promise<string> {
  const rows = await db.query<{ id: string }>(`select id::text as id from users where email = $1`, [
    email,
  ]);
  if (rows.length === 0) throw new UserAccountError('unknown', `there is no user ${email}`);
  return (rows[0] as { id: string }).id;
}

/** Disables a user (it can no longer log in) and revokes its sessions. */
export async function disableUser(
  store: Store,
  email: string,
  options: UserRepositoryOptions = {},
): Promise<void> {
  const e = normalizeEmail(email);
  await store.db.transaction(async (tx) => {
    const id = await findId(tx, e);
    await tx.query(`update users set disabled_at = coalesce(disabled_at, now()) where id = $1`, [
      id,
    ]);
    await tx.query(
      `update user_sessions set revoked_at = now() where user_id = $1 and revoked_at is null`,
      [id],
    );
    await audit(tx, 'user.disable', e, options);
  });
}

/** Sets a new password and revokes every open session of the user. */
export async function resetPassword(
  store: Store,
  email: string,
  password: string,
  options: UserRepositoryOptions = {},
): Promise<void> {
  const e = normalizeEmail(email);
  checkPassword(password);
  const hash = await hashPassword(password, options.scrypt);
  await store.db.transaction(async (tx) => {
    const id = await findId(tx, e);
    await tx.query(
      `update users set password_hash = $2, password_changed_at = now() where id = $1`,
      [id, hash],
    );
    await tx.query(
      `update user_sessions set revoked_at = now() where user_id = $1 and revoked_at is null`,
      [id],
    );
    await audit(tx, 'user.reset', e, options);
  });
}

/** A hash no password matches, checked for unknown e-mails so that they take as long as known ones. */
let decoy: Promise<string> | null = null;

/**
 * The user `email` names when `password` is theirs and they are not disabled; otherwise null. An
 * unknown e-mail costs a hash too (no timing tells which addresses exist); a hash made with weaker
 * parameters than the current ones is replaced on a successful login.
 */
export async function verifyLogin(
  store: Store,
  email: string,
  password: string,
  options: UserRepositoryOptions = {},
): Promise<User | null> {
  const e = email.trim().toLowerCase();
  const rows = await store.db.query<UserRow & { password_hash: string }>(
    `select ${COLUMNS}, password_hash from users where email = $1`,
    [e],
  );
  const row = rows[0];
  if (!row) {
    decoy ??= hashPassword(randomBytes(16).toString('hex'), options.scrypt);
    await verifyPassword(password, await decoy);
    return null;
  }
  const ok = await verifyPassword(password, row.password_hash);
  if (!ok || row.disabled_at !== null) return null;
  const current = options.scrypt ?? SCRYPT_DEFAULTS;
  if (needsRehash(row.password_hash, current)) {
    await store.db.query(
      `update users set password_hash = $2 where id = $1 and password_hash = $3`,
      [row.id, await hashPassword(password, current), row.password_hash],
    );
  }
  return userOf(row);
}
