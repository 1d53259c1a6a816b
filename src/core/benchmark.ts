/**
 * The benchmark: P20/P50/P80 of every per-machine figure across a peer group (same modality by
 * default, narrowed by region, legal status, typology, or the INSEE département or region of the
 * machine's site), exam-level samples pooled across the group, and each machine's percentile
 * rank among its peers. The INSEE place of a site is given by the caller (`SitePlaces`): the
 * département → region table is the planning layer's, above core.
 */
import type { Modality, SurveyAnswer } from './kit-types.ts';
import { CATEGORIES, MODALITIES } from './kit-types.ts';
import type { Quantiles } from './stats.ts';
import {
  percentRank,
  quantiles,
  quantilesOfParts,
  quantilesOfSorted,
  sortedFinite,
} from './stats.ts';
import type { MachineSamples } from './indicators/durations.ts';
import { PATIENT_TYPES } from './indicators/types.ts';
import type {
  MachineIndicators,
  PeerBenchmark,
  SurveySummary,
  Typology,
} from './indicators/types.ts';

/** Narrows the peer group. Every given field must match. */
export interface PeerFilter {
  modality?: Modality;
  /** The establishment's `region` as the kit wrote it. */
  region?: string;
  legalStatus?: string;
  typology?: Typology;
  finess?: string;
  /** INSEE code of the site's département (`59`, `2A`, `971`), from its `SitePlace`. */
  department?: string;
  /** INSEE code of the site's current region (`32`), from its `SitePlace`. */
  inseeRegion?: string;
}

/** Where a site stands in INSEE's geography: its département and current region codes, `null` when unknown. */
export interface SitePlace {
  department: string | null;
  inseeRegion: string | null;
}

/** The `SitePlace` of each site, by FINESS. */
export type SitePlaces = ReadonlyMap<string, SitePlace>;

const NO_PLACES: SitePlaces = new Map();

/** A per-machine figure the benchmark distributes and ranks. */
export interface MachineFigure {
  key: string;
  /** The figure's value for a machine, `null` when it cannot be computed. */
  value: (m: MachineIndicators) => number | null;
  /** Taken over machines that pass the occupancy inclusion rule only. */
  includedOnly: boolean;
  unit: 'h/week' | 'fraction' | 'ICR/h' | 'exams/week' | 'min' | 'days';
}

const medianOf = (q: Quantiles | undefined): number | null => q?.p50 ?? null;

/** Every ranked figure, in the order of the site fiche. */
export const MACHINE_FIGURES: readonly MachineFigure[] = [
  {
    key: 'programmedOpening',
    value: (m) => m.openingHoursPerWeek.programmed,
    includedOnly: false,
    unit: 'h/week',
  },
  {
    key: 'extendedOpening',
    value: (m) => m.openingHoursPerWeek.extended,
    includedOnly: false,
    unit: 'h/week',
  },
  {
    key: 'totalOpening',
    value: (m) => m.openingHoursPerWeek.total,
    includedOnly: false,
    unit: 'h/week',
  },
  {
    key: 'occupancyProgrammed',
    value: (m) => m.occupancy.programmed,
    includedOnly: true,
    unit: 'fraction',
  },
  {
    key: 'occupancyProgrammedPlusEmergency',
    value: (m) => m.occupancy.programmedPlusEmergency,
    includedOnly: true,
    unit: 'fraction',
  },
  { key: 'icrPerHour', value: (m) => m.icrPerHour, includedOnly: true, unit: 'ICR/h' },
  {
    key: 'passagesPerWeek',
    value: (m) => m.passagesPerWeek,
    includedOnly: false,
    unit: 'exams/week',
  },
  { key: 'emergencyShare', value: (m) => m.emergencyShare, includedOnly: false, unit: 'fraction' },
  { key: 'nightPerWeek', value: (m) => m.night.perWeek, includedOnly: false, unit: 'exams/week' },
  {
    key: 'onCallHoursPerWeek',
    value: (m) => m.onCallHoursPerWeek,
    includedOnly: false,
    unit: 'h/week',
  },
  ...CATEGORIES.map((c): MachineFigure => ({
    key: `durationMedian${c}`,
    value: (m) => medianOf(m.durationMinutes[c]),
    includedOnly: false,
    unit: 'min',
  })),
  ...PATIENT_TYPES.map((t): MachineFigure => ({
    key: `reportDelayMedian_${t}`,
    value: (m) => medianOf(m.reportDelayMinutes[t]),
    includedOnly: false,
    unit: 'min',
  })),
];

