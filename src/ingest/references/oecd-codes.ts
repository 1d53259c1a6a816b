/**
 * What a row of an OECD export measures, from its SDMX codes and, when the export has them, their
 * labels: the health-care resources dataflow of medical technologies (MEASURE MTU, UNIT_MEASURE
 * 10P6HB or NB, MEDICAL_TECH CT/MRI, HEALTH_CARE_PROVIDER _T/HP1/HP3) and the exams of CT and MRI
 * (per 1,000 inhabitants: 10P3HB). A row is read only when every part is recognised; anything else
 * is an unknown measure, never guessed. Also the simple form's measure names and the areas.
 */
import type { Modality, RegisterSector } from '../../core/kit-types.ts';
import type { ReferenceMeasure } from '../../plan/territories/types.ts';

/** A code of an SDMX dimension and its label (empty when the export has no labels). */
export interface Coded {
  code: string;
  label: string;
}

/** The dimensions of a row that say what it measures (absent columns are empty). */
export interface SdmxMeasureParts {
  measure: Coded;
  unit: Coded;
  /** `MEDICAL_TECH` (or `MEDICAL_PROCEDURE` of an exams dataflow). */
  technology: Coded;
  provider: Coded;
}

/** What plateau reads a row as. */
export interface ReadMeasure {
  measure: ReferenceMeasure;
  modality: Modality;
  sector: RegisterSector | null;
}

/** Technologies that are not CT nor MRI although their names share words with them. */
const OTHER_TECHNOLOGY =
  /emission|\bPET\b|SPECT|gamma|mammo|radiation|radiother|lithotri|angiograph/i;

/** The modality a code or label names; null when none or another technology. */
function modalityOf(part: Coded): Modality | null | 'other' {
  const code = part.code.toUpperCase();
  if (code === 'CT' || code === 'CTS' || code === 'CT_SCAN') return 'CT';
  if (code === 'MRI' || code === 'MR') return 'MR';
  const label = part.label;
  if (label === '') return null;
  if (OTHER_TECHNOLOGY.test(label)) return 'other';
  if (/computed tomography|\bCT\b|scanographe|tomodensitom/i.test(label)) return 'CT';
  if (/magnetic resonance|\bMRI\b|\bIRM\b/i.test(label)) return 'MR';
  return null;
}

/** Units (machines) or exams, from the measure's code or label, or the technology's label. */
function kindOf(parts: SdmxMeasureParts): 'units' | 'exams' | null {
  const code = parts.measure.code.toUpperCase();
  if (code === 'MTU') return 'units';
  if (/EXAM/.test(code)) return 'exams';
  for (const label of [parts.measure.label, parts.technology.label]) {
    if (/\bexam/i.test(label)) return 'exams';
    if (/\bunits?\b|scanners?\b|equipment/i.test(label)) return 'units';
  }
  return null;
}

/** Per million, per 1,000 inhabitants, or a count, from UNIT_MEASURE's code or label. */
function unitOf(parts: SdmxMeasureParts): 'perMillion' | 'perThousand' | 'count' | null {
  const code = parts.unit.code.toUpperCase();
  if (code === '10P6HB') return 'perMillion';
  if (code === '10P3HB') return 'perThousand';
  if (code === 'NB') return 'count';
  for (const label of [parts.unit.label, parts.measure.label]) {
    if (/per (1[ ,.\u00a0\u202f]?000[ ,.\u00a0\u202f]?000|million)\b/i.test(label))
      return 'perMillion';
    if (/per (1[ ,.\u00a0\u202f]?000|thousand)\b/i.test(label)) return 'perThousand';
    if (/^(number|units)$/i.test(label.trim())) return 'count';
  }
  return null;
}

/**
 * The sector of HEALTH_CARE_PROVIDER: the whole fleet (`_T`, total, or no such column), hospitals
 * (HP.1), or ambulatory care providers (HP.3), read as private practice: in France the machines
 * outside hospitals are those of private radiology practices (a choice, said in the README).
 */
