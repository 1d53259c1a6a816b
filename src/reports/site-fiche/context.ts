/**
 * What every part of a site fiche needs: the campaign, the establishment, the language, the
 * peer scope, and the peers' benchmark of each machine (computed once per peer group).
 */
import type { PeerBenchmark, SurveySummary } from '../../core/indicators/types.ts';
import type {
  CampaignIndex,
  EstablishmentListing,
  MachineComparison,
  PeerScope,
} from '../../core/views/index.ts';
import { benchmarkView } from '../../core/views/index.ts';
import type { Lang } from '../../i18n/index.ts';
import type { Modality } from '../../core/kit-types.ts';
import type { MachineWhatIf } from './what-would-change.ts';

/** The peers of a machine as the benchmark page would show them. */
export interface PeerData {
  benchmark: PeerBenchmark | null;
  survey: SurveySummary | null;
  /** Exam-level distributions pooled over every peer (false when samples were missing). */
  pooledExact: boolean;
}

/** A fiche being written. */
export interface FicheContext {
  index: CampaignIndex;
  lang: Lang;
  scope: PeerScope;
  establishment: EstablishmentListing;
  machines: readonly MachineComparison[];
  peersOf(machine: MachineComparison): PeerData;
  /** The national (whole modality) survey distribution. */
  nationalSurvey(modality: Modality): SurveySummary | null;
  /** The establishment's region's survey distribution (null without a region). */
  regionalSurvey(modality: Modality): SurveySummary | null;
  /**
   * The simulated leads of each machine (by equipment id), computed by the caller; when absent
   * the fiche has no "what would change" page.
   */
  whatIf?: ReadonlyMap<string, MachineWhatIf>;
}

/** The context of `establishment`'s fiche; peer benchmarks are computed on first use. */
export function ficheContext(
  index: CampaignIndex,
  establishment: EstablishmentListing,
  machines: readonly MachineComparison[],
  lang: Lang,
  scope: PeerScope,
  whatIf?: ReadonlyMap<string, MachineWhatIf>,
): FicheContext {
  const cache = new Map<string, PeerData>();
  const peersOf = (machine: MachineComparison): PeerData => {
    const f = machine.peerFilter;
    const key = JSON.stringify([
      f.modality,
      f.region ?? null,
      f.legalStatus ?? null,
      f.typology ?? null,
    ]);
    let data = cache.get(key);
    if (!data) {
      const filter = {
        modality: machine.point.modality,
        ...(f.region !== undefined ? { region: f.region } : {}),
        ...(f.legalStatus !== undefined ? { legalStatus: f.legalStatus } : {}),
        ...(f.typology !== undefined ? { typology: f.typology } : {}),
      };
      const view = benchmarkView(index, filter);
      data = {
        benchmark: view.benchmark[machine.point.modality] ?? null,
        survey: view.survey[machine.point.modality] ?? null,
        pooledExact: view.pooledExact,
      };
      cache.set(key, data);
    }
    return data;
  };
  const regionName = establishment.region;
  const regional = new Map<Modality, SurveySummary | null>();
  return {
    index,
    lang,
    scope,
    establishment,
    machines,
    peersOf,
    ...(whatIf ? { whatIf } : {}),
    nationalSurvey: (modality) => index.data.results.survey[modality] ?? null,
    regionalSurvey: (modality) => {
      if (!regionName) return null;
      if (!regional.has(modality)) {
        regional.set(
          modality,
          benchmarkView(index, { modality, region: regionName }).survey[modality] ?? null,
        );
      }
      return regional.get(modality) ?? null;
    },
  };
}

/** "Scanner Écho 1 (CT-LATE)" or the identifier alone. */
export function machineTitle(machine: MachineComparison): string {
  const { label, equipmentId } = machine.point;
  return label && label !== equipmentId ? `${label} (${equipmentId})` : equipmentId;
}
