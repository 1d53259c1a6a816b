/**
 * The `acts` table: the CCAM act -> ICR table a campaign's exams are valued with, upserted by
 * code, a row rewritten only when its label or ICR differs.
 */
import type { Act } from '../core/kit-types.ts';
import type { CopyQueryable, UpsertCounts } from './bulk.ts';
import { copyInChunks, countingUpsert, deleteAbsent, upsertInChunks } from './bulk.ts';
import type { Queryable } from './db.ts';

const UPSERT = countingUpsert(`insert into acts (campaign_id, code, label, icr)
  select $1, u.code, u.label, u.icr
  from unnest($2::text[], $3::text[], $4::float8[]) as u (code, label, icr)
  on conflict (campaign_id, code) do update set label = excluded.label, icr = excluded.icr
  where (acts.label, acts.icr) is distinct from (excluded.label, excluded.icr)`);

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
  ]);
}

/** Inserts the acts of a campaign this transaction created, by binary COPY. */
export function copyActs(
  q: CopyQueryable,
  campaignId: string,
  rows: readonly Act[],
): Promise<UpsertCounts> {
  return copyInChunks(q, 'acts', ['campaign_id', 'code', 'label', 'icr'], rows, (w, a) => {
    w.repeatedText(campaignId);
    w.text(a.code);
    w.text(a.label);
    w.float8(a.icr);
  });
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

/** The act table of a campaign, by code. */
export async function readActs(q: Queryable, campaignId: string): Promise<Act[]> {
  return q.query<Act & Record<string, unknown>>(
    `select code, label, icr from acts where campaign_id = $1 order by code collate "C"`,
    [campaignId],
  );
}
