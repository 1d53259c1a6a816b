/**
 * Published access figures shipped with plateau (OECD densities and exam rates, French volumes,
 * costs and waits), each with its year and its source as `access-figures.md` words it, and the
 * helpers that pick one: the OECD average of a year, the latest figure of a kind, and the merge of
 * the shipped figures with the ones a user loaded from an OECD export (a loaded figure replaces
 * the shipped one of the same measure, modality, sector, area and year). Pure data and functions.
 */
import type { Modality, RegisterSector } from '../../core/kit-types.ts';
import { MODALITIES, REGISTER_SECTORS } from '../../core/kit-types.ts';
import type { ReferenceFigure, ReferenceMeasure } from './types.ts';
import { REFERENCE_MEASURES } from './types.ts';

/** Health at a Glance 2017 figures (2015), as the file's first table words their source. */
const HEALTH_AT_A_GLANCE_2017 =
  'OECD Health at a Glance 2017, as reported by docteurimago.fr (16/11/2017)';
/** OECD Health Statistics (2018 and 2010 figures of the same article). */
const HEALTH_STATISTICS_2019 =
  'OECD Health Statistics, as reported by docteurimago.fr (06/09/2019)';
/** The radiology plan's table of exams and costs in 2017. */
const PLAN_TABLE_2017 =
  'seed 000_ac76c3b59e5d96fc.txt (table "Nombre & coût des examens d\'imagerie en France en 2017")';
const IMAGERIE_SANTE_AVENIR_STUDY =
  'Imagerie Santé Avenir / Cemka-Eval study, as reported by Le Quotidien du Médecin';
const IMAGERIE_SANTE_AVENIR = 'Imagerie Santé Avenir, as reported by Le Quotidien du Médecin';

/** The year a figure of the 2015–2016 study is filed under (its last year; said in its note). */
const STUDY_YEAR = 2016;

function shipped(
  measure: ReferenceMeasure,
  modality: Modality,
  area: string,
  year: number,
  value: number,
  source: string,
  note: string | null = null,
  sector: RegisterSector | null = null,
): ReferenceFigure {
  return { measure, modality, sector, area, year, value, source, note, origin: 'shipped' };
}

/**
 * Every numeric figure of `access-figures.md` that is one measure of CT or MRI for a country or
 * the OECD average. A source the file writes as "same" or "same article" is the one of the row it
 * refers to. Left out: figures without a number (France 3rd for MRI exams in 2018), of several
 * modalities together (all imaging 2017; CT + MRI + PET exams 2021) and of regions (waits of
 * about 60 days, kept in the note of the national wait).
 */
export const SHIPPED_REFERENCES: readonly ReferenceFigure[] = Object.freeze([
  // OECD, 2015 (Health at a Glance 2017).
  shipped('unitsPerMillion', 'CT', 'FRA', 2015, 16.6, HEALTH_AT_A_GLANCE_2017),
  shipped('unitsPerMillion', 'CT', 'OECD', 2015, 25.7, HEALTH_AT_A_GLANCE_2017),
  shipped('unitsPerMillion', 'MR', 'FRA', 2015, 12.6, HEALTH_AT_A_GLANCE_2017),
  shipped('unitsPerMillion', 'MR', 'OECD', 2015, 15.9, HEALTH_AT_A_GLANCE_2017),
  shipped('examsPer1000', 'CT', 'FRA', 2015, 197.4, HEALTH_AT_A_GLANCE_2017, '5th'),
  shipped('examsPer1000', 'CT', 'OECD', 2015, 143.1, HEALTH_AT_A_GLANCE_2017),
  // OECD Health Statistics, 2018 and 2010.
  shipped('unitsPerMillion', 'CT', 'FRA', 2018, 18, HEALTH_STATISTICS_2019, 'mid-table'),
  shipped('unitsPerMillion', 'MR', 'FRA', 2018, 14.8, HEALTH_STATISTICS_2019, '13th of 33'),
  shipped('unitsPerMillion', 'MR', 'FRA', 2018, 8.4, HEALTH_STATISTICS_2019, null, 'hospital'),
  shipped(
    'unitsPerMillion',
    'MR',
    'FRA',
    2018,
    6.4,
    HEALTH_STATISTICS_2019,
    null,
    'private_practice',
  ),
  shipped('unitsPerMillion', 'CT', 'FRA', 2010, 11.8, HEALTH_STATISTICS_2019),
  shipped(
    'unitsPerMillion',
    'CT',
    'JPN',
    2018,
    111,
    HEALTH_STATISTICS_2019,
    'highest of the OECD (1st)',
  ),
  shipped(
    'unitsPerMillion',
    'CT',
    'AUS',
    2018,
    67,
    HEALTH_STATISTICS_2019,
    '2nd highest of the OECD',
  ),
  shipped(
    'unitsPerMillion',
    'CT',
    'ISL',
    2018,
    44,
    HEALTH_STATISTICS_2019,
    '3rd highest of the OECD',
  ),
  // France, exams and their cost in 2017 (the plan's table).
  shipped('exams', 'CT', 'FRA', 2017, 4_763_630, PLAN_TABLE_2017),
  shipped('costEuros', 'CT', 'FRA', 2017, 246_732_235, PLAN_TABLE_2017),
  shipped('exams', 'MR', 'FRA', 2017, 4_484_648, PLAN_TABLE_2017),
  shipped('costEuros', 'MR', 'FRA', 2017, 338_011_387, PLAN_TABLE_2017),
  // France, MRI access (Imagerie Santé Avenir).
  shipped(
    'meanWaitDays',
    'MR',
    'FRA',
    STUDY_YEAR,
    30.3,
    IMAGERIE_SANTE_AVENIR_STUDY,
    'study of 2015–2016, filed under 2016; Plan cancer 2014-2019 target: 20 days; about 60 days in Pays de la Loire, Bretagne, Centre, Alsace',
  ),
  shipped(
    'unitsPerMillion',
    'MR',
    'FRA',
    STUDY_YEAR,
    11.9,
    IMAGERIE_SANTE_AVENIR_STUDY,
    'study of 2015–2016, filed under 2016; Europe ≈ 20',
  ),
  shipped('installedUnits', 'MR', 'FRA', 2011, 618, IMAGERIE_SANTE_AVENIR),
]);

