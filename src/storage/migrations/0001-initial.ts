/**
 * The first schema: the records of a data kit, the located issues of its import, and the
 * computed results (per machine and campaign-wide, as json: kept as written, keys in the engine's order) with the fingerprint of their input.
 * No column identifies a patient: exams carry only ids local to a machine, times and codes.
 */

export const version = 1;
export const name = 'initial';

export const sql = /* sql */ `
create table campaigns (
  id text primary key check (id <> ''),
  name text not null,
  start_date date not null,
  days integer not null check (days between 1 and 366),
  time_zone text not null check (time_zone <> ''),
  -- Where the last import that changed something came from (a kit folder, a message feed…).
  source text,
  imported_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table establishments (
  campaign_id text not null references campaigns (id) on delete cascade,
  finess text not null check (char_length(finess) = 9),
  name text not null,
  legal_status text not null check (legal_status in
    ('CH', 'CHU', 'CHU_APHP', 'CHU_APHM', 'ESPIC', 'GCS', 'GIE', 'HIA', 'LIBERAL', 'PRIVATE')),
  region text not null,
  department text,
  primary key (campaign_id, finess)
);

create table equipment (
  campaign_id text not null,
  equipment_id text not null check (equipment_id <> ''),
  finess text not null,
  modality text not null check (modality in ('CT', 'MR')),
  label text,
  installed_year integer check (installed_year between 1900 and 2200),
  role text not null default 'general' check (role in ('general', 'emergency', 'interventional', 'research')),
  primary key (campaign_id, equipment_id),
  foreign key (campaign_id, finess) references establishments (campaign_id, finess) on delete cascade
);

-- A vacation is identified by what it is: the same machine, span and type twice is one session.
create table sessions (
  campaign_id text not null,
  equipment_id text not null,
  start_at timestamptz not null,
  end_at timestamptz not null,
  type text not null check (type in ('PUBLIC_SCHEDULED', 'PUBLIC_UNSCHEDULED', 'LIBERAL', 'PRIVATE',
    'OTHER_SPECIALTY', 'EMERGENCY', 'RECONDITIONING', 'BREAKDOWN', 'RESEARCH', 'ON_CALL', 'MAINTENANCE',
    'QUALITY_CONTROL')),
  constraint sessions_span_check check (end_at > start_at),
  primary key (campaign_id, equipment_id, start_at, end_at, type),
  foreign key (campaign_id, equipment_id) references equipment (campaign_id, equipment_id) on delete cascade
);

create table exams (
  campaign_id text not null,
  equipment_id text not null,
  exam_id text not null check (exam_id <> ''),
  category text not null check (category in ('A', 'H', 'R', 'U')),
  room_in timestamptz not null,
  room_out timestamptz not null,
  acts text[] not null default '{}',
  icr double precision check (icr >= 0),
  report_validated_at timestamptz,
  requested_at timestamptz,
  scheduled_minutes double precision check (scheduled_minutes >= 0),
  age_band text check (age_band in ('0-17', '18-64', '65-79', '80+')),
  -- indicators.md: a negative duration, or one over 24 h, is invalid input.
  -- room_out written to the minute may fall seconds before a room_in given to the second
  constraint exams_duration_check check (room_out - room_in > interval '-1 minute' and room_out - room_in <= interval '24 hours'),
  primary key (campaign_id, equipment_id, exam_id),
  foreign key (campaign_id, equipment_id) references equipment (campaign_id, equipment_id) on delete cascade
);

create table acts (
  campaign_id text not null references campaigns (id) on delete cascade,
  code text not null check (code <> ''),
  label text not null,
  icr double precision not null check (icr >= 0),
  primary key (campaign_id, code)
);

create table survey_answers (
  campaign_id text not null,
  finess text not null,
  modality text not null check (modality in ('CT', 'MR')),
  clinical_case text not null check (clinical_case in ('CT_ABDO_PELVIS_70M', 'CT_LUMBAR_50M',
    'CT_BRAIN_80F', 'CT_CHEST_50M', 'CT_TAP_70M', 'MR_BRAIN_60F', 'MR_BRAIN_4F', 'MR_KNEE_35M',
    'MR_SPINE_60M', 'MR_LIVER_50F')),
  patient_type text not null check (patient_type in ('outpatient', 'inpatient')),
  days double precision not null check (days >= 0),
  -- Every case code starts with the modality it is asked of.
  constraint survey_answers_case_modality_check check (left(clinical_case, 3) = modality || '_'),
  primary key (campaign_id, finess, modality, clinical_case, patient_type),
  foreign key (campaign_id, finess) references establishments (campaign_id, finess) on delete cascade
);

-- The issues met while reading and storing the campaign, per source: a new import from the same
-- source replaces them.
create table import_issues (
  campaign_id text not null references campaigns (id) on delete cascade,
  source text not null,
  ordinal integer not null,
  severity text not null check (severity in ('error', 'warning', 'info')),
  code text not null,
  file text not null,
  line integer,
  column_name text,
  message text not null,
  hint text,
  primary key (campaign_id, source, ordinal)
);

-- One machine's MachineIndicators, in the order the engine returned them.
create table machine_results (
  campaign_id text not null,
  equipment_id text not null,
  ordinal integer not null,
  indicators json not null,
  primary key (campaign_id, equipment_id),
  foreign key (campaign_id, equipment_id) references equipment (campaign_id, equipment_id) on delete cascade
);

-- The campaign-level part of CampaignIndicators. \`other\` keeps the remaining top-level keys
-- (\`campaign\` and any key added to the contract later) so that nothing computed is lost.
create table campaign_results (
  campaign_id text primary key references campaigns (id) on delete cascade,
  benchmark json not null,
  survey json not null,
  quality json not null,
  other json not null default '{}',
  -- sha256 of the stored kit the results were computed from.
  input_fingerprint text not null check (input_fingerprint ~ '^[0-9a-f]{64}$'),
  computed_at timestamptz not null default now()
);
`;
