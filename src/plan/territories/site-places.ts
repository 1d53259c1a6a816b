/**
 * The INSEE place of each campaign site, for the benchmark's département and INSEE region
 * filters: the département of its `establishments.csv` row (normalised), its region that of the
 * département, else the one its `region` cell names (a code or a current or pre-2016 name).
 */
import type { SitePlace } from '../../core/benchmark.ts';
import type { Establishment } from '../../core/kit-types.ts';
import { departmentByCode, regionCodeOf } from './population.ts';

/**
 * The place of one establishment; `null` fields when its cells name no known département or region.
 *
 * @example
 * sitePlace({ department: '2a', region: 'Corse', … }); // { department: '2A', inseeRegion: '94' }
 * sitePlace({ department: null, region: 'Nord-Pas-de-Calais', … }); // { department: null, inseeRegion: '32' }
 */
export function sitePlace(e: Pick<Establishment, 'department' | 'region'>): SitePlace {
  const department = e.department === null ? undefined : departmentByCode(e.department);
  if (department) return { department: department.code, inseeRegion: department.region };
  return { department: null, inseeRegion: regionCodeOf(e.region) };
}

/** The place of every establishment, by FINESS. */
export function sitePlaces(establishments: readonly Establishment[]): Map<string, SitePlace> {
  return new Map(establishments.map((e) => [e.finess, sitePlace(e)]));
}