/**
 * True when a machine belongs to the peer group. A département or INSEE region filter matches
 * only the machines whose site has that place in `places` (none when `places` is not given).
 *
 * @example
 * matchesFilter(m, { modality: 'MR', department: '59' }, new Map([[m.finess, { department: '59', inseeRegion: '32' }]]));
 */
export function matchesFilter(
  m: MachineIndicators,
  f: PeerFilter,
  places: SitePlaces = NO_PLACES,
): boolean {
  return (
    (f.modality === undefined || m.modality === f.modality) &&
    (f.region === undefined || m.region === f.region) &&
    (f.legalStatus === undefined || m.legalStatus === f.legalStatus) &&
    (f.typology === undefined || m.typology === f.typology) &&
    (f.finess === undefined || m.finess === f.finess) &&
    (f.department === undefined || places.get(m.finess)?.department === f.department) &&
    (f.inseeRegion === undefined || places.get(m.finess)?.inseeRegion === f.inseeRegion)
  );
}

function peerValues(peers: readonly MachineIndicators[], figure: MachineFigure): Float64Array {
  const values: number[] = [];
  for (const m of peers) {
    if (figure.includedOnly && !m.occupancyIncluded) continue;
    const v = figure.value(m);
    if (v !== null) values.push(v);
  }
  return sortedFinite(values);
}

function figure(key: string): MachineFigure {
  const f = MACHINE_FIGURES.find((x) => x.key === key);
  if (!f) throw new Error(`unknown figure ${key}`);
  return f;
}

function pooled<K extends string>(
  keys: readonly K[],
  peers: readonly MachineIndicators[],
  samples: ReadonlyMap<string, MachineSamples>,
  pick: (s: MachineSamples) => Partial<Record<K, Float64Array>>,
): Partial<Record<K, Quantiles>> {
  const out: Partial<Record<K, Quantiles>> = {};
  for (const k of keys) {
    const parts: Float64Array[] = [];
    let n = 0;
    for (const m of peers) {
      const s = samples.get(m.equipmentId);
      const part = s ? pick(s)[k] : undefined;
      if (part && part.length > 0) {
        parts.push(part);
        n += part.length;
      }
    }
    if (n === 0) continue;
    out[k] = quantilesOfParts(parts);
  }
  return out;
}

function medians<K extends string>(
  keys: readonly K[],
  peers: readonly MachineIndicators[],
  pick: (m: MachineIndicators) => Partial<Record<K, Quantiles>>,
): Partial<Record<K, Quantiles>> {
  const out: Partial<Record<K, Quantiles>> = {};
  for (const k of keys) {
    const values: number[] = [];
    for (const m of peers) {
      const v = pick(m)[k]?.p50;
      if (v !== null && v !== undefined) values.push(v);
    }
    if (values.length > 0) out[k] = quantiles(values);
  }
  return out;
}

const share = (
  peers: readonly MachineIndicators[],
  test: (m: MachineIndicators) => boolean,
): number | null => (peers.length === 0 ? null : peers.filter(test).length / peers.length);

/**
 * The benchmark of one peer group. Occupancy and ICR per hour are taken over included machines
 * only, every other distribution over all the peers; exam-level figures are pooled over the
 * peers' exams (needs their `samples`) and also given as the distribution of per-machine medians.
 */
