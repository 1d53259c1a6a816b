/**
 * The exam-level samples behind each machine's figures (durations per category, report and
 * appointment delays), so that a benchmark of any peer group of a stored campaign pools the
 * right exams without recomputing. One compact binary value per machine (see
 * sample-repository.ts), written with the results.
 */

export const version = 2;
export const name = 'machine-samples';

export const sql = /* sql */ `
-- One machine's MachineSamples, encoded by sample-repository.ts (header, then float64 values).
create table machine_samples (
  campaign_id text not null,
  equipment_id text not null,
  samples bytea not null,
  primary key (campaign_id, equipment_id),
  foreign key (campaign_id, equipment_id) references equipment (campaign_id, equipment_id) on delete cascade
);
-- Kept uncompressed (still out of line when large): compressing about 6 MB of float64 for the
-- national campaign took PGlite 0.3 to 0.8 s of a 4 s import; read back faster too.
alter table machine_samples alter column samples set storage external;
`;
