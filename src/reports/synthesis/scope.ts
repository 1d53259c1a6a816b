/**
 * What a synthesis covers: the whole campaign, or one region's establishments and machines with
 * the national figures beside them. Built from the stored results through the benchmark view
 * (a narrowed group pools its stored exam samples), never by recomputing an indicator.
 */
import type {
  MachineIndicators,
  PeerBenchmark,
  SurveySummary,
} from '../../core/indicators/types.ts';
import type { Establishment, Modality, SurveyAnswer } from '../../core/kit-types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import { benchmarkView } from '../../core/views/benchmark-view.ts';
import type { CampaignIndex } from '../../core/views/campaign-index.ts';
import type { MachinePoint } from '../../core/views/types.ts';

/** Which synthesis: national without a region. */
export interface SynthesisRequest {
  region?: string;
}

/** Thrown when the region asked has no establishment in the campaign. */
export class UnknownRegionError extends Error {
  readonly region: string;
  readonly known: readonly string[];
  constructor(region: string, known: readonly string[]) {
    super(`no establishment of region '${region}' in this campaign (regions: ${known.join(', ')})`);
    this.name = 'UnknownRegionError';
    this.region = region;
    this.known = known;
  }
}

/** The machines, figures and survey of one synthesis, with the national ones for a region. */
export interface SynthesisScope {
  index: CampaignIndex;
  /** `null` for the national synthesis. */
  region: string | null;
  establishments: readonly Establishment[];
  machines: readonly MachineIndicators[];
  points: readonly MachinePoint[];
  benchmark: Partial<Record<Modality, PeerBenchmark>>;
  survey: Partial<Record<Modality, SurveySummary>>;
  answers: readonly SurveyAnswer[];
  /** The whole campaign's benchmark and survey (a region's synthesis prints them beside its own). */
  national: {
    benchmark: Partial<Record<Modality, PeerBenchmark>>;
    survey: Partial<Record<Modality, SurveySummary>>;
  } | null;
  /** False when exam-level samples are missing for some machine of the scope. */
  pooledExact: boolean;
  /** Modalities with at least one machine in the scope. */
  modalities: readonly Modality[];
}

/**
 * The scope of a synthesis.
 *
 * @example
 * const scope = synthesisScope(index, { region: 'Bretagne' });
 * scope.machines.every((m) => m.region === 'Bretagne'); // true
 */
export function synthesisScope(index: CampaignIndex, request: SynthesisRequest): SynthesisScope {
  const region = request.region ?? null;
  if (region === null) {
    const view = benchmarkView(index, {});
    return {
      index,
      region: null,
      establishments: index.data.establishments,
      machines: index.machines,
      points: view.machines,
      benchmark: view.benchmark,
      survey: view.survey,
      answers: index.data.survey,
      national: null,
      pooledExact: view.pooledExact,
      modalities: MODALITIES.filter((m) => view.benchmark[m] !== undefined),
    };
  }
  const establishments = index.data.establishments.filter((e) => e.region === region);
  if (establishments.length === 0) throw new UnknownRegionError(region, index.options.regions);
  const finess = new Set(establishments.map((e) => e.finess));
  const view = benchmarkView(index, { region });
  return {
    index,
    region,
    establishments,
    machines: index.machines.filter((m) => m.region === region),
    points: view.machines,
    benchmark: view.benchmark,
    survey: view.survey,
    answers: index.data.survey.filter((a) => finess.has(a.finess)),
    national: { benchmark: index.data.results.benchmark, survey: index.data.results.survey },
    pooledExact: view.pooledExact,
    modalities: MODALITIES.filter((m) => view.benchmark[m] !== undefined),
  };
}
