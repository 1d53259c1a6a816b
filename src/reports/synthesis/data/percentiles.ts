/**
 * The synthesis' P20/P50/P80 tables as data: one row per figure with the scope's quantiles, the
 * national ones for a region, and what 2010 published. The sections print exactly these rows,
 * and tests read them (not the HTML) to check the campaign against the published values.
 */
import type { PeerBenchmark, SurveySummary } from '../../../core/indicators/types.ts';
import type { Modality } from '../../../core/kit-types.ts';
import { CATEGORIES } from '../../../core/kit-types.ts';
import type { Quantiles } from '../../../core/stats.ts';
import type { FigureUnit, Lang } from '../../../i18n/index.ts';
import { categoryLabel, modalityLabel } from '../../../i18n/index.ts';
import type { SynthesisKey } from '../messages/index.ts';
import { sm } from '../messages/index.ts';
import type { Published } from '../reference.ts';
import { published } from '../reference.ts';
import type { SynthesisScope } from '../scope.ts';

/** The P20/P50/P80 tables of a synthesis, one of each kind per modality. */
export const PERCENTILE_TABLE_KINDS = [
  'appointment',
  'realized',
  'reportDelay',
  'reportDelayMedian',
  'openings',
  'volume',
  'durations',
  'durationMedians',
  'occupancy',
  'occupancyEmergency',
  'night',
] as const;
export type PercentileTableKind = (typeof PERCENTILE_TABLE_KINDS)[number];

/** One figure of a table. */
export interface PercentileRow {
  /** The figure; a `REFERENCE_2010` key when 2010 published it (e.g. `durationA`). */
  key: string;
  label: string;
  unit: FigureUnit;
  /** What `n` counts. */
  count: 'machines' | 'answers' | 'exams';
  /** The scope's quantiles (`null`: no value in the scope). */
  value: Quantiles | null;
  /** The whole campaign's, in a region's synthesis; `null` in the national one. */
  national: Quantiles | null;
  /** What 2010 published, `null` when it did not. */
  published: Published | null;
}

/** A table of P20/P50/P80 rows. */
export interface PercentileTable {
  /** `<kind>-<modality>`, lower case: unique in a document. */
  id: string;
  kind: PercentileTableKind;
  modality: Modality;
  title: string;
  /** The 2010 report's figure number for the same table, when it had one. */
  reportFigure: number | null;
  rows: PercentileRow[];
}

type Pick = (
  b: PeerBenchmark | undefined,
  s: SurveySummary | undefined,
) => Quantiles | undefined | null;

interface RowSpec {
  key: string;
  label: SynthesisKey | ((lang: Lang) => string);
  unit: FigureUnit;
  count: PercentileRow['count'];
  pick: Pick;
}

const bench =
  (
    key:
      | 'programmedOpening'
      | 'extendedOpening'
      | 'totalOpening'
      | 'programmedPlusEmergencyOpening'
      | 'occupancyProgrammed'
      | 'occupancyProgrammedPlusEmergency'
      | 'icrPerHour'
      | 'passagesPerWeek'
      | 'emergencyShare'
      | 'nightPerWeek'
      | 'onCallHoursPerWeek',
  ): Pick =>
  (b) =>
    b?.[key];

const machineRow = (key: Parameters<typeof bench>[0], unit: FigureUnit): RowSpec => ({
  key,
  label: `row.${key}`,
  unit,
  count: 'machines',
  pick: bench(key),
});

const PATIENTS = [
  ['outpatient', 'Outpatient'],
  ['inpatient', 'Inpatient'],
] as const;
const REPORT_PATIENTS = [...PATIENTS, ['emergency', 'Emergency']] as const;

const SPECS: Readonly<
  Record<
    PercentileTableKind,
    {
      title: SynthesisKey;
      reportFigure: Partial<Record<Modality, number>>;
      rows: readonly RowSpec[];
    }
  >
