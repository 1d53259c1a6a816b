/**
 * The files and columns of a data kit (`shared/spec/data-kit.md`), in one place so that the
 * reader and the writer cannot drift apart. Column order here is the order the writer uses;
 * the reader accepts any order.
 */

/** A CSV file of the kit: its name, whether it must be present, and its columns. */
export interface KitFileSpec {
  name: string;
  required: boolean;
  columns: readonly { name: string; required: boolean }[];
}

const cols = (required: string[], optional: string[] = []): KitFileSpec['columns'] => [
  ...required.map((name) => ({ name, required: true })),
  ...optional.map((name) => ({ name, required: false })),
];

export const CAMPAIGN_FILE = 'campaign.json';

export const ESTABLISHMENTS_FILE: KitFileSpec = {
  name: 'establishments.csv',
  required: true,
  columns: cols(['finess', 'name', 'legal_status', 'region'], ['department']),
};

export const EQUIPMENT_FILE: KitFileSpec = {
  name: 'equipment.csv',
  required: true,
  columns: cols(
    ['equipment_id', 'finess', 'modality'],
    ['label', 'installed_year', 'role', 'previous_id'],
  ),
};

export const SESSIONS_FILE: KitFileSpec = {
  name: 'sessions.csv',
  required: true,
  columns: cols(['equipment_id', 'start', 'end', 'type']),
};

export const EXAMS_FILE: KitFileSpec = {
  name: 'exams.csv',
  required: true,
  columns: cols(
    ['exam_id', 'equipment_id', 'category', 'room_in', 'room_out'],
    [
      'acts',
      'icr',
      'report_validated_at',
      'requested_at',
      'scheduled_minutes',
      'age_band',
      'patient_key',
    ],
  ),
};

export const ACTS_FILE: KitFileSpec = {
  name: 'acts.csv',
  required: false,
  columns: cols(['code', 'icr'], ['label', 'family']),
};

export const SURVEY_FILE: KitFileSpec = {
  name: 'appointment-survey.csv',
  required: false,
  columns: cols(['finess', 'modality', 'case', 'patient', 'days']),
};

/** The CSV files in the order they are read (later files refer to earlier ones). */
export const KIT_CSV_FILES: readonly KitFileSpec[] = [
  ESTABLISHMENTS_FILE,
  EQUIPMENT_FILE,
  SESSIONS_FILE,
  EXAMS_FILE,
  ACTS_FILE,
  SURVEY_FILE,
];

/**
 * `equipment-register.csv` (planning.md §1): the whole fleet of the campaign's territory,
 * declared, not measured. Optional; read after the campaign's files so that `equipment_id` can
 * be checked against equipment.csv.
 */
export const REGISTER_FILE: KitFileSpec = {
  name: 'equipment-register.csv',
  required: false,
  columns: cols(
    ['finess', 'department', 'modality', 'sector'],
    [
      'authorisation_id',
      'authorised_on',
      'in_service_on',
      'installed_year',
      'field_tesla',
      'equipment_id',
    ],
  ),
};

/**
 * `slots.csv` (planning.md §1): the machines' booking supply, each slot's status as the scheduler
 * showed it at `observed_at` (FHIR Slot, HL7 SIU or a scheduler export). Optional; read after
 * equipment.csv so that `equipment_id` can be checked.
 */
export const SLOTS_FILE: KitFileSpec = {
  name: 'slots.csv',
  required: false,
  columns: cols(['equipment_id', 'start', 'end', 'status', 'observed_at']),
};

/**
 * Every CSV file a kit folder may hold, in the order the reader reads them: the campaign's files
 * (KIT_CSV_FILES, which are also the sheets of the workbook template), then the inputs beyond
 * the campaign (the equipment register, the booking slots).
 */
export const KIT_READ_FILES: readonly KitFileSpec[] = [...KIT_CSV_FILES, REGISTER_FILE, SLOTS_FILE];

/**
 * Column order the writer uses for `acts.csv` (`code,label,icr`, as in data-kit.md), then
 * `family` when an act has one.
 */
export const ACTS_WRITE_ORDER = ['code', 'label', 'icr'] as const;

/**
 * `costs.csv` (planning.md §1): the machines' yearly costs, read with `readCostsCsv`
 * (ingest/costs) once equipment.csv is read; `origin` (`input` or `illustrative`) is optional.
 */
export const COSTS_FILE_NAME = 'costs.csv';

/** Separator between CCAM codes in the `acts` cell of `exams.csv`. */
export const ACT_SEPARATOR = '|';
