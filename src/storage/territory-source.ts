/**
 * A stored campaign as the territorial figures read it (`TerritorySource`): its loaded data (the
 * `CampaignData` a report or the server already holds) plus what only the territories need —
 * the register, the on-call and emergency sessions, and the published figures (shipped, with the
 * ones loaded from OECD exports over them). Thin: every read is a repository's.
 */
import type { CampaignData } from '../core/views/campaign-index.ts';
import { mergeReferences, SHIPPED_REFERENCES } from '../plan/territories/references.ts';
import type { TerritorySource } from '../plan/territories/territory-query.ts';
import type { ReferenceFigure } from '../plan/territories/types.ts';
import type { Store } from './open-store.ts';
import { loadedReferences } from './reference-repository.ts';
import { loadRegister } from './register-repository.ts';
import { loadUnscheduledSessions } from './territory-queries.ts';

/**
 * The territory source of a stored campaign whose data is already loaded.
 *
 * @example
 * const data = await loadCampaignData(store, id);
 * const doc = territoriesOf(await loadTerritorySource(store, id, data));
 */
export async function loadTerritorySource(
  store: Store,
  campaignId: string,
  data: CampaignData,
  /** The figures loaded from OECD exports, when the caller has just read them (else read here). */
  loadedFigures?: readonly ReferenceFigure[],
): Promise<TerritorySource> {
  const [register, sessions, loaded] = await Promise.all([
    loadRegister(store.db, campaignId),
    loadUnscheduledSessions(store, campaignId),
    loadedFigures ?? loadedReferences(store),
  ]);
  return {
    campaign: data.results.campaign,
    establishments: data.establishments,
    machines: data.results.machines,
    samples: data.samples,
    sessions,
    register,
    equipment: data.equipment,
    survey: data.survey,
    references: mergeReferences(SHIPPED_REFERENCES, loaded),
  };
}
