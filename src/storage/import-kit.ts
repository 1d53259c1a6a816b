/**
 * Stores a kit and its results in one transaction, so that the store then holds exactly that kit:
 * upsert every record (an identical row is left alone, a different one replaced), delete the
 * stored records the kit no longer holds, read the whole stored campaign back, compute its
 * indicators with the core engine and store them. Either all of it is stored, or nothing. A kit
 * whose period (start, days, time zone) differs from the stored campaign of its id is refused
 * unless `replace` is given: then the stored campaign is deleted and the kit stored as new.
 * A campaign the import creates takes a faster road: its records are loaded by binary COPY
 * (nothing stored can conflict with them; on either engine, unless row-level security applies to
 * the role), and it is computed from the kit
 * itself, which is exactly what would be read back (`storedKitOf`).
 * The equipment register (planning.md §1) rides along but is not one of the kit's records: a kit
 * with equipment-register.csv replaces the stored register whole, a kit without one keeps it
 * (docs/readings-of-the-spec.md), and the indicators never read it. The booking slots
 * (slots.csv) are replaced whole too, but follow the kit: a kit without them leaves none stored;
 * so do the machines' costs (costs.csv, with their origin).
 */
import { performance } from 'node:perf_hooks';
import type { CampaignComputation } from '../core/indicators/index.ts';
import { computeCampaignDetailed } from '../core/indicators/index.ts';
import type { Issue } from '../core/issues.ts';
import type { MachineIndicators } from '../core/indicators/types.ts';
import { CampaignIndex } from '../core/views/campaign-index.ts';
import { storedPeerGroups } from '../core/views/peer-groups.ts';
import { makeIssue } from '../i18n/issues/index.ts';
import { looksLikeRawIdentifier } from '../plan/relevance/repeats.ts';
import type { Campaign, Kit, RegisterMachine } from '../core/kit-types.ts';
import { stringAt } from '../core/exam-table.ts';
import { copyActs, deleteAbsentActs, upsertActs } from './act-repository.ts';
import { loadCosts, replaceCosts } from './cost-repository.ts';
import type { UpsertCounts } from './bulk.ts';
import { canCopy, canCopyInto } from './bulk.ts';
import {
  copyCampaignAs,
  deleteCampaignRow,
  readBundleSites,
  readCampaign,
  readRecordCounts,
  touchCampaign,
  upsertCampaign,
} from './campaign-repository.ts';
import type { RecordCounts } from './campaign-repository.ts';
import type { Queryable } from './db.ts';
import {
  copyEquipment,
  deleteAbsentEquipment,
  readEquipment,
  upsertEquipment,
} from './equipment-repository.ts';
import { StoreError } from './errors.ts';
import {
  copyEstablishments,
  deleteAbsentEstablishments,
  readEstablishments,
  upsertEstablishments,
} from './establishment-repository.ts';
import { copyExams, deleteAbsentExams, isStorableAct, upsertExams } from './exam-repository.ts';
import type { ExamRows } from './exam-rows.ts';
import {
  examRowsOfKit,
  forEachInFileOrder,
  lastExamRows,
  machineIdOf,
  sameString,
} from './exam-rows.ts';
import { kitFingerprint } from './fingerprint.ts';
import { replaceIssues } from './issue-repository.ts';
import { readKit } from './load-kit.ts';
import { writePeerGroups } from './peer-groups.ts';
import type { Store } from './open-store.ts';
import type { ResultWrite } from './result-repository.ts';
import { readFingerprint, saveResults } from './result-repository.ts';
import { refreshAggregatesIn } from './aggregates.ts';
import type { RegisterChanges } from './register-repository.ts';
import { clearSimulationChecks } from './simulation-checks.ts';
import {
  brokenReferences,
  loadRegister,
  namedTwice,
  registerChanges,
  replaceRegister,
  sameRegister,
} from './register-repository.ts';
import { readSamples, samplesMissing, saveSamples } from './sample-repository.ts';
import type { SlotChanges } from './slot-repository.ts';
import {
  loadSlots,
  replaceSlots,
  sameSlots,
  slotChanges,
  unknownSlotMachines,
} from './slot-repository.ts';
import {
  copySessions,
  deleteAbsentSessions,
  insertSessions,
  uniqueSessions,
} from './session-repository.ts';
import { storedKitOf } from './stored-kit.ts';
import {
  copySurvey,
  deleteAbsentSurvey,
  readSurvey,
  surveyKey,
  upsertSurvey,
} from './survey-repository.ts';

