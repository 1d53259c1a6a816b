/**
 * What the capacity simulation needs and keeps (planning.md §1, §3): the machines' booking supply
 * (`slots.csv`, replaced whole by each import, like the register) and the status-quo check of each
 * machine, computed by `plateau simulate --all` and shown on the quality page until the next import.
 */

export const version = 5;
export const name = 'simulation';

export const sql = /* sql */ `
-- One slot per row, in the order of its file (row_no from 1): the same slot may be seen several
-- times (free, then busy) at different observed_at instants.
create table slots (
  campaign_id text not null references campaigns (id) on delete cascade,
  row_no integer not null check (row_no >= 1),
  equipment_id text not null,
  slot_start timestamptz not null,
  slot_end timestamptz not null check (slot_end > slot_start),
  status text not null check (status in ('free', 'busy')),
  observed_at timestamptz not null,
  primary key (campaign_id, row_no)
);
create index slots_equipment on slots (campaign_id, equipment_id, slot_start);

-- The status-quo check of one machine (planning.md §3 rule), as the SimulationReport's statusQuo.
create table simulation_checks (
  campaign_id text not null references campaigns (id) on delete cascade,
  equipment_id text not null,
  reproduces boolean not null,
  -- FailingFigure[] and the whole StatusQuo document (observed, simulated) as JSON.
  failing jsonb not null,
  status_quo jsonb not null,
  replications integer not null check (replications >= 1),
  seed bigint not null,
  computed_at timestamptz not null default now(),
  primary key (campaign_id, equipment_id)
);
`;
