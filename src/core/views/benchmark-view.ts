/**
 * The benchmark page: the peer group the filters select, its P20/P50/P80 per modality, its
 * machines and the appointment survey of its establishments. With no narrowing filter the
 * stored benchmark and survey are given as computed at import; a narrowed group is computed from
 * the stored per-machine results, its exam-level distributions pooled from the stored samples
 * when they cover every selected machine, and left out otherwise (`pooledExact` false).
 * A partial index (a site or region scope) shows its own machines, and a modality's
 * distributions only from the stored peer group the filter names (a modality, narrowed by at
 * most one of region, legal status and typology) when it holds at least `MIN_PEERS` machines.
 */
import type { StoredPeerGroup } from '../access.ts';
import { benchmarkByModality, matchesFilter, surveySummary } from '../benchmark.ts';
import type { MachineSamples } from '../indicators/durations.ts';
import type { PatientType, PeerBenchmark, SurveySummary } from '../indicators/types.ts';
import type { Category, Modality, SurveyAnswer } from '../kit-types.ts';
import { CATEGORIES, MODALITIES } from '../kit-types.ts';
import type { Quantiles } from '../stats.ts';
import { quantilesOfSorted, sortedFinite } from '../stats.ts';
import type { CampaignIndex } from './campaign-index.ts';
import type { BenchmarkFilter } from './filters.ts';
import { narrowsModality, normalizeFilter } from './filters.ts';
import type { BenchmarkView, MachinePoint } from './types.ts';

const NO_SAMPLES: ReadonlyMap<string, MachineSamples> = new Map();

function onlyModality<T>(
  byModality: Partial<Record<Modality, T>>,
  modality: Modality | undefined,
): Partial<Record<Modality, T>> {
  if (modality === undefined) return { ...byModality };
  const value = byModality[modality];
  return value === undefined ? {} : { [modality]: value };
}

/**
 * The survey answers of the selection: establishments of the region, legal status, département
 * and INSEE region asked, and with a typology, only answers about a modality the site has a
 * machine of that typology in.
 */
function selectedAnswers(index: CampaignIndex, filter: BenchmarkFilter): SurveyAnswer[] {
  return index.data.survey.filter((a) => {
    const e = index.establishmentByFiness.get(a.finess);
    if (!e) return false;
    if (filter.region !== undefined && e.region !== filter.region) return false;
    if (filter.legalStatus !== undefined && e.legalStatus !== filter.legalStatus) return false;
    const place = index.places.get(a.finess);
    if (filter.department !== undefined && place?.department !== filter.department) return false;
    if (filter.inseeRegion !== undefined && place?.inseeRegion !== filter.inseeRegion) return false;
    if (filter.typology === undefined) return true;
    return index
      .machinesOf(a.finess)
      .some((m) => m.modality === a.modality && m.typology === filter.typology);
  });
}

/**
 * The points of the machines matching `filter`, in the results' order.
 *
 * @example
 * selectMachines(index, { modality: 'MR', typology: 'emergency-dedicated' }).length;
 */
export function selectMachines(index: CampaignIndex, filter: BenchmarkFilter = {}): MachinePoint[] {
  const f = normalizeFilter(filter);
  const out: MachinePoint[] = [];
  for (const m of index.machines) {
    const point = index.points.get(m.equipmentId);
    if (point && matchesFilter(m, f, index.places)) out.push(point);
  }
  return out;
}

/**
 * The benchmark view of the machines matching `filter`.
 *
 * @example
 * const view = benchmarkView(index, { modality: 'CT', region: 'Bretagne' });
 * view.benchmark.CT?.occupancyProgrammed.p50;
 */
export function benchmarkView(index: CampaignIndex, filter: BenchmarkFilter = {}): BenchmarkView {
  const f = normalizeFilter(filter);
  if (index.partial && !placeSeenWhole(index, f)) return partialBenchmarkView(index, f);
  const selected = index.machines.filter((m) => matchesFilter(m, f, index.places));
  const { results, samples } = index.data;
  let benchmark: Partial<Record<Modality, PeerBenchmark>>;
  let survey: Partial<Record<Modality, SurveySummary>>;
  let pooledExact: boolean;
  if (!narrowsModality(f)) {
    benchmark = onlyModality(results.benchmark, f.modality);
    survey = onlyModality(results.survey, f.modality);
    pooledExact = true;
  } else {
    pooledExact = selected.every((m) => samples.has(m.equipmentId));
    benchmark = benchmarkByModality(selected, pooledExact ? samples : NO_SAMPLES, f, index.places);
    survey = onlyModality(surveySummary(selectedAnswers(index, f)), f.modality);
  }
  return {
    campaign: index.ref,
    filter: f,
    options: index.options,
    benchmark,
    survey,
    machines: selectMachines(index, f),
    pooledExact,
  };
}

const PATIENT_TYPES: readonly PatientType[] = ['outpatient', 'inpatient', 'emergency'];

