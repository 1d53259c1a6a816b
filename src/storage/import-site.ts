/**
 * A site's import (issue 15): a site user replaces its own establishments' records in a campaign
 * that already exists, through its scoped store (row-level security lets it write only its FINESS
 * rows), and never touches what is shared: the campaign's period, its act table and its equipment
 * register must match the stored ones (or be absent from the kit), and every row of the kit must
 * belong to one of its establishments. In one transaction its rows are deleted (cascading to
 * machines, sessions, exams, results, samples, costs) and the kit's inserted, then its machines'
 * figures computed with the full import's engine (`computeMachine` over the same stored reading)
 * and stored. Campaign-wide aggregates (benchmark, peer groups, percentile ranks) are the
 * aggregator's: call `refreshAggregates` afterwards.
 */
import { performance } from 'node:perf_hooks';
import { calendarOf, computeMachine } from '../core/indicators/index.ts';
import type { MachineResult, MachineSamples } from '../core/indicators/index.ts';
import { kitColumns } from '../core/indicators/machine-columns.ts';
import type { Issue } from '../core/issues.ts';
import { makeIssue } from '../i18n/issues/index.ts';
import type { Act, Kit } from '../core/kit-types.ts';
import { looksLikeRawIdentifier } from '../plan/relevance/repeats.ts';
import { readActs } from './act-repository.ts';
import { countingUpsert, upsertInChunks } from './bulk.ts';
import { insertCostRows } from './cost-repository.ts';
import { insertSlotRows } from './slot-repository.ts';
import { readBundleSites, readCampaign, touchCampaign } from './campaign-repository.ts';
import type { Queryable } from './db.ts';
import { upsertEquipment } from './equipment-repository.ts';
import { StoreError } from './errors.ts';
import { upsertEstablishments } from './establishment-repository.ts';
import { examKey, isStorableAct, upsertExams } from './exam-repository.ts';
import { examRowsOf } from './exam-rows.ts';
import type { ImportProgress, TableChanges } from './import-kit.ts';
import { periodOf } from './import-kit.ts';
import { readKit } from './load-kit.ts';
import type { Store } from './open-store.ts';
import { loadRegister, sameRegister } from './register-repository.ts';
import { encodeSamples } from './sample-repository.ts';
import { insertSessions, sessionKey, uniqueSessions } from './session-repository.ts';
import { surveyKey, upsertSurvey } from './survey-repository.ts';

/** Where a refused row stands: its file's line (1 = the header), or null when it cannot be told. */
export type LocateRow = (file: string, column: string, value: string) => number | null;

export interface SiteImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Where the kit came from (`upload: kit.zip`), written as the campaign's source. */
  source?: string;
  /**
   * Finds the line of a refused row in the input (the upload's files), for the refusal's message;
   * without it the message gives the row's rank among the file's records.
   */
  locate?: LocateRow;
}

/** What a site's import did. Every table counts only the rows of the site's establishments. */
export interface SiteImportSummary {
  campaignId: string;
  /** The establishments the import was allowed to write (the user's FINESS), sorted. */
  finess: string[];
  establishments: TableChanges;
  equipment: TableChanges;
  survey: TableChanges;
  sessions: TableChanges;
  exams: TableChanges;
  slots: TableChanges;
  costs: TableChanges;
  /** `matched`: the kit's acts.csv equals the stored acts of those codes; `absent`: it had none. */
  acts: 'matched' | 'absent';
  /** True when any row of the site changed. */
  changed: boolean;
  /** The machines whose figures (and samples) were computed and stored. */
  machines: string[];
  /** Repeated records (the last one kept), as the full import reports them. */
  issues: Issue[];
  timings: { writeMs: number; computeMs: number; saveMs: number; totalMs: number };
}

const FILES = {
  establishments: 'establishments.csv',
  equipment: 'equipment.csv',
  exams: 'exams.csv',
  sessions: 'sessions.csv',
  acts: 'acts.csv',
  survey: 'appointment-survey.csv',
  slots: 'slots.csv',
  costs: 'costs.csv',
  register: 'equipment-register.csv',
} as const;

/** One refused row: its file, rank among the file's records (0-based) and field, and why. */
interface Refusal {
  file: string;
  index: number;
  column: string;
  value: string;
  why: string;
}