/** Where an import stands, for a progress bar. */
export interface ImportProgress {
  phase: 'write' | 'load' | 'compute' | 'save';
  /** The table being written, in the `write` phase. */
  table?: 'campaign' | 'establishments' | 'equipment' | 'acts' | 'survey' | 'sessions' | 'exams';
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Where the kit came from (a folder, a feed); issues are stored per source. Default `kit`. */
  source?: string;
  /** The located issues met while reading the input, stored with the campaign. */
  issues?: readonly Issue[];
  /** Compute and store results even when no record changed (e.g. after upgrading plateau). */
  recompute?: boolean;
  /**
   * The indicator engine, giving the figures and each machine's samples (both stored);
   * `computeCampaignDetailed` unless told otherwise.
   */
  compute?: (kit: Kit) => CampaignComputation;
  /**
   * Replace the stored campaign of the kit's id when its period (start, days, time zone) differs
   * from the kit's: without it, such a kit is refused (its records would mix two periods).
   */
  replace?: boolean;
}

/**
 * What an import did to one table: rows added, rows changed, rows left alone (together, the
 * kit's rows) and stored rows removed because the kit no longer holds them.
 */
export interface TableChanges extends UpsertCounts {
  removed: number;
}

/** The tables of a kit, in the order an import summary lists them. */
export const KIT_TABLES = [
  'establishments',
  'equipment',
  'acts',
  'survey',
  'sessions',
  'exams',
] as const;

/**
 * What an import did to the campaign's equipment register: its rows added, removed and unchanged,
 * and whether they came with the kit or were the stored ones, kept (the kit had no register).
 */
export interface RegisterSummary extends RegisterChanges {
  from: 'kit' | 'kept';
}

/**
 * What an import did. Sessions are never updated, only inserted, found already stored, or removed.
 * `replaced` campaign: every row stored before counts as removed, every row of the kit as added.
 */
export interface ImportSummary {
  campaignId: string;
  campaign: 'inserted' | 'updated' | 'unchanged' | 'replaced';
  /** When `campaign` is `replaced`: the stored campaign it replaced, and the kit's. */
  replaced: { previous: Campaign; current: Campaign } | null;
  establishments: TableChanges;
  equipment: TableChanges;
  acts: TableChanges;
  survey: TableChanges;
  sessions: TableChanges;
  exams: TableChanges;
  /** The equipment register's rows, or null when neither the kit nor the store has one. */
  register: RegisterSummary | null;
  /** The booking slots' rows (the kit's replace the stored ones), or null when neither had any. */
  slots: SlotChanges | null;
  /**
   * The machines' costs: `replaced` when the kit's differ from the stored ones (or either has none
   * and the other some), `unchanged` when the same, null when neither had any.
   */
  costs: 'replaced' | 'unchanged' | null;
  /** True when any stored record (or the register) was inserted, updated or removed. */
  changed: boolean;
  /** The results written, or null when nothing changed and the stored results were kept. */
  results: ResultWrite | null;
  /** Fingerprint of the stored campaign the stored results come from. */
  fingerprint: string;
  /** Issues found while storing (duplicate records in the kit), stored with the input's. */
  issues: Issue[];
  /**
   * Milliseconds per phase: `load` is reading the stored campaign back, or for a campaign this
   * import created, building it from the kit (`storedKitOf`); either with its fingerprint.
   */
  timings: { writeMs: number; loadMs: number; computeMs: number; saveMs: number; totalMs: number };
}

const REGISTER_FILE = 'equipment-register.csv';

const FILES = {
  establishments: 'establishments.csv',
  equipment: 'equipment.csv',
  exams: 'exams.csv',
  acts: 'acts.csv',
  survey: 'appointment-survey.csv',
} as const;

/**
 * Keeps the last record of each key (a later row replaces an earlier one, as a re-import would),
 * where the first one stood.
 */
function lastByKey<T>(
  rows: readonly T[],
  key: (row: T) => string,
): { rows: T[]; duplicates: string[] } {
  const byKey = new Map<string, T>();
  const duplicates: string[] = [];
  for (const row of rows) {
    const k = key(row);
    if (byKey.has(k)) duplicates.push(k.replaceAll('\u0000', '/'));
    byKey.set(k, row);
  }
  return { rows: [...byKey.values()], duplicates };
}

/**
 * The first act code of the exams `rows` that `isStorableAct` refuses, in file order (each
 * distinct act list, then each distinct code, checked once).
 */
