/**
 * A stored campaign read whole for the views and the reports: its results, the machines'
 * exam samples and its directory (establishments, machines, survey). The server's cache and
 * the `report` command read it the same way. Read through a scoped store (issue 15), it is what
 * the scope's rows hold; with `loadPeers`, the stored peer groups come with it and the index built
 * from it is partial (peers only as stored aggregates). The sites that came as signed bundles
 * (issue 16) are named in `bundleSites`.
 */
import type { StoredPeerGroup } from '../core/access.ts';
import type { MachineSamples } from '../core/indicators/index.ts';
import type { CampaignData } from '../core/views/campaign-index.ts';
import type { Store } from './open-store.ts';
import { readBundleSites, readCampaignUpdatedAt } from './campaign-repository.ts';
import { loadResults } from './queries.ts';
import { loadSamples } from './sample-repository.ts';
import { loadEquipment, loadEstablishments, loadSurvey } from './view-queries.ts';

/** Options of `loadCampaignData`. */
export interface LoadCampaignDataOptions {
  /** Reads the per-machine samples (default: the stored ones, `loadSamples`). */
  loadSamples?: (store: Store, campaignId: string) => Promise<Map<string, MachineSamples>>;
  /**
   * Reads the campaign's stored peer groups, for a scope that does not see every machine (site,
   * region): given, the data carries them (`peers`) and the index built from it is partial.
   */
  loadPeers?: (store: Store, campaignId: string) => Promise<readonly StoredPeerGroup[]>;
}

/**
 * Everything a `CampaignIndex` is built from, or null when the campaign is not stored or has
 * no results.
 *
 * @example
 * const data = await loadCampaignData(store, 'synthetic-2010');
 * if (data) siteFiche(new CampaignIndex(data), '590780193', 'fr');
 */
export async function loadCampaignData(
  store: Store,
  campaignId: string,
  options: LoadCampaignDataOptions = {},
): Promise<CampaignData | null> {
  const results = await loadResults(store, campaignId);
  if (!results) return null;
  // Only the instant of its last change: a listing would count every exam of every campaign.
  const updatedAt = await readCampaignUpdatedAt(store.db, campaignId);
  if (updatedAt === null) return null;
  const establishments = await loadEstablishments(store, campaignId);
  const equipment = await loadEquipment(store, campaignId);
  const survey = await loadSurvey(store, campaignId);
  const samples = await (options.loadSamples ?? loadSamples)(store, campaignId);
  const data: CampaignData = { results, samples, establishments, equipment, survey, updatedAt };
  if (options.loadPeers) data.peers = await options.loadPeers(store, campaignId);
  // The sites that came as signed bundles (issue 16), those the scope sees; absent when none.
  const bundleSites = await readBundleSites(store.db, campaignId);
  if (bundleSites.length > 0) data.bundleSites = new Set(bundleSites);
  return data;
}
