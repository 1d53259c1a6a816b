/**
 * Row-level security (issue 15): the `plateau_app` and `plateau_aggregator` group roles and their
 * privileges, each site's INSEE region kept on its row (`establishments.insee_region`, filled by
 * a trigger from the same tables `sitePlace` reads), the stored peer groups, and the policies that
 * let a connection see only what its `plateau.*` settings (set per transaction by `scopedStore`)
 * admit. The owner keeps bypassing them (RLS is enabled, not forced): imports run as the owner.
 */
import {
  normalizeDepartmentCode,
  POPULATION,
  regionNames,
} from '../../plan/territories/population.ts';

export const version = 8;
export const name = 'row-security';

const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Every character JavaScript's `trim()` removes, as SQL text (btrim's set). */
const JS_WHITESPACE = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c))
  .filter((c) => c.trim() === '')
  .join('');

/**
 * FINESS's overseas département forms (`9A` → `971`), found by asking `normalizeDepartmentCode`
 * itself about every `9` + letter, so the SQL reads them exactly as the TypeScript does.
 */
const OVERSEAS = Array.from({ length: 26 }, (_, i) => `9${String.fromCharCode(65 + i)}`)
  .map((raw): [string, string | null] => [raw, normalizeDepartmentCode(raw)])
  .filter((pair): pair is [string, string] => pair[1] !== null && pair[1] !== pair[0]);

const values = (rows: readonly (readonly string[])[]): string =>
  `(values ${rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ')})`;

/** `nameKey` (population.ts) in SQL: no accents (NFD, marks dropped), lower case, runs of others one space. */
const NAME_KEY = `btrim(regexp_replace(lower(regexp_replace(normalize(region, NFD),
      '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g')), '[^a-z0-9]+', ' ', 'g'), ' ')`;

/**
 * `sitePlace(e).inseeRegion` in SQL: the region of the département (trimmed, upper-cased, a
 * single digit padded, FINESS overseas forms read), else the region code (trimmed, padded) or
 * name the `region` cell gives; null when neither names one. test/storage/row-security.test.ts
 * checks it against the TypeScript for every département, code and name.
 */
const INSEE_REGION = `
create function plateau_insee_region(department text, region text) returns text
language sql immutable set search_path = pg_catalog as $$
  select coalesce(
    (select d.region
       from ${values(POPULATION.departments.map((d) => [d.code, d.region]))} as d (code, region),
         (select case when v ~ '^[0-9]$' then '0' || v else v end as v
            from (select upper(btrim(department, ${literal(JS_WHITESPACE)})) as v) raw) c
       left join ${values(OVERSEAS)} as o (finess, insee) on o.finess = c.v
      where d.code = coalesce(o.insee, c.v)),
    (select r.code
       from ${values(POPULATION.regions.map((r) => [r.code]))} as r (code),
         (select case when v ~ '^[0-9]$' then '0' || v else v end as v
            from (select btrim(region, ${literal(JS_WHITESPACE)}) as v) raw) c
      where r.code = c.v),
    (select n.code from ${values([...regionNames])} as n (key, code)
      where n.key = ${NAME_KEY}))
$$;`;

/** National and admin scopes see every row (an InitPlan in a policy: evaluated once per statement). */
const ALL = '(select plateau_sees_all())';
/** The one privileged path: `set local role plateau_aggregator` (not a member's inherited rights). */
const AGG = "current_user = 'plateau_aggregator'";
/** Any scope at all (a connection that set none sees nothing). */
const SCOPED = "(select plateau_scope()) in ('national', 'admin', 'region', 'site')";
const VISIBLE_SITES =
  '(campaign_id, finess) in (select e.campaign_id, e.finess from establishments e)';
const VISIBLE_MACHINES =
  '(campaign_id, equipment_id) in (select q.campaign_id, q.equipment_id from equipment q)';
const WRITABLE_MACHINES =
  '(campaign_id, equipment_id) in (select q.campaign_id, q.equipment_id from equipment q where plateau_writes_site(q.finess))';

