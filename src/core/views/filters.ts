/**
 * The values the view filters can take that do not depend on a campaign (typologies, peer
 * scopes), and the normal form of a peer filter: only the fields given, in one order, so that
 * two equal filters give one memo key.
 */
import type { PeerFilter } from '../benchmark.ts';
import type { Typology } from '../indicators/types.ts';
import type { PeerScope } from './types.ts';

/** Every machine typology, in display order. */
export const TYPOLOGIES = [
  'emergency-dedicated',
  'scheduled-centred',
] as const satisfies readonly Typology[];

/** Every peer scope of the establishment view, widest first. */
export const PEER_SCOPES = [
  'modality',
  'region',
  'legalStatus',
  'typology',
] as const satisfies readonly PeerScope[];

/** The benchmark filters (`PeerFilter` without `finess`). */
export type BenchmarkFilter = Pick<
  PeerFilter,
  'modality' | 'region' | 'legalStatus' | 'typology' | 'department' | 'inseeRegion'
>;

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
  if (filter.department !== undefined) out.department = filter.department;
  if (filter.inseeRegion !== undefined) out.inseeRegion = filter.inseeRegion;
  return out;
}

/** A string key of a filter, equal for equal filters (for memoizing views). */
export function filterKey(filter: BenchmarkFilter): string {
  const f = normalizeFilter(filter);
  return JSON.stringify([
    f.modality ?? null,
    f.region ?? null,
    f.legalStatus ?? null,
    f.typology ?? null,
    f.department ?? null,
    f.inseeRegion ?? null,
  ]);
}

/**
 * True when the filter narrows a modality's machines (region, legal status, typology,
 * département or INSEE region): the benchmark of the selection is then not the stored one.
 */
export function narrowsModality(filter: BenchmarkFilter): boolean {
  return (
    filter.region !== undefined ||
    filter.legalStatus !== undefined ||
    filter.typology !== undefined ||
    filter.department !== undefined ||
    filter.inseeRegion !== undefined
  );
}

/**
 * Compares two INSEE département codes in INSEE's order: `19` < `2A` < `2B` < `21` … `95` < `971`.
 *
 * @example
 * ['971', '21', '2A', '01'].sort(compareDepartmentCodes); // ['01', '2A', '21', '971']
 */
export function compareDepartmentCodes(a: string, b: string): number {
  const key = (code: string): string => {
    const corsica = code.replace(/^2([AB])$/, '20$1');
    return corsica.length < 3 ? corsica.padEnd(3, ' ') : corsica;
  };
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
