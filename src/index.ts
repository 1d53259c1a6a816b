/**
 * plateau as a library (`import … from 'plateau'`): read a data kit, compute its indicators and
 * peer benchmark, reach the exams as columns, generate a synthetic kit, and keep campaigns in a
 * store. Only these names are public; every other module is internal and may change.
 *
 * The store (PGlite, PostgreSQL) is loaded on the first call of `openStore`/`importKit`/
 * `listCampaigns`, so a program that only reads kits never loads a database engine.
 *
 * @example
 * import { readKitDir, computeCampaign, formatIssue } from 'plateau';
 *
 * const { kit, issues } = await readKitDir('kits/anap-2010');
 * for (const issue of issues) console.error(formatIssue(issue));
 * if (kit !== null) {
 *   const { benchmark } = computeCampaign(kit);
 *   console.log(benchmark.CT?.occupancyProgrammed.p50); // median occupancy of included CT machines
 * }
 */
import type { importKit as importKitImpl } from './storage/import-kit.ts';
import type { openStore as openStoreImpl } from './storage/open-store.ts';
import type { listCampaigns as listCampaignsImpl } from './storage/queries.ts';

// ── Reading a data kit ───────────────────────────────────────────────────────────────────────────
export { readKitDir, parseKit, KitParser } from './ingest/kit/read-kit.ts';
export type { ReadKitOptions, KitReadResult, KitFileSummary } from './ingest/kit/read-kit.ts';

// ── Issues found while reading (each located at a file, line and column) ────────────────────────
export { formatIssue, hasErrors, issueTotals } from './core/issues.ts';
export type { Issue, Severity } from './core/issues.ts';
/** An issue in French or English: `formatIssueIn(issue, 'fr')`. */
export { formatIssueIn } from './i18n/issues/index.ts';
export type { Lang } from './i18n/lang.ts';

// ── What a kit holds ─────────────────────────────────────────────────────────────────────────────
export { AGE_BANDS, CATEGORIES, MODALITIES } from './core/kit-types.ts';
export type {
  Act,
  AgeBand,
  Campaign,
  Category,
  Equipment,
  Establishment,
  Exam,
  Kit,
  Modality,
  RegisterMachine,
  Session,
  Slot,
  SurveyAnswer,
} from './core/kit-types.ts';

// ── The exams as typed-array columns, grouped by machine (never materialise `kit.exams`) ────────
export { examCount, examTableOf, stringAt } from './core/exam-table.ts';
export type { ExamTable, StringColumn } from './core/exam-table.ts';

// ── Indicators and the peer benchmark (the `plateau indicators --json` document) ───────────────
export { computeCampaign, computeCampaignDetailed } from './core/indicators/index.ts';
export type {
  CampaignComputation,
  CampaignIndicators,
  CampaignQuality,
  Distribution,
  MachineIndicators,
  MachineQuality,
  MachineSamples,
  PatientType,
  PeerBenchmark,
  Quantiles,
  SurveySummary,
  Typology,
} from './core/indicators/index.ts';
export { computeCampaignParallel } from './compute/parallel.ts';
export type { ParallelOptions } from './compute/parallel.ts';
export { benchmarkByModality, matchesFilter, percentRanks } from './core/benchmark.ts';
export type { PeerFilter, SitePlace, SitePlaces } from './core/benchmark.ts';

// ── A synthetic national campaign ────────────────────────────────────────────────────────────────
export { generateKit, writeGeneratedKit } from './generate/national-campaign.ts';
export type { GenerateOptions, GenerateSummary } from './generate/national-campaign.ts';

// ── The store: embedded PGlite in a folder, or a PostgreSQL server ──────────────────────────────
export { StoreError } from './storage/errors.ts';
export type { StoreErrorCode } from './storage/errors.ts';
export type { OpenStoreOptions, Store } from './storage/open-store.ts';
export type { ImportOptions, ImportSummary } from './storage/import-kit.ts';
export type { CampaignListing } from './storage/campaign-repository.ts';

/**
 * Opens the store and brings its schema up to date: a PGlite data folder (`dataDir`, created
 * when missing; `memory://` for a throwaway one), or a PostgreSQL server (`url`). A data folder is
 * this process's alone until `store.close()`. Refusals throw a `StoreError`.
 *
 * @example
 * const store = await openStore({ dataDir: './plateau-data' });
 * try {
 *   await importKit(store, kit);
 *   console.log(await listCampaigns(store));
 * } finally {
 *   await store.close();
 * }
 */
export const openStore: typeof openStoreImpl = async (options) =>
  (await import('./storage/open-store.ts')).openStore(options);

/**
 * Stores a kit read without errors and its freshly computed indicators, in one transaction: the
 * stored campaign of the same id then holds exactly the kit's records. Importing the same kit
 * twice changes nothing. A kit that breaks a rule of the schema throws a `StoreError`
 * (`invalid-kit`) and nothing is stored.
 *
 * @example
 * const summary = await importKit(store, kit, { source: 'kits/anap-2010', issues });
 * console.log(summary.exams.inserted);
 */
export const importKit: typeof importKitImpl = async (store, kit, options) =>
  (await import('./storage/import-kit.ts')).importKit(store, kit, options);

/**
 * The stored campaigns, by id, with their period, source and record counts.
 *
 * @example
 * for (const c of await listCampaigns(store)) console.log(c.id, c.name);
 */
export const listCampaigns: typeof listCampaignsImpl = async (store) =>
  (await import('./storage/queries.ts')).listCampaigns(store);

// ── The version ──────────────────────────────────────────────────────────────────────────────────
/** plateau's version, as its package.json says (read once, at the first call). */
export { plateauVersion } from './system/version.ts';
