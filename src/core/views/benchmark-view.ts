/**
 * The benchmark page: the peer group the filters select, its P20/P50/P80 per modality, its
 * machines and the appointment survey of its establishments. With no narrowing filter the
 * stored benchmark and survey are given as computed at import; a narrowed group is computed from
 * the stored per-machine results, its exam-level distributions pooled from the stored samples
 * when they cover every selected machine, and left out otherwise (`pooledExact` false).
 */
import { benchmarkByModality, matchesFilter, surveySummary } from '../benchmark.ts';
import type { MachineSamples } from '../indicators/durations.ts';
import type { PeerBenchmark, SurveySummary } from '../indicators/types.ts';
import type { Modality, SurveyAnswer } from '../kit-types.ts';
import type { CampaignIndex } from './campaign-index.ts';
import type { BenchmarkFilter } from './filters.ts';
import { narrowsModality, normalizeFilter } from './filters.ts';
import type { BenchmarkView, MachinePoint } from './types.ts';

const NO_SAMPLES: ReadonlyMap<string, MachineSamples> = new Map();

function onlyModality<T>(byModality: Partial<Record<Modality, T>>, modality: Modality | undefined): Partial<Record<Modality, T>> {
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
    return index.machinesOf(a.finess).some((m) => m.modality === a.modality && m.typology === filter.typology);
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