function refuse(
  refusals: readonly Refusal[],
  locate: LocateRow | undefined,
  lead = "a site may only import its own establishments' records",
): StoreError {
  const shown = refusals.slice(0, 5).map((r) => {
    const line = locate?.(r.file, r.column, r.value) ?? null;
    const where =
      line !== null
        ? `${r.file}:${line}:${r.column}`
        : `${r.file} (record ${r.index + 1}):${r.column}`;
    return `${where}: ${r.why}`;
  });
  const more = refusals.length > 5 ? ` (and ${refusals.length - 5} more)` : '';
  return new StoreError('invalid-kit', `${lead}: ${shown.join('; ')}${more}. Nothing was stored.`);
}

function sameAct(a: Act, b: Act): boolean {
  return a.label === b.label && a.icr === b.icr && (a.family ?? null) === (b.family ?? null);
}

/**
 * The rows of `kit` a site holding `finess` may not write: any establishment, machine or survey
 * answer of another FINESS; any session, exam, slot or cost of a machine not in the kit's
 * equipment.csv (all of whose machines are the site's, or refused).
 */
function foreignRows(kit: Kit, mine: ReadonlySet<string>): Refusal[] {
  const out: Refusal[] = [];
  const notMine = (f: string) =>
    `FINESS ${f} is not one of your establishments (${[...mine].join(', ')})`;
  kit.establishments.forEach((e, index) => {
    if (!mine.has(e.finess))
      out.push({
        file: FILES.establishments,
        index,
        column: 'finess',
        value: e.finess,
        why: notMine(e.finess),
      });
  });
  kit.equipment.forEach((m, index) => {
    if (!mine.has(m.finess))
      out.push({
        file: FILES.equipment,
        index,
        column: 'finess',
        value: m.finess,
        why: `machine ${m.equipmentId}: ${notMine(m.finess)}`,
      });
  });
  kit.survey.forEach((a, index) => {
    if (!mine.has(a.finess))
      out.push({
        file: FILES.survey,
        index,
        column: 'finess',
        value: a.finess,
        why: notMine(a.finess),
      });
  });
  const machines = new Set(kit.equipment.map((m) => m.equipmentId));
  const unknown = (file: string, rows: readonly { equipmentId: string }[]) => {
    let seen = 0;
    rows.forEach((r, index) => {
      if (machines.has(r.equipmentId) || seen >= 5) return;
      seen++;
      out.push({
        file,
        index,
        column: 'equipment_id',
        value: r.equipmentId,
        why: `machine ${r.equipmentId} is not one of your machines in equipment.csv`,
      });
    });
  };
  unknown(FILES.sessions, kit.sessions);
  unknown(FILES.exams, kit.exams);
  unknown(FILES.slots, kit.slots ?? []);
  unknown(FILES.costs, kit.costs?.rows ?? []);
  return out;
}

/** Acts of the kit that are not the stored act of that code (a site may not change the shared act table). */
function changedActs(kit: Kit, stored: readonly Act[]): Refusal[] {
  const byCode = new Map(stored.map((a) => [a.code, a]));
  const out: Refusal[] = [];
  kit.acts.forEach((a, index) => {
    const s = byCode.get(a.code);
    if (s === undefined) {
      out.push({
        file: FILES.acts,
        index,
        column: 'code',
        value: a.code,
        why: `act ${a.code} is not in the campaign's act table, which only a national user may change`,
      });
    } else if (!sameAct(a, s)) {
      out.push({
        file: FILES.acts,
        index,
        column: 'code',
        value: a.code,
        why: `act ${a.code} differs from the campaign's (${s.label}, ${s.icr} ICR${s.family ? `, ${s.family}` : ''}), which only a national user may change`,
      });
    }
  });
  return out;
}

/** The kit's other checks, as the full import makes them (patient keys, act codes). */
function checkRecords(kit: Kit): Refusal[] {
  const out: Refusal[] = [];
  const seen = new Set<string>();
  for (const [index, exam] of kit.exams.entries()) {
    const key = exam.patientKey;
    if (key != null && (key.trim() === '' || looksLikeRawIdentifier(key))) {
      out.push({
        file: FILES.exams,
        index,
        column: 'patient_key',
        value: key,
        why: `exam ${exam.examId} of ${exam.equipmentId} has a patient_key that is blank or looks like a raw patient identifier`,
      });
      break;
    }
    for (const code of exam.acts) {
      if (seen.has(code)) continue;
      seen.add(code);
      if (!isStorableAct(code))
        out.push({
          file: FILES.exams,
          index,
          column: 'acts',
          value: code,
          why: `act code ${JSON.stringify(code)} cannot be stored`,
        });
    }
  }
  return out;
}