/** The four policies of a table: who reads, and who writes (insert, update and delete alike). */
function policies(table: string, read: string, write: string | null): string {
  const out = [
    `alter table ${table} enable row level security;`,
    `create policy ${table}_select on ${table} for select using (${read});`,
  ];
  if (write !== null) {
    out.push(
      `create policy ${table}_insert on ${table} for insert with check (${write});`,
      `create policy ${table}_update on ${table} for update using (${write}) with check (${write});`,
      `create policy ${table}_delete on ${table} for delete using (${write});`,
    );
  }
  return out.join('\n');
}

/** Tables holding one site's or one machine's rows (RLS by site), then tables of the campaign. */
const SITE_TABLES = ['establishments', 'equipment', 'survey_answers'] as const;
const MACHINE_TABLES = [
  'sessions',
  'exams',
  'machine_results',
  'machine_samples',
  'costs',
  'slots',
  'simulation_checks',
] as const;
const CAMPAIGN_TABLES = [
  'campaigns',
  'campaign_results',
  'acts',
  'register_machines',
  'reference_figures',
  'peer_groups',
] as const;
const DATA_TABLES = [
  ...SITE_TABLES,
  ...MACHINE_TABLES,
  ...CAMPAIGN_TABLES,
  'import_issues',
] as const;

