/**
 * The peer groups stored for the scopes that cannot see every machine (issue 15): every group the
 * establishment view can ask for — a modality alone, or narrowed by one region, legal status or
 * typology present among its machines — with its size and the sorted values of every ranked
 * figure, taken from the `CampaignIndex` itself (same filters, same values), and no values at all
 * when it holds fewer than `MIN_PEERS` machines.
 */
import type { StoredPeerGroup } from '../access.ts';
import { MIN_PEERS } from '../access.ts';
import { matchesFilter } from '../benchmark.ts';
import type { MachineIndicators } from '../indicators/types.ts';
import type { CampaignIndex, PeerGroup } from './campaign-index.ts';
import type { PeerScope } from './types.ts';

/**
 * The key of a peer group's filter, as the campaign index keys its groups and `peer_groups.key`
 * stores them: `["MR","Nord",null,null]`.
 *
 * @example
 * peerGroupKey({ modality: 'CT', legalStatus: 'CH' }); // '["CT",null,"CH",null]'
 */
export function peerGroupKey(filter: StoredPeerGroup['filter']): string {
  return JSON.stringify([
    filter.modality,
    filter.region ?? null,
    filter.legalStatus ?? null,
    filter.typology ?? null,
  ]);
}

/** A group of the index as stored: its filter, size, and each figure's sorted values (or null). */
function stored(index: CampaignIndex, group: PeerGroup): StoredPeerGroup {
  const { modality, region, legalStatus, typology } = group.filter;
  if (modality === undefined) throw new TypeError('a stored peer group always has a modality');
  const filter: StoredPeerGroup['filter'] = { modality };
  if (region !== undefined) filter.region = region;
  if (legalStatus !== undefined) filter.legalStatus = legalStatus;
  if (typology !== undefined) filter.typology = typology;
  // Counted here, with the index's own filter semantics, whatever else the group carries.
  const n = index.machines.filter((m) => matchesFilter(m, group.filter, index.places)).length;
  const values =
    n < MIN_PEERS
      ? null
      : Object.fromEntries([...group.values].map(([key, sorted]) => [key, Array.from(sorted)]));
  return { filter, n, values };
}

/**
 * Every peer group of `index`'s machines: per modality present, the modality alone, then each
 * region, legal status and typology its machines have (ordered by key). Each group is the index's
 * own (`CampaignIndex.peerGroup`, asked of a machine that has the value), so a view over the stored
 * groups shows the figures a view over the index would.
 *
 * @example
 * storedPeerGroups(index).find((g) => peerGroupKey(g.filter) === '["MR",null,null,null]')?.n; // 212
 */
export function storedPeerGroups(index: CampaignIndex): StoredPeerGroup[] {
  // One machine per group: the index narrows the machine's modality by the scope's field.
  const representative = new Map<string, { m: MachineIndicators; scope: PeerScope }>();
  const add = (m: MachineIndicators, scope: PeerScope, filter: StoredPeerGroup['filter']): void => {
    const key = peerGroupKey(filter);
    if (!representative.has(key)) representative.set(key, { m, scope });
  };
  for (const m of index.machines) {
    add(m, 'modality', { modality: m.modality });
    if (m.region !== null) add(m, 'region', { modality: m.modality, region: m.region });
    if (m.legalStatus !== null)
      add(m, 'legalStatus', { modality: m.modality, legalStatus: m.legalStatus });
    add(m, 'typology', { modality: m.modality, typology: m.typology });
  }
  return [...representative.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { m, scope }]) => stored(index, index.peerGroup(m, scope)));
}
