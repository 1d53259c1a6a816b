/**
 * The campaign-level views: its reference, its summary line (as listed) and its filter options.
 */
import type { Campaign, Equipment, Establishment, Modality } from '../kit-types.ts';
import { MODALITIES } from '../kit-types.ts';
import type { MachineIndicators } from '../indicators/types.ts';
import type { CampaignIndex } from './campaign-index.ts';
import type { SitePlaces } from '../benchmark.ts';
import { compareDepartmentCodes, TYPOLOGIES } from './filters.ts';
import type { CampaignDetail, CampaignRef, CampaignSummary, FilterOptions } from './types.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Compares two labels as a French reader sorts them (accents after, numbers by value). */
export function compareLabels(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The reference of a campaign (its `campaign.json` fields). */
export function campaignRef(c: Campaign): CampaignRef {
  return { id: c.id, name: c.name, start: c.start, days: c.days, timeZone: c.timeZone };
}

/** Machines per modality of an equipment list (modalities with none left out). */
export function machinesByModality(
  equipment: readonly Pick<Equipment, 'modality'>[],
): Partial<Record<Modality, number>> {
  const out: Partial<Record<Modality, number>> = {};
  for (const modality of MODALITIES) {
    const n = equipment.filter((e) => e.modality === modality).length;
    if (n > 0) out[modality] = n;
  }
  return out;
}

/**
 * A campaign's summary line from its fields and counts.
 *
 * @example
 * campaignSummary(campaign, { updatedAt: '2026-01-01T00:00:00.000Z', exams: 12, establishments: 1, machines: { CT: 2 } });
 */
export function campaignSummary(
  campaign: Campaign,
  counts: {
    updatedAt: string;
    exams: number;
    establishments: number;
    machines: Partial<Record<Modality, number>>;
    /** Sites and machines that came as signed bundles (left out of the summary when 0 or absent). */
    bundleSites?: number;
    bundleMachines?: number;
  },
): CampaignSummary {
  return {
    ...campaignRef(campaign),
    updatedAt: counts.updatedAt,
    exams: counts.exams,
    machines: counts.machines,
    establishments: counts.establishments,
    ...(counts.bundleSites
      ? { bundleSites: counts.bundleSites, bundleMachines: counts.bundleMachines ?? 0 }
      : {}),
  };
}

/**
 * The values each filter takes in a campaign, sorted (typologies and modalities in their fixed
 * order, départements in INSEE's); départements and INSEE regions are those `places` gives the
 * establishments.
 */
export function filterOptions(
  establishments: readonly Establishment[],
  machines: readonly Pick<MachineIndicators, 'modality' | 'typology'>[],
  places: SitePlaces = new Map(),
): FilterOptions {
  const modalities = new Set(machines.map((m) => m.modality));
  const typologies = new Set(machines.map((m) => m.typology));
  const departments = new Set<string>();
  const inseeRegions = new Set<string>();
  for (const e of establishments) {
    const place = places.get(e.finess);
    if (place?.department) departments.add(place.department);
    if (place?.inseeRegion) inseeRegions.add(place.inseeRegion);
  }
  return {
    modalities: MODALITIES.filter((m) => modalities.has(m)),
    regions: [...new Set(establishments.map((e) => e.region))].sort(compareLabels),
    legalStatuses: [...new Set<string>(establishments.map((e) => e.legalStatus))].sort(),
    typologies: TYPOLOGIES.filter((t) => typologies.has(t)),
    departments: [...departments].sort(compareDepartmentCodes),
    inseeRegions: [...inseeRegions].sort(),
  };
}

/** `GET /api/campaigns/:id`: the summary and the filter options of a loaded campaign. */
export function campaignDetail(index: CampaignIndex): CampaignDetail {
  return { ...index.summary, options: index.options };
}
