/**
 * The `campaigns` table: one row per campaign, the parent of every other row (deleting a
 * campaign cascades to all its records and results).
 */
import type { Campaign } from '../core/kit-types.ts';
import { countingUpsert } from './bulk.ts';
import type { Queryable } from './db.ts';

/** A stored campaign as listed to users. Times are ISO 8601 UTC strings. */
export interface CampaignListing extends Campaign {
  source: string | null;
  importedAt: string;
  updatedAt: string;
  establishments: number;
  equipment: number;
  sessions: number;
  exams: number;
  /** True when results are stored (they always are after a successful import). */
  hasResults: boolean;
}

/** Inserts the campaign, or updates it when a field differs. */
export async function upsertCampaign(
  q: Queryable,
  c: Campaign,
  source: string,
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const sql = countingUpsert(`insert into campaigns (id, name, start_date, days, time_zone, source)
    values ($1, $2, $3::date, $4, $5, $6)
    on conflict (id) do update set
      name = excluded.name, start_date = excluded.start_date, days = excluded.days, time_zone = excluded.time_zone
    where (campaigns.name, campaigns.start_date, campaigns.days, campaigns.time_zone)
      is distinct from (excluded.name, excluded.start_date, excluded.days, excluded.time_zone)`);
  const [row] = await q.query<{ inserted: number; updated: number }>(sql, [
    c.id,
    c.name,
    c.start,
    c.days,
    c.timeZone,
    source,
  ]);
  if (row?.inserted) return 'inserted';
  return row?.updated ? 'updated' : 'unchanged';
}

/** Records that an import from `source` changed the campaign. */
export async function touchCampaign(q: Queryable, id: string, source: string): Promise<void> {
  await q.query('update campaigns set updated_at = now(), source = $2 where id = $1', [id, source]);
}

const CAMPAIGN_COLUMNS = `id, name, to_char(start_date, 'YYYY-MM-DD') as start, days, time_zone as "timeZone"`;

/** The campaign `id`, or null when it is not stored. */
export async function readCampaign(q: Queryable, id: string): Promise<Campaign | null> {
  const [row] = await q.query<Campaign & Record<string, unknown>>(
    `select ${CAMPAIGN_COLUMNS} from campaigns where id = $1`,
    [id],
  );
  return row
    ? { id: row.id, name: row.name, start: row.start, days: row.days, timeZone: row.timeZone }
    : null;
}

const UTC_ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** Every stored campaign with its row counts, by id. */
export async function readCampaignListings(q: Queryable): Promise<CampaignListing[]> {
  return q.query<CampaignListing & Record<string, unknown>>(`
    select ${CAMPAIGN_COLUMNS}, c.source,
      to_char(c.imported_at at time zone 'UTC', ${UTC_ISO}) as "importedAt",
      to_char(c.updated_at at time zone 'UTC', ${UTC_ISO}) as "updatedAt",
      (select count(*)::int from establishments e where e.campaign_id = c.id) as establishments,
      (select count(*)::int from equipment m where m.campaign_id = c.id) as equipment,
      (select count(*)::int from sessions s where s.campaign_id = c.id) as sessions,
      (select count(*)::int from exams x where x.campaign_id = c.id) as exams,
      exists (select 1 from campaign_results r where r.campaign_id = c.id) as "hasResults"
    from campaigns c
    order by c.id collate "C"`);
}

/** Deletes a campaign and everything stored for it; false when there was none. */
export async function deleteCampaignRow(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query('delete from campaigns where id = $1 returning id', [id]);
  return rows.length > 0;
}
