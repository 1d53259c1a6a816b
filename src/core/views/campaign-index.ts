/**
 * A loaded campaign, indexed once for every view built from it: machines by id and by site,
 * their points, the establishment listings and search keys, the filter options, and the peer
 * groups of the establishment view (per modality at once, narrower ones on first use). Building
 * a view from it is then a matter of selecting, never of scanning the campaign again.
 *
 * A partial index (issue 15: the campaign as a site or region scope sees it, `data.peers` given)
 * takes every peer group from the stored aggregates, shows none over fewer than `MIN_PEERS`
 * machines, and keeps nothing of a machine or site outside its rows.
 */
import type { StoredPeerGroup } from '../access.ts';
import { CampaignCalendar } from '../calendar.ts';
import type { PeerFilter, PeerValues, SitePlaces } from '../benchmark.ts';
import { MACHINE_FIGURES, matchesFilter, peerValuesOf } from '../benchmark.ts';
import { campaignQuality } from '../indicators/index.ts';
import type { CampaignIndicators, MachineIndicators } from '../indicators/types.ts';
import type { MachineSamples } from '../indicators/durations.ts';
import type { Equipment, Establishment, Modality, SurveyAnswer } from '../kit-types.ts';
import { MODALITIES } from '../kit-types.ts';
import type { Quantiles } from '../stats.ts';
import { quantilesOfSorted, sortedFinite } from '../stats.ts';
import { establishmentListing } from './listings.ts';
import { machinePoint } from './machine-point.ts';
import {
  campaignRef,
  campaignSummary,
  compareLabels,
  filterOptions,
  machinesByModality,
} from './summary.ts';
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
  /**
   * The stored peer groups (`peer_groups`), given when the data is what a scope that does not see
   * every row loaded (site, region): the index is then partial, and every peer group comes from
   * these, never from its own machines.
   */
  peers?: readonly StoredPeerGroup[];
  /**
   * A region scope's INSEE region code: the partial index then holds every site of that region,
   * and a benchmark filtered to a place inside it is computed from its own rows.
   */
  wholeRegion?: string;
  /**
   * The sites of the campaign that came as a signed bundle of aggregates (issue 16: `bundle_sites`):
   * their machines have figures and binned samples, no sessions or exams.
   */
  bundleSites?: ReadonlySet<string>;
}

/**
 * A peer group of the establishment view: its size, and its sorted figure values and their
 * quantiles — both empty when the group is hidden (a partial index's group over fewer than
 * `MIN_PEERS` machines, or not stored).
 */
export interface PeerGroup {
  filter: PeerFilter;
  /** How many machines the group holds (a stored group's `n`; 0 when a partial index has no such group). */
  count: number;
  values: PeerValues;
  quantiles: ReadonlyMap<string, Quantiles>;
}

const EMPTY: readonly never[] = [];

/** The key of a peer group of a modality narrowed by at most region, legal status or typology. */
function groupKey(
  filter: Pick<PeerFilter, 'modality' | 'region' | 'legalStatus' | 'typology'>,
): string {
  return JSON.stringify([
    filter.modality,
    filter.region ?? null,
    filter.legalStatus ?? null,
    filter.typology ?? null,
  ]);
}

/**
 * What a partial index keeps of the loaded data: only the machines, equipment, samples and survey
 * answers of the sites it holds; the campaign's quality recounted over those machines (it lists
 * excluded machines by id); the stored campaign benchmark and survey of a modality only when its
 * stored group is shown (n ≥ `MIN_PEERS`), and the stored percentile ranks of a machine only then.
 */
function partialData(data: CampaignData, shown: ReadonlySet<Modality>): CampaignData {
  const sites = new Set(data.establishments.map((e) => e.finess));
  const machines = data.results.machines
    .filter((m) => sites.has(m.finess))
    .map((m) =>
      m.percentRank === undefined || shown.has(m.modality)
        ? m
        : { ...m, percentRank: nullRanks(m.percentRank) },
    );
  const ids = new Set(machines.map((m) => m.equipmentId));
  const pick = <T>(byModality: Partial<Record<Modality, T>>): Partial<Record<Modality, T>> => {
    const out: Partial<Record<Modality, T>> = {};
    for (const modality of MODALITIES) {
      const value = byModality[modality];
      if (value !== undefined && shown.has(modality)) out[modality] = value;
    }
    return out;
  };
  return {
    ...data,
    results: {
      ...data.results,
      machines,
      benchmark: pick(data.results.benchmark),
      survey: pick(data.results.survey),
      quality: campaignQuality(machines),
    },
    samples: new Map([...data.samples].filter(([id]) => ids.has(id))),
    equipment: data.equipment.filter((e) => sites.has(e.finess)),
    survey: data.survey.filter((a) => sites.has(a.finess)),
  };
}

function nullRanks(ranks: Record<string, number | null>): Record<string, number | null> {
  return Object.fromEntries(Object.keys(ranks).map((k) => [k, null]));
}

/**
 * The index of a loaded campaign (see the module comment).
 *
 * @example
 * const index = new CampaignIndex({ results, samples, establishments, equipment, survey, updatedAt });
 * establishmentView(index, '590780193', 'region');
 */