/** The last record of each key, where the first stood; and the repeated keys. */
function lastByKey<T>(
  rows: readonly T[],
  key: (row: T) => string,
): { rows: T[]; duplicates: number } {
  const byKey = new Map<string, T>();
  let duplicates = 0;
  for (const row of rows) {
    const k = key(row);
    if (byKey.has(k)) duplicates++;
    byKey.set(k, row);
  }
  return { rows: [...byKey.values()], duplicates };
}

/** Row changes between the site's stored rows and the kit's, by key (content compared as JSON). */
function diff<T>(before: readonly T[], after: readonly T[], key: (row: T) => string): TableChanges {
  const old = new Map(before.map((r) => [key(r), JSON.stringify(r)]));
  const out: TableChanges = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  const kept = new Set<string>();
  for (const r of after) {
    const k = key(r);
    const was = old.get(k);
    if (was === undefined) out.inserted++;
    else if (was === JSON.stringify(r)) out.unchanged++;
    else out.updated++;
    kept.add(k);
  }
  for (const k of old.keys()) if (!kept.has(k)) out.removed++;
  return out;
}

/** The part of a stored campaign (as `readKit` reads it) that belongs to `mine`. */
function siteOf(kit: Kit, mine: ReadonlySet<string>): Kit {
  const machines = new Set(
    kit.equipment.filter((m) => mine.has(m.finess)).map((m) => m.equipmentId),
  );
  return {
    campaign: kit.campaign,
    establishments: kit.establishments.filter((e) => mine.has(e.finess)),
    equipment: kit.equipment.filter((m) => machines.has(m.equipmentId)),
    sessions: kit.sessions.filter((s) => machines.has(s.equipmentId)),
    exams: kit.exams.filter((e) => machines.has(e.equipmentId)),
    acts: kit.acts,
    survey: kit.survey.filter((a) => mine.has(a.finess)),
    slots: (kit.slots ?? []).filter((s) => machines.has(s.equipmentId)),
    ...(kit.costs
      ? {
          costs: {
            origin: kit.costs.origin,
            rows: kit.costs.rows.filter((r) => machines.has(r.equipmentId)),
          },
        }
      : {}),
  };
}

/** SQLSTATE 23505 (unique) or 42501 (row-level security): a key already held by another site's row. */
function isTakenKey(
  e: unknown,
): e is Error & { code: string; constraint?: string; detail?: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && (code === '23505' || code === '42501');
}

/** SQLSTATE class 23 (constraint) other than a taken key. */
function isConstraintViolation(
  e: unknown,
): e is Error & { code: string; constraint?: string; detail?: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('23');
}

const UPSERT_SAMPLES =
  countingUpsert(`insert into machine_samples (campaign_id, equipment_id, samples)
  select $1, u.equipment_id, decode(u.samples, 'base64')
  from unnest($2::text[], $3::text[]) as u (equipment_id, samples)
  on conflict (campaign_id, equipment_id) do update set samples = excluded.samples`);

function base64(samples: MachineSamples): string {
  const bytes = encodeSamples(samples);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

const UPSERT_MACHINE_RESULTS =
  countingUpsert(`insert into machine_results (campaign_id, equipment_id, ordinal, indicators)
  select $1, u.equipment_id, u.ordinal, u.indicators::json
  from unnest($2::text[], $3::int4[], $4::text[]) as u (equipment_id, ordinal, indicators)
  on conflict (campaign_id, equipment_id) do update set ordinal = excluded.ordinal, indicators = excluded.indicators`);

/**
 * Writes the slots of the site's machines: the slots table is numbered campaign-wide (`row_no`)
 * and a site cannot see the other sites' numbers, so the site's rows go after the highest number
 * it sees, moving further on (by savepoint) when another site's rows hold those numbers.
 */
async function insertSlots(
  tx: Queryable,
  campaignId: string,
  slots: NonNullable<Kit['slots']>,
): Promise<void> {
  if (slots.length === 0) return;
  const [top] = await tx.query<{ n: number }>(
    'select coalesce(max(row_no), 0)::int4 as n from slots where campaign_id = $1',
    [campaignId],
  );
  let base = top?.n ?? 0;
  for (let attempt = 0; ; attempt++) {
    await tx.query('savepoint plateau_site_slots');
    try {
      await insertSlotRows(tx, campaignId, slots, base + 1);
      await tx.query('release savepoint plateau_site_slots');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== '23505' || attempt >= 30) throw error;
      await tx.query('rollback to savepoint plateau_site_slots');
      base = base * 2 + slots.length;
    }
  }
}

