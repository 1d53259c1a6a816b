/**
 * The computed results: one json `MachineIndicators` per machine and the campaign-level part
 * (benchmark, survey, quality, and any other top-level key) with the fingerprint of the input
 * they were computed from. Reading them never recomputes; writing leaves identical rows alone.
 */
import type { CampaignIndicators, MachineIndicators } from '../core/indicators/types.ts';
import type { UpsertCounts } from './bulk.ts';
import { countingUpsert, upsertInChunks } from './bulk.ts';
import type { Queryable } from './db.ts';

const UPSERT_MACHINES =
  countingUpsert(`insert into machine_results (campaign_id, equipment_id, ordinal, indicators)
  select $1, u.equipment_id, u.ordinal, u.indicators::json
  from unnest($2::text[], $3::int4[], $4::text[]) as u (equipment_id, ordinal, indicators)
  on conflict (campaign_id, equipment_id) do update set ordinal = excluded.ordinal, indicators = excluded.indicators
  where (machine_results.ordinal, machine_results.indicators::text) is distinct from (excluded.ordinal, excluded.indicators::text)`);

const UPSERT_CAMPAIGN =
  countingUpsert(`insert into campaign_results (campaign_id, benchmark, survey, quality, other, input_fingerprint)
  values ($1, $2::json, $3::json, $4::json, $5::json, $6)
  on conflict (campaign_id) do update set
    benchmark = excluded.benchmark, survey = excluded.survey, quality = excluded.quality, other = excluded.other,
    input_fingerprint = excluded.input_fingerprint, computed_at = now()
  where (campaign_results.benchmark::text, campaign_results.survey::text, campaign_results.quality::text,
         campaign_results.other::text, campaign_results.input_fingerprint)
    is distinct from (excluded.benchmark::text, excluded.survey::text, excluded.quality::text, excluded.other::text,
         excluded.input_fingerprint)`);

/** What writing results changed: machine rows, and whether the campaign row changed. */
export interface ResultWrite {
  machines: UpsertCounts & { deleted: number };
  campaign: 'inserted' | 'updated' | 'unchanged';
}

/** Stores `results` for `campaignId`, computed from the input whose fingerprint is given. */
export async function saveResults(
  q: Queryable,
  campaignId: string,
  results: CampaignIndicators,
  fingerprint: string,
): Promise<ResultWrite> {
  const { machines, benchmark, survey, quality, ...other } = results;
  const ordered = machines.map((m, ordinal) => ({ m, ordinal }));
  const written = await upsertInChunks(q, UPSERT_MACHINES, ordered, (chunk) => [
    campaignId,
    chunk.map((x) => x.m.equipmentId),
    chunk.map((x) => x.ordinal),
    chunk.map((x) => JSON.stringify(x.m)),
  ]);
  const deleted = await q.query(
    'delete from machine_results where campaign_id = $1 and not (equipment_id = any ($2::text[])) returning equipment_id',
    [campaignId, machines.map((m) => m.equipmentId)],
  );
  const [row] = await q.query<{ inserted: number; updated: number }>(UPSERT_CAMPAIGN, [
    campaignId,
    JSON.stringify(benchmark),
    JSON.stringify(survey),
    JSON.stringify(quality),
    JSON.stringify(other),
    fingerprint,
  ]);
  const campaign = row?.inserted ? 'inserted' : row?.updated ? 'updated' : 'unchanged';
  return { machines: { ...written, deleted: deleted.length }, campaign };
}

/** The fingerprint of the input the stored results were computed from, or null. */
export async function readFingerprint(q: Queryable, campaignId: string): Promise<string | null> {
  const [row] = await q.query<{ input_fingerprint: string }>(
    'select input_fingerprint from campaign_results where campaign_id = $1',
    [campaignId],
  );
  return row?.input_fingerprint ?? null;
}

/** The stored results of a campaign, or null when none are stored. */
export async function readResults(
  q: Queryable,
  campaignId: string,
): Promise<CampaignIndicators | null> {
  const [head] = await q.query<
    Pick<CampaignIndicators, 'benchmark' | 'survey' | 'quality'> & {
      other: Omit<CampaignIndicators, 'machines' | 'benchmark' | 'survey' | 'quality'>;
    }
  >('select benchmark, survey, quality, other from campaign_results where campaign_id = $1', [
    campaignId,
  ]);
  if (!head) return null;
  const rows = await q.query<{ indicators: MachineIndicators }>(
    'select indicators from machine_results where campaign_id = $1 order by ordinal',
    [campaignId],
  );
  const { campaign, ...rest } = head.other;
  return {
    campaign,
    machines: rows.map((r) => r.indicators),
    benchmark: head.benchmark,
    survey: head.survey,
    quality: head.quality,
    ...rest,
  };
}
