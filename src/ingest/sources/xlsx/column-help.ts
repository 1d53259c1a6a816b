/**
 * What each column of the data kit holds (data-kit.md), in French and English, for the blank
 * workbook template: a short text shown when a cell is selected, and the allowed values of the
 * enumerated columns (offered as drop-down lists).
 */
import { ACT_FAMILIES } from '../../../core/act-families.ts';
import {
  AGE_BANDS,
  CATEGORIES,
  CLINICAL_CASES,
  EQUIPMENT_ROLES,
  LEGAL_STATUSES,
  MODALITIES,
  SESSION_TYPES,
  SURVEY_PATIENTS,
} from '../../../core/kit-types.ts';

export type TemplateLang = 'fr' | 'en';

/** Help on one column: what it is, in both languages; `values` when it is enumerated. */
export interface ColumnHelp {
  fr: string;
  en: string;
  values?: readonly string[];
  /** How the template formats the column: text (keeps leading zeros), date-time, date, number. */
  format?: 'text' | 'date-time' | 'date' | 'number';
}

const DATE_TIME_FR =
  'Date-heure locale du site, ex. 2010-03-01 08:30 (saisie date Excel acceptée).';
const DATE_TIME_EN = "Site's local date-time, e.g. 2010-03-01 08:30 (an Excel date is accepted).";

const finess: ColumnHelp = {
  fr: 'FINESS géographique de l’établissement, 9 caractères, ex. 590780193.',
  en: 'FINESS géographique of the establishment, 9 characters, e.g. 590780193.',
  format: 'text',
};
const equipmentId: ColumnHelp = {
  fr: 'Identifiant de l’équipement (feuille equipment), ex. CT-1.',
  en: 'Equipment id (equipment sheet), e.g. CT-1.',
  format: 'text',
};
const modality: ColumnHelp = {
  fr: 'Modalité : CT (scanner) ou MR (IRM).',
  en: 'Modality: CT or MR (MRI).',
  values: MODALITIES,
};

