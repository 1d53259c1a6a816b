/**
 * The `campaigns` table: one row per campaign, the parent of every other row (deleting a
 * campaign cascades to all its records and results; renaming one copies them under the new id).
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

/** The instant of campaign `id`'s last change (ISO 8601 UTC, as listings give it), or null when it is not stored. */
export async function readCampaignUpdatedAt(q: Queryable, id: string): Promise<string | null> {
  const [row] = await q.query<{ at: string }>(
    `select to_char(updated_at at time zone 'UTC', ${UTC_ISO}) as at from campaigns where id = $1`,
    [id],
  );
  return row?.at ?? null;
}

/** A stored campaign as the server lists it: `CampaignListing` without the session and machine counts. */
export type CampaignHeader = Omit<CampaignListing, 'equipment' | 'sessions'>;

/**
 * The exams of campaign `c.id` (the rows the querying role sees), from the stored per-machine
 * results rather than by counting `exams` (17 M rows for a national year: seconds): each machine's
 * `exams` (migration 0010) is the count of its exam rows the results were computed from, and a
 * campaign's records and results are written in one transaction. The machines of the sites that
 * came as signed bundles have no exam rows: not counted, as the rows were not. A campaign
 * without results is counted row by row.
 */
const EXAMS_OF_CAMPAIGN = `case when exists (select 1 from machine_results r where r.campaign_id = c.id)
      then (select coalesce(sum(r.exams), 0)::int from machine_results r
        where r.campaign_id = c.id and not exists (select 1 from equipment m
          join bundle_sites b on b.campaign_id = m.campaign_id and b.finess = m.finess
          where m.campaign_id = r.campaign_id and m.equipment_id = r.equipment_id))
      else (select count(*)::int from exams x where x.campaign_id = c.id) end`;

/** A listing's first columns, up to its establishments; then come the counts, then `LAST_COLUMNS`. */
const FIRST_COLUMNS = `${CAMPAIGN_COLUMNS}, c.source,
      to_char(c.imported_at at time zone 'UTC', ${UTC_ISO}) as "importedAt",
      to_char(c.updated_at at time zone 'UTC', ${UTC_ISO}) as "updatedAt",
      (select count(*)::int from establishments e where e.campaign_id = c.id) as establishments`;
const LAST_COLUMNS = `${EXAMS_OF_CAMPAIGN} as exams,
      exists (select 1 from campaign_results r where r.campaign_id = c.id) as "hasResults"`;

/**
 * Every stored campaign with its establishments and exams, by id: what the server lists, read
 * without scanning a campaign's sessions or exams.
 */
export async function readCampaignHeaders(q: Queryable): Promise<CampaignHeader[]> {
  return q.query<CampaignHeader & Record<string, unknown>>(
    `select ${FIRST_COLUMNS}, ${LAST_COLUMNS} from campaigns c order by c.id collate "C"`,
  );
}

/** Every stored campaign with its row counts, by id (its sessions counted row by row). */
export async function readCampaignListings(q: Queryable): Promise<CampaignListing[]> {
  return q.query<CampaignListing & Record<string, unknown>>(`
    select ${FIRST_COLUMNS},
      (select count(*)::int from equipment m where m.campaign_id = c.id) as equipment,
      (select count(*)::int from sessions s where s.campaign_id = c.id) as sessions,
      ${LAST_COLUMNS}
    from campaigns c
    order by c.id collate "C"`);
}

/** How many records of each kit table a stored campaign holds. */
export interface RecordCounts {
  establishments: number;
  equipment: number;
  acts: number;
  survey: number;
  sessions: number;
  exams: number;
}

/** The record counts of campaign `id` (zeros when it is not stored). */
export async function readRecordCounts(q: Queryable, id: string): Promise<RecordCounts> {
  const [row] = await q.query<RecordCounts & Record<string, unknown>>(
    `select
      (select count(*)::int from establishments where campaign_id = $1) as establishments,
      (select count(*)::int from equipment where campaign_id = $1) as equipment,
      (select count(*)::int from acts where campaign_id = $1) as acts,
      (select count(*)::int from survey_answers where campaign_id = $1) as survey,
      (select count(*)::int from sessions where campaign_id = $1) as sessions,
      (select count(*)::int from exams where campaign_id = $1) as exams`,
    [id],
  );
  return {
    establishments: row?.establishments ?? 0,
    equipment: row?.equipment ?? 0,
    acts: row?.acts ?? 0,
    survey: row?.survey ?? 0,
    sessions: row?.sessions ?? 0,
    exams: row?.exams ?? 0,
  };
}

