/**
 * The canonical records of a campaign (the data kit of `shared/spec/data-kit.md`), once parsed.
 * Every source (CSV kit, HL7 v2, FHIR, DICOM, spreadsheets) is turned into these same types;
 * instants are UTC epoch milliseconds, wall-clock only lives at the edges (see calendar.ts).
 */
import type { ActFamily } from './act-families.ts';

export const MODALITIES = ['CT', 'MR'] as const;
/** `CT` (scanner) or `MR` (IRM). */
export type Modality = (typeof MODALITIES)[number];

export const CATEGORIES = ['A', 'H', 'R', 'U'] as const;
/** Patient category: Ambulatoire, Hospitalisé, Réanimation, Urgences du SU. */
export type Category = (typeof CATEGORIES)[number];

export const SESSION_TYPES = [
  'PUBLIC_SCHEDULED',
  'PUBLIC_UNSCHEDULED',
  'LIBERAL',
  'PRIVATE',
  'OTHER_SPECIALTY',
  'EMERGENCY',
  'RECONDITIONING',
  'BREAKDOWN',
  'RESEARCH',
  'ON_CALL',
  'MAINTENANCE',
  'QUALITY_CONTROL',
] as const;
/** A vacation (session) type, as in the table of `indicators.md`. */
export type SessionType = (typeof SESSION_TYPES)[number];

