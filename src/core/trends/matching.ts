/**
 * Matching machines across campaigns (issue 16): a machine of a later campaign continues the
 * earlier campaign's machine of the same `equipment_id`, else the one its `previous_id` names —
 * unless that one is still in the later campaign under its own id (then it continues itself). A
 * machine is followed back from the last campaign it is in, across gaps, one step per campaign.
 */
import type { MachineIndicators } from '../indicators/types.ts';
import type { CampaignIndex } from '../views/campaign-index.ts';
import type { TrendSeries } from './index.ts';
import type { MachineLink, SiteOrigin, TrendChangeKind } from './types.ts';

/** How an earlier campaign's machine is continued in a later one. */
export interface Continuation {
  machine: MachineIndicators;
  link: 'same-id' | 'mapped';
}

/**
 * The machine of `earlier` that `m` (a machine of `later`) continues; null when none.
 *
 * @example
 * continuedFrom(index2010, index2011, index2011.machineById.get('CT-NEW')!); // { machine: CT-OLD, link: 'mapped' }
 */
export function continuedFrom(
  earlier: CampaignIndex,
  later: CampaignIndex,
  m: MachineIndicators,
): Continuation | null {
  const same = earlier.machineById.get(m.equipmentId);
  if (same) return { machine: same, link: 'same-id' };
  const previousId = later.equipmentById.get(m.equipmentId)?.previousId;
  if (previousId === undefined || later.machineById.has(previousId)) return null;
  const previous = earlier.machineById.get(previousId);
  return previous ? { machine: previous, link: 'mapped' } : null;
}

/**
 * A machine followed over the series: its machine in each campaign (null when absent) and how it
 * is known there (`MachineLink.link`). `last` is the position of the last campaign it is in.
 */
export interface FollowedMachine {
  steps: (MachineIndicators | null)[];
  links: MachineLink['link'][];
  last: number;
}

/**
 * The machine `equipmentId` of campaign `from` (a position in the series) followed back to the
 * first campaign, across campaigns it is absent from; every campaign after `from` is `absent`.
 * Null when it is not in that campaign.
 */
export function followBack(
  series: TrendSeries,
  from: number,
  equipmentId: string,
): FollowedMachine | null {
  const start = series[from]?.machineById.get(equipmentId);
  if (!start) return null;
  const steps: (MachineIndicators | null)[] = series.map(() => null);
  const links: MachineLink['link'][] = series.map(() => 'absent');
  steps[from] = start;
  links[from] = 'same-id';
  let current = start;
  let currentIndex = series[from] as CampaignIndex;
  for (let k = from - 1; k >= 0; k--) {
    const index = series[k] as CampaignIndex;
    const found = continuedFrom(index, currentIndex, current);
    if (!found) continue;
    steps[k] = found.machine;
    links[k] = found.link;
    current = found.machine;
    currentIndex = index;
  }
  return { steps, links, last: from };
}

/**
 * Whether a mapped machine replaced the earlier one or is the same machine renamed: replaced when
 * their installation years differ (one known and not the other counts as differing).
 */
export function mappedKind(
  earlier: CampaignIndex,
  earlierId: string,
  later: CampaignIndex,
  laterId: string,
): TrendChangeKind {
  const before = earlier.equipmentById.get(earlierId)?.installedYear ?? null;
  const after = later.equipmentById.get(laterId)?.installedYear ?? null;
  return before === after ? 'machine-renamed' : 'machine-replaced';
}

/** Where a site's figures came from in a campaign; null when the site is not in it. */
export function siteOrigin(index: CampaignIndex, finess: string): SiteOrigin | null {
  if (!index.establishmentByFiness.has(finess) && index.machinesOf(finess).length === 0)
    return null;
  return index.data.bundleSites?.has(finess) === true ? 'bundle' : 'raw';
}

/** True when the site is in the campaign (its establishment row, or machines of it). */
export function sitePresent(index: CampaignIndex, finess: string): boolean {
  return siteOrigin(index, finess) !== null;
}

/** The positions (earlier, later) of consecutive campaigns a followed machine is in. */
export function presentPairs(steps: readonly (MachineIndicators | null)[]): [number, number][] {
  const pairs: [number, number][] = [];
  let previous = -1;
  steps.forEach((m, k) => {
    if (m === null) return;
    if (previous >= 0) pairs.push([previous, k]);
    previous = k;
  });
  return pairs;
}
