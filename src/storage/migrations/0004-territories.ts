/**
 * What the territorial figures need beyond the campaign (planning.md §1): the whole fleet of a
 * campaign's territory (its equipment register, declared, replaced whole by each import), and
 * the reference figures a user loaded from an OECD export (the shipped ones live in the code).
 */

export const version = 4;
export const name = 'territories';

export const sql = /* sql */ `
-- One machine of the fleet per row, in the order of its file (row_no from 1): a register has no
-- natural key (a site may hold several CT of one model), so an import replaces it whole.
create table register_machines (
  campaign_id text not null references campaigns (id) on delete cascade,
  row_no integer not null check (row_no >= 1),
  finess text not null check (char_length(finess) = 9),
  department text not null check (department <> ''),
  modality text not null check (modality in ('CT', 'MR')),
  sector text check (sector in ('hospital', 'private_practice')),
  authorisation_id text,
  authorised_on date,
  in_service_on date,
  installed_year integer check (installed_year between 1900 and 2200),
  field_tesla double precision check (field_tesla > 0),
  equipment_id text,
  origin text not null check (origin in ('register', 'finess', 'campaign')),
  primary key (campaign_id, row_no)
);
-- A campaign machine is named by one row at most.
create unique index register_machines_equipment on register_machines (campaign_id, equipment_id)
  where equipment_id is not null;

-- Published figures loaded from an OECD Data Explorer export; a later load of the same figure
-- (measure, modality, sector, area, year) replaces it.
create table reference_figures (
  measure text not null check (measure <> ''),
  modality text not null check (modality in ('CT', 'MR')),
  sector text not null default '' check (sector in ('', 'hospital', 'private_practice')),
  area text not null check (area <> ''),
  year integer not null check (year between 1900 and 2200),
  value double precision not null,
  source text not null,
  note text,
  loaded_from text not null,
  loaded_at timestamptz not null default now(),
  primary key (measure, modality, sector, area, year)
);
`;