export class CampaignIndex {
  readonly data: CampaignData;
  /** True when built from a scope's rows and the stored peer groups (`data.peers` given). */
  readonly partial: boolean;
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
  readonly #stored = new Map<string, StoredPeerGroup>();

  constructor(loaded: CampaignData) {
    this.partial = loaded.peers !== undefined;
    for (const g of loaded.peers ?? EMPTY) this.#stored.set(groupKey(g.filter), g);
    const shown = new Set(
      MODALITIES.filter((modality) => this.#stored.get(groupKey({ modality }))?.values),
    );
    const data = this.partial ? partialData(loaded, shown) : loaded;
    this.data = data;
    const { results } = data;
    this.ref = campaignRef(results.campaign);
    this.calendar = new CampaignCalendar(
      results.campaign.start,
      results.campaign.days,
      results.campaign.timeZone,
    );
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
    const bundle = (finess: string): boolean => data.bundleSites?.has(finess) === true;
    this.points = new Map(
      results.machines.map((m) => [
        m.equipmentId,
        machinePoint(
          m,
          this.establishmentByFiness.get(m.finess),
          this.equipmentById.get(m.equipmentId),
          bundle(m.finess),
        ),
      ]),
    );
    this.listings = data.establishments
      .map((e) => establishmentListing(e, this.machinesOf(e.finess), bundle(e.finess)))
      .sort((a, b) => compareLabels(a.name, b.name) || compareLabels(a.finess, b.finess));
    this.listingByFiness = new Map(this.listings.map((l) => [l.finess, l]));
    for (const e of data.establishments)
      this.#search.set(e.finess, [foldText(e.name), foldText(e.finess)]);
    this.options = filterOptions(data.establishments, results.machines, this.places);
    this.summary = campaignSummary(results.campaign, {
      updatedAt: data.updatedAt,
      exams: results.machines.reduce((sum, m) => sum + m.exams, 0),
      establishments: data.establishments.length,
      machines: machinesByModality(data.equipment),
      bundleSites: data.establishments.filter((e) => bundle(e.finess)).length,
      bundleMachines: data.equipment.filter((e) => bundle(e.finess)).length,
    });
    // The establishment view compares every machine with its modality first: ready at once.
    for (const modality of MODALITIES) this.#group({ modality });
  }

  /** The machines of an establishment, in the results' order (empty when it has none). */
  machinesOf(finess: string): readonly MachineIndicators[] {
    return this.#machinesByFiness.get(finess) ?? EMPTY;
  }

  /** True when the site `finess` came as a signed bundle of aggregates (no sessions or exams stored). */
  isBundleSite(finess: string): boolean {
    return this.data.bundleSites?.has(finess) === true;
  }

  /**
   * `kit` without the establishments and machines of its bundle sites (they have no sessions or
   * exams): what the exam-level documents (on-call, relevance) are computed over. `kit` itself
   * when the campaign has no bundle site.
   */
  withoutBundleSites<
    K extends { establishments: readonly Establishment[]; equipment: readonly Equipment[] },
  >(kit: K): K {
    if (!this.data.bundleSites?.size) return kit;
    const raw = (e: { finess: string }): boolean => !this.isBundleSite(e.finess);
    return {
      ...kit,
      establishments: kit.establishments.filter(raw),
      equipment: kit.equipment.filter(raw),
    };
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

  /**
   * The stored peer group of exactly `filter` (a modality, narrowed by at most one of region,
   * legal status and typology); undefined when the index is not partial or has no such group.
   */
  storedGroup(
    filter: Pick<PeerFilter, 'modality' | 'region' | 'legalStatus' | 'typology'>,
  ): StoredPeerGroup | undefined {
    return this.#stored.get(groupKey(filter));
  }

  #group(filter: PeerFilter): PeerGroup {
    const key = groupKey(filter);
    let group = this.#groups.get(key);
    if (!group) {
      group = this.partial ? this.#storedPeerGroup(filter, key) : this.#computedPeerGroup(filter);
      this.#groups.set(key, group);
    }
    return group;
  }

  #computedPeerGroup(filter: PeerFilter): PeerGroup {
    const machines = this.machines.filter((m) => matchesFilter(m, filter, this.places));
    const values = peerValuesOf(machines);
    const quantiles = new Map(
      MACHINE_FIGURES.map((f) => [f.key, quantilesOfSorted(values.get(f.key) ?? EMPTY)]),
    );
    return { filter, count: machines.length, values, quantiles };
  }

  /** A partial index's group: the stored one's values, or nothing shown (hidden or not stored). */
  #storedPeerGroup(filter: PeerFilter, key: string): PeerGroup {
    const stored = this.#stored.get(key);
    if (!stored?.values)
      return { filter, count: stored?.n ?? 0, values: new Map(), quantiles: new Map() };
    const sorted = stored.values;
    const values: PeerValues = new Map(
      MACHINE_FIGURES.map((f) => [f.key, sortedFinite(sorted[f.key] ?? EMPTY)]),
    );
    const quantiles = new Map(
      MACHINE_FIGURES.map((f) => [f.key, quantilesOfSorted(values.get(f.key) ?? EMPTY)]),
    );
    return { filter, count: stored.n, values, quantiles };
  }
}