function sectorOf(provider: Coded): RegisterSector | null | 'other' {
  const code = provider.code.toUpperCase();
  if (code === 'HP1') return 'hospital';
  if (code === 'HP3') return 'private_practice';
  if (code === '' || code === '_T' || code === '_Z') return null;
  const label = provider.label;
  if (/^total|all providers/i.test(label)) return null;
  if (/hospital/i.test(label)) return 'hospital';
  if (/ambulatory/i.test(label)) return 'private_practice';
  return 'other';
}

/**
 * What an SDMX row measures, or null when a part is unknown (another technology, unit, measure
 * or provider).
 *
 * @example
 * readSdmxMeasure({ measure: { code: 'MTU', label: '' }, unit: { code: '10P6HB', label: '' },
 *   technology: { code: 'MRI', label: '' }, provider: { code: 'HP1', label: '' } });
 * // { measure: 'unitsPerMillion', modality: 'MR', sector: 'hospital' }
 */
export function readSdmxMeasure(parts: SdmxMeasureParts): ReadMeasure | null {
  const fromTechnology = modalityOf(parts.technology);
  const fromMeasure = modalityOf(parts.measure);
  if (fromTechnology === 'other' || fromMeasure === 'other') return null;
  if (fromTechnology !== null && fromMeasure !== null && fromTechnology !== fromMeasure)
    return null;
  const modality = fromTechnology ?? fromMeasure;
  const kind = kindOf(parts);
  const unit = unitOf(parts);
  const sector = sectorOf(parts.provider);
  if (modality === null || kind === null || unit === null || sector === 'other') return null;
  const measure: ReferenceMeasure | null =
    kind === 'units'
      ? unit === 'perMillion'
        ? 'unitsPerMillion'
        : unit === 'count'
          ? 'installedUnits'
          : null
      : unit === 'perThousand'
        ? 'examsPer1000'
        : unit === 'count'
          ? 'exams'
          : null;
  return measure === null ? null : { measure, modality, sector };
}

/** The simple form's measure names (`ct_units_per_million`), each a ReferenceMeasure. */
const SIMPLE_MEASURES: Readonly<Record<string, ReferenceMeasure>> = {
  units_per_million: 'unitsPerMillion',
  exams_per_1000: 'examsPer1000',
  exams: 'exams',
  cost_euros: 'costEuros',
  installed_units: 'installedUnits',
  mean_wait_days: 'meanWaitDays',
};

const SIMPLE_NAME = new RegExp(
  `^(ct|mri|mr)_(${Object.keys(SIMPLE_MEASURES).join('|')})(?:_(hospital|private_practice))?$`,
);

/**
 * A measure of the simple form: `ct` or `mri`, what it measures, and optionally the sector;
 * case and surrounding spaces ignored. Null for any other name.
 *
 * @example
 * readSimpleMeasure('mri_units_per_million_hospital'); // { measure: 'unitsPerMillion', modality: 'MR', sector: 'hospital' }
 */
export function readSimpleMeasure(name: string): ReadMeasure | null {
  const match = SIMPLE_NAME.exec(name.trim().toLowerCase());
  if (match === null) return null;
  const [, modality, what, sector] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
  ];
  return {
    measure: SIMPLE_MEASURES[what] as ReferenceMeasure,
    modality: modality === 'ct' ? 'CT' : 'MR',
    sector: (sector as RegisterSector | undefined) ?? null,
  };
}

/** Codes and labels of the OECD average in the exports (REF_AREA). */
const OECD_CODES = new Set(['OECD', 'OAVG', 'OECD_AVG', 'OECDAVG']);
const OECD_LABEL = /^OECD([ -]*(average|avg)| - average)?$/i;

/**
 * The area of a figure: an ISO 3166 alpha-3 code (upper case), or `OECD` for the OECD average;
 * null for anything else (a region, the EU, another aggregate).
 *
 * @example
 * readArea({ code: 'fra', label: '' });          // 'FRA'
 * readArea({ code: 'OAVG', label: '' });         // 'OECD'
 * readArea({ code: 'EU27_2020', label: '' });    // null
 */
export function readArea(area: Coded): string | null {
  const code = area.code.trim().toUpperCase();
  if (
    OECD_CODES.has(code) ||
    OECD_LABEL.test(area.code.trim()) ||
    OECD_LABEL.test(area.label.trim())
  )
    return 'OECD';
  return /^[A-Z]{3}$/.test(code) ? code : null;
}
