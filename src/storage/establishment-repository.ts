/**
 * The `establishments` table (FINESS géographique) of a campaign: upserted by FINESS, a row
 * rewritten only when a field differs.
 */
import type { Establishment, LegalStatus } from '../core/kit-types.ts';
import type { CopyQueryable, UpsertCounts } from './bulk.ts';
import { copyInChunks, countingUpsert, deleteAbsent, upsertInChunks } from './bulk.ts';
import type { Queryable } from './db.ts';

const UPSERT =
  countingUpsert(`insert into establishments (campaign_id, finess, name, legal_status, region, department)
  select $1, u.finess, u.name, u.legal_status, u.region, u.department
  from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
    as u (finess, name, legal_status, region, department)
  on conflict (campaign_id, finess) do update set
    name = excluded.name, legal_status = excluded.legal_status, region = excluded.region, department = excluded.department
  where (establishments.name, establishments.legal_status, establishments.region, establishments.department)
    is distinct from (excluded.name, excluded.legal_status, excluded.region, excluded.department)`);

/** Upserts establishments (unique by FINESS: de-duplicate before calling). */
export function upsertEstablishments(
  q: Queryable,
  campaignId: string,
  rows: readonly Establishment[],
): Promise<UpsertCounts> {
  return upsertInChunks(q, UPSERT, rows, (chunk) => [
    campaignId,
    chunk.map((e) => e.finess),
    chunk.map((e) => e.name),
    chunk.map((e) => e.legalStatus),
    chunk.map((e) => e.region),
    chunk.map((e) => e.department),
  ]);
}

/** Inserts the establishments of a campaign this transaction created, by binary COPY. */
export function copyEstablishments(
  q: CopyQueryable,
  campaignId: string,
  rows: readonly Establishment[],
): Promise<UpsertCounts> {
  return copyInChunks(
    q,
    'establishments',
    ['campaign_id', 'finess', 'name', 'legal_status', 'region', 'department'],
    rows,
    (w, e) => {
      w.repeatedText(campaignId);
      w.text(e.finess);
      w.text(e.name);
      w.repeatedText(e.legalStatus);
      w.repeatedText(e.region);
      w.repeatedText(e.department);
    },
  );
}

/**
 * Deletes the establishments of a campaign that `rows` (just upserted) does not hold, with what
 * hangs off them; returns how many.
 */
export function deleteAbsentEstablishments(
  q: Queryable,
  campaignId: string,
  rows: readonly Establishment[],
): Promise<number> {
  return deleteAbsent(
    q,
    'establishments',
    campaignId,
    [{ name: 'finess', arrayType: 'text[]' }],
    [rows.map((e) => e.finess)],
    rows.length,
  );
}

/** The establishments of a campaign, by FINESS. */
export async function readEstablishments(
  q: Queryable,
  campaignId: string,
): Promise<Establishment[]> {
  const rows = await q.query<{
    finess: string;
    name: string;
    legal_status: LegalStatus;
    region: string;
    department: string | null;
  }>(
    `select finess, name, legal_status, region, department from establishments
     where campaign_id = $1 order by finess collate "C"`,
    [campaignId],
  );
  return rows.map((r) => ({
    finess: r.finess,
    name: r.name,
    legalStatus: r.legal_status,
    region: r.region,
    department: r.department,
  }));
}
