/**
 * Loaded campaigns kept in memory: results and directory (establishments, machines, survey) read
 * once and indexed (`CampaignIndex`), so each request only builds its view; the machines' exam
 * samples (hundreds of MB for a national year) read as views need them (`LazySamples`). Per
 * campaign, benchmark views are memoized as JSON per normalized filter, and the last machines'
 * records (timeline, heatmap) kept in small LRUs; the whole kit with its exams is read once, on
 * first use, for the planning views (costs, relevance, on-call). An entry is dropped when its campaign is
 * imported again through the API, or when the store says it changed (another process imported
 * it: seen when campaigns are listed).
 *
 * Issue 15: one entry per campaign and access scope (`scopeKey`), loaded through the scope's
 * store so row-level security limits what it holds, and every later read of the entry goes
 * through that store too. A scope that does not see every machine (site, region) gets a partial
 * index over its rows and the stored peer groups, read once per campaign and shared. Entries of
 * those scopes are bounded (least recently used dropped first): hundreds of site users cannot
 * fill the memory.
 */
import type { AccessScope, StoredPeerGroup } from '../core/access.ts';
import { scopeKey, seesEverything } from '../core/access.ts';
import { MS_PER_DAY } from '../core/calendar.ts';
import type { Issue } from '../core/issues.ts';
import type { CostSet, Kit } from '../core/kit-types.ts';
import type { MachineSamples } from '../core/indicators/index.ts';
import { matchesFilter } from '../core/benchmark.ts';
import {
  benchmarkView,
  campaignSummary,
  CampaignIndex,
  filterKey,
  narrowsModality,
  normalizeFilter,
} from '../core/views/index.ts';
import type { BenchmarkFilter, CampaignSummary } from '../core/views/index.ts';
import { sitePlaces } from '../plan/territories/site-places.ts';
import type { MachineRecords, Store } from '../storage/index.ts';
import {
  campaignStamps,
  countMachinesByModality,
  loadCampaignData,
  loadCosts,
  loadIssues,
  loadKit,
  loadMachineRecords,
  loadPeerGroups,
} from '../storage/index.ts';
import { readCampaignHeaders } from '../storage/campaign-repository.ts';
import { scopedStore } from '../storage/scoped-store.ts';
import { JsonBody } from './json-response.ts';
import { LazySamples } from './lazy-samples.ts';
import { Lru } from './lru.ts';

/**
 * Reads the stored exam-level samples of a campaign's machines: those of `equipmentIds` when
 * given (a loader may give more: only the machines asked are kept), every machine's otherwise.
 */
export type SamplesLoader = (
  store: Store,
  campaignId: string,
  equipmentIds?: readonly string[],
) => Promise<Map<string, MachineSamples>>;

/**
 * The views memoized per campaign, serialized, with how many of each are kept: every site and
 * machine view under every peer scope fits (a national campaign: 301 sites, 517 machines), the
 * others are bounded by use. Every benchmark of a modality and one place fits (101 départements,
 * 18 INSEE regions, the kit's regions, × 2 modalities: ~260 of them, ~90 KB each with their
 * gzip on a national year): a narrowed one costs 20-400 ms to pool again on 17 M exams.
 */
const MEMO_CAPACITY = {
  campaign: 16,
  benchmark: 320,
  machines: 64,
  establishment: 4096,
  machine: 4096,
  timeline: 512,
  heatmap: 512,
  territories: 64,
  costs: 4096,
  relevance: 8,
  oncall: 256,
} as const;

export type MemoKind = keyof typeof MEMO_CAPACITY;

/** How many campaign entries of the scopes that do not see everything (site, region) are kept. */
export const SCOPED_ENTRIES = 256;

/** One loaded campaign, as one access scope sees it, and its memos. */
export class CachedCampaign {
  readonly index: CampaignIndex;
  /** The store it was loaded from and reads through (the scope's). */
  readonly #store: Store;
  /** The index's samples, read as needed; null when they were read with the rest (`index.data.samples`). */
  readonly #samples: LazySamples | null;
  readonly #memos = new Map<MemoKind, Lru<string, JsonBody | Promise<JsonBody>>>();
  readonly #records = new Lru<string, Promise<MachineRecords | null>>(128);
  #issues: Promise<(Issue & { source: string })[]> | null = null;
  #kit: Promise<Kit | null> | null = null;
  #costs: Promise<CostSet | null> | null = null;

  /**
   * @param store the store as the entry's scope sees it (`scopedStore`): every later read goes through it.
   * @param samples the samples `index` holds (its `data.samples` is their `map`), when read as needed.
   */
  constructor(store: Store, index: CampaignIndex, samples: LazySamples | null = null) {
    this.#store = store;
    this.index = index;
    this.#samples = samples;
  }

