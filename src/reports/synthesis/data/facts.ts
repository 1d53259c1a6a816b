/**
 * The synthesis' other figures, as data: shares of machines (on-call, strong and low nights)
 * beside the 2010 shares, typology counts, the split of night passages, the openings' extremes,
 * the survey by clinical case and site, and the key medians by modality. All read from stored
 * per-machine results and the benchmark; nothing here recomputes a machine's indicator.
 */
import type { MachineIndicators, Typology } from '../../../core/indicators/types.ts';
import type { Modality, SurveyPatient } from '../../../core/kit-types.ts';
import { CLINICAL_CASES } from '../../../core/kit-types.ts';
import { REFERENCE_2010_FACTS } from '../../../core/reference-2010.ts';
import type { Quantiles } from '../../../core/stats.ts';
import { quantiles } from '../../../core/stats.ts';
import type { FigureUnit, Lang } from '../../../i18n/index.ts';
import { caseLabel, caseShortLabel } from '../../../i18n/index.ts';
import { sm } from '../messages/index.ts';
import { published } from '../reference.ts';
import type { SynthesisScope } from '../scope.ts';

const machinesOf = (scope: SynthesisScope, modality: Modality): MachineIndicators[] =>
  scope.machines.filter((m) => m.modality === modality);

/** A share of machines with a property, beside the 2010 share (a range when the report gave one). */
export interface ShareFact {
  key: 'significantOnCallShare' | 'strongNightShare' | 'lowNightShare';
  label: string;
  /** Machines of the modality in the scope, and how many have the property. */
  machines: number;
  count: number;
  /** From the benchmark (0..1), `null` without machines. */
  value: number | null;
  national: number | null;
  published: number | readonly [number, number] | null;
}

/**
 * The on-call and night shares of a modality.
 *
 * @example
 * shareFacts(scope, 'CT', 'fr')[0]; // { key: 'significantOnCallShare', value: 0.699, published: 0.7, … }
 */
export function shareFacts(scope: SynthesisScope, modality: Modality, lang: Lang): ShareFact[] {
  const machines = machinesOf(scope, modality);
  const b = scope.benchmark[modality];
  const nb = scope.national?.benchmark[modality];
  const ct = modality === 'CT';
  return [
    {
      key: 'significantOnCallShare',
      label: sm(lang, 'row.significantOnCall'),
      machines: machines.length,
      count: machines.filter((m) => m.significantOnCall).length,
      value: b?.significantOnCallShare ?? null,
      national: nb?.significantOnCallShare ?? null,
      published: REFERENCE_2010_FACTS.significantOnCallShare[modality],
    },
    {
      key: 'strongNightShare',
      label: sm(lang, 'row.strongNight'),
      machines: machines.length,
      count: machines.filter((m) => m.night.level === 'strong').length,
      value: b?.strongNightShare ?? null,
      national: nb?.strongNightShare ?? null,
      published: ct ? REFERENCE_2010_FACTS.strongNightShareCT : null,
    },
    {
      key: 'lowNightShare',
      label: sm(lang, 'row.lowNight'),
      machines: machines.length,
      count: machines.filter((m) => m.night.level === 'low').length,
      value: b?.lowNightShare ?? null,
      national: nb?.lowNightShare ?? null,
      published: ct ? REFERENCE_2010_FACTS.lowNightShareCT : null,
    },
  ];
}

/** Machines of a modality by typology. */
export function typologyCounts(
  scope: SynthesisScope,
  modality: Modality,
): Record<Typology, number> {
  const out: Record<Typology, number> = { 'scheduled-centred': 0, 'emergency-dedicated': 0 };
  for (const m of machinesOf(scope, modality)) out[m.typology]++;
  return out;
}

/** Night passages of a modality: early night (20:00–24:00) and deep night (00:00–07:00). */
export function nightSplit(
  scope: SynthesisScope,
  modality: Modality,
): { evening: number; deepNight: number } {
  let evening = 0;
  let deepNight = 0;
  for (const m of machinesOf(scope, modality)) {
    evening += m.night.evening;
    deepNight += m.night.deepNight;
  }
  return { evening, deepNight };
}

/** Total opening from which a machine counts as open around the clock (168 h, to the half hour). */
export const ROUND_THE_CLOCK_HOURS = 167.5;

/**
 * The report's reading of figures 9–10: machines open around the clock (total opening), and for
 * machines whose extended opening stays under 100 h, the median of extended − programmed.
 */
export function openingFacts(
  scope: SynthesisScope,
  modality: Modality,
): { machines: number; roundTheClock: number; underHundred: number; extendedGap: Quantiles } {
  const machines = machinesOf(scope, modality);
  const under = machines.filter((m) => m.openingHoursPerWeek.extended < 100);
  return {
    machines: machines.length,
    roundTheClock: machines.filter((m) => m.openingHoursPerWeek.total >= ROUND_THE_CLOCK_HOURS)
      .length,
    underHundred: under.length,
    extendedGap: quantiles(
      under.map((m) => m.openingHoursPerWeek.extended - m.openingHoursPerWeek.programmed),
    ),
  };
}

/** The survey of one clinical case: its delays for outpatients and inpatients. */
export interface CaseRow {
  case: string;
  label: string;
  shortLabel: string;
  outpatient: Quantiles | null;
  inpatient: Quantiles | null;
}