async function insertCosts(tx: Queryable, campaignId: string, costs: Kit['costs']): Promise<void> {
  if (costs !== undefined) await insertCostRows(tx, campaignId, costs);
}

/**
 * Imports a site's kit into the stored campaign of its id, through `store` (the site user's
 * `scopedStore`; the owner's store in tests): refused, nothing stored, when the campaign is not
 * stored or covers another period, when a row belongs to an establishment outside `finess`, or when
 * acts.csv or equipment-register.csv differ from the campaign's (shared tables; a kit may omit
 * them, or give a subset of the acts unchanged). Otherwise the rows of those establishments become
 * exactly the kit's, with their machines' figures and samples, in one transaction; the campaign's
 * `updated_at`/`source` are bumped. The campaign's aggregates are left to `refreshAggregates`.
 *
 * @example
 * const mine = scopedStore(store, scope);
 * const summary = await importSiteKit(mine, kit, scope.finess, { source: 'upload: kit.zip' });
 * await refreshAggregates(store, summary.campaignId);
 */
export async function importSiteKit(
  store: Store,
  kit: Kit,
  finess: readonly string[],
  options: SiteImportOptions = {},
): Promise<SiteImportSummary> {
  const started = performance.now();
  const id = kit.campaign.id;
  const source = options.source ?? 'site kit';
  const progress = options.onProgress ?? (() => undefined);
  const mine = new Set(finess);
  if (mine.size === 0)
    throw new StoreError(
      'invalid-kit',
      'a site import needs at least one FINESS to write: nothing was stored.',
    );

  const establishments = lastByKey(kit.establishments, (e) => e.finess);
  const equipment = lastByKey(kit.equipment, (m) => m.equipmentId);
  const sessionRows = uniqueSessions(kit.sessions);
  const sessions = { rows: sessionRows, duplicates: kit.sessions.length - sessionRows.length };
  const exams = lastByKey(kit.exams, examKey);
  const survey = lastByKey(kit.survey, surveyKey);
  const issues: Issue[] = [];

  const own = [...foreignRows(kit, mine), ...checkRecords(kit)];
  if (own.length > 0) throw refuse(own, options.locate);

  const timings = { writeMs: 0, computeMs: 0, saveMs: 0, totalMs: 0 };
  try {
    return await store.db.transaction(async (tx) => {
      // Takes turns with any other import of the campaign (a full one, or another site's).
      await tx.query('select 1 from pg_advisory_xact_lock(hashtext($1))', [
        `plateau:campaign:${id}`,
      ]);
      let t = performance.now();
      progress({ phase: 'write', table: 'campaign', done: 0, total: 1 });
      const campaign = await readCampaign(tx, id);
      if (campaign === null) {
        throw new StoreError(
          'invalid-kit',
          `campaign.json: campaign ${id} is not in the store; a site imports into a campaign a national user has created (GET /api/campaigns lists them). Nothing was stored.`,
        );
      }
      const period = (['start', 'days', 'timeZone'] as const).filter(
        (k) => campaign[k] !== kit.campaign[k],
      );
      if (period.length > 0) {
        throw new StoreError(
          'invalid-kit',
          `campaign.json: campaign ${id} is stored for ${periodOf(campaign)}, and this kit is for ${periodOf(kit.campaign)} (` +
            period.map((k) => `${k} ${campaign[k]} → ${kit.campaign[k]}`).join(', ') +
            "): a site cannot change the campaign's period. Nothing was stored.",
        );
      }
      // A site is raw or bundled in a campaign (issue 16): its kit never silently replaces its bundle.
      const bundled = new Set(await readBundleSites(tx, id));
      const overBundle = kit.establishments.flatMap((e, index): Refusal[] =>
        bundled.has(e.finess)
          ? [
              {
                file: FILES.establishments,
                index,
                column: 'finess',
                value: e.finess,
                why: `site ${e.finess} came as a signed bundle into campaign ${id}`,
              },
            ]
          : [],
      );
      if (overBundle.length > 0)
        throw refuse(
          overBundle,
          options.locate,
          'a kit cannot replace a site that came as a bundle (send a new bundle instead)',
        );
      const acts = await readActs(tx, id);
      const shared = changedActs(kit, acts);
      if (kit.register !== undefined) {
        const register = (await loadRegister(tx, id)) ?? [];
        if (!sameRegister(register, kit.register)) {
          shared.push({
            file: FILES.register,
            index: 0,
            column: 'equipment_id',
            value: '',
            why: "the kit's equipment register differs from the campaign's, which only a national user may change (leave the file out)",
          });
        }
      }
      if (shared.length > 0) throw refuse(shared, options.locate);

      // What the site holds now, read as the full import reads a campaign back.
      const before = siteOf((await readKit(tx, id)) as Kit, mine);
      const beforeIds = before.equipment.map((m) => m.equipmentId);
      const ids = [...mine];

      // A kit without slots.csv or costs.csv keeps the site's stored ones (of the machines it still
      // has), as the full import keeps a campaign's when its kit leaves them out.
      const still = new Set(kit.equipment.map((m) => m.equipmentId));
      const slots = kit.slots ?? (before.slots ?? []).filter((x) => still.has(x.equipmentId));
      const costs: Kit['costs'] =
        kit.costs ??
        (before.costs
          ? {
              origin: before.costs.origin,
              rows: before.costs.rows.filter((r) => still.has(r.equipmentId)),
            }
          : undefined);

      // Rows without a foreign key to the machines go by hand; the rest cascade from the establishments.
      await tx.query(
        'delete from slots where campaign_id = $1 and equipment_id = any ($2::text[])',
        [id, beforeIds],
      );
      await tx.query(
        'delete from simulation_checks where campaign_id = $1 and equipment_id = any ($2::text[])',
        [id, beforeIds],
      );
      await tx.query(
        'delete from establishments where campaign_id = $1 and finess = any ($2::text[])',
        [id, ids],
      );
      // A machine id another site holds: said plainly (under row-level security the insert would fail anyway).
      const taken = await tx.query<{ equipment_id: string }>(
        'select equipment_id from equipment where campaign_id = $1 and equipment_id = any ($2::text[])',
        [id, equipment.rows.map((m) => m.equipmentId)],
      );
      if (taken.length > 0) {
        const names = new Set(taken.map((r) => r.equipment_id));
        throw refuse(
          kit.equipment.flatMap((m, index) =>
            names.has(m.equipmentId)
              ? [
                  {
                    file: FILES.equipment,
                    index,
                    column: 'equipment_id',
                    value: m.equipmentId,
                    why: `equipment_id ${m.equipmentId} is already a machine of another establishment of this campaign`,
                  },
                ]
              : [],
          ),
          options.locate,
        );
      }
      progress({
        phase: 'write',
        table: 'establishments',
        done: 0,
        total: establishments.rows.length,
      });
      await upsertEstablishments(tx, id, establishments.rows);
      progress({ phase: 'write', table: 'equipment', done: 0, total: equipment.rows.length });
      await upsertEquipment(tx, id, equipment.rows);
      await upsertSurvey(tx, id, survey.rows);
      await insertSessions(tx, id, sessions.rows, (done, total) =>
        progress({ phase: 'write', table: 'sessions', done, total }),
      );
      await upsertExams(tx, id, examRowsOf(exams.rows), (done, total) =>
        progress({ phase: 'write', table: 'exams', done, total }),
      );
      await insertSlots(tx, id, slots);
      await insertCosts(tx, id, costs);
      await touchCampaign(tx, id, source);
      timings.writeMs = performance.now() - t;

      // The site's machines read back as the full import reads them, computed with its engine.
      t = performance.now();
      progress({ phase: 'load', done: 0, total: 1 });
      const after = siteOf((await readKit(tx, id)) as Kit, mine);
      progress({ phase: 'compute', done: 0, total: 1 });
      const calendar = calendarOf(after);
      const results: MachineResult[] = kitColumns({ ...after, acts }).map((cols) =>
        computeMachine(cols, calendar),
      );
      timings.computeMs = performance.now() - t;
      t = performance.now();
      progress({ phase: 'save', done: 0, total: 1 });
      // Ordinals (the order of every stored machine) and percentile ranks are campaign-wide: the
      // aggregator sets them; until then the site's machines come after those it sees.
      const [top] = await tx.query<{ n: number }>(
        'select coalesce(max(ordinal), -1)::int4 as n from machine_results where campaign_id = $1',
        [id],
      );
      const first = (top?.n ?? -1) + 1;
      await upsertInChunks(
        tx,
        UPSERT_MACHINE_RESULTS,
        results.map((r, i) => ({ r, ordinal: first + i })),
        (chunk) => [
          id,
          chunk.map((x) => x.r.indicators.equipmentId),
          chunk.map((x) => x.ordinal),
          chunk.map((x) => JSON.stringify(x.r.indicators)),
        ],
      );
      await upsertInChunks(
        tx,
        UPSERT_SAMPLES,
        results,
        (chunk) => [
          id,
          chunk.map((r) => r.indicators.equipmentId),
          chunk.map((r) => base64(r.samples)),
        ],
        { chunkRows: 64 },
      );
      timings.saveMs = performance.now() - t;
      progress({ phase: 'save', done: 1, total: 1 });

      const costKey = (r: { equipmentId: string }) => r.equipmentId;
      const slotKey = (s: {
        equipmentId: string;
        start: number;
        end: number;
        status: string;
        observedAt: number;
      }) => `${s.equipmentId}\u0000${s.start}\u0000${s.end}\u0000${s.status}\u0000${s.observedAt}`;
      const summary = {
        establishments: diff(before.establishments, establishments.rows, (e) => e.finess),
        equipment: diff(before.equipment, equipment.rows, (m) => m.equipmentId),
        survey: diff(before.survey, survey.rows, surveyKey),
        sessions: diff(before.sessions, sessions.rows, sessionKey),
        exams: diff(before.exams, exams.rows, examKey),
        slots: diff(before.slots ?? [], slots, slotKey),
        costs: diff(before.costs?.rows ?? [], costs?.rows ?? [], costKey),
      };
      const changed = Object.values(summary).some((c) => c.inserted + c.updated + c.removed > 0);
      const repeated: [string, string, string, string, { duplicates: number }][] = [
        [FILES.establishments, 'finess', 'establishments', 'établissements', establishments],
        [FILES.equipment, 'equipment_id', 'machines', 'machines', equipment],
        [FILES.sessions, 'start', 'sessions', 'vacations', sessions],
        [FILES.exams, 'exam_id', 'exams', 'examens', exams],
        [FILES.survey, 'case', 'survey answers', 'réponses à l’enquête', survey],
      ];
      for (const [file, column, what, fr, { duplicates }] of repeated) {
        if (duplicates > 0)
          issues.push(
            makeIssue('warning', 'duplicate-record', file, null, column, {
              n: duplicates,
              what,
              'what@fr': fr,
              shown: '',
            }),
          );
      }
      timings.totalMs = performance.now() - started;
      return {
        campaignId: id,
        finess: [...mine].sort(),
        ...summary,
        acts: kit.acts.length > 0 ? 'matched' : 'absent',
        changed,
        machines: results.map((r) => r.indicators.equipmentId),
        issues,
        timings,
      };
    });
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if (isTakenKey(error)) {
      throw new StoreError(
        'invalid-kit',
        `a row of the kit is refused: it would write a key another establishment holds, or a row outside your establishments (${error.message}). Nothing was stored.`,
        { cause: error },
      );
    }
    if (isConstraintViolation(error)) {
      throw new StoreError(
        'invalid-kit',
        `the kit cannot be stored: ${error.message}.${error.detail ? ` ${error.detail}` : ''} Nothing was stored.`,
        { cause: error },
      );
    }
    throw error;
  }
}
