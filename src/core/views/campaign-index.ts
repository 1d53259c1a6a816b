/**
 * A loaded campaign, indexed once for every view built from it: machines by id and by site,
 * their points, the establishment listings and search keys, the filter options, and the peer
 * groups of the establishment view (per modality at once, narrower ones on first use). Building
 * a view from it is then a matter of selecting, never of scanning the campaign again.
 */
import { CampaignCalendar } from '../calendar.ts';
import type { PeerFilter, PeerValues, SitePlaces } from '../benchmark.ts';
import { MACHINE_FIGURES, matchesFilter, peerValuesOf } from '../benchmark.ts';
import type { CampaignIndicators, MachineIndicators } from '../indicators/types.ts';
import type { MachineSamples } from '../indicators/durations.ts';
import type { Equipment, Establishment, SurveyAnswer } from '../kit-types.ts';
import { MODALITIES } from '../kit-types.ts';
import type { Quantiles } from '../stats.ts';
import { quantilesOfSorted } from '../stats.ts';
import { establishmentListing } from './listings.ts';
import { machinePoint } from './machine-point.ts';
import { campaignRef, campaignSummary, compareLabels, filterOptions, machinesByModality } from './summary.ts';
import { foldText } from './text-search.ts';
import type {
  CampaignRef,
  CampaignSummary,
  EstablishmentListing,
  FilterOptions,
  MachinePoint,
  PeerScope,
} from './types.ts';

/** What the views are built from: a campaign's stored results and records, as loaded. */
export interface CampaignData {
  results: CampaignIndicators;
  /** Exam-level samples per machine (empty when they are not stored). */
  samples: ReadonlyMap<string, MachineSamples>;
  establishments: readonly Establishment[];
  equipment: readonly Equipment[];
  survey: readonly SurveyAnswer[];
  /** ISO instant of the campaign's last import. */
  updatedAt: string;
  /**
   * The INSEE département and region of each site, for the département and INSEE region
   * filters (computed by the layer that loads the campaign; without it they select nothing).
   */
  places?: SitePlaces;
}

/** A peer group of the establishment view, with its sorted figure values and their quantiles. */
export interface PeerGroup {
  filter: PeerFilter;
  machines: readonly MachineIndicators[];
  values: PeerValues;
  quantiles: ReadonlyMap<string, Quantiles>;
}

const EMPTY: readonly never[] = [];

/**
 * The index of a loaded campaign (see the module comment).
 *
 * @example
 * const index = new CampaignIndex({ results, samples, establishments, equipment, survey, updatedAt });
 * establishmentView(index, '590780193', 'region');
 */
export class CampaignIndex {
  readonly data: CampaignData;
  readonly ref: CampaignRef;
  readonly summary: CampaignSummary;
  readonly calendar: CampaignCalendar;
  readonly options: FilterOptions;
  readonly machines: readonly MachineIndicators[];
  readonly machineById: ReadonlyMap<string, MachineIndicators>;
  readonly establishmentByFiness: ReadonlyMap<string, Establishment>;
  /** The INSEE place of each site (empty when the loader gave none). */
  readonly places: SitePlaces;
  readonly equipmentById: ReadonlyMap<string, Equipment>;
  readonly points: ReadonlyMap<string, MachinePoint>;
  /** Every establishment's listing row, by name. */
  readonly listings: readonly EstablishmentListing[];
  readonly listingByFiness: ReadonlyMap<string, EstablishmentListing>;
  readonly #machinesByFiness = new Map<string, MachineIndicators[]>();
  readonly #search = new Map<string, string[]>();
  readonly #groups = new Map<string, PeerGroup>();

  constructor(data: CampaignData) {
    this.data = data;
    const { results } = data;
    this.ref = campaignRef(results.campaign);
    this.calendar = new CampaignCalendar(results.campaign.start, results.campaign.days, results.campaign.timeZone);
    this.machines = results.machines;
    this.machineById = new Map(results.machines.map((m) => [m.equipmentId, m]));
    this.establishmentByFiness = new Map(data.establishments.map((e) => [e.finess, e]));
    this.places = data.places ?? new Map();
    this.equipmentById = new Map(data.equipment.map((e) => [e.equipmentId, e]));
    for (const m of results.machines) {
      let list = this.#machinesByFiness.get(m.finess);
      if (!list) this.#machinesByFiness.set(m.finess, (list = []));
      list.push(m);
    }
    this.points = new Map(
      results.machines.map((m) => [
        m.equipmentId,
        machinePoint(m, this.establishmentByFiness.get(m.finess), this.equipmentById.get(m.equipmentId)),
      ]),
    );
    this.listings = data.establishments
      .map((e) => establishmentListing(e, this.machinesOf(e.finess)))
      .sort((a, b) => compareLabels(a.name, b.name) || compareLabels(a.finess, b.finess));
    this.listingByFiness = new Map(this.listings.map((l) => [l.finess, l]));
    for (const e of data.establishments) this.#search.set(e.finess, [foldText(e.name), foldText(e.finess)]);
    this.options = filterOptions(data.establishments, results.machines, this.places);
    this.summary = campaignSummary(results.campaign, {
      updatedAt: data.updatedAt,
      exams: results.machines.reduce((sum, m) => sum + m.exams, 0),
      establishments: data.establishments.length,
      machines: machinesByModality(data.equipment),
    });
    // The establishment view compares every machine with its modality first: ready at once.
    for (const modality of MODALITIES) this.#group({ modality });
  }

  /** The machines of an establishment, in the results' order (empty when it has none). */
  machinesOf(finess: string): readonly MachineIndicators[] {
    return this.#machinesByFiness.get(finess) ?? EMPTY;
  }

  /** The folded name and FINESS of an establishment, for the search. */
  searchFields(finess: string): readonly string[] {
    return this.#search.get(finess) ?? EMPTY;
  }

  /**
   * The peers of a machine: its modality, narrowed by the scope's field to the machine's own
   * value (a field the machine lacks does not narrow). Computed once per group.
   */
  peerGroup(m: MachineIndicators, scope: PeerScope): PeerGroup {
    const filter: PeerFilter = { modality: m.modality };
    if (scope === 'region' && m.region !== null) filter.region = m.region;
    if (scope === 'legalStatus' && m.legalStatus !== null) filter.legalStatus = m.legalStatus;
    if (scope === 'typology') filter.typology = m.typology;
    return this.#group(filter);
  }

  #group(filter: PeerFilter): PeerGroup {
    const key = JSON.stringify([filter.modality, filter.region ?? null, filter.legalStatus ?? null, filter.typology ?? null]);
    let group = this.#groups.get(key);
    if (!group) {
      const machines = this.machines.filter((m) => matchesFilter(m, filter, this.places));
      const values = peerValuesOf(machines);
      const quantiles = new Map(MACHINE_FIGURES.map((f) => [f.key, quantilesOfSorted(values.get(f.key) ?? EMPTY)]));
      group = { filter, machines, values, quantiles };
      this.#groups.set(key, group);
    }
    return group;
  }
}
