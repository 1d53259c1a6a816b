/**
 * The HTTP layer's access checks (issue 15), the second line behind row-level security: which
 * scopes a route admits, whether a scope may see a site, and the audit of what users read,
 * export, import and change. In local mode (embedded store, no login) every check passes and
 * nothing is audited: there is no user to name.
 */
import type { Context } from 'hono';
import type { AccessScope } from '../../core/access.ts';
import type { AuditOutcome } from '../../storage/index.ts';
import { audit } from '../../storage/index.ts';
import { forbidden } from '../errors.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { scopeOf } from '../server-context.ts';

/** The kinds of scope a route may admit; `admin` is a national scope with `admin: true`. */
export type ScopeKind = 'local' | 'site' | 'region' | 'national' | 'admin';

/** The kind of a scope, `admin` told apart from `national`. */
export function scopeKind(scope: AccessScope): ScopeKind {
  return scope.kind === 'national' && scope.admin ? 'admin' : scope.kind;
}

/**
 * Refuses (403 `forbidden`) a request whose scope is not one of `kinds`; `local` always passes.
 * Audits the refusal as `action` (outcome `denied`).
 *
 * @example
 * await requireScope(ctx, c, ['national', 'admin'], 'export.national');
 */
export async function requireScope(
  ctx: ServerContext,
  c: Context<AppEnv>,
  kinds: readonly ScopeKind[],
  action: string,
  target: string | null = null,
): Promise<AccessScope> {
  const scope = scopeOf(c);
  const kind = scopeKind(scope);
  if (kind === 'local' || kinds.includes(kind)) return scope;
  await auditEvent(ctx, c, { action, target, outcome: 'denied', detail: { scope: kind } });
  throw forbidden(`a ${kind} user may not do this (${action}): it is for ${kinds.filter((k) => k !== 'local').join(', ')} users`);
}

/** What `auditEvent` appends. */
export interface AuditEvent {
  action: string;
  target?: string | null;
  outcome: AuditOutcome;
  detail?: Record<string, unknown> | null;
}

/**
 * Appends an audit row naming the request's user (accounts mode only; nothing in local mode).
 * Writes through the store itself: the audit table takes inserts from every role.
 */
export async function auditEvent(ctx: ServerContext, c: Context<AppEnv>, event: AuditEvent): Promise<void> {
  if (ctx.mode === 'local') return;
  const user = c.get('user');
  await audit(ctx.store, {
    userId: user?.id ?? null,
    email: user?.email ?? null,
    action: event.action,
    target: event.target ?? null,
    outcome: event.outcome,
    detail: event.detail ?? null,
  });
}