/**
 * The benchmark of a stored peer group (n ≥ `MIN_PEERS`): every per-machine figure's
 * distribution from its stored sorted values, and the per-machine medians of durations and
 * report delays; what needs exams or rows (pooled exam-level distributions, shares of night and
 * on-call levels) is not stored and left out (empty, null). `includedMachines` counts the
 * values of the programmed occupancy (the included machines whose occupancy is known).
 */
export function storedPeerBenchmark(
  group: StoredPeerGroup & { values: Record<string, number[]> },
): PeerBenchmark {
  const values = group.values;
  const sorted = (key: string): Float64Array => sortedFinite(values[key] ?? []);
  const dist = (key: string): Quantiles => quantilesOfSorted(sorted(key));
  const medians = <K extends string>(
    keys: readonly K[],
    figure: (k: K) => string,
  ): Partial<Record<K, Quantiles>> => {
    const out: Partial<Record<K, Quantiles>> = {};
    for (const k of keys) {
      const v = sorted(figure(k));
      if (v.length > 0) out[k] = quantilesOfSorted(v);
    }
    return out;
  };
  return {
    programmedOpening: dist('programmedOpening'),
    extendedOpening: dist('extendedOpening'),
    totalOpening: dist('totalOpening'),
    programmedPlusEmergencyOpening: dist('programmedPlusEmergencyOpening'),
    occupancyProgrammed: dist('occupancyProgrammed'),
    occupancyProgrammedPlusEmergency: dist('occupancyProgrammedPlusEmergency'),
    icrPerHour: dist('icrPerHour'),
    passagesPerWeek: dist('passagesPerWeek'),
    emergencyShare: dist('emergencyShare'),
    nightPerWeek: dist('nightPerWeek'),
    onCallHoursPerWeek: dist('onCallHoursPerWeek'),
    durationMinutes: {},
    durationMedianMinutes: medians<Category>(CATEGORIES, (c) => `durationMedian${c}`),
    reportDelayMinutes: {},
    reportDelayMedianMinutes: medians(PATIENT_TYPES, (t) => `reportDelayMedian_${t}`),
    appointmentDelayDays: {},
    significantOnCallShare: null,
    strongNightShare: null,
    lowNightShare: null,
    machines: group.n,
    includedMachines: sorted('occupancyProgrammed').length,
  };
}

/**
 * True when a partial index holds every machine the filter selects: a region scope's index
 * (`data.wholeRegion`) under a place filter (kit region, INSEE region, département) whose
 * selection lies in its region. A place lies in one region, and the scope sees every site of its
 * region, so the benchmark is then computed from its own rows as the full index computes it;
 * a place outside selects nothing it holds and falls back to the stored groups.
 */
function placeSeenWhole(index: CampaignIndex, f: BenchmarkFilter): boolean {
  const region = index.data.wholeRegion;
  if (region === undefined) return false;
  if (f.region === undefined && f.inseeRegion === undefined && f.department === undefined)
    return false;
  if (f.inseeRegion !== undefined && f.inseeRegion !== region) return false;
  const selected = index.machines.filter((m) => matchesFilter(m, f, index.places));
  return (
    selected.length > 0 && selected.every((m) => index.places.get(m.finess)?.inseeRegion === region)
  );
}

/**
 * The benchmark view of a partial index: its own machines matching the filter; per modality, the
 * stored campaign benchmark (unnarrowed filter) or the stored group's (narrowed by one field),
 * only when that group is stored over at least `MIN_PEERS` machines; no survey for a narrowed
 * filter (the answers of peer sites are not readable, and no aggregate of them is stored).
 */
function partialBenchmarkView(index: CampaignIndex, f: BenchmarkFilter): BenchmarkView {
  const { results } = index.data;
  const narrowed = narrowsModality(f);
  const fields = [f.region, f.legalStatus, f.typology].filter((v) => v !== undefined).length;
  const stored = f.department === undefined && f.inseeRegion === undefined && fields <= 1;
  const benchmark: Partial<Record<Modality, PeerBenchmark>> = {};
  let pooledExact = !narrowed;
  for (const modality of MODALITIES) {
    if (!stored || (f.modality !== undefined && f.modality !== modality)) continue;
    const group = index.storedGroup({ ...f, modality });
    if (!group?.values) continue;
    // The partial index keeps the stored campaign benchmark of a shown modality: pooled distributions included.
    const campaignWide = narrowed ? undefined : results.benchmark[modality];
    if (!campaignWide) pooledExact = false;
    benchmark[modality] = campaignWide ?? storedPeerBenchmark({ ...group, values: group.values });
  }
  return {
    campaign: index.ref,
    filter: f,
    options: index.options,
    benchmark,
    survey: narrowed ? {} : onlyModality(results.survey, f.modality),
    machines: selectMachines(index, f),
    pooledExact,
  };
}
