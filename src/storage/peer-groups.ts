/**
 * The `peer_groups` table (migration 0008): a campaign's stored peer groups, replaced whole
 * whenever its results are written, and read by the scopes that may not see the peers' rows.
 * Keys are `peerGroupKey`'s, so a group is found by the same key the campaign index uses.
 */
import type { StoredPeerGroup } from '../core/access.ts';
import { peerGroupKey } from '../core/views/peer-groups.ts';
import type { Queryable } from './db.ts';
import type { Store } from './open-store.ts';

/**
 * Replaces every stored peer group of `campaignId` with `groups`, through `tx` (the transaction
 * writing the results they come from).
 *
 * @example
 * await writePeerGroups(tx, 'national-2010', storedPeerGroups(index));
 */
export async function writePeerGroups(
  tx: Queryable,
  campaignId: string,
  groups: readonly StoredPeerGroup[],
): Promise<void> {
  await tx.query('delete from peer_groups where campaign_id = $1', [campaignId]);
  if (groups.length === 0) return;
  await tx.query(
    `insert into peer_groups (campaign_id, key, filter, n, "values")
     select $1, u.key, u.filter::jsonb, u.n, u.v::jsonb
     from unnest($2::text[], $3::text[], $4::int4[], $5::text[]) as u (key, filter, n, v)`,
    [
      campaignId,
      groups.map((g) => peerGroupKey(g.filter)),
      groups.map((g) => JSON.stringify(g.filter)),
      groups.map((g) => g.n),
      groups.map((g) => (g.values === null ? null : JSON.stringify(g.values))),
    ],
  );
}

/** A filter with its fields in `storedPeerGroups`' order (jsonb keeps its own). */
function canonical(f: StoredPeerGroup['filter']): StoredPeerGroup['filter'] {
  const out: StoredPeerGroup['filter'] = { modality: f.modality };
  if (f.region !== undefined) out.region = f.region;
  if (f.legalStatus !== undefined) out.legalStatus = f.legalStatus;
  if (f.typology !== undefined) out.typology = f.typology;
  return out;
}

/**
 * The stored peer groups of `campaignId`, by key (empty when none are stored).
 *
 * @example
 * const groups = await loadPeerGroups(scopedStore(store, scope), 'national-2010');
 */
export async function loadPeerGroups(
  store: Store | { db: Queryable },
  campaignId: string,
): Promise<StoredPeerGroup[]> {
  const rows = await store.db.query<{ filter: string; n: number; values: string | null }>(
    `select filter::text as filter, n, "values"::text as "values" from peer_groups
     where campaign_id = $1 order by key collate "C"`,
    [campaignId],
  );
  return rows.map((r) => ({
    filter: canonical(JSON.parse(r.filter) as StoredPeerGroup['filter']),
    n: r.n,
    values: r.values === null ? null : (JSON.parse(r.values) as Record<string, number[]>),
  }));
}