/** The survey by clinical case of a modality, in the report's order of cases. */
export function caseRows(scope: SynthesisScope, modality: Modality, lang: Lang): CaseRow[] {
  const byCase = scope.survey[modality]?.byCase ?? [];
  const order = Object.keys(CLINICAL_CASES);
  const codes = [...new Set(byCase.map((c) => c.case))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b) || a.localeCompare(b),
  );
  return codes.map((code) => ({
    case: code,
    label: caseLabel(code, lang),
    shortLabel: caseShortLabel(code, lang),
    outpatient: byCase.find((c) => c.case === code && c.patient === 'outpatient')?.days ?? null,
    inpatient: byCase.find((c) => c.case === code && c.patient === 'inpatient')?.days ?? null,
  }));
}

/** The answers of the survey for one patient type, by site (the report's figures 3–6). */
export interface SiteAnswers {
  /** Sites (FINESS) sorted by their mean delay over the cases, then by FINESS. */
  sites: string[];
  /** Per case: `[siteIndex, days]` points. */
  cases: { case: string; points: [number, number][] }[];
}

/**
 * The survey answers of a modality for one patient type, as points by site and case.
 *
 * @example
 * siteAnswers(scope, 'MR', 'outpatient').cases.map((c) => c.case); // ['MR_BRAIN_60F', …]
 */
export function siteAnswers(
  scope: SynthesisScope,
  modality: Modality,
  patient: SurveyPatient,
): SiteAnswers {
  const answers = scope.answers.filter(
    (a) => a.modality === modality && a.patient === patient && Number.isFinite(a.days),
  );
  const sums = new Map<string, { total: number; n: number }>();
  for (const a of answers) {
    const s = sums.get(a.finess) ?? { total: 0, n: 0 };
    s.total += a.days;
    s.n++;
    sums.set(a.finess, s);
  }
  const mean = (f: string): number => {
    const s = sums.get(f);
    return s ? s.total / s.n : 0;
  };
  const sites = [...sums.keys()].sort((a, b) => mean(a) - mean(b) || a.localeCompare(b));
  const position = new Map(sites.map((f, i) => [f, i]));
  const order = Object.keys(CLINICAL_CASES);
  const codes = [...new Set(answers.map((a) => a.case))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  return {
    sites,
    cases: codes.map((code) => ({
      case: code,
      points: answers
        .filter((a) => a.case === code)
        .map((a): [number, number] => [position.get(a.finess) ?? 0, a.days]),
    })),
  };
}

/** A key figure of the trends chapter: its median per modality and the 2010 median. */
export interface KeyFigure {
  key: string;
  label: string;
  unit: FigureUnit;
  values: Partial<Record<Modality, { value: number | null; published: number | null }>>;
}

/**
 * The medians that sum a campaign up, per modality, beside 2010's.
 *
 * @example
 * keyFigures(scope, 'en')[0]; // { key: 'programmedOpening', values: { CT: { value: 45.1, published: 47 }, … } }
 */
export function keyFigures(scope: SynthesisScope, lang: Lang): KeyFigure[] {
  const specs: {
    key: string;
    label: Parameters<typeof sm>[1];
    unit: FigureUnit;
    pick: (m: Modality) => number | null | undefined;
  }[] = [
    {
      key: 'programmedOpening',
      label: 'row.programmedOpening',
      unit: 'h/week',
      pick: (m) => scope.benchmark[m]?.programmedOpening.p50,
    },
    {
      key: 'occupancyProgrammed',
      label: 'row.occupancyProgrammed',
      unit: 'fraction',
      pick: (m) => scope.benchmark[m]?.occupancyProgrammed.p50,
    },
    {
      key: 'icrPerHour',
      label: 'row.icrPerHour',
      unit: 'ICR/h',
      pick: (m) => scope.benchmark[m]?.icrPerHour.p50,
    },
    {
      key: 'passagesPerWeek',
      label: 'row.passagesPerWeek',
      unit: 'exams/week',
      pick: (m) => scope.benchmark[m]?.passagesPerWeek.p50,
    },
    {
      key: 'appointmentDelayOutpatient',
      label: 'key.appointmentOutpatient',
      unit: 'days',
      pick: (m) => scope.survey[m]?.byPatient.outpatient?.p50,
    },
    {
      key: 'reportDelayOutpatient',
      label: 'key.reportOutpatient',
      unit: 'min',
      pick: (m) => scope.benchmark[m]?.reportDelayMinutes.outpatient?.p50,
    },
  ];
  return specs.map((s) => ({
    key: s.key,
    label: sm(lang, s.label),
    unit: s.unit,
    values: Object.fromEntries(
      scope.modalities.map((m) => [
        m,
        { value: s.pick(m) ?? null, published: published(s.key, m)?.p50 ?? null },
      ]),
    ),
  }));
}

/** (P80 − P20) ÷ P50 of a distribution, `null` when it cannot be computed. */
export function relativeSpread(
  q: Pick<Quantiles, 'p20' | 'p50' | 'p80'> | null | undefined,
): number | null {
  if (!q || q.p20 === null || q.p50 === null || q.p80 === null || q.p50 === 0) return null;
  return (q.p80 - q.p20) / q.p50;
}