  /** Resolves once `index.data.samples` holds every stored machine's samples. */
  allSamples(): Promise<void> {
    return this.#samples?.all() ?? Promise.resolve();
  }

  #memo(kind: MemoKind): Lru<string, JsonBody | Promise<JsonBody>> {
    let memo = this.#memos.get(kind);
    if (!memo) this.#memos.set(kind, (memo = new Lru(MEMO_CAPACITY[kind])));
    return memo;
  }

  /**
   * The JSON of a view, built by `make` the first time `kind`/`key` is asked while it stays in
   * the memo: a view depends only on the loaded campaign and its key.
   *
   * @example
   * campaign.json('establishment', `${finess}|${scope}`, () => establishmentView(index, finess, scope));
   */
  json(kind: MemoKind, key: string, make: () => unknown): JsonBody {
    const memo = this.#memo(kind);
    const known = memo.get(key);
    if (known instanceof JsonBody) return known;
    const body = new JsonBody(JSON.stringify(make()));
    memo.set(key, body);
    return body;
  }

  /** `json` for a view that needs a read first; a failed read is not remembered. */
  jsonAsync(kind: MemoKind, key: string, make: () => Promise<unknown>): Promise<JsonBody> {
    const memo = this.#memo(kind);
    const known = memo.get(key);
    if (known !== undefined) return Promise.resolve(known);
    const text = make().then((view) => new JsonBody(JSON.stringify(view)));
    memo.set(key, text);
    text.then(
      (t) => memo.get(key) === text && memo.set(key, t),
      () => memo.get(key) === text && memo.delete(key),
    );
    return text;
  }

  /**
   * The benchmark view of `filter`, serialized, memoized per normalized filter; a narrowed one
   * first reads the samples of the machines it selects, which it pools.
   */
  async benchmarkJson(filter: BenchmarkFilter): Promise<JsonBody> {
    const key = filterKey(filter);
    const known = this.#memo('benchmark').get(key);
    if (known instanceof JsonBody) return known;
    const f = normalizeFilter(filter);
    if (this.#samples && narrowsModality(f)) {
      const { machines, places } = this.index;
      await this.#samples.of(
        machines.filter((m) => matchesFilter(m, f, places)).map((m) => m.equipmentId),
      );
    }
    return this.json('benchmark', key, () => benchmarkView(this.index, filter));
  }

  /** One machine's sessions and exams (null when unknown), read once while recently used. */
  machineRecords(equipmentId: string): Promise<MachineRecords | null> {
    const known = this.#records.get(equipmentId);
    if (known) return known;
    const loading = loadMachineRecords(this.#store, this.index.ref.id, equipmentId);
    this.#records.set(equipmentId, loading);
    loading.catch(
      () => this.#records.get(equipmentId) === loading && this.#records.delete(equipmentId),
    );
    return loading;
  }

  /**
   * One machine's sessions and exams that may meet week `week` of the campaign (null when the
   * machine is unknown): from its records when they are held, else read for that week only (a
   * national year's machine holds ~7,000 exams, a week ~130).
   */
  machineWeek(equipmentId: string, week: number): Promise<MachineRecords | null> {
    const known = this.#records.get(equipmentId);
    if (known) return known;
    const { calendar } = this.index;
    const day = (i: number): number =>
      calendar.clock.startOfDay(calendar.firstDay + Math.min(i, calendar.days) * MS_PER_DAY);
    return loadMachineRecords(this.#store, this.index.ref.id, equipmentId, {
      from: day(week * 7),
      to: day(week * 7 + 7),
    });
  }

  /**
   * The campaign's stored cost set (`costs.csv`), read once: the costs tab needs neither the
   * exams nor the rest of the kit. `null` when the campaign has none.
   */
  costSet(): Promise<CostSet | null> {
    if (!this.#costs) {
      const loading = loadCosts(this.#store.db, this.index.ref.id);
      this.#costs = loading;
      loading.catch(() => this.#costs === loading && (this.#costs = null));
    }
    return this.#costs;
  }

  /**
   * The whole stored campaign as a kit, exams included (the planning views: costs, relevance,
   * on-call pooling), read once on first use and kept with the entry; null when it is no longer
   * stored. A failed read is not remembered.
   */
  planningKit(): Promise<Kit | null> {
    if (!this.#kit) {
      const loading = loadKit(this.#store, this.index.ref.id);
      this.#kit = loading;
      loading.catch(() => this.#kit === loading && (this.#kit = null));
    }
    return this.#kit;
  }

  /** The issues stored with the campaign's imports. */
  issues(): Promise<(Issue & { source: string })[]> {
    if (!this.#issues) {
      const loading = loadIssues(this.#store, this.index.ref.id);
      this.#issues = loading;
      loading.catch(() => (this.#issues = null));
    }
    return this.#issues;
  }
}

/** A scope's campaign listing, the campaigns' stamps it was made under, and its JSON once asked. */
interface Listing {
  stamps: string;
  summaries: Promise<CampaignSummary[]>;
  json: Promise<JsonBody> | null;
}

/** The in-memory cache of loaded campaigns over one store, per campaign and access scope. */
export class CampaignCache {
  readonly #store: Store;
  readonly #loadSamples: SamplesLoader;
  readonly #scopedEntries: number;
  /** Entries of the scopes that see every row (local, national, admin), by `id|scopeKey`. */
  readonly #entries = new Map<string, Promise<CachedCampaign | null>>();
  /**
   * Entries of the other scopes (site, region), by `id|scopeKey`, the least recently used first
   * (a `Map` keeps insertion order; a hit moves its entry last); at most `scopedEntries`.
   */
  readonly #scoped = new Map<string, Promise<CachedCampaign | null>>();
  /** The stored peer groups per campaign, read once and shared by its partial entries. */
  readonly #peers = new Map<string, Promise<readonly StoredPeerGroup[]>>();
  /** The last campaign listing of each scope, with the campaigns' stamps it was computed under. */
  readonly #lists = new Lru<string, Listing>(1024);
  /** The stamps query running for each scope key, shared by the listings that wait on it. */
  readonly #stamps = new Map<string, Promise<string>>();
  /**
   * The last stamps of each scope key on a PGlite store, with the database's count of started
   * statements right after their query (`Db.started`): while it has not moved, nothing was
   * written and the stamps hold without a query.
   */
  readonly #stillStamps = new Lru<string, { stamps: string; at: number }>(1024);

  /**
   * @param loadSamples reads the stored per-machine samples; the benchmark's exam-level
   * distributions of narrowed peer groups need them (`pooledExact`).
   * @param options.scopedEntries how many site and region entries are kept (`SCOPED_ENTRIES`).
   */
  constructor(store: Store, loadSamples: SamplesLoader, options: { scopedEntries?: number } = {}) {
    this.#store = store;
    this.#loadSamples = loadSamples;
    this.#scopedEntries = options.scopedEntries ?? SCOPED_ENTRIES;
  }

  /** How many entries are held: those of the scopes that see everything, and the others. */
  get size(): { full: number; scoped: number } {
    return { full: this.#entries.size, scoped: this.#scoped.size };
  }

  /**
   * Every stored campaign's summary as `scope` sees it (its sites' establishments, machines and
   * exams), by id. Drops the cached entries of a campaign whose last import is newer than the one
   * they were loaded from.
   */
  async list(scope: AccessScope): Promise<CampaignSummary[]> {
    return (await this.#listing(scope)).summaries;
  }

  /** `list` serialized, once per listing kept. */
  async listJson(scope: AccessScope): Promise<JsonBody> {
    const listing = await this.#listing(scope);
    return (listing.json ??= listing.summaries.then((s) => new JsonBody(JSON.stringify(s))));
  }

  async #listing(scope: AccessScope): Promise<Listing> {
    const store = scopedStore(this.#store, scope);
    // Kept per scope while no campaign changed (the stamps of every campaign's last change are
    // the same): the counts come from the stored results, but the stamps are one query per
    // listing (none on PGlite while no statement ran since the last: `#stillStamps`).
    const key = scopeKey(scope);
    const stamps = await this.#stampsOf(key, store);
    const known = this.#lists.get(key);
    if (known?.stamps === stamps) return known;
    const summaries = this.#summaries(store);
    const listing: Listing = { stamps, summaries, json: null };
    this.#lists.set(key, listing);
    summaries.catch(() => this.#lists.get(key)?.summaries === summaries && this.#lists.delete(key));
    return listing;
  }

  /**
   * The campaigns' stamps as `scope` (of key `key`) sees them: one query at a time per scope, the
   * requests arriving while it runs share its answer (50 clients listing at once made 50 queries,
   * queued on PGlite's one connection: about 1 listing per second under load).
   */
  #stampsOf(key: string, store: Store): Promise<string> {
    const started = store.db.started;
    const still = started && this.#stillStamps.get(key);
    if (still && still.at === started()) return Promise.resolve(still.stamps);
    let pending = this.#stamps.get(key);
    if (!pending) {
      const before = started?.();
      const query = campaignStamps(store);
      pending = query;
      this.#stamps.set(key, query);
      const done = (): void => void (this.#stamps.get(key) === query && this.#stamps.delete(key));
      query.then((stamps) => {
        done();
        // Only when no other statement started since this query: they all ran before it.
        if (before !== undefined && started?.() === before + 1)
          this.#stillStamps.set(key, { stamps, at: before + 1 });
      }, done);
    }
    return pending;
  }

  async #summaries(store: Store): Promise<CampaignSummary[]> {
    const [campaigns, machines] = await Promise.all([
      readCampaignHeaders(store.db),
      countMachinesByModality(store),
    ]);
    const summaries = campaigns
      .filter((c) => c.hasResults)
      .map((c) =>
        campaignSummary(c, {
          updatedAt: c.updatedAt,
          exams: c.exams,
          establishments: c.establishments,
          machines: machines.get(c.id) ?? {},
        }),
      );
    for (const s of summaries) {
      for (const entry of this.#entriesOf(s.id)) {
        void entry.then(
          (e) => e && e.index.summary.updatedAt !== s.updatedAt && this.invalidate(s.id),
          () => undefined,
        );
      }
    }
    return summaries;
  }

  /**
   * The loaded campaign `id` as `scope` sees it, or null when it is not stored (or has no
   * results). A site or region scope's entry holds only its rows and the stored peer groups.
   * An entry of a scope that sees everything reads its machines' samples as needed: unless
   * `lazySamples` (the caller reads only views that ask for them, `benchmarkJson`), every stored
   * machine's are read before it is given.
   */
  async get(
    id: string,
    scope: AccessScope,
    options: { lazySamples?: boolean } = {},
  ): Promise<CachedCampaign | null> {
    const campaign = await this.#entry(id, scope);
    if (campaign && !options.lazySamples) await campaign.allSamples();
    return campaign;
  }

  #entry(id: string, scope: AccessScope): Promise<CachedCampaign | null> {
    const key = `${id}|${scopeKey(scope)}`;
    const entries = seesEverything(scope) ? this.#entries : this.#scoped;
    let entry = entries.get(key);
    if (entry && entries === this.#scoped) {
      entries.delete(key);
      entries.set(key, entry);
    }
    if (!entry) {
      const loading = this.#load(id, scope);
      entry = loading;
      entries.set(key, loading);
      if (entries === this.#scoped && entries.size > this.#scopedEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      // Neither a failure nor an absent campaign is remembered: the next request tries again.
      const forget = (): void => void (entries.get(key) === loading && entries.delete(key));
      loading.then((e) => e === null && forget(), forget);
    }
    return entry;
  }

  /** Forgets the loaded campaign `id` under every scope (after it was imported again). */
  invalidate(id: string): void {
    for (const entries of [this.#entries, this.#scoped]) {
      for (const key of [...entries.keys()]) if (key.startsWith(`${id}|`)) entries.delete(key);
    }
    this.#peers.delete(id);
    this.#lists.clear();
    this.#stillStamps.clear();
  }

  #entriesOf(id: string): Promise<CachedCampaign | null>[] {
    return [...this.#entries, ...this.#scoped]
      .filter(([key]) => key.startsWith(`${id}|`))
      .map(([, e]) => e);
  }

  /** The stored peer groups of campaign `id`, read once (they are the same for every scope). */
  #peerGroups(store: Store, id: string): Promise<readonly StoredPeerGroup[]> {
    let peers = this.#peers.get(id);
    if (!peers) {
      const loading = loadPeerGroups(store, id);
      this.#peers.set(id, (peers = loading));
      loading.catch(() => this.#peers.get(id) === loading && this.#peers.delete(id));
    }
    return peers;
  }

  async #load(id: string, scope: AccessScope): Promise<CachedCampaign | null> {
    const store = scopedStore(this.#store, scope);
    // A partial index keeps the samples of its own machines, copied when it is built: read then
    // (a scope's rows only). A whole one holds the lazy map, filled as views need it.
    const lazy = seesEverything(scope)
      ? new LazySamples((ids) => this.#loadSamples(store, id, ids ?? undefined))
      : null;
    const data = await loadCampaignData(store, id, {
      loadSamples: lazy ? async () => lazy.map : this.#loadSamples,
      ...(lazy
        ? {}
        : { loadPeers: (s: Store, campaignId: string) => this.#peerGroups(s, campaignId) }),
    });
    return data
      ? new CachedCampaign(
          store,
          new CampaignIndex({
            ...data,
            places: sitePlaces(data.establishments),
            ...(scope.kind === 'region' ? { wholeRegion: scope.region } : {}),
          }),
          lazy,
        )
      : null;
  }
}
