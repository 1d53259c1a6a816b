/**
 * The HTTP layer's access checks (issue 15), the second line behind row-level security: which
 * scopes a route admits, whether a scope may see a site, and the audit of what users read,
 * export, import and change. In local mode (embedded store, no login) every check passes and
 * nothing is audited: there is no user to name.
 */
import type { Context } from 'hono';
import type { AccessScope } from '../../core/access.ts';
import { seesEverything } from '../../core/access.ts';
import type { AuditOutcome, SessionUser } from '../../storage/index.ts';
import { audit } from '../../storage/index.ts';
import { forbidden } from '../errors.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { scopeOf } from '../server-context.ts';

/**
 * TEST ONLY: the request scopes whose HTTP checks are switched off (`AppOptions.unsafeSkipHttpChecks`,
 * which no CLI flag reaches): every check of this module admits them, so that a test can show
 * row-level security alone keeps another site's rows out. Empty in the product.
 */
const UNCHECKED = new WeakSet<AccessScope>();

/**
 * TEST ONLY, never in the product: switches off every HTTP check of this module for the request
 * scope `scope` (requireScope, coversSite, coversRegion, maySeeSite, maySeeMachine admit it).
 * Called by the app for each request when `AppOptions.unsafeSkipHttpChecks` is true.
 */
export function unsafeSkipHttpChecksFor(scope: AccessScope): void {
  UNCHECKED.add(scope);
}

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
  if (kind === 'local' || kinds.includes(kind) || UNCHECKED.has(scope)) return scope;
  await auditEvent(ctx, c, { action, target, outcome: 'denied', detail: { scope: kind } });
  throw forbidden(
    `a ${kind} user may not do this (${action}): it is for ${kinds.filter((k) => k !== 'local').join(', ')} users`,
  );
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
export async function auditEvent(
  ctx: ServerContext,
  c: Context<AppEnv>,
  event: AuditEvent,
): Promise<void> {
  if (ctx.mode === 'local') return;
  await auditAs(ctx, (c.get('user') as SessionUser | null | undefined) ?? null, event);
}

/** The INSEE place of a campaign's sites, by FINESS (a campaign index's `places`). */
export type SitePlacesOf = ReadonlyMap<string, { inseeRegion: string | null }>;

/**
 * True when `scope` may see the site `finess`: every site for local and national scopes, the
 * site's own FINESS for a site scope, a site whose INSEE region (from `places`, as the import
 * fills `establishments.insee_region`) is the scope's for a region scope. Mirrors the policies.
 */
export function coversSite(scope: AccessScope, finess: string, places: SitePlacesOf): boolean {
  if (UNCHECKED.has(scope)) return true;
  switch (scope.kind) {
    case 'local':
    case 'national':
      return true;
    case 'site':
      return scope.finess.includes(finess);
    case 'region':
      return (places.get(finess)?.inseeRegion ?? null) === scope.region;
  }
}

/** True when `scope` may see the INSEE region `inseeRegion` as a whole (local, national, or its own region). */
export function coversRegion(scope: AccessScope, inseeRegion: string | null): boolean {
  if (UNCHECKED.has(scope)) return true;
  if (scope.kind === 'local' || scope.kind === 'national') return true;
  return scope.kind === 'region' && inseeRegion !== null && inseeRegion === scope.region;
}

/**
 * True when the request's scope may see the site `finess`; otherwise audits `action` on it as
 * `denied` and answers false, for the route to give the 404 it gives an unknown site (a foreign
 * site is not told apart from an unknown one).
 */
export async function maySeeSite(
  ctx: ServerContext,
  c: Context<AppEnv>,
  places: SitePlacesOf,
  finess: string,
  action: string,
  campaignId: string,
): Promise<boolean> {
  if (coversSite(scopeOf(c), finess, places)) return true;
  await auditEvent(ctx, c, {
    action,
    target: finess,
    outcome: 'denied',
    detail: { campaign: campaignId, scope: scopeKind(scopeOf(c)) },
  });
  return false;
}

/**
 * True when the request's scope may see the machine `equipmentId` (through its site, `finess`
 * of its equipment row, undefined when unknown); otherwise audits `action` as `denied` and
 * answers false. An unknown machine is not audited for a scope that sees everything (nothing was
 * refused), and audited for one that does not (a foreign machine looks unknown to it).
 */
export async function maySeeMachine(
  ctx: ServerContext,
  c: Context<AppEnv>,
  places: SitePlacesOf,
  equipmentId: string,
  finess: string | undefined,
  action: string,
  campaignId: string,
): Promise<boolean> {
  const scope = scopeOf(c);
  if (
    finess === undefined
      ? seesEverything(scope) || UNCHECKED.has(scope)
      : coversSite(scope, finess, places)
  )
    return true;
  await auditEvent(ctx, c, {
    action,
    target: equipmentId,
    outcome: 'denied',
    detail: { campaign: campaignId, scope: scopeKind(scope) },
  });
  return false;
}

/** Appends a `success` audit row for `action` on `target` (accounts mode only). */
export function auditSuccess(
  ctx: ServerContext,
  c: Context<AppEnv>,
  action: string,
  target: string | null,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  return auditEvent(ctx, c, { action, target, outcome: 'success', detail });
}

/**
 * Appends an audit row naming `user`, for what ends after its request did (an upload's import):
 * the request's context is gone by then. Nothing in local mode.
 */
export async function auditAs(
  ctx: ServerContext,
  user: { id: number; email: string } | null,
  event: AuditEvent,
): Promise<void> {
  if (ctx.mode === 'local') return;
  await audit(ctx.store, {
    userId: user?.id ?? null,
    email: user?.email ?? null,
    action: event.action,
    target: event.target ?? null,
    outcome: event.outcome,
    detail: event.detail ?? null,
  });
}
