/**
 * Store-level reads and the one delete, for the CLI, the server and the reports. Results are
 * read as stored: nothing here recomputes an indicator.
 */
import type { CampaignIndicators } from '../core/indicators/types.ts';
import type { Issue } from '../core/issues.ts';
import type { CampaignListing } from './campaign-repository.ts';
import { deleteCampaignRow, readCampaignListings } from './campaign-repository.ts';
import { readIssues } from './issue-repository.ts';
import type { Store } from './open-store.ts';
import { readResults } from './result-repository.ts';

/**
 * The stored results of a campaign, exactly as computed at import, or null when the campaign
 * is not stored.
 *
 * @example
 * const results = await loadResults(store, 'anap-2010');
 * results?.benchmark.CT?.occupancyProgrammed.p50;
 */
export function loadResults(store: Store, campaignId: string): Promise<CampaignIndicators | null> {
  return readResults(store.db, campaignId);
}

/** Every stored campaign, by id, with its row counts. */
export function listCampaigns(store: Store): Promise<CampaignListing[]> {
  return readCampaignListings(store.db);
}

/**
 * Every stored campaign's id and last change (`updated_at`, to the microsecond), by id: a cheap
 * stamp that tells whether a listing computed earlier still holds.
 */
export async function campaignStamps(store: Store): Promise<string> {
  const rows = await store.db.query<{ id: string; at: string }>(
    `select id, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at from campaigns order by id`,
  );
  return rows.map((r) => `${r.id}@${r.at}`).join('|');
}

/** The issues stored with a campaign's imports, each with the source it came from. */
export function loadIssues(
  store: Store,
  campaignId: string,
): Promise<(Issue & { source: string })[]> {
  return readIssues(store.db, campaignId);
}

/** Deletes a campaign with all its records and results; false when it was not stored. */
export function deleteCampaign(store: Store, campaignId: string): Promise<boolean> {
  return store.db.transaction((tx) => deleteCampaignRow(tx, campaignId));
}
