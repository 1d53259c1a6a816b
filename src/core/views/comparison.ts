/**
 * A machine compared with its peers: for every ranked figure, its value, the peers' P20/P50/P80
 * and its percentile rank among them, the peer group being its modality narrowed by a scope.
 * In a partial index (a site or region scope) the group is the stored one: no quantile and no
 * rank when it holds fewer than `MIN_PEERS` machines.
 */
import { MACHINE_FIGURES, percentRanks } from '../benchmark.ts';
import type { MachineIndicators } from '../indicators/types.ts';
import type { CampaignIndex } from './campaign-index.ts';
import type { FigureComparison, MachineComparison, PeerScope } from './types.ts';

const NO_QUANTILES = { n: 0, p20: null, p50: null, p80: null };

/**
 * One machine against the peers the scope selects (its modality, and its region, legal status
 * or typology); uses the index's memoized peer groups, so it costs one rank per figure.
 *
 * @example
 * machineComparison(index, index.machineById.get('CT-001')!, 'region').figures[0]?.rank;
 */
export function machineComparison(
  index: CampaignIndex,
  m: MachineIndicators,
  scope: PeerScope,
): MachineComparison {
  const group = index.peerGroup(m, scope);
  const ranks = percentRanks(m, group.values);
  const figures = MACHINE_FIGURES.map((f): FigureComparison => ({
    key: f.key,
    unit: f.unit,
    value: f.value(m),
    peers: group.quantiles.get(f.key) ?? NO_QUANTILES,
    rank: ranks[f.key] ?? null,
  }));
  const point = index.points.get(m.equipmentId);
  if (!point) throw new Error(`machine ${m.equipmentId} is not in the campaign index`);
  return {
    point,
    peerFilter: { ...group.filter },
    peerCount: group.count,
    figures,
    leads: m.leads,
    indicators: m,
  };
}
