/**
 * The shapes of the accounts API (issue 15): the session answers of `/api/session` and the
 * administrator's `/api/admin/*` answers, shared by the server and the web app. No hash, token
 * or password ever appears in them; `csrf` is the value the `X-CSRF-Token` header must carry.
 */
import type { AccessRole } from '../access.ts';

/** The logged-in user as the web app shows it. */
export interface SessionInfo {
  id: number;
  email: string;
  displayName: string | null;
  role: AccessRole;
  /** A site user's FINESS (empty for the other roles). */
  finess: string[];
  /** A region user's INSEE region code, else null. */
  region: string | null;
  /** The region's name (`Bretagne`), else null. */
  regionName: string | null;
}

/** `POST /api/session` → 200. */
export interface LoginAnswer {
  user: SessionInfo;
  /** The value of the `X-CSRF-Token` header every POST/PUT/PATCH/DELETE must carry. */
  csrf: string;
}

/** `GET /api/session` → 200: no login in local mode; the user and CSRF value in accounts mode. */
export type SessionState =
  { mode: 'local' } | { mode: 'accounts'; user: SessionInfo; csrf: string };

/** A user account as the administrator sees it (never its password hash). */
export interface AdminUser extends SessionInfo {
  createdAt: string;
  passwordChangedAt: string;
  /** When the account was disabled (it can no longer log in), else null. */
  disabledAt: string | null;
}

/** `GET /api/admin/users` → 200, by e-mail. */
export interface AdminUserList {
  users: AdminUser[];
}

/** `POST /api/admin/users`, `…/disable`, `…/reset` → the account after the change. */
export interface AdminUserAnswer {
  user: AdminUser;
}

/** A row of the audit log, times in ISO 8601 UTC. */
export interface AuditLogEntry {
  id: number;
  at: string;
  userId: number | null;
  email: string | null;
  action: string;
  target: string | null;
  outcome: 'success' | 'failure' | 'denied';
  detail: Record<string, unknown> | null;
}

/** `GET /api/admin/audit` → 200, newest first. */
export interface AuditLogAnswer {
  entries: AuditLogEntry[];
}
