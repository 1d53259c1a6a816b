/**
 * Loaded campaigns kept in memory: results, samples and directory (establishments, machines,
 * survey) read once and indexed (`CampaignIndex`), so each request only builds its view. Per
 * campaign, benchmark views are memoized as JSON per normalized filter, and the last machines'
 * records (timeline, heatmap) kept in small LRUs; the whole kit with its exams is read once, on
 * first use, for the planning views (costs, relevance, on-call). An entry is dropped when its campaign is
 * imported again through the API, or when the store says it changed (another process imported
 * it: seen when campaigns are listed).
 */
import type { AccessScope } from '../core/access.ts';
import { scopeKey } from '../core/access.ts';
import type { Issue } from '../core/issues.ts';
import type { CostSet, Kit } from '../core/kit-types.ts';
import type { MachineSamples } from '../core/indicators/index.ts';
import { benchmarkView, campaignSummary, CampaignIndex, filterKey } from '../core/views/index.ts';
import type { BenchmarkFilter, CampaignSummary } from '../core/views/index.ts';
import { sitePlaces } from '../plan/territories/site-places.ts';
import type { MachineRecords, Store } from '../storage/index.ts';
import { countMachinesByModality, listCampaigns, loadCampaignData, loadCosts, loadIssues, loadKit, loadMachineRecords } from '../storage/index.ts';
import { Lru } from './lru.ts';

/** Reads the stored exam-level samples of a campaign's machines. */
export type SamplesLoader = (store: Store, campaignId: string) => Promise<Map<string, MachineSamples>>;

/**
 * The views memoized per campaign, serialized, with how many of each are kept: every site and
 * machine view under every peer scope fits (a national campaign: 301 sites, 517 machines), the
 * others are bounded by use.
 */
const MEMO_CAPACITY = {
  campaign: 16,
  benchmark: 64,
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

/** One loaded campaign and its memos. */
export class CachedCampaign {
  readonly index: CampaignIndex;
  readonly #store: Store;
  readonly #memos = new Map<MemoKind, Lru<string, string | Promise<string>>>();
  readonly #records = new Lru<string, Promise<MachineRecords | null>>(128);
  #issues: Promise<(Issue & { source: string })[]> | null = null;
  #kit: Promise<Kit | null> | null = null;
  #costs: Promise<CostSet | null> | null = null;

  constructor(store: Store, index: CampaignIndex) {
    this.#store = store;
    this.index = index;
  }

  #memo(kind: MemoKind): Lru<string, string | Promise<string>> {
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
  json(kind: MemoKind, key: string, make: () => unknown): string {
    const memo = this.#memo(kind);
    const known = memo.get(key);
    if (typeof known === 'string') return known;
    const text = JSON.stringify(make());
    memo.set(key, text);
    return text;
  }

  /** `json` for a view that needs a read first; a failed read is not remembered. */
  jsonAsync(kind: MemoKind, key: string, make: () => Promise<unknown>): Promise<string> {
    const memo = this.#memo(kind);
    const known = memo.get(key);
    if (known !== undefined) return Promise.resolve(known);
    const text = make().then((view) => JSON.stringify(view));
    memo.set(key, text);
    text.then(
      (t) => memo.get(key) === text && memo.set(key, t),
      () => memo.get(key) === text && memo.delete(key),
    );
    return text;
  }

  /** The benchmark view of `filter`, serialized, memoized per normalized filter. */
  benchmarkJson(filter: BenchmarkFilter): string {
    return this.json('benchmark', filterKey(filter), () => benchmarkView(this.index, filter));
  }

  /** One machine's sessions and exams (null when unknown), read once while recently used. */
  machineRecords(equipmentId: string): Promise<MachineRecords | null> {
    const known = this.#records.get(equipmentId);
    if (known) return known;
    const loading = loadMachineRecords(this.#store, this.index.ref.id, equipmentId);
    this.#records.set(equipmentId, loading);
    loading.catch(() => this.#records.get(equipmentId) === loading && this.#records.delete(equipmentId));
    return loading;
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

/** The in-memory cache of loaded campaigns over one store. */
export class CampaignCache {
  readonly #store: Store;
  readonly #loadSamples: SamplesLoader;
  readonly #entries = new Map<string, Promise<CachedCampaign | null>>();

  /**
   * @param loadSamples reads the stored per-machine samples; the benchmark's exam-level
   * distributions of narrowed peer groups need them (`pooledExact`).
   */
  constructor(store: Store, loadSamples: SamplesLoader) {
    this.#store = store;
    this.#loadSamples = loadSamples;
  }

  /**
   * Every stored campaign's summary, by id. Drops the cached entry of a campaign whose last
   * import is newer than the one it was loaded from.
   */
  async list(): Promise<CampaignSummary[]> {
    const [campaigns, machines] = await Promise.all([listCampaigns(this.#store), countMachinesByModality(this.#store)]);
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
      const entry = this.#entries.get(s.id);
      if (entry) void entry.then((e) => e && e.index.summary.updatedAt !== s.updatedAt && this.invalidate(s.id), () => undefined);
    }
    return summaries;
  }

  /**
   * The loaded campaign `id` as `scope` sees it, or null when it is not stored (or has no
   * results). Only the local scope is served until the scoped cache lands (issue 15).
   */
  get(id: string, scope: AccessScope): Promise<CachedCampaign | null> {
    if (scope.kind !== 'local') throw new Error(`scope ${scopeKey(scope)}: scoped campaigns are not served yet`);
    let entry = this.#entries.get(id);
    if (!entry) {
      entry = this.#load(id);
      this.#entries.set(id, entry);
      // Neither a failure nor an absent campaign is remembered: the next request tries again.
      entry.then(
        (e) => e === null && this.#entries.get(id) === entry && this.#entries.delete(id),
        () => this.#entries.get(id) === entry && this.#entries.delete(id),
      );
    }
    return entry;
  }

  /** Forgets the loaded campaign `id` (after it was imported again). */
  invalidate(id: string): void {
    this.#entries.delete(id);
  }

  async #load(id: string): Promise<CachedCampaign | null> {
    const data = await loadCampaignData(this.#store, id, { loadSamples: this.#loadSamples });
    return data ? new CachedCampaign(this.#store, new CampaignIndex({ ...data, places: sitePlaces(data.establishments) })) : null;
  }
}