export const LEGAL_STATUSES = [
  'CH',
  'CHU',
  'CHU_APHP',
  'CHU_APHM',
  'ESPIC',
  'GCS',
  'GIE',
  'HIA',
  'LIBERAL',
  'PRIVATE',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const EQUIPMENT_ROLES = ['general', 'emergency', 'interventional', 'research'] as const;
export type EquipmentRole = (typeof EQUIPMENT_ROLES)[number];

export const AGE_BANDS = ['0-17', '18-64', '65-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SURVEY_PATIENTS = ['outpatient', 'inpatient'] as const;
export type SurveyPatient = (typeof SURVEY_PATIENTS)[number];

/** The clinical cases of the 2010 appointment survey (report, figures 3 to 6). */
export const CLINICAL_CASES = {
  CT_ABDO_PELVIS_70M: 'CT',
  CT_LUMBAR_50M: 'CT',
  CT_BRAIN_80F: 'CT',
  CT_CHEST_50M: 'CT',
  CT_TAP_70M: 'CT',
  MR_BRAIN_60F: 'MR',
  MR_BRAIN_4F: 'MR',
  MR_KNEE_35M: 'MR',
  MR_SPINE_60M: 'MR',
  MR_LIVER_50F: 'MR',
} as const satisfies Record<string, Modality>;
export type ClinicalCase = keyof typeof CLINICAL_CASES;

/** `campaign.json`. `start` is a local calendar date `YYYY-MM-DD`. */
export interface Campaign {
  id: string;
  name: string;
  start: string;
  days: number;
  timeZone: string;
}

/** One row of `establishments.csv` (a FINESS géographique). */
export interface Establishment {
  finess: string;
  name: string;
  legalStatus: LegalStatus;
  region: string;
  department: string | null;
}

/** One row of `equipment.csv` (one machine). */
export interface Equipment {
  equipmentId: string;
  finess: string;
  modality: Modality;
  label: string | null;
  installedYear: number | null;
  role: EquipmentRole;
  /**
   * equipment.csv `previous_id` (optional column, issue 16): this machine's id in an earlier
   * campaign — the same machine renamed, or the machine it replaced — so trends follow it.
   * Absent (not null) when the cell is blank, so kits without the column compare as before.
   */
  previousId?: string;
}

/** One row of `sessions.csv` (a vacation): `[start, end)` in UTC epoch ms. */
export interface Session {
  equipmentId: string;
  start: number;
  end: number;
  type: SessionType;
}

/** One row of `exams.csv` (a passage). Instants in UTC epoch ms; unknown is `null`. */
export interface Exam {
  examId: string;
  equipmentId: string;
  category: Category;
  roomIn: number;
  roomOut: number;
  /** CCAM codes, empty when the cell is blank. */
  acts: string[];
  /** ICR given on the row (`null` when blank: valued from `acts`). */
  icr: number | null;
  reportValidatedAt: number | null;
  requestedAt: number | null;
  scheduledMinutes: number | null;
  ageBand: AgeBand | null;
  /**
   * exams.csv `patient_key` (planning.md §1): a keyed hash of the patient, never the identifier
   * itself (a value that looks like a raw identifier is refused by the reader); `null` or absent
   * when the kit has no key. Enables the repeat figures (relevance).
   */
  patientKey?: string | null;
}

/** One row of `acts.csv`. */
export interface Act {
  code: string;
  label: string;
  icr: number;
  /**
   * acts.csv `family` (optional column, planning.md §1): the user's act family for this code,
   * which wins over the shipped table (`actFamily`); `null` or absent to use the table.
   */
  family?: ActFamily | null;
}

/**
 * One row of `costs.csv` (planning.md §1), yearly euros (`consumablesPerExam` per exam):
 * `equipment_id, purchase_price, amortisation_years, maintenance, staff, consumables_per_exam, overhead`.
 */
export interface CostRow {
  equipmentId: string;
  purchasePrice: number;
  amortisationYears: number;
  maintenance: number;
  staff: number;
  consumablesPerExam: number;
  overhead: number;
}

/**
 * Where a cost set comes from: the site's own inputs, or an illustrative set for demos (the
 * synthetic kit's, or `plateau costs --illustrative`), which every screen and page labels so.
 * In costs.csv: the optional `origin` column, `input` (default) or `illustrative`, the same on
 * every row.
 */
export type CostOrigin = 'input' | 'illustrative';

/** A cost set: its rows and its origin. */
export interface CostSet {
  origin: CostOrigin;
  rows: CostRow[];
}

/** One row of `appointment-survey.csv`: earliest appointment offered for a clinical case. */
export interface SurveyAnswer {
  finess: string;
  modality: Modality;
  case: ClinicalCase;
  patient: SurveyPatient;
  days: number;
}

export const REGISTER_SECTORS = ['hospital', 'private_practice'] as const;
/** Who runs a machine of the register: a hospital (public or private) or a private practice. */
export type RegisterSector = (typeof REGISTER_SECTORS)[number];

/** Where a register row came from: the kit's `equipment-register.csv`, a FINESS extraction, or added for a campaign machine no row named. */
export const REGISTER_ORIGINS = ['register', 'finess', 'campaign'] as const;
export type RegisterOrigin = (typeof REGISTER_ORIGINS)[number];

/**
 * One machine of the whole fleet (`equipment-register.csv`, planning.md §1): declared, not
 * measured. Dates are local calendar dates `YYYY-MM-DD`; unknown is `null`.
 */
export interface RegisterMachine {
  finess: string;
  /** Département code as INSEE writes it (`01`, `2A`, `971`). */
  department: string;
  modality: Modality;
  /** `null` only for a campaign machine added because no register row named it. */
  sector: RegisterSector | null;
  authorisationId: string | null;
  authorisedOn: string | null;
  inServiceOn: string | null;
  installedYear: number | null;
  fieldTesla: number | null;
  /** The campaign's `equipment_id` when the machine is in the campaign. */
  equipmentId: string | null;
  origin: RegisterOrigin;
}

export const SLOT_STATUSES = ['free', 'busy'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

/**
 * One row of `slots.csv` (planning.md §1): a bookable slot of a machine's agenda as its scheduler
 * showed it at `observedAt` (FHIR Slot, HL7 SIU or a scheduler export). Instants in UTC epoch ms.
 */
export interface Slot {
  equipmentId: string;
  start: number;
  end: number;
  status: SlotStatus;
  observedAt: number;
}

/** A whole campaign, as read from a data kit or assembled from other sources. */
export interface Kit {
  campaign: Campaign;
  establishments: Establishment[];
  equipment: Equipment[];
  sessions: Session[];
  exams: Exam[];
  acts: Act[];
  survey: SurveyAnswer[];
  /** The whole fleet of the territory (`equipment-register.csv`), when the kit has one. */
  register?: RegisterMachine[];
  /** The machines' booking supply (`slots.csv`), when the kit has one. */
  slots?: Slot[];
  /** The machines' yearly costs (`costs.csv`), when the kit has one. */
  costs?: CostSet;
}
