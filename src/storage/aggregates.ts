/**
 * The campaign's aggregates after a site's import (issue 15): the one privileged path. A site user
 * stores its own machines' figures but cannot see its peers, so what spans every machine — each
 * machine's percentile ranks and order, the benchmark per modality (pooled over every machine's
 * samples), the campaign's data quality and survey summary, and the stored peer groups — is
 * recomputed here, from the stored machine results alone, in a transaction that switches to the
 * `plateau_aggregator` role (`set local role`): row-level security gives that role exactly the rows
 * it reads and writes. The embedded store (PGlite, owner) runs it without the switch.
 */
import { createHash } from 'node:crypto';
import type { MachineResult, MachineSamples } from '../core/indicators/index.ts';
import { assembleCampaign } from '../core/indicators/index.ts';
import type { CampaignIndicators, MachineIndicators } from '../core/indicators/types.ts';
import type { SurveyAnswer } from '../core/kit-types.ts';
import { CampaignIndex } from '../core/views/campaign-index.ts';
import { storedPeerGroups } from '../core/views/peer-groups.ts';
import { countingUpsert } from './bulk.ts';
import type { Queryable } from './db.ts';
import { readEquipment } from './equipment-repository.ts';
import { readEstablishments } from './establishment-repository.ts';
import type { Store } from './open-store.ts';
import { writePeerGroups } from './peer-groups.ts';
import { readSamples } from './sample-repository.ts';
import { readSurvey } from './survey-repository.ts';

/** The role `refreshAggregates` switches to on PostgreSQL (created by migration 0008). */
export const AGGREGATOR_ROLE = 'plateau_aggregator';

export interface RefreshOptions {
  /**
   * `aggregator` (default on PostgreSQL): `set local role plateau_aggregator` first; `owner`
   * (always on PGlite): run as the connection's role, which owns the tables.
   */
  role?: 'aggregator' | 'owner';
}

/** What a refresh wrote. */
export interface AggregateRefresh {
  campaignId: string;
  /** The machines read (every stored machine result of the campaign). */
  machines: number;
  /** Machine rows whose percentile ranks or order changed. */
  machinesUpdated: number;
  /** `recomputed` from the stored answers, or `kept` when the role may not read them. */
  survey: 'recomputed' | 'kept';
  /** The peer groups stored (every group `storedPeerGroups` gives). */
  peerGroups: number;
}

const UPDATE_MACHINES = `update machine_results r set ordinal = u.ordinal, indicators = u.indicators::json
  from unnest($2::text[], $3::int4[], $4::text[]) as u (equipment_id, ordinal, indicators)
  where r.campaign_id = $1 and r.equipment_id = u.equipment_id
    and (r.ordinal, r.indicators::text) is distinct from (u.ordinal, u.indicators)
  returning r.equipment_id`;

const UPSERT_CAMPAIGN =
  countingUpsert(`insert into campaign_results (campaign_id, benchmark, survey, quality, other, input_fingerprint)
  values ($1, $2::json, $3::json, $4::json, $5::json, $6)
  on conflict (campaign_id) do update set
    benchmark = excluded.benchmark, survey = excluded.survey, quality = excluded.quality, other = excluded.other,
    input_fingerprint = excluded.input_fingerprint, computed_at = now()`);

const NO_SAMPLES: MachineSamples = {
  durationMinutes: {},
  reportDelayMinutes: {},
  appointmentDelayDays: {},
};

/** Code-unit order, as `collate "C"` sorts the ASCII ids a full import orders machines by. */
const byId = (a: MachineIndicators, b: MachineIndicators): number =>
  a.equipmentId < b.equipmentId ? -1 : a.equipmentId > b.equipmentId ? 1 : 0;

/** The stored survey answers, or null when this role may not read them (42501, in a savepoint). */
async function readSurveyIfAllowed(
  tx: Queryable,
  campaignId: string,
): Promise<SurveyAnswer[] | null> {
  await tx.query('savepoint plateau_aggregate_survey');
  try {
    const answers = await readSurvey(tx, campaignId);
    await tx.query('release savepoint plateau_aggregate_survey');
    return answers;
  } catch (error) {
    if ((error as { code?: unknown }).code !== '42501') throw error;
    await tx.query('rollback to savepoint plateau_aggregate_survey');
    return null;
  }
}

/**
 * Recomputes and stores the aggregates of `campaignId` from its stored machine results and
 * samples: every machine's percentile ranks among its modality and its order (by equipment id, as
 * a full import stores them), the benchmark, the data quality, the survey summary and the peer
 * groups — what `computeCampaignDetailed` would give over the same machines. Null when the campaign
 * has no stored results. Pass the store itself (not a scoped view): the role switch is what grants.
 *
 * @example
 * await importSiteKit(scopedStore(store, scope), kit, scope.finess);
 * await refreshAggregates(store, kit.campaign.id);
 */
