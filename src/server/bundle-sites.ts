/**
 * Sites that came as signed bundles (issue 16) in the routes that need exam rows: a bundle site
 * sent its machines' figures and binned samples, never a session or an exam, so a timeline, a
 * heatmap, a simulation or an on-call/relevance count over it would be empty or wrong. Those
 * routes answer 409 `aggregates-only` for it, or leave it out of a territory and say so.
 */
import type { CampaignIndex } from '../core/views/index.ts';
import type { Kit } from '../core/kit-types.ts';
import { ApiError } from './errors.ts';

/** The error code of a route that needs exam rows asked about a bundle site. */
export const AGGREGATES_ONLY = 'aggregates-only';

/**
 * 409 `aggregates-only`: the site `finess` sent aggregates only (a signed bundle), so there are
 * no exams to `what` ("show", "simulate", …).
 *
 * @example
 * throw aggregatesOnly('750000001', 'show', 'its timeline');
 */
export function aggregatesOnly(finess: string, what: string, detail: string): ApiError {
  return new ApiError(
    409,
    AGGREGATES_ONLY,
    `site ${finess} sent aggregates only (a signed bundle): no exams to ${what} (${detail}); its figures and benchmark are on the machine and establishment views`,
  );
}

/** Throws `aggregatesOnly` when the machine's site `finess` came as a bundle. */
export function refuseBundleSite(
  index: CampaignIndex,
  finess: string | undefined,
  what: string,
  detail: string,
): void {
  if (finess !== undefined && index.isBundleSite(finess))
    throw aggregatesOnly(finess, what, detail);
}

/** The bundle sites a planning document left out, and why (issue 16). */
export interface BundleSitesNote {
  code: 'bundleSitesLeftOut';
  /** The FINESS and names of the sites left out, by FINESS. */
  sites: { finess: string; name: string }[];
  message: string;
}

/**
 * The kit without its bundle sites (their establishments and equipment: they have no exams), and
 * the note saying which were left out (null when none was). `among` restricts the note to the
 * sites a territory holds.
 */
export function withoutBundleSites<K extends Pick<Kit, 'establishments' | 'equipment'>>(
  kit: K,
  index: CampaignIndex,
  among?: ReadonlySet<string>,
): { kit: K; note: BundleSitesNote | null } {
  const left = kit.establishments.filter((e) => index.isBundleSite(e.finess));
  if (left.length === 0) return { kit, note: null };
  const out = index.withoutBundleSites(kit);
  const named = left
    .filter((e) => among === undefined || among.has(e.finess))
    .map((e) => ({ finess: e.finess, name: e.name }))
    .sort((a, b) => (a.finess < b.finess ? -1 : a.finess > b.finess ? 1 : 0));
  return { kit: out, note: named.length === 0 ? null : bundleNote(named) };
}

function bundleNote(sites: { finess: string; name: string }[]): BundleSitesNote {
  return {
    code: 'bundleSitesLeftOut',
    sites,
    message: `${sites.length} site(s) sent aggregates only (a signed bundle) and are left out: no exams to count (${sites.map((s) => s.finess).join(', ')})`,
  };
}
