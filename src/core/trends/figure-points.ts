/**
 * Figure points of a followed machine: per campaign, its stored figure value, the band of its
 * modality's peers in that campaign (the index's peer group: computed, or the stored one for a
 * partial index, hidden under `MIN_PEERS`) and its stored percentile rank. Nothing is recomputed.
 */
import { MACHINE_FIGURES } from '../benchmark.ts';
import type { MachineFigure } from '../benchmark.ts';
import type { MachineIndicators } from '../indicators/types.ts';
import type { PeerGroup } from '../views/campaign-index.ts';
import type { TrendSeries } from './index.ts';
import type { FigureTrend, TrendPoint } from './types.ts';

/** One figure of a machine in one campaign (`m` null when absent: no value, no band). */
export function figurePoint(
  campaignId: string,
  m: MachineIndicators | null,
  group: PeerGroup | null,
  figure: MachineFigure,
): TrendPoint {
  if (m === null || group === null)
    return { campaignId, value: null, peers: null, peerCount: 0, rank: null };
  return {
    campaignId,
    value: figure.value(m),
    peers: group.quantiles.get(figure.key) ?? null,
    peerCount: group.count,
    rank: m.percentRank?.[figure.key] ?? null,
  };
}

/**
 * Every `MACHINE_FIGURES` key followed over the series, one point per campaign.
 *
 * @example
 * figureTrends(series, followBack(series, series.length - 1, 'CT-001')!.steps)[0]?.points[2]?.rank;
 */
export function figureTrends(
  series: TrendSeries,
  steps: readonly (MachineIndicators | null)[],
): FigureTrend[] {
  const groups = series.map((index, k) => {
    const m = steps[k] ?? null;
    return m === null ? null : index.peerGroup(m, 'modality');
  });
  return MACHINE_FIGURES.map((f) => ({
    key: f.key,
    unit: f.unit,
    points: series.map((index, k) =>
      figurePoint(index.ref.id, steps[k] ?? null, groups[k] ?? null, f),
    ),
  }));
}
