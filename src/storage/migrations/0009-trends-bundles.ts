/**
 * Issue 16: machines followed across campaigns, and sites that send signed bundles of aggregates.
 * `equipment.previous_id` is the kit's optional column naming the machine's id in an earlier
 * campaign (renamed, or the machine it replaced). `bundle_keys` holds the sites' Ed25519 public
 * keys (registered by an administrator); `bundle_sites` says which sites of a campaign came as a
 * bundle (their establishment, equipment, machine results and binned samples are stored in the
 * usual tables; they have no sessions or exams).
 */

export const version = 9;
export const name = 'trends-bundles';

/** Same predicates as migration 0008 (functions and settings defined there). */
const ALL = '(select plateau_sees_all())';
const AGG = "current_user = 'plateau_aggregator'";
const VISIBLE_SITES =
  '(campaign_id, finess) in (select e.campaign_id, e.finess from establishments e)';

export const sql = /* sql */ `
alter table equipment add column previous_id text check (previous_id <> '');

create table bundle_keys (
  -- First 16 hex digits of the SHA-256 of the key's SPKI DER encoding.
  key_id text primary key check (key_id ~ '^[0-9a-f]{16}$'),
  finess text not null check (char_length(finess) = 9),
  -- The Ed25519 public key, SPKI PEM.
  public_key text not null,
  label text,
  added_by text not null,
  added_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index bundle_keys_finess on bundle_keys (finess);

create table bundle_sites (
  campaign_id text not null,
  finess text not null,
  key_id text not null references bundle_keys (key_id),
  -- SHA-256 (hex) of the bundle file as received.
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null,
  plateau_version text not null,
  imported_at timestamptz not null default now(),
  primary key (campaign_id, finess),
  foreign key (campaign_id, finess) references establishments (campaign_id, finess) on delete cascade
);

alter table bundle_sites enable row level security;
create policy bundle_sites_select on bundle_sites for select using (${ALL} or ${AGG} or ${VISIBLE_SITES});
create policy bundle_sites_insert on bundle_sites for insert with check (${ALL} or plateau_writes_site(finess));
create policy bundle_sites_update on bundle_sites for update
  using (${ALL} or plateau_writes_site(finess)) with check (${ALL} or plateau_writes_site(finess));
create policy bundle_sites_delete on bundle_sites for delete using (${ALL} or plateau_writes_site(finess));
-- A site reads its own keys (to check a bundle before sending it); only an administrator changes them.
alter table bundle_keys enable row level security;
create policy bundle_keys_select on bundle_keys for select using (${ALL} or plateau_writes_site(finess));
create policy bundle_keys_insert on bundle_keys for insert with check ((select plateau_scope()) = 'admin');
create policy bundle_keys_update on bundle_keys for update
  using ((select plateau_scope()) = 'admin') with check ((select plateau_scope()) = 'admin');
grant select, insert, update, delete on bundle_sites to plateau_app;
grant select, insert, update on bundle_keys to plateau_app;
grant select on bundle_sites to plateau_aggregator;
`;