function findBadAct(rows: ExamRows): string | undefined {
  const lists = rows.table.actLists;
  const checked = new Uint8Array(lists.length);
  const seen = new Set<string>();
  let bad: string | undefined;
  forEachInFileOrder(rows, (row) => {
    const list = rows.table.acts[row] as number;
    if (checked[list] === 1) return true;
    checked[list] = 1;
    for (const code of lists[list] as readonly string[]) {
      if (seen.has(code)) continue;
      if (!isStorableAct(code)) {
        bad = code;
        return false;
      }
      seen.add(code);
    }
    return true;
  });
  return bad;
}

/** What is repeated, in each language (`duplicate-record`'s `what`). */
const RECORD_WORDS = {
  establishments: ['establishments', 'établissements'],
  machines: ['machines', 'machines'],
  acts: ['acts', 'actes'],
  'survey answers': ['survey answers', 'réponses à l’enquête'],
  exams: ['exams', 'examens'],
} as const;

function duplicateIssue(
  file: string,
  column: string,
  what: keyof typeof RECORD_WORDS,
  duplicates: string[],
): Issue {
  const shown = duplicates.slice(0, 10).join(', ') + (duplicates.length > 10 ? ', …' : '');
  const [en, fr] = RECORD_WORDS[what];
  return makeIssue('warning', 'duplicate-record', file, null, column, {
    n: duplicates.length,
    what: en,
    'what@fr': fr,
    shown,
  });
}

/**
 * The register an import leaves stored: the kit's when it has one, else the stored one, whose
 * `equipment_id`s that no longer name a machine of the kit (of the same modality) are cleared;
 * null when neither has a register.
 */
function nextRegister(
  kit: Kit,
  stored: RegisterMachine[] | null,
  equipment: Kit['equipment'],
): { rows: RegisterMachine[]; from: RegisterSummary['from']; detached: string[] } | null {
  if (kit.register !== undefined) return { rows: kit.register, from: 'kit', detached: [] };
  if (stored === null) return null;
  const machines = new Map(equipment.map((m) => [m.equipmentId, m.modality]));
  const detached = brokenReferences(stored, machines);
  if (detached.length === 0) return { rows: stored, from: 'kept', detached };
  const gone = new Set(detached);
  const rows = stored.map((m) =>
    m.equipmentId !== null && gone.has(m.equipmentId) ? { ...m, equipmentId: null } : m,
  );
  return { rows, from: 'kept', detached };
}

/** Refuses a kit whose register names a machine it does not hold (or of another modality), or one twice. */
function checkRegister(kit: Kit): void {
  const register = kit.register;
  if (register === undefined) return;
  const machines = new Map(kit.equipment.map((m) => [m.equipmentId, m.modality]));
  const broken = brokenReferences(register, machines);
  const twice = namedTwice(register);
  if (broken.length === 0 && twice.length === 0) return;
  const what =
    broken.length > 0
      ? `the equipment register names ${broken.slice(0, 5).join(', ')}, not a machine of that modality in equipment.csv`
      : `the equipment register names ${twice.slice(0, 5).join(', ')} on more than one row`;
  throw new StoreError('invalid-kit', `the kit cannot be stored: ${what}. Nothing was stored.`);
}

/** Refuses a kit whose slots name a machine it does not hold (the table has no reference to check it). */
function checkSlots(kit: Kit): void {
  const unknown = unknownSlotMachines(
    kit.slots ?? [],
    new Set(kit.equipment.map((m) => m.equipmentId)),
  );
  if (unknown.length === 0) return;
  throw new StoreError(
    'invalid-kit',
    `the kit cannot be stored: its slots name ${unknown.slice(0, 5).join(', ')}, not a machine in equipment.csv. Nothing was stored.`,
  );
}

/**
 * Refuses a kit whose exams carry a patient key that looks like a raw identifier (the kit reader
 * refuses them first; a kit built elsewhere is checked here). The key itself is never repeated.
 * Read from the table's column, in file order; a key equal to the previous row's is not decoded.
 */
function checkPatientKeys(rows: ExamRows): void {
  const keys = rows.table.patientKey;
  if (keys === null) return;
  let last = -1;
  forEachInFileOrder(rows, (row) => {
    if (keys.absent !== null && keys.absent[row] === 1) return true;
    if (last !== -1 && sameString(keys, last, row)) return true;
    const key = stringAt(keys, row) as string;
    if (key.trim() === '' || looksLikeRawIdentifier(key)) {
      throw new StoreError(
        'invalid-kit',
        `the kit cannot be stored: exam ${stringAt(rows.table.examId, row) as string} of ${machineIdOf(rows, row)} has a patient_key that is blank or looks like a raw patient identifier, not a keyed hash. Nothing was stored.`,
      );
    }
    last = row;
    return true;
  });
}

