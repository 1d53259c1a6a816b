/**
 * Trends across campaigns (issue 16). A series is one `CampaignIndex` per campaign, oldest first,
 * the last being the campaign the user is on (`seriesIds` chooses them); the builders follow a
 * machine back through `equipment_id` and `previous_id`, and read each campaign's stored figures
 * and peer bands. A partial index (a site's or a region's scope) gives what that scope sees.
 */
import type { CampaignIndex } from '../views/campaign-index.ts';
import type { CampaignRef } from '../views/types.ts';

export type * from './types.ts';
export { LEAD_WORTH_HOURS, NOTABLE_RANK_MOVE, NOTABLE_RELATIVE_CHANGE } from './types.ts';

/** The campaigns of a trend, oldest first: the last is the campaign the trend is asked on. */
export type TrendSeries = readonly CampaignIndex[];

/**
 * The ids of the series anchored on `anchorId`: every campaign of `campaigns` that starts before
 * it (by start date, then id), or, when `chosen` is given, those of them (the anchor always
 * included, last). Null when the anchor is not among `campaigns`.
 *
 * @example
 * seriesIds(await cache.list(scope), 'synthetic-2010-2012'); // ['synthetic-2010', 'synthetic-2010-2011', 'synthetic-2010-2012']
 */
export function seriesIds(
  campaigns: readonly CampaignRef[],
  anchorId: string,
  chosen?: readonly string[],
): string[] | null {
  const anchor = campaigns.find((c) => c.id === anchorId);
  if (!anchor) return null;
  const wanted = chosen ? new Set([...chosen, anchorId]) : null;
  return campaigns
    .filter(
      (c) => c.id === anchorId || ((wanted === null || wanted.has(c.id)) && c.start < anchor.start),
    )
    .sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    )
    .map((c) => c.id);
}

/**
 * The series anchored on `anchorId`, loaded: `list` gives the campaigns the caller may see,
 * `load` one campaign's index (as the caller's scope sees it; the server's cache, or
 * `loadCampaignData` in the CLI and reports). A campaign that fails to load is left out. Null when
 * the anchor is not listed or does not load.
 *
 * @example
 * const series = await loadSeries(await cache.list(scope), id, async (c) => (await cache.get(c, scope))?.index ?? null);
 */
export async function loadSeries(
  campaigns: readonly CampaignRef[],
  anchorId: string,
  load: (campaignId: string) => Promise<CampaignIndex | null>,
  chosen?: readonly string[],
): Promise<TrendSeries | null> {
  const ids = seriesIds(campaigns, anchorId, chosen);
  if (!ids) return null;
  const out: CampaignIndex[] = [];
  for (const id of ids) {
    const index = await load(id);
    if (index) out.push(index);
    else if (id === anchorId) return null;
  }
  return out;
}

export { groupTrend, machineTrend, siteTrend } from './build.ts';