> = {
  appointment: {
    title: 'tables.appointment',
    reportFigure: { CT: 1, MR: 2 },
    rows: PATIENTS.map(([p, P]) => ({
      key: `appointmentDelay${P}`,
      label: `row.appointment${P}`,
      unit: 'days',
      count: 'answers',
      pick: (_b, s) => s?.byPatient[p],
    })),
  },
  realized: {
    title: 'tables.realized',
    reportFigure: {},
    rows: PATIENTS.map(([p, P]) => ({
      key: `realizedDelay${P}`,
      label: `row.realized${P}`,
      unit: 'days',
      count: 'exams',
      pick: (b) => b?.appointmentDelayDays[p],
    })),
  },
  reportDelay: {
    title: 'tables.reportDelay',
    reportFigure: { CT: 7, MR: 8 },
    rows: REPORT_PATIENTS.map(([p, P]) => ({
      key: `reportDelay${P}`,
      label: `row.report${P}`,
      unit: 'min',
      count: 'exams',
      pick: (b) => b?.reportDelayMinutes[p],
    })),
  },
  reportDelayMedian: {
    title: 'tables.reportDelayMedian',
    reportFigure: {},
    rows: REPORT_PATIENTS.map(([p, P]) => ({
      key: `reportDelayMedian${P}`,
      label: `row.report${P}`,
      unit: 'min',
      count: 'machines',
      pick: (b) => b?.reportDelayMedianMinutes[p],
    })),
  },
  openings: {
    title: 'tables.openings',
    reportFigure: {},
    rows: [
      machineRow('programmedOpening', 'h/week'),
      machineRow('extendedOpening', 'h/week'),
      machineRow('totalOpening', 'h/week'),
      machineRow('programmedPlusEmergencyOpening', 'h/week'),
    ],
  },
  volume: {
    title: 'tables.volume',
    reportFigure: {},
    rows: [machineRow('passagesPerWeek', 'exams/week'), machineRow('emergencyShare', 'fraction')],
  },
  durations: {
    title: 'tables.durations',
    reportFigure: { CT: 11, MR: 12 },
    rows: CATEGORIES.map((c) => ({
      key: `duration${c}`,
      label: (lang: Lang) => categoryLabel(c, lang),
      unit: 'min',
      count: 'exams',
      pick: (b) => b?.durationMinutes[c],
    })),
  },
  durationMedians: {
    title: 'tables.durationMedians',
    reportFigure: {},
    rows: CATEGORIES.map((c) => ({
      key: `durationMedian${c}`,
      label: (lang: Lang) => categoryLabel(c, lang),
      unit: 'min',
      count: 'machines',
      pick: (b) => b?.durationMedianMinutes[c],
    })),
  },
  occupancy: {
    title: 'tables.occupancy',
    reportFigure: { CT: 15, MR: 16 },
    rows: [
      machineRow('programmedOpening', 'h/week'),
      machineRow('occupancyProgrammed', 'fraction'),
      machineRow('icrPerHour', 'ICR/h'),
    ],
  },
  occupancyEmergency: {
    title: 'tables.occupancyEmergency',
    reportFigure: {},
    rows: [
      machineRow('programmedPlusEmergencyOpening', 'h/week'),
      machineRow('occupancyProgrammedPlusEmergency', 'fraction'),
    ],
  },
  night: {
    title: 'tables.night',
    reportFigure: {},
    rows: [machineRow('nightPerWeek', 'exams/week'), machineRow('onCallHoursPerWeek', 'h/week')],
  },
};

/**
 * One P20/P50/P80 table of a modality in a scope.
 *
 * @example
 * const t = percentileTable(scope, 'CT', 'occupancy', 'fr');
 * t.rows.find((r) => r.key === 'occupancyProgrammed')?.published?.p50; // 0.606
 */
export function percentileTable(
  scope: SynthesisScope,
  modality: Modality,
  kind: PercentileTableKind,
  lang: Lang,
): PercentileTable {
  const spec = SPECS[kind];
  const b = scope.benchmark[modality];
  const s = scope.survey[modality];
  const nb = scope.national?.benchmark[modality];
  const ns = scope.national?.survey[modality];
  return {
    id: `${kind}-${modality.toLowerCase()}`,
    kind,
    modality,
    title: sm(lang, spec.title, { modality: modalityLabel(modality, lang) }),
    reportFigure: spec.reportFigure[modality] ?? null,
    rows: spec.rows.map((r) => ({
      key: r.key,
      label: typeof r.label === 'function' ? r.label(lang) : sm(lang, r.label),
      unit: r.unit,
      count: r.count,
      value: r.pick(b, s) ?? null,
      national: scope.national ? (r.pick(nb, ns) ?? null) : null,
      published: published(r.key, modality),
    })),
  };
}

/**
 * Every P20/P50/P80 table of a synthesis, modality by modality, in the document's order.
 *
 * @example
 * percentileTables(synthesisScope(index, {}), 'en').filter((t) => t.rows.some((r) => r.published));
 */
export function percentileTables(scope: SynthesisScope, lang: Lang): PercentileTable[] {
  return PERCENTILE_TABLE_KINDS.flatMap((kind) =>
    scope.modalities.map((m) => percentileTable(scope, m, kind, lang)),
  );
}
