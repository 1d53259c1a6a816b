/**
 * The values the view filters can take that do not depend on a campaign (typologies, peer
 * scopes), and the normal form of a peer filter: only the fields given, in one order, so that
 * two equal filters give one memo key.
 */
import type { PeerFilter } from '../benchmark.ts';
import type { Typology } from '../indicators/types.ts';
import type { PeerScope } from './types.ts';

/** Every machine typology, in display order. */
export const TYPOLOGIES = ['emergency-dedicated', 'scheduled-centred'] as const satisfies readonly Typology[];

/** Every peer scope of the establishment view, widest first. */
export const PEER_SCOPES = ['modality', 'region', 'legalStatus', 'typology'] as const satisfies readonly PeerScope[];

/** The benchmark filters (`PeerFilter` without `finess`). */
export type BenchmarkFilter = Pick<PeerFilter, 'modality' | 'region' | 'legalStatus' | 'typology'>;

/**
 * The filter with only its defined fields, in a fixed order.
 *
 * @example
 * normalizeFilter({ region: undefined, modality: 'CT' }); // { modality: 'CT' }
 */
export function normalizeFilter(filter: BenchmarkFilter): BenchmarkFilter {
  const out: BenchmarkFilter = {};
  if (filter.modality !== undefined) out.modality = filter.modality;
  if (filter.region !== undefined) out.region = filter.region;
  if (filter.legalStatus !== undefined) out.legalStatus = filter.legalStatus;
  if (filter.typology !== undefined) out.typology = filter.typology;
  return out;
}

/** A string key of a filter, equal for equal filters (for memoizing views). */
export function filterKey(filter: BenchmarkFilter): string {
  const f = normalizeFilter(filter);
  return JSON.stringify([f.modality ?? null, f.region ?? null, f.legalStatus ?? null, f.typology ?? null]);
}

/**
 * True when the filter narrows a modality's machines (region, legal status or typology): the
 * benchmark of the selection is then not the stored one.
 */
export function narrowsModality(filter: BenchmarkFilter): boolean {
  return filter.region !== undefined || filter.legalStatus !== undefined || filter.typology !== undefined;
}
