/**
 * Listings of a campaign's establishments and regions, with their machines per modality and
 * exams, and the establishment search (region, legal status, name or FINESS).
 */
import type { MachineIndicators } from '../indicators/types.ts';
import type { Establishment } from '../kit-types.ts';
import type { CampaignIndex } from './campaign-index.ts';
import { compareLabels, machinesByModality } from './summary.ts';
import { foldText, matchesSearch } from './text-search.ts';
import type { EstablishmentListing, RegionListing } from './types.ts';

/**
 * One establishment's listing row from its machines' stored indicators; `bundle` marks a site
 * that came as a signed bundle of aggregates (`origin: 'bundle'`; raw data has no `origin`).
 */
export function establishmentListing(
  e: Establishment,
  machines: readonly MachineIndicators[],
  bundle = false,
): EstablishmentListing {
  return {
    finess: e.finess,
    name: e.name,
    region: e.region,
    department: e.department,
    legalStatus: e.legalStatus,
    machines: machinesByModality(machines),
    exams: machines.reduce((sum, m) => sum + m.exams, 0),
    ...(bundle ? { origin: 'bundle' as const } : {}),
  };
}

/** The establishment listing's filters; `q` searches names and FINESS, ignoring case and accents. */
export interface EstablishmentQuery {
  region?: string;
  legalStatus?: string;
  q?: string;
}

/**
 * The establishments matching every given filter, by name.
 *
 * @example
 * establishmentListings(index, { region: 'Hauts-de-France', q: 'chu lille' });
 */
export function establishmentListings(
  index: CampaignIndex,
  query: EstablishmentQuery = {},
): EstablishmentListing[] {
  const q = foldText(query.q ?? '');
  return index.listings.filter(
    (e) =>
      (query.region === undefined || e.region === query.region) &&
      (query.legalStatus === undefined || e.legalStatus === query.legalStatus) &&
      matchesSearch(q, index.searchFields(e.finess)),
  );
}

/** One row per region of the campaign, by name (`bundleSites` only when some came as bundles). */
export function regionListings(index: CampaignIndex): RegionListing[] {
  const rows = new Map<string, RegionListing>();
  for (const e of index.listings) {
    let row = rows.get(e.region);
    if (!row)
      rows.set(e.region, (row = { region: e.region, establishments: 0, machines: {}, exams: 0 }));
    row.establishments++;
    if (e.origin === 'bundle') row.bundleSites = (row.bundleSites ?? 0) + 1;
    row.exams += e.exams;
    for (const [modality, n] of Object.entries(e.machines) as [keyof typeof e.machines, number][])
      row.machines[modality] = (row.machines[modality] ?? 0) + n;
  }
  return [...rows.values()].sort((a, b) => compareLabels(a.region, b.region));
}