/** SQLSTATE class 23: integrity constraint violation (foreign key, check, not null, unique). */
function isConstraintViolation(
  e: unknown,
): e is Error & { code: string; detail?: string; constraint?: string } {
  if (!(e instanceof Error)) return false;
  const code: unknown = (e as Error & { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('23');
}

/** Plain words for the rules a kit read without errors could still break. */
const RULES: Record<string, string> = {
  exams_duration_check:
    'an exam ends before it starts or lasts more than 24 hours (exams.csv room_in, room_out)',
  exams_campaign_id_equipment_id_fkey: 'an exam names a machine that is not in equipment.csv',
  sessions_span_check: 'a session does not end after it starts (sessions.csv start, end)',
  sessions_campaign_id_equipment_id_fkey: 'a session names a machine that is not in equipment.csv',
  equipment_campaign_id_finess_fkey:
    'a machine names an establishment that is not in establishments.csv',
  survey_answers_campaign_id_finess_fkey:
    'a survey answer names an establishment that is not in establishments.csv',
  survey_answers_case_modality_check: 'a survey case is asked of the other modality',
  establishments_finess_check: 'a FINESS is not 9 characters long',
  costs_campaign_id_equipment_id_fkey: 'a cost row names a machine that is not in equipment.csv',
  costs_pkey: 'a machine has more than one cost row (costs.csv equipment_id)',
};

function invalidKit(e: Error & { detail?: string; constraint?: string }): StoreError {
  const rule = e.constraint ? RULES[e.constraint] : undefined;
  const what = rule ? `${rule} [${e.constraint}]` : e.message;
  const detail = e.detail ? ` ${e.detail}` : '';
  return new StoreError(
    'invalid-kit',
    `the kit cannot be stored: ${what}.${detail} Nothing was stored.`,
    {
      cause: e,
    },
  );
}

/** The kit without the records of the sites `finess` (bundle sites, computed elsewhere). */
function withoutSites(kit: Kit, finess: ReadonlySet<string>): Kit {
  const machines = new Set(
    kit.equipment.filter((m) => finess.has(m.finess)).map((m) => m.equipmentId),
  );
  return {
    ...kit,
    establishments: kit.establishments.filter((e) => !finess.has(e.finess)),
    equipment: kit.equipment.filter((m) => !machines.has(m.equipmentId)),
    survey: kit.survey.filter((a) => !finess.has(a.finess)),
    sessions: kit.sessions.filter((x) => !machines.has(x.equipmentId)),
    exams: kit.exams.filter((x) => !machines.has(x.equipmentId)),
  };
}

/**
 * A kit naming a site that came as a bundle into this campaign is refused, at the kit's row: a
 * site is either raw or bundled in a campaign (issue 16). The line is the record's (header = 1).
 */
function checkBundleSites(kit: Kit, bundle: ReadonlySet<string>): void {
  const rows = kit.establishments.flatMap((e, index) =>
    bundle.has(e.finess) ? [{ finess: e.finess, line: index + 2 }] : [],
  );
  if (rows.length === 0) return;
  const shown = rows
    .slice(0, 5)
    .map(
      (r) =>
        `${FILES.establishments}:${r.line}:finess: site ${r.finess} came as a bundle into campaign ${kit.campaign.id}`,
    );
  throw new StoreError(
    'invalid-kit',
    `${shown.join('; ')}${rows.length > 5 ? ` (and ${rows.length - 5} more)` : ''}: a kit cannot replace a site that came as a bundle (leave it out of the kit; its bundle stays). Nothing was stored.`,
  );
}

/** The stored establishments, machines and survey answers of the bundle sites `finess`. */
async function bundleRows(
  tx: Queryable,
  id: string,
  finess: ReadonlySet<string>,
): Promise<Pick<Kit, 'establishments' | 'equipment' | 'survey'>> {
  return {
    establishments: (await readEstablishments(tx, id)).filter((e) => finess.has(e.finess)),
    equipment: (await readEquipment(tx, id)).filter((m) => finess.has(m.finess)),
    survey: (await readSurvey(tx, id)).filter((a) => finess.has(a.finess)),
  };
}

/** The tables a new campaign's records and samples are loaded into by COPY, when the role may. */
const COPIED_TABLES = [
  'establishments',
  'equipment',
  'acts',
  'survey_answers',
  'sessions',
  'exams',
  'machine_samples',
];

/**
 * Reads the stored campaign back (unless `known`, what this transaction stored, is given: see
 * `storedKitOf`), computes it and stores the results and the machines' samples, all through `tx`;
 * `copy`: the samples may go by COPY (a campaign this transaction created, a role allowed to).
 */
async function computeAndSave(
  tx: Queryable,
  campaignId: string,
  compute: (kit: Kit) => CampaignComputation,
  progress: (p: ImportProgress) => void,
  timings: ImportSummary['timings'],
  known: Kit | null = null,
  options: { copy?: boolean } = {},
): Promise<{ write: ResultWrite; fingerprint: string }> {
  let t = performance.now();
  progress({ phase: 'load', done: 0, total: 1 });
  const stored = known ?? (await readKit(tx, campaignId, { examTable: true }));
  if (!stored)
    throw new StoreError('unknown-campaign', `campaign ${campaignId} is not in the store`);
  const fingerprint = kitFingerprint(stored);
  // Sites that came as signed bundles (issue 16) have figures and samples but no records: the
  // engine computes the raw sites, their stored figures join them, and the aggregates are redone.
  const bundle =
    known === null ? new Set(await readBundleSites(tx, campaignId)) : new Set<string>();
  const raw = bundle.size === 0 ? stored : withoutSites(stored, bundle);
  timings.loadMs += performance.now() - t;
  t = performance.now();
  progress({ phase: 'compute', done: 0, total: 1 });
  const { indicators, samples } = compute(raw);
  timings.computeMs = performance.now() - t;
  t = performance.now();
  progress({ phase: 'save', done: 0, total: 1 });
  if (bundle.size > 0) {
    const machines = new Set(
      stored.equipment.filter((m) => bundle.has(m.finess)).map((m) => m.equipmentId),
    );
    const figures = await tx.query<{ indicators: MachineIndicators }>(
      'select indicators from machine_results where campaign_id = $1 and equipment_id = any ($2::text[])',
      [campaignId, [...machines]],
    );
    indicators.machines.push(...figures.map((r) => r.indicators));
    for (const [machine, s] of await readSamples(tx, campaignId))
      if (machines.has(machine)) samples.set(machine, s);
    const write = await saveResults(tx, campaignId, indicators, fingerprint);
    await saveSamples(tx, campaignId, samples);
    await refreshAggregatesIn(tx, campaignId);
    timings.saveMs = performance.now() - t;
    progress({ phase: 'save', done: 1, total: 1 });
    return { write, fingerprint };
  }
  const write = await saveResults(tx, campaignId, indicators, fingerprint);
  await saveSamples(tx, campaignId, samples, { fresh: options.copy === true });
  // The peer groups a site or region scope is compared with, from the same results (issue 15).
  const index = new CampaignIndex({
    results: indicators,
    samples: new Map(),
    establishments: stored.establishments,
    equipment: stored.equipment,
    survey: stored.survey,
    updatedAt: '',
  });
  await writePeerGroups(tx, campaignId, storedPeerGroups(index));
  timings.saveMs = performance.now() - t;
  progress({ phase: 'save', done: 1, total: 1 });
  return { write, fingerprint };
}

/** A campaign's period as people read it: `2010-03-01, 28 days (Europe/Paris)`. */
export function periodOf(c: Campaign): string {
  return `${c.start}, ${c.days} days (${c.timeZone})`;
}

/** True when two campaigns cover different days (or the same wall-clock days in other zones). */
function periodDiffers(a: Campaign, b: Campaign): boolean {
  return a.start !== b.start || a.days !== b.days || a.timeZone !== b.timeZone;
}

function periodChanged(stored: Campaign, kit: Campaign): StoreError {
  const what = (['start', 'days', 'timeZone'] as const)
    .filter((k) => stored[k] !== kit[k])
    .map((k) => `${k} ${stored[k]} → ${kit[k]}`)
    .join(', ');
  return new StoreError(
    'invalid-kit',
    `campaign ${kit.id} is stored for ${periodOf(stored)}, and this kit is for ${periodOf(kit)} (${what}): ` +
      'its records would mix two periods, so nothing was stored. To replace the stored campaign ' +
      '(records, results and issues) with this kit, import it again with --replace ' +
      '(or replace=1 on POST /api/uploads); to keep both, give this kit another id in campaign.json.',
  );
}

const NOTHING_REMOVED = {
  establishments: 0,
  equipment: 0,
  acts: 0,
  survey: 0,
  sessions: 0,
  exams: 0,
} satisfies RecordCounts;

/**
 * Stores `kit` and its freshly computed results in one transaction: the stored campaign of the
 * same id then holds exactly the kit's records (those it no longer holds are removed, with their
 * results, samples and issues). Importing the same kit twice changes nothing. Throws a
 * `StoreError` `invalid-kit` when the kit breaks a rule of the schema (e.g. an exam on an unknown
 * machine), or covers another period than the stored campaign of its id without `replace`; then
 * nothing at all is stored.
 *
 * @example
 * const summary = await importKit(store, kit, { source: 'kits/anap-2010', issues });
 * console.log(summary.exams); // { inserted: 270000, updated: 0, unchanged: 0, removed: 0 }
 */
export async function importKit(
  store: Store,
  kit: Kit,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const source = options.source ?? 'kit';
  const progress = options.onProgress ?? (() => undefined);
  const compute = options.compute ?? computeCampaignDetailed;
  const id = kit.campaign.id;

  const establishments = lastByKey(kit.establishments, (e) => e.finess);
  const equipment = lastByKey(kit.equipment, (m) => m.equipmentId);
  const acts = lastByKey(kit.acts, (a) => a.code);
  const survey = lastByKey(kit.survey, surveyKey);
  const sessions = { rows: uniqueSessions(kit.sessions) };
  const all = examRowsOfKit(kit);
  const exams = lastExamRows(all);
  const issues: Issue[] = [];
  if (establishments.duplicates.length)
    issues.push(
      duplicateIssue(FILES.establishments, 'finess', 'establishments', establishments.duplicates),
    );
  if (equipment.duplicates.length)
    issues.push(duplicateIssue(FILES.equipment, 'equipment_id', 'machines', equipment.duplicates));
  if (acts.duplicates.length)
    issues.push(duplicateIssue(FILES.acts, 'code', 'acts', acts.duplicates));
  if (survey.duplicates.length)
    issues.push(duplicateIssue(FILES.survey, 'case', 'survey answers', survey.duplicates));
  if (exams.duplicates.length)
    issues.push(duplicateIssue(FILES.exams, 'exam_id', 'exams', exams.duplicates));
  checkRegister(kit);
  checkSlots(kit);
  checkPatientKeys(all);
  const badAct = findBadAct(exams.rows);
  if (badAct !== undefined) {
    throw new StoreError(
      'invalid-kit',
      `act code ${JSON.stringify(badAct)} cannot be stored (empty, or holds a control character). Nothing was stored.`,
    );
  }

  const timings = { writeMs: 0, loadMs: 0, computeMs: 0, saveMs: 0, totalMs: 0 };
  try {
    return await store.db.transaction(async (tx) => {
      // Two imports of one campaign on a shared server take turns instead of interleaving.
      await tx.query('select 1 from pg_advisory_xact_lock(hashtext($1))', [
        `plateau:campaign:${id}`,
      ]);
      const t = performance.now();
      const write =
        (table: NonNullable<ImportProgress['table']>) => (done: number, total: number) =>
          progress({ phase: 'write', table, done, total });
      write('campaign')(0, 1);
      const before = await readCampaign(tx, id);
      // Read before a replaced campaign is deleted: a kit without a register keeps the stored one.
      const storedRegister = before === null ? null : await loadRegister(tx, id);
      const storedSlots = before === null ? null : await loadSlots(tx, id);
      const storedCosts = before === null ? null : await loadCosts(tx, id);
      const register = nextRegister(kit, storedRegister, equipment.rows);
      if (register !== null && register.detached.length > 0) {
        const ids =
          register.detached.slice(0, 10).join(', ') + (register.detached.length > 10 ? ', …' : '');
        issues.push(
          makeIssue('warning', 'register-detached', REGISTER_FILE, null, 'equipment_id', {
            n: register.detached.length,
            ids,
          }),
        );
      }
      let replaced: ImportSummary['replaced'] = null;
      let removedBefore: RecordCounts = NOTHING_REMOVED;
      if (before !== null && periodDiffers(before, kit.campaign)) {
        if (!options.replace) throw periodChanged(before, kit.campaign);
        replaced = { previous: before, current: kit.campaign };
        removedBefore = await readRecordCounts(tx, id);
        await deleteCampaignRow(tx, id);
      }
      // Sites that came as bundles stay: the kit may not name them, and its deletions spare them.
      const bundle =
        replaced === null && before !== null
          ? new Set(await readBundleSites(tx, id))
          : new Set<string>();
      checkBundleSites(kit, bundle);
      const kept = bundle.size === 0 ? null : await bundleRows(tx, id, bundle);
      const upserted = await upsertCampaign(tx, kit.campaign, source);
      const campaign: ImportSummary['campaign'] = replaced ? 'replaced' : upserted;
      // A campaign created by this very transaction has no stored record yet: once written, it is
      // exactly the de-duplicated kit (when every value survives storage unchanged).
      const tKnown = performance.now();
      const known =
        upserted === 'inserted'
          ? storedKitOf(
              {
                campaign: kit.campaign,
                establishments: establishments.rows,
                equipment: equipment.rows,
                sessions: sessions.rows,
                exams: [],
                acts: acts.rows,
                survey: survey.rows,
                ...(register !== null && register.rows.length > 0
                  ? { register: register.rows }
                  : {}),
                ...(kit.slots !== undefined && kit.slots.length > 0 ? { slots: kit.slots } : {}),
                ...(kit.costs !== undefined ? { costs: kit.costs } : {}),
              },
              exams.rows,
            )
          : null;
      timings.loadMs = performance.now() - tKnown;
      const copy =
        known !== null && canCopy(tx) && (await canCopyInto(tx, COPIED_TABLES)) ? tx : null;
      write('establishments')(0, establishments.rows.length);
      const written = copy
        ? {
            establishments: await copyEstablishments(copy, id, establishments.rows),
            equipment: await copyEquipment(copy, id, equipment.rows),
            acts: await copyActs(copy, id, acts.rows),
            survey: await copySurvey(copy, id, survey.rows),
            sessions: await copySessions(copy, id, sessions.rows, write('sessions')),
            exams: await copyExams(copy, id, exams.rows, write('exams')),
          }
        : {
            establishments: await upsertEstablishments(tx, id, establishments.rows),
            equipment: await upsertEquipment(tx, id, equipment.rows),
            acts: await upsertActs(tx, id, acts.rows),
            survey: await upsertSurvey(tx, id, survey.rows),
            sessions: await insertSessions(tx, id, sessions.rows, write('sessions')),
            exams: await upsertExams(tx, id, exams.rows, write('exams')),
          };
      // Children before parents, so that each count is of that table's own rows (a cascade
      // finds nothing left to delete).
      const removed: RecordCounts =
        upserted === 'inserted'
          ? removedBefore
          : {
              exams: await deleteAbsentExams(tx, id, exams.rows),
              sessions: await deleteAbsentSessions(tx, id, sessions.rows),
              survey: await deleteAbsentSurvey(
                tx,
                id,
                kept ? [...survey.rows, ...kept.survey] : survey.rows,
              ),
              acts: await deleteAbsentActs(tx, id, acts.rows),
              equipment: await deleteAbsentEquipment(
                tx,
                id,
                kept ? [...equipment.rows, ...kept.equipment] : equipment.rows,
              ),
              establishments: await deleteAbsentEstablishments(
                tx,
                id,
                kept ? [...establishments.rows, ...kept.establishments] : establishments.rows,
              ),
            };
      // The register after the records: a campaign replaced over another period lost its rows
      // with the campaign, so it is written afresh.
      let registerSummary: RegisterSummary | null = null;
      let registerChanged = false;
      if (register !== null) {
        const stillStored = replaced ? null : storedRegister;
        await replaceRegister(tx, id, register.rows, stillStored);
        registerSummary = {
          from: register.from,
          ...registerChanges(storedRegister ?? [], register.rows),
        };
        registerChanged = !sameRegister(storedRegister ?? [], register.rows);
      }
      // Slots follow the kit (docs/readings-of-the-spec.md, "Slots"): none in the kit, none stored.
      const slots = kit.slots ?? [];
      await replaceSlots(tx, id, slots, replaced ? null : storedSlots);
      const slotsSummary =
        storedSlots === null && slots.length === 0 ? null : slotChanges(storedSlots ?? [], slots);
      const slotsChanged = !sameSlots(storedSlots ?? [], slots);
      // Costs follow the kit too, replaced whole (a campaign replaced over another period lost them).
      const costs = kit.costs !== undefined && kit.costs.rows.length > 0 ? kit.costs : null;
      const costsChanged = await replaceCosts(tx, id, costs, replaced ? null : storedCosts);
      const costsSummary: ImportSummary['costs'] =
        storedCosts === null && costs === null
          ? null
          : costsChanged || replaced
            ? 'replaced'
            : 'unchanged';
      const summary = {
        campaign,
        replaced,
        ...(Object.fromEntries(
          KIT_TABLES.map((t) => [t, { ...written[t], removed: removed[t] }]),
        ) as Record<(typeof KIT_TABLES)[number], TableChanges>),
        register: registerSummary,
        slots: slotsSummary,
        costs: costsSummary,
      };
      const recordsChanged =
        campaign !== 'unchanged' ||
        KIT_TABLES.some((t) => {
          const c = summary[t];
          return c.inserted + c.updated + c.removed > 0;
        });
      const changed = recordsChanged || registerChanged || slotsChanged || costsChanged;
      if (changed && campaign === 'unchanged') await touchCampaign(tx, id, source);
      // The status-quo checks were computed on the records they no longer describe.
      if (recordsChanged) await clearSimulationChecks(tx, id);
      await replaceIssues(tx, id, source, [...(options.issues ?? []), ...issues]);
      timings.writeMs = performance.now() - t - timings.loadMs;

      // Results are only ever written with the data in one transaction, so when no record
      // changed, the stored results are those of the stored campaign: nothing to recompute,
      // unless the samples are missing (results stored before they were). The register is not
      // read by the indicators: it changes nothing here.
      const storedFingerprint = await readFingerprint(tx, id);
      let results: ResultWrite | null = null;
      let fingerprint = storedFingerprint ?? '';
      if (
        recordsChanged ||
        storedFingerprint === null ||
        options.recompute ||
        (await samplesMissing(tx, id))
      ) {
        const computed = await computeAndSave(tx, id, compute, progress, timings, known, {
          copy: copy !== null,
        });
        results = computed.write;
        fingerprint = computed.fingerprint;
      }
      timings.totalMs = performance.now() - started;
      return { campaignId: id, ...summary, changed, results, fingerprint, issues, timings };
    });
  } catch (error) {
    if (isConstraintViolation(error)) throw invalidKit(error);
    throw error;
  }
}

/**
 * Recomputes and stores the results and samples of a stored campaign (after an upgrade of the
 * engine); null when the campaign is not stored.
 */
export async function recomputeResults(
  store: Store,
  campaignId: string,
  compute: (kit: Kit) => CampaignComputation = computeCampaignDetailed,
): Promise<(ResultWrite & { fingerprint: string }) | null> {
  return store.db.transaction(async (tx) => {
    const exists = await tx.query('select 1 from campaigns where id = $1', [campaignId]);
    if (exists.length === 0) return null;
    const timings = { writeMs: 0, loadMs: 0, computeMs: 0, saveMs: 0, totalMs: 0 };
    const { write, fingerprint } = await computeAndSave(
      tx,
      campaignId,
      compute,
      () => undefined,
      timings,
    );
    return { ...write, fingerprint };
  });
}

/** What `renameCampaign` did: renamed, or why not. */
export type RenameOutcome = 'renamed' | 'unknown' | 'taken';

/**
 * Gives the stored campaign `from` the id `to`, keeping its name, period, records and issues, and
 * recomputing its results and samples (the id is part of what they were computed from), in one
 * transaction. `unknown` when `from` is not stored, `taken` when `to` already is (nothing changed).
 *
 * @example
 * await renameCampaign(store, 'synthetic-2010', 'national-2010'); // 'renamed'
 */
export async function renameCampaign(
  store: Store,
  from: string,
  to: string,
  compute: (kit: Kit) => CampaignComputation = computeCampaignDetailed,
): Promise<RenameOutcome> {
  return store.db.transaction(async (tx) => {
    // In the same order as any other rename, so that two renames never wait on each other.
    for (const id of [from, to].sort()) {
      await tx.query('select 1 from pg_advisory_xact_lock(hashtext($1))', [
        `plateau:campaign:${id}`,
      ]);
    }
    if ((await readCampaign(tx, to)) !== null) return 'taken';
    if (!(await copyCampaignAs(tx, from, to))) return 'unknown';
    const timings = { writeMs: 0, loadMs: 0, computeMs: 0, saveMs: 0, totalMs: 0 };
    await computeAndSave(tx, to, compute, () => undefined, timings);
    return 'renamed';
  });
}