/** Help per kit file and column; the campaign's keys are under `campaign.json`. */
export const COLUMN_HELP: Readonly<Record<string, Readonly<Record<string, ColumnHelp>>>> = {
  'campaign.json': {
    id: {
      fr: 'Identifiant court de la campagne, ex. anap-2010.',
      en: 'Short campaign id, e.g. anap-2010.',
      format: 'text',
    },
    name: {
      fr: 'Nom de la campagne, ex. Benchmark imagerie 2010.',
      en: 'Campaign name, e.g. Benchmark imagerie 2010.',
      format: 'text',
    },
    start: {
      fr: 'Premier jour de la campagne, AAAA-MM-JJ, ex. 2010-03-01.',
      en: 'First day of the campaign, YYYY-MM-DD, e.g. 2010-03-01.',
      format: 'date',
    },
    days: {
      fr: 'Durée en jours (nombre entier), ex. 28.',
      en: 'Length in days (whole number), e.g. 28.',
      format: 'number',
    },
    timeZone: {
      fr: 'Fuseau IANA des horloges des sites, ex. Europe/Paris.',
      en: "IANA time zone of the sites' clocks, e.g. Europe/Paris.",
      format: 'text',
    },
  },
  'establishments.csv': {
    finess: { ...finess, fr: `${finess.fr} Unique.`, en: `${finess.en} Unique.` },
    name: { fr: 'Nom de l’établissement.', en: 'Name of the establishment.', format: 'text' },
    legal_status: {
      fr: 'Statut juridique de l’établissement.',
      en: 'Legal status of the establishment.',
      values: LEGAL_STATUSES,
    },
    region: {
      fr: 'Code ou nom de la région, ex. Hauts-de-France.',
      en: 'Region code or name, e.g. Hauts-de-France.',
      format: 'text',
    },
    department: {
      fr: 'Facultatif. Code du département, ex. 59 ou 2A.',
      en: 'Optional. Département code, e.g. 59 or 2A.',
      format: 'text',
    },
  },
  'equipment.csv': {
    equipment_id: {
      fr: 'Identifiant unique de l’équipement dans la campagne, ex. CT-1.',
      en: 'Equipment id, unique in the campaign, e.g. CT-1.',
      format: 'text',
    },
    finess: {
      ...finess,
      fr: `${finess.fr} Doit figurer dans la feuille establishments.`,
      en: `${finess.en} Must be in the establishments sheet.`,
    },
    modality,
    label: {
      fr: 'Facultatif. Libellé, ex. Scanner des urgences.',
      en: 'Optional. Label, e.g. Emergency CT.',
      format: 'text',
    },
    installed_year: {
      fr: 'Facultatif. Année d’installation, ex. 2006.',
      en: 'Optional. Year installed, e.g. 2006.',
      format: 'number',
    },
    role: {
      fr: 'Facultatif. Rôle (general par défaut).',
      en: 'Optional. Role (general by default).',
      values: EQUIPMENT_ROLES,
    },
    previous_id: {
      fr: 'Facultatif. Identifiant de la machine dans une campagne antérieure, quand il a changé (renommée, ou la machine qu’elle remplace).',
      en: 'Optional. The machine’s id in an earlier campaign, when it changed (renamed, or the machine it replaced).',
      format: 'text',
    },
  },
  'sessions.csv': {
    equipment_id: equipmentId,
    start: {
      fr: `Début de la vacation. ${DATE_TIME_FR}`,
      en: `Session start. ${DATE_TIME_EN}`,
      format: 'date-time',
    },
    end: {
      fr: `Fin de la vacation, après le début. ${DATE_TIME_FR}`,
      en: `Session end, after its start. ${DATE_TIME_EN}`,
      format: 'date-time',
    },
    type: {
      fr: 'Type de vacation (indicators.md).',
      en: 'Session type (indicators.md).',
      values: SESSION_TYPES,
    },
  },
  'exams.csv': {
    exam_id: {
      fr: 'Identifiant de l’examen, unique par équipement (jamais un n° patient).',
      en: 'Exam id, unique per equipment (never a patient number).',
      format: 'text',
    },
    equipment_id: equipmentId,
    category: {
      fr: 'Catégorie du patient : A externe, H hospitalisé, R hors établissement, U urgence.',
      en: 'Patient category: A outpatient, H inpatient, R referred, U emergency.',
      values: CATEGORIES,
    },
    room_in: {
      fr: `Entrée en salle. ${DATE_TIME_FR}`,
      en: `Into the room. ${DATE_TIME_EN}`,
      format: 'date-time',
    },
    room_out: {
      fr: `Sortie de salle. ${DATE_TIME_FR}`,
      en: `Out of the room. ${DATE_TIME_EN}`,
      format: 'date-time',
    },
    acts: {
      fr: 'Facultatif. Codes CCAM séparés par |, ex. ZCQH001|ZZQK002.',
      en: 'Optional. CCAM codes separated by |, e.g. ZCQH001|ZZQK002.',
      format: 'text',
    },
    icr: {
      fr: 'Facultatif. Nombre d’ICR ; vide : calculé depuis acts et la feuille acts.',
      en: 'Optional. ICR count; blank: valued from acts with the acts sheet.',
      format: 'number',
    },
    report_validated_at: {
      fr: `Facultatif. Validation du compte rendu. ${DATE_TIME_FR}`,
      en: `Optional. Report validated. ${DATE_TIME_EN}`,
      format: 'date-time',
    },
    requested_at: {
      fr: `Facultatif. Date de la demande d’examen. ${DATE_TIME_FR}`,
      en: `Optional. When the exam was requested. ${DATE_TIME_EN}`,
      format: 'date-time',
    },
    scheduled_minutes: {
      fr: 'Facultatif. Durée du créneau réservé, en minutes, ex. 20.',
      en: 'Optional. Booked slot length, in minutes, e.g. 20.',
      format: 'number',
    },
    age_band: {
      fr: 'Facultatif. Tranche d’âge du patient.',
      en: "Optional. Patient's age band.",
      values: AGE_BANDS,
    },
    patient_key: {
      fr: 'Facultatif. Hachage à clé du patient (ex. 64 caractères hexadécimaux), jamais le nom ni le numéro : un identifiant en clair est refusé.',
      en: 'Optional. Keyed hash of the patient (e.g. 64 hex characters), never the name or number: a raw identifier is refused.',
      format: 'text',
    },
  },
  'acts.csv': {
    code: {
      fr: 'Code CCAM de l’acte, ex. ZCQH001.',
      en: 'CCAM act code, e.g. ZCQH001.',
      format: 'text',
    },
    label: { fr: 'Facultatif. Libellé de l’acte.', en: 'Optional. Act label.', format: 'text' },
    icr: {
      fr: 'Nombre d’ICR de l’acte, ex. 75.',
      en: 'ICR value of the act, e.g. 75.',
      format: 'number',
    },
    family: {
      fr: 'Facultatif. Famille d’actes, qui l’emporte sur la table livrée.',
      en: 'Optional. Act family, which wins over the shipped table.',
      values: ACT_FAMILIES,
    },
  },
  'appointment-survey.csv': {
    finess: {
      ...finess,
      fr: `${finess.fr} Doit figurer dans la feuille establishments.`,
      en: `${finess.en} Must be in the establishments sheet.`,
    },
    modality,
    case: {
      fr: 'Cas clinique de l’enquête 2010 (data-kit.md).',
      en: 'Clinical case of the 2010 survey (data-kit.md).',
      values: Object.keys(CLINICAL_CASES),
    },
    patient: {
      fr: 'Patient externe (outpatient) ou hospitalisé (inpatient).',
      en: 'Outpatient or inpatient.',
      values: SURVEY_PATIENTS,
    },
    days: {
      fr: 'Jours jusqu’au premier rendez-vous proposé, ex. 12.',
      en: 'Days to the earliest appointment offered, e.g. 12.',
      format: 'number',
    },
  },
};