export function peerBenchmark(
  peers: readonly MachineIndicators[],
  samples: ReadonlyMap<string, MachineSamples>,
): PeerBenchmark {
  const dist = (key: string): Quantiles => quantilesOfSorted(peerValues(peers, figure(key)));
  return {
    programmedOpening: dist('programmedOpening'),
    extendedOpening: dist('extendedOpening'),
    totalOpening: dist('totalOpening'),
    programmedPlusEmergencyOpening: quantiles(
      peers.map((m) => m.openingHoursPerWeek.programmedPlusEmergency),
    ),
    occupancyProgrammed: dist('occupancyProgrammed'),
    occupancyProgrammedPlusEmergency: dist('occupancyProgrammedPlusEmergency'),
    icrPerHour: dist('icrPerHour'),
    passagesPerWeek: dist('passagesPerWeek'),
    emergencyShare: dist('emergencyShare'),
    nightPerWeek: dist('nightPerWeek'),
    onCallHoursPerWeek: dist('onCallHoursPerWeek'),
    durationMinutes: pooled(CATEGORIES, peers, samples, (s) => s.durationMinutes),
    durationMedianMinutes: medians(CATEGORIES, peers, (m) => m.durationMinutes),
    reportDelayMinutes: pooled(PATIENT_TYPES, peers, samples, (s) => s.reportDelayMinutes),
    reportDelayMedianMinutes: medians(PATIENT_TYPES, peers, (m) => m.reportDelayMinutes),
    appointmentDelayDays: pooled(
      ['outpatient', 'inpatient'] as const,
      peers,
      samples,
      (s) => s.appointmentDelayDays,
    ),
    significantOnCallShare: share(peers, (m) => m.significantOnCall),
    strongNightShare: share(peers, (m) => m.night.level === 'strong'),
    lowNightShare: share(peers, (m) => m.night.level === 'low'),
    machines: peers.length,
    includedMachines: peers.filter((m) => m.occupancyIncluded).length,
  };
}

/** The benchmark per modality, over the machines that match `filter` (sites placed by `places`). */
export function benchmarkByModality(
  machines: readonly MachineIndicators[],
  samples: ReadonlyMap<string, MachineSamples>,
  filter: PeerFilter = {},
  places: SitePlaces = NO_PLACES,
): Partial<Record<Modality, PeerBenchmark>> {
  const out: Partial<Record<Modality, PeerBenchmark>> = {};
  for (const modality of MODALITIES) {
    if (filter.modality !== undefined && filter.modality !== modality) continue;
    const peers = machines.filter((m) => matchesFilter(m, { ...filter, modality }, places));
    if (peers.length > 0) out[modality] = peerBenchmark(peers, samples);
  }
  return out;
}

/** Sorted peer values of every figure, computed once for a peer group and reused for each rank. */
export type PeerValues = ReadonlyMap<string, Float64Array>;

export function peerValuesOf(peers: readonly MachineIndicators[]): PeerValues {
  return new Map(MACHINE_FIGURES.map((f) => [f.key, peerValues(peers, f)]));
}

/**
 * Percentile rank (0..1, ties counting half) of a machine for every figure, among `peers`
 * (usually its modality). Occupancy and ICR per hour rank against included peers only.
 */
export function percentRanks(
  m: MachineIndicators,
  peers: readonly MachineIndicators[] | PeerValues,
): Record<string, number | null> {
  const values = peers instanceof Map ? peers : peerValuesOf(peers as readonly MachineIndicators[]);
  const out: Record<string, number | null> = {};
  for (const f of MACHINE_FIGURES) {
    const v = f.value(m);
    const sorted = values.get(f.key);
    out[f.key] = v === null || !sorted ? null : percentRank(sorted, v);
  }
  return out;
}

/**
 * The appointment survey per modality: earliest appointment offered (days), pooled over all
 * answers per patient type (report, figures 1-2) and per clinical case (figures 3-6).
 */
export function surveySummary(
  answers: readonly SurveyAnswer[],
): Partial<Record<Modality, SurveySummary>> {
  const out: Partial<Record<Modality, SurveySummary>> = {};
  for (const modality of MODALITIES) {
    const mine = answers.filter((a) => a.modality === modality);
    if (mine.length === 0) continue;
    const byPatient: SurveySummary['byPatient'] = {};
    for (const patient of ['outpatient', 'inpatient'] as const) {
      const days = mine.filter((a) => a.patient === patient).map((a) => a.days);
      if (days.length > 0) byPatient[patient] = quantiles(days);
    }
    const keys = [...new Set(mine.map((a) => `${a.case}|${a.patient}`))].sort();
    const byCase = keys.map((key) => {
      const [c, p] = key.split('|') as [string, 'outpatient' | 'inpatient'];
      return {
        case: c,
        patient: p,
        days: quantiles(mine.filter((a) => a.case === c && a.patient === p).map((a) => a.days)),
      };
    });
    out[modality] = { modality, byPatient, byCase };
  }
  return out;
}
