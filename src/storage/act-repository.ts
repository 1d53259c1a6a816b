/**
 * The `acts` table: the CCAM act -> ICR table a campaign's exams are valued with, upserted by
 * code, a row rewritten only when its label or ICR differs.
 */
import type { Act } from '../core/kit-types.ts';
import type { CopyQueryable, UpsertCounts } from './bulk.ts';
import { copyInChunks, countingUpsert, deleteAbsent, upsertInChunks } from './bulk.ts';
import type { Queryable } from './db.ts';

const UPSERT = countingUpsert(`insert into acts (campaign_id, code, label, icr, family)
  select $1, u.code, u.label, u.icr, u.family
  from unnest($2::text[], $3::text[], $4::float8[], $5::text[]) as u (code, label, icr, family)
  on conflict (campaign_id, code) do update set label = excluded.label, icr = excluded.icr, family = excluded.family
  where (acts.label, acts.icr, acts.family) is distinct from (excluded.label, excluded.icr, excluded.family)`);

/** Upserts acts (unique by code: de-duplicate before calling). */
export function upsertActs(
  q: Queryable,
  campaignId: string,
  rows: readonly Act[],
): Promise<UpsertCounts> {
  return upsertInChunks(q, UPSERT, rows, (chunk) => [
    campaignId,
    chunk.map((a) => a.code),
    chunk.map((a) => a.label),
    chunk.map((a) => a.icr),
    chunk.map((a) => a.family ?? null),
  ]);
}

/** Inserts the acts of a campaign this transaction created, by binary COPY. */
export function copyActs(
  q: CopyQueryable,
  campaignId: string,
  rows: readonly Act[],
): Promise<UpsertCounts> {
  return copyInChunks(
    q,
    'acts',
    ['campaign_id', 'code', 'label', 'icr', 'family'],
    rows,
    (w, a) => {
      w.repeatedText(campaignId);
      w.text(a.code);
      w.text(a.label);
      w.float8(a.icr);
      w.repeatedText(a.family);
    },
  );
}

/** Deletes the acts of a campaign that `rows` (just upserted) does not hold; returns how many. */
export function deleteAbsentActs(
  q: Queryable,
  campaignId: string,
  rows: readonly Act[],
): Promise<number> {
  return deleteAbsent(
    q,
    'acts',
    campaignId,
    [{ name: 'code', arrayType: 'text[]' }],
    [rows.map((a) => a.code)],
    rows.length,
  );
}

/** The act table of a campaign, by code (`family` only on the acts that have one). */
export async function readActs(q: Queryable, campaignId: string): Promise<Act[]> {
  const rows = await q.query<{ code: string; label: string; icr: number; family: Act['family'] }>(
    `select code, label, icr, family from acts where campaign_id = $1 order by code collate "C"`,
    [campaignId],
  );
  return rows.map(({ code, label, icr, family }) =>
    family == null ? { code, label, icr } : { code, label, icr, family },
  );
}
