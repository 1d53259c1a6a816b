/**
 * Group bands: a region's (the kits' `region` string) or the nation's machines of one modality in
 * one campaign — how many machines, sites, bundle sites and exams, and each figure's P20/P50/P80
 * over them (`includedOnly` figures over included machines, as `peerBenchmark`). A partial index
 * counts its own rows but takes the bands from the stored peer groups (none under `MIN_PEERS`).
 */
import { MACHINE_FIGURES, peerValuesOf } from '../benchmark.ts';
import type { MachineIndicators } from '../indicators/types.ts';
import type { Modality } from '../kit-types.ts';
import type { Quantiles } from '../stats.ts';
import { quantilesOfSorted, sortedFinite } from '../stats.ts';
import type { CampaignIndex } from '../views/campaign-index.ts';
import type { FigureKey } from '../views/types.ts';
import type { GroupTrendYear } from './types.ts';

/** Each figure's band, null when no machine has a value. */
export type Bands = Record<FigureKey, Quantiles | null>;

const EMPTY: readonly number[] = [];

function band(sorted: ArrayLike<number>): Quantiles | null {
  return sorted.length === 0 ? null : quantilesOfSorted(sorted);
}

/** The bands of every `MACHINE_FIGURES` key over `machines`. */
export function bandsOf(machines: readonly MachineIndicators[]): Bands {
  const values = peerValuesOf(machines);
  return Object.fromEntries(MACHINE_FIGURES.map((f) => [f.key, band(values.get(f.key) ?? EMPTY)]));
}

/** The bands of a partial index's stored group (all null when not stored, or hidden under `MIN_PEERS`). */
export function storedBands(
  index: CampaignIndex,
  modality: Modality,
  region: string | null,
): Bands {
  const stored = index.storedGroup(region === null ? { modality } : { modality, region });
  return Object.fromEntries(
    MACHINE_FIGURES.map((f) => [
      f.key,
      stored?.values ? band(sortedFinite(stored.values[f.key] ?? EMPTY)) : null,
    ]),
  );
}

/** The machines of a modality in the region (every region when null) that the index holds. */
export function groupMachines(
  index: CampaignIndex,
  modality: Modality,
  region: string | null,
): MachineIndicators[] {
  return index.machines.filter(
    (m) => m.modality === modality && (region === null || m.region === region),
  );
}

/**
 * The bands of a group in a campaign: computed over its machines, or for a partial index the
 * stored group's.
 */
export function groupBands(index: CampaignIndex, modality: Modality, region: string | null): Bands {
  return index.partial
    ? storedBands(index, modality, region)
    : bandsOf(groupMachines(index, modality, region));
}

/**
 * One modality of a group in one campaign; `national` only for a region.
 *
 * @example
 * groupYear(index, 'CT', 'Hauts-de-France').figures['programmedOpening']?.p50;
 */
export function groupYear(
  index: CampaignIndex,
  modality: Modality,
  region: string | null,
): GroupTrendYear {
  const machines = groupMachines(index, modality, region);
  const sites = new Set(machines.map((m) => m.finess));
  let bundleSites = 0;
  for (const finess of sites) if (index.data.bundleSites?.has(finess) === true) bundleSites++;
  return {
    campaignId: index.ref.id,
    machines: machines.length,
    sites: sites.size,
    bundleSites,
    exams: machines.reduce((sum, m) => sum + m.exams, 0),
    figures: groupBands(index, modality, region),
    national: region === null ? null : groupBands(index, modality, null),
  };
}
