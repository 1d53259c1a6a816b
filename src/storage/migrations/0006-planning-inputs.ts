/**
 * The inputs of the on-call, costs and relevance views (planning.md §1, §4–6): the exams'
 * optional patient key (a keyed hash, for repeats), the user's act family per CCAM code
 * (acts.csv `family`, over the shipped table), and the machines' yearly costs (`costs.csv`,
 * replaced whole by each import, with the set's origin: a site's input or an illustrative set).
 */

export const version = 6;
export const name = 'planning-inputs';

export const sql = /* sql */ `
alter table exams add column patient_key text check (patient_key <> '');

alter table acts add column family text check (family in (
  'head', 'spine', 'thorax', 'breast', 'abdomen-pelvis', 'musculoskeletal', 'vascular',
  'cardiac', 'whole-body', 'interventional', 'other'));

-- One row per machine of costs.csv; origin is the same on every row of a campaign.
create table costs (
  campaign_id text not null,
  equipment_id text not null,
  purchase_price double precision not null check (purchase_price >= 0),
  amortisation_years double precision not null check (amortisation_years > 0),
  maintenance double precision not null check (maintenance >= 0),
  staff double precision not null check (staff >= 0),
  consumables_per_exam double precision not null check (consumables_per_exam >= 0),
  overhead double precision not null check (overhead >= 0),
  origin text not null check (origin in ('input', 'illustrative')),
  primary key (campaign_id, equipment_id),
  foreign key (campaign_id, equipment_id) references equipment (campaign_id, equipment_id) on delete cascade
);
`;