/**
 * The tables holding a campaign's records and issues, parents first: renaming a campaign copies
 * their rows under the new id. Results and samples are not copied: they are recomputed (the
 * campaign's id is part of what they were computed from).
 */
const RECORD_TABLES = [
  'establishments',
  'equipment',
  'acts',
  'survey_answers',
  'sessions',
  'exams',
  'import_issues',
  // After its establishments (its foreign key): the sites that came as signed bundles (issue 16).
  'bundle_sites',
  'register_machines',
  'slots',
  'costs',
  // Not recomputed by a rename (plateau simulate computes them), and the id changes nothing in them.
  'simulation_checks',
] as const;
const RESULT_TABLES = [
  'machine_results',
  'machine_samples',
  'campaign_results',
  'peer_groups',
] as const;

/**
 * Copies campaign `from` with every record and issue under the id `to` (its name, period, source
 * and first import time kept), and its bundle sites' machine figures and samples (they have no
 * records to recompute them from), then deletes `from`: the caller recomputes the results. False when
 * `from` is not stored. Throws when a table with a `campaign_id` column is neither copied nor a
 * result table (a migration added one: it must be listed here).
 */
export async function copyCampaignAs(q: Queryable, from: string, to: string): Promise<boolean> {
  const tables = await q.query<{ table: string; columns: string[] }>(
    `select c.table_name::text as "table",
       array_agg(c.column_name::text order by c.ordinal_position) as columns
     from information_schema.columns c
     where c.table_schema = current_schema() and c.table_name <> 'campaigns'
       and c.is_generated = 'NEVER'
       and exists (select 1 from information_schema.columns k where k.table_schema = c.table_schema
         and k.table_name = c.table_name and k.column_name = 'campaign_id')
     group by c.table_name`,
  );
  const known = new Set<string>([...RECORD_TABLES, ...RESULT_TABLES]);
  const unknown = tables.filter((t) => !known.has(t.table)).map((t) => t.table);
  if (unknown.length > 0) {
    throw new Error(`renaming a campaign does not know the table(s) ${unknown.join(', ')}`);
  }
  const copied = await q.query(
    `insert into campaigns (id, name, start_date, days, time_zone, source, imported_at, updated_at)
     select $2, name, start_date, days, time_zone, source, imported_at, now() from campaigns where id = $1
     returning id`,
    [from, to],
  );
  if (copied.length === 0) return false;
  for (const name of RECORD_TABLES) {
    const columns = tables.find((t) => t.table === name)?.columns ?? [];
    const others = columns.filter((c) => c !== 'campaign_id').map((c) => `"${c}"`);
    await q.query(
      `insert into ${name} (campaign_id, ${others.join(', ')})
       select $2, ${others.join(', ')} from ${name} where campaign_id = $1`,
      [from, to],
    );
  }
  // A bundle site's machine figures and samples are not recomputed from records (it has none): copied.
  for (const name of ['machine_results', 'machine_samples']) {
    const columns = tables.find((t) => t.table === name)?.columns ?? [];
    const others = columns.filter((c) => c !== 'campaign_id').map((c) => `"${c}"`);
    await q.query(
      `insert into ${name} (campaign_id, ${others.join(', ')})
       select $2, ${others.join(', ')} from ${name} r where r.campaign_id = $1 and r.equipment_id in
         (select m.equipment_id from equipment m join bundle_sites b on b.campaign_id = m.campaign_id and b.finess = m.finess
          where m.campaign_id = $1)`,
      [from, to],
    );
  }
  await deleteCampaignRow(q, from);
  return true;
}

/** The FINESS of the campaign's sites that came as signed bundles (issue 16), sorted; empty when none. */
export async function readBundleSites(q: Queryable, campaignId: string): Promise<string[]> {
  const rows = await q.query<{ finess: string }>(
    'select finess from bundle_sites where campaign_id = $1 order by finess collate "C"',
    [campaignId],
  );
  return rows.map((r) => r.finess);
}

/**
 * The signing key and creation instant of the bundle site `finess` of a campaign (issue 16); null
 * when the site did not come as a bundle (or the scope does not see it).
 */
export async function readBundleOrigin(
  q: Queryable,
  campaignId: string,
  finess: string,
): Promise<{ keyId: string; createdAt: string } | null> {
  const [row] = await q.query<{ key_id: string; created_at: string | Date }>(
    'select key_id, created_at from bundle_sites where campaign_id = $1 and finess = $2',
    [campaignId, finess],
  );
  if (!row) return null;
  return { keyId: row.key_id, createdAt: new Date(row.created_at).toISOString() };
}

/** Deletes a campaign and everything stored for it; false when there was none. */
export async function deleteCampaignRow(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query('delete from campaigns where id = $1 returning id', [id]);
  return rows.length > 0;
}
