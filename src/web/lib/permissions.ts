/**
 * What the logged-in user's role lets the app offer (issue 15): links and buttons a role cannot
 * use are hidden, and a site user opening a campaign lands on its establishment. The server
 * refuses anyway (design15.md's route table); this only spares the reader dead ends. `null` is
 * the embedded single-user store: everything but the accounts' administration.
 */
import { regionCodeOf } from '../../plan/territories/population.ts';
import type { SessionInfo } from './session.ts';
import { paths } from './paths.ts';

/** Things a role may or may not do, each a route of the API. */
export type Capability =
  /** The campaign's import issues (`…/quality`). */
  | 'quality'
  /** The national synthesis PDF. */
  | 'nationalPdf'
  /** Sending a kit (`POST /api/uploads`). */
  | 'upload'
  /** Nights and teleradiology (`…/oncall`). */
  | 'oncall'
  /** Accounts and the audit log (`/api/admin/*`). */
  | 'admin';

/**
 * Whether `user` may use `what`.
 *
 * @example
 * can({ role: 'region', … }, 'upload'); // false
 * can(null, 'upload'); // true (the embedded store)
 */
export function can(user: Pick<SessionInfo, 'role'> | null, what: Capability): boolean {
  if (user === null) return what !== 'admin';
  const role = user.role;
  switch (what) {
    case 'quality':
    case 'nationalPdf':
      return role === 'national' || role === 'admin';
    case 'upload':
      return role !== 'region';
    case 'oncall':
      return role !== 'site';
    case 'admin':
      return role === 'admin';
  }
}

/**
 * Whether `user` may download the synthesis of region `region` (its name, as the region page's
 * address holds it, or its INSEE code): everyone nationally, a region user its own region only.
 */
export function canRegionPdf(
  user: Pick<SessionInfo, 'role' | 'region' | 'regionName'> | null,
  region: string,
): boolean {
  if (user === null || user.role === 'national' || user.role === 'admin') return true;
  if (user.role !== 'region' || user.region === null) return false;
  if (user.regionName !== null && user.regionName === region) return true;
  return regionCodeOf(region) === user.region || region === user.region;
}

/**
 * Where a campaign opens for `user`: a site user's first establishment, else null (the
 * campaign's own page).
 */
export function campaignLanding(
  user: Pick<SessionInfo, 'role' | 'finess'> | null,
  campaignId: string,
): string | null {
  const first = user?.role === 'site' ? user.finess[0] : undefined;
  return first ? paths.establishment(campaignId, first) : null;
}