export const sql = /* sql */ `
-- The group roles (cluster-wide: another database may have made them, or be making them now).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'plateau_aggregator') then
    begin
      create role plateau_aggregator nologin;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'plateau_app') then
    begin
      create role plateau_app nologin;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  if not exists (select 1 from pg_auth_members m
      join pg_roles g on g.oid = m.roleid join pg_roles u on u.oid = m.member
      where g.rolname = 'plateau_aggregator' and u.rolname = 'plateau_app') then
    begin
      grant plateau_aggregator to plateau_app;
    exception when unique_violation then null;
    end;
  end if;
exception when insufficient_privilege then
  raise exception 'plateau needs the group roles plateau_app and plateau_aggregator, and % may not create them', current_user
    using errcode = 'insufficient_privilege',
      hint = 'as a superuser: create role plateau_app nologin; create role plateau_aggregator nologin; '
        || 'grant plateau_aggregator to plateau_app; then run the migration again';
end
$$;

-- Each site's current INSEE region (the region scope's key), derived from its cells.
alter table establishments add column insee_region text;
${INSEE_REGION}
update establishments set insee_region = plateau_insee_region(department, region);
create function establishments_insee_region() returns trigger language plpgsql set search_path from current as $$
begin
  new.insee_region := plateau_insee_region(new.department, new.region);
  return new;
end
$$;
create trigger establishments_insee_region before insert or update on establishments
  for each row execute function establishments_insee_region();

-- The peer groups a scope that cannot see every machine is compared with (StoredPeerGroup).
create table peer_groups (
  campaign_id text not null references campaigns (id) on delete cascade,
  -- JSON [modality, region, legalStatus, typology] (nulls for the fields that do not narrow).
  key text not null check (key <> ''),
  filter jsonb not null,
  n integer not null check (n >= 0),
  -- Sorted values of every ranked figure; null when the group is smaller than MIN_PEERS.
  "values" jsonb,
  primary key (campaign_id, key)
);

-- What the policies read: the plateau.* settings of the transaction (unset or empty: nothing).
create function plateau_scope() returns text language sql stable set search_path = pg_catalog as $$
  select coalesce(current_setting('plateau.scope', true), '')
$$;
create function plateau_sees_all() returns boolean language sql stable set search_path = pg_catalog as $$
  select coalesce(current_setting('plateau.scope', true), '') in ('national', 'admin')
$$;
create function plateau_sees_site(finess text, insee_region text) returns boolean
language sql stable set search_path = pg_catalog as $$
  select coalesce(case coalesce(current_setting('plateau.scope', true), '')
    when 'national' then true
    when 'admin' then true
    when 'region' then insee_region = nullif(current_setting('plateau.region', true), '')
    when 'site' then finess = any (string_to_array(nullif(current_setting('plateau.finess', true), ''), ','))
    else false end, false)
$$;
create function plateau_writes_site(finess text) returns boolean
language sql stable set search_path = pg_catalog as $$
  select coalesce(case coalesce(current_setting('plateau.scope', true), '')
    when 'national' then true
    when 'admin' then true
    when 'site' then finess = any (string_to_array(nullif(current_setting('plateau.finess', true), ''), ','))
    else false end, false)
$$;

${policies('establishments', `${ALL} or ${AGG} or plateau_sees_site(finess, insee_region)`, `${ALL} or plateau_writes_site(finess)`)}
${policies('equipment', `${ALL} or ${AGG} or ${VISIBLE_SITES}`, `${ALL} or plateau_writes_site(finess)`)}
${policies('survey_answers', `${ALL} or ${AGG} or ${VISIBLE_SITES}`, `${ALL} or plateau_writes_site(finess)`)}
${MACHINE_TABLES.map((t) => policies(t, `${ALL} or ${t === 'machine_results' || t === 'machine_samples' ? `${AGG} or ` : ''}${VISIBLE_MACHINES}`, `${ALL} or ${WRITABLE_MACHINES}`)).join('\n')}
-- The aggregator rewrites every machine's percentile ranks and order (src/storage/aggregates.ts).
create policy machine_results_aggregate on machine_results for update using (${AGG}) with check (${AGG});
${policies('import_issues', ALL, ALL)}
${policies('acts', SCOPED, ALL)}
${policies('register_machines', SCOPED, ALL)}
${policies('reference_figures', SCOPED, ALL)}
${policies('campaign_results', `${SCOPED} or ${AGG}`, `${ALL} or ${AGG}`)}
${policies('peer_groups', `${SCOPED} or ${AGG}`, `${ALL} or ${AGG}`)}
alter table campaigns enable row level security;
create policy campaigns_select on campaigns for select using (${SCOPED} or ${AGG});
create policy campaigns_insert on campaigns for insert with check (${ALL});
create policy campaigns_update on campaigns for update
  using (${ALL} or (select plateau_scope()) = 'site') with check (${ALL} or (select plateau_scope()) = 'site');
create policy campaigns_delete on campaigns for delete using (${ALL});
-- A site's import may mark the campaign updated (time, source), never change what it is.
create function campaigns_site_update() returns trigger language plpgsql set search_path = pg_catalog as $$
begin
  if coalesce(current_setting('plateau.scope', true), '') = 'site'
     and (new.id, new.name, new.start_date, new.days, new.time_zone, new.imported_at)
       is distinct from (old.id, old.name, old.start_date, old.days, old.time_zone, old.imported_at) then
    raise exception 'a site may only mark a campaign updated (updated_at, source)' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger campaigns_site_update before update on campaigns
  for each row execute function campaigns_site_update();

-- The audit log: anyone with a connection appends, only an administrator's scope reads.
alter table audit_log enable row level security;
create policy audit_log_insert on audit_log for insert with check (true);
create policy audit_log_select on audit_log for select using ((select plateau_scope()) = 'admin');

-- What the server's login role (a member of plateau_app) may do; the policies narrow it to rows.
do $$
begin
  execute format('grant usage on schema %I to plateau_app, plateau_aggregator', current_schema());
end
$$;
grant select on ${DATA_TABLES.join(', ')}, users, user_sessions, audit_log, schema_migrations to plateau_app;
grant insert, update, delete on ${DATA_TABLES.join(', ')} to plateau_app;
grant insert, update on users to plateau_app;
grant insert, update, delete on user_sessions to plateau_app;
grant insert on audit_log to plateau_app;
grant select on campaigns, establishments, equipment, machine_results, campaign_results, peer_groups to plateau_aggregator;
-- The benchmark pools every machine's exam-level samples; the survey summary spans every site's answers.
grant select on machine_samples, survey_answers to plateau_aggregator;
grant update on machine_results to plateau_aggregator;
grant insert, update, delete on campaign_results, peer_groups to plateau_aggregator;
`;