export async function refreshAggregates(
  store: Store,
  campaignId: string,
  options: RefreshOptions = {},
): Promise<AggregateRefresh | null> {
  const role = store.engine === 'pglite' ? 'owner' : (options.role ?? 'aggregator');
  return store.db.transaction((tx) => refreshAggregatesIn(tx, campaignId, { role }));
}

/**
 * `refreshAggregates` inside the caller's transaction `tx` (an import that must store its rows and
 * the aggregates including them at once, issue 16): same work, same lock (taken again: held
 * already by an import of the campaign). `role` defaults to `owner` here (no switch): pass
 * `aggregator` (PostgreSQL only) when `tx` runs under a site's scope, which may not read its peers;
 * the caller's role is restored afterwards.
 *
 * @example
 * await store.db.transaction(async (tx) => { …write a bundle site…; await refreshAggregatesIn(tx, id); });
 */
export async function refreshAggregatesIn(
  tx: Queryable,
  campaignId: string,
  options: RefreshOptions = {},
): Promise<AggregateRefresh | null> {
  const role = options.role ?? 'owner';
  if (role === 'aggregator') await tx.exec(`set local role ${AGGREGATOR_ROLE}`);
  try {
    return await refreshWith(tx, campaignId);
  } finally {
    // Back to the caller's role for what the transaction does next (a no-op at its end).
    if (role === 'aggregator') await tx.exec('set local role none');
  }
}

/** The refresh's work, as whatever role `tx` runs as. */
async function refreshWith(tx: Queryable, campaignId: string): Promise<AggregateRefresh | null> {
  // The imports' lock: an import committed meanwhile is read whole, never overwritten by older aggregates.
  await tx.query('select 1 from pg_advisory_xact_lock(hashtext($1))', [
    `plateau:campaign:${campaignId}`,
  ]);
  const [head] = await tx.query<{
    survey: CampaignIndicators['survey'];
    other: { campaign?: CampaignIndicators['campaign'] };
  }>('select survey, other from campaign_results where campaign_id = $1', [campaignId]);
  if (!head?.other.campaign) return null;
  const rows = await tx.query<{ indicators: MachineIndicators }>(
    'select indicators from machine_results where campaign_id = $1',
    [campaignId],
  );
  const machines = rows.map((r) => r.indicators).sort(byId);
  const samples = await readSamples(tx, campaignId);
  const survey = await readSurveyIfAllowed(tx, campaignId);
  const results: MachineResult[] = machines.map((indicators) => ({
    indicators,
    samples: samples.get(indicators.equipmentId) ?? NO_SAMPLES,
  }));
  const { indicators } = assembleCampaign(
    { campaign: head.other.campaign, survey: survey ?? [] },
    results,
  );
  const { machines: ranked, benchmark, quality, ...other } = indicators;
  const machineTexts = ranked.map((m) => JSON.stringify(m));
  const updated = await tx.query(UPDATE_MACHINES, [
    campaignId,
    ranked.map((m) => m.equipmentId),
    ranked.map((_, i) => i),
    machineTexts,
  ]);
  const surveyDoc = survey === null ? head.survey : indicators.survey;
  const { survey: _survey, ...rest } = other;
  // The input fingerprint names the stored records the results come from: the aggregator cannot
  // read them all, so it names the machine results and survey these aggregates were computed from.
  const fingerprint = createHash('sha256')
    .update('plateau-aggregates-v1\n')
    .update(machineTexts.join('\n'))
    .update(JSON.stringify(surveyDoc))
    .digest('hex');
  await tx.query(UPSERT_CAMPAIGN, [
    campaignId,
    JSON.stringify(benchmark),
    JSON.stringify(surveyDoc),
    JSON.stringify(quality),
    JSON.stringify(rest),
    fingerprint,
  ]);
  // The peer groups, as the full import stores them (import-kit.ts computeAndSave).
  const index = new CampaignIndex({
    results: { ...indicators, survey: surveyDoc },
    samples: new Map(),
    establishments: await readEstablishments(tx, campaignId),
    equipment: await readEquipment(tx, campaignId),
    survey: survey ?? [],
    updatedAt: '',
  });
  const groups = storedPeerGroups(index);
  await writePeerGroups(tx, campaignId, groups);
  return {
    campaignId,
    machines: ranked.length,
    machinesUpdated: updated.length,
    survey: survey === null ? 'kept' : 'recomputed',
    peerGroups: groups.length,
  };
}