/** The identity of a figure: a loaded figure with the same key replaces a shipped one. */
export function referenceKey(
  f: Pick<ReferenceFigure, 'measure' | 'modality' | 'sector' | 'area' | 'year'>,
): string {
  return `${f.measure}|${f.modality}|${f.sector ?? ''}|${f.area}|${f.year}`;
}

const MEASURE_ORDER = new Map<string, number>(REFERENCE_MEASURES.map((m, i) => [m, i]));
const MODALITY_ORDER = new Map<string, number>(MODALITIES.map((m, i) => [m, i]));
/** The whole fleet first, then hospital, then private practice. */
const SECTOR_ORDER = new Map<string | null, number>([
  [null, 0],
  ...REGISTER_SECTORS.map((s, i) => [s, i + 1] as const),
]);

/** Measure (in REFERENCE_MEASURES order), modality, area, year, then sector. */
function compareFigures(a: ReferenceFigure, b: ReferenceFigure): number {
  return (
    (MEASURE_ORDER.get(a.measure) ?? 99) - (MEASURE_ORDER.get(b.measure) ?? 99) ||
    (MODALITY_ORDER.get(a.modality) ?? 99) - (MODALITY_ORDER.get(b.modality) ?? 99) ||
    (a.area < b.area ? -1 : a.area > b.area ? 1 : 0) ||
    a.year - b.year ||
    (SECTOR_ORDER.get(a.sector) ?? 99) - (SECTOR_ORDER.get(b.sector) ?? 99)
  );
}

/**
 * The shipped figures with the loaded ones: a loaded figure replaces the shipped one of the same
 * measure, modality, sector, area and year; sorted by measure, modality, area, year (then sector).
 *
 * @example
 * mergeReferences(SHIPPED_REFERENCES, [{ ...oecdCt2015, value: 26, origin: 'loaded' }]);
 * // the 2015 OECD CT density is 26 (loaded), every other shipped figure kept
 */
export function mergeReferences(
  shipped: readonly ReferenceFigure[],
  loaded: readonly ReferenceFigure[],
): ReferenceFigure[] {
  const byKey = new Map<string, ReferenceFigure>();
  for (const f of shipped) byKey.set(referenceKey(f), f);
  for (const f of loaded) byKey.set(referenceKey(f), f);
  return [...byKey.values()].sort(compareFigures);
}

/** What `latestFigure` looks for; `sector` omitted or null: the whole fleet. */
export interface FigureQuery {
  measure: ReferenceMeasure;
  modality: Modality;
  area: string;
  sector?: RegisterSector | null;
}

/**
 * The figure of the latest year of a measure, modality, area and sector (the whole fleet when
 * `sector` is omitted); null when there is none.
 *
 * @example
 * latestFigure(SHIPPED_REFERENCES, { measure: 'unitsPerMillion', modality: 'MR', area: 'FRA' })?.value; // 14.8 (2018)
 */
export function latestFigure(
  refs: readonly ReferenceFigure[],
  query: FigureQuery,
): ReferenceFigure | null {
  const sector = query.sector ?? null;
  let best: ReferenceFigure | null = null;
  for (const f of refs) {
    if (
      f.measure !== query.measure ||
      f.modality !== query.modality ||
      f.area !== query.area ||
      f.sector !== sector
    )
      continue;
    if (best === null || f.year > best.year) best = f;
  }
  return best;
}

/**
 * The OECD average units per million of a modality (whole fleet): the figure of `year` (null when
 * there is none for that year), or the latest when `year` is omitted.
 *
 * @example
 * oecdAverage(SHIPPED_REFERENCES, 'CT')?.value;       // 25.7 (2015)
 * oecdAverage(SHIPPED_REFERENCES, 'CT', 2018);        // null: no OECD average shipped for 2018
 */
export function oecdAverage(
  refs: readonly ReferenceFigure[],
  modality: Modality,
  year?: number,
): ReferenceFigure | null {
  const query: FigureQuery = { measure: 'unitsPerMillion', modality, area: 'OECD' };
  if (year === undefined) return latestFigure(refs, query);
  return (
    refs.find(
      (f) =>
        f.measure === 'unitsPerMillion' &&
        f.modality === modality &&
        f.area === 'OECD' &&
        f.sector === null &&
        f.year === year,
    ) ?? null
  );
}
