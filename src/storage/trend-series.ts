/**
 * A trend series read from a store (issue 16), for the CLI and the reports: the campaigns the
 * store holds, anchored on one, each loaded as the views load it but without the exam samples
 * (trends read stored figures and peer bands only). The server builds its series from its cache.
 */
import type { CampaignRef } from '../core/views/types.ts';
import { CampaignIndex } from '../core/views/campaign-index.ts';
import { loadSeries, type TrendSeries } from '../core/trends/index.ts';
import { sitePlaces } from '../plan/territories/site-places.ts';
import { loadCampaignData } from './campaign-data.ts';
import type { Store } from './open-store.ts';
import { listCampaigns } from './queries.ts';

/** The stored campaigns that have results, as `seriesIds` takes them. */
export async function storedCampaignRefs(store: Store): Promise<CampaignRef[]> {
  return (await listCampaigns(store))
    .filter((c) => c.hasResults)
    .map((c) => ({ id: c.id, name: c.name, start: c.start, days: c.days, timeZone: c.timeZone }));
}

/** Campaign `campaignId` of the store as a trend reads it (no samples), or null when it is not stored. */
export async function loadTrendIndex(
  store: Store,
  campaignId: string,
): Promise<CampaignIndex | null> {
  const data = await loadCampaignData(store, campaignId, { loadSamples: async () => new Map() });
  return data ? new CampaignIndex({ ...data, places: sitePlaces(data.establishments) }) : null;
}

/**
 * The series of the store's campaigns anchored on `anchorId` (oldest first, the anchor last), or
 * the `chosen` ones of them (the anchor always in); null when the anchor is not stored.
 *
 * @example
 * const series = await loadStoredSeries(store, 'synthetic-7-y3');
 * if (series) machineTrend(series, 'CT-001');
 */
export async function loadStoredSeries(
  store: Store,
  anchorId: string,
  chosen?: readonly string[],
): Promise<TrendSeries | null> {
  return loadSeries(
    await storedCampaignRefs(store),
    anchorId,
    (id) => loadTrendIndex(store, id),
    chosen,
  );
}
