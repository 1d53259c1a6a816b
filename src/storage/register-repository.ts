/**
 * The `register_machines` table: a campaign's whole fleet (planning.md §1), one row per machine in
 * the order of its file (`row_no` from 1). A register has no natural key, so it is replaced whole;
 * what changed is counted by comparing rows as values (a multiset), not by position.
 */
import type { RegisterMachine } from '../core/kit-types.ts';
import type { Queryable } from './db.ts';
import { StoreError } from './errors.ts';
import type { Store } from './open-store.ts';

/** What replacing a register did: rows new to the store, rows gone, rows found again. */
export interface RegisterChanges {
  added: number;
  removed: number;
  unchanged: number;
}

interface RegisterRow {
  [key: string]: unknown;
  finess: string;
  department: string;
  modality: RegisterMachine['modality'];
  sector: RegisterMachine['sector'];
  authorisation_id: string | null;
  authorised_on: string | null;
  in_service_on: string | null;
  installed_year: number | null;
  field_tesla: number | null;
  equipment_id: string | null;
  origin: RegisterMachine['origin'];
}

/**
 * The stored register of `campaignId` in its file's order, or null when the campaign has no
 * register row (none imported, or the campaign is not stored).
 *
 * @example
 * const fleet = await loadRegister(store.db, 'anap-2010'); // RegisterMachine[] | null
 */
export async function loadRegister(
  q: Queryable,
  campaignId: string,
): Promise<RegisterMachine[] | null> {
  const rows = await q.query<RegisterRow>(
    `select finess, department, modality, sector, authorisation_id,
       to_char(authorised_on, 'YYYY-MM-DD') as authorised_on,
       to_char(in_service_on, 'YYYY-MM-DD') as in_service_on,
       installed_year, field_tesla, equipment_id, origin
     from register_machines where campaign_id = $1 order by row_no`,
    [campaignId],
  );
  if (rows.length === 0) return null;
  return rows.map((r) => ({
    finess: r.finess,
    department: r.department,
    modality: r.modality,
    sector: r.sector,
    authorisationId: r.authorisation_id,
    authorisedOn: r.authorised_on,
    inServiceOn: r.in_service_on,
    installedYear: r.installed_year,
    fieldTesla: r.field_tesla,
    equipmentId: r.equipment_id,
    origin: r.origin,
  }));
}

/** A register row as one comparable string (every field, in order). */
function rowKey(m: RegisterMachine): string {
  return JSON.stringify([
    m.finess,
    m.department,
    m.modality,
    m.sector,
    m.authorisationId,
    m.authorisedOn,
    m.inServiceOn,
    m.installedYear,
    m.fieldTesla,
    m.equipmentId,
    m.origin,
  ]);
}

/**
 * Rows of `next` not in `before` (added), of `before` not in `next` (removed), and in both
 * (unchanged), as multisets of values: reordering a register changes no row.
 */
export function registerChanges(
  before: readonly RegisterMachine[],
  next: readonly RegisterMachine[],
): RegisterChanges {
  const left = new Map<string, number>();
  for (const m of before) {
    const k = rowKey(m);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  let unchanged = 0;
  for (const m of next) {
    const k = rowKey(m);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      unchanged++;
      left.set(k, n - 1);
    }
  }
  return { added: next.length - unchanged, removed: before.length - unchanged, unchanged };
}

/** True when two registers hold the same rows in the same order. */
export function sameRegister(
  a: readonly RegisterMachine[],
  b: readonly RegisterMachine[],
): boolean {
  return a.length === b.length && a.every((m, i) => rowKey(m) === rowKey(b[i] as RegisterMachine));
}

/**
 * Makes `rows` the register of `campaignId` (through `q`, inside the caller's transaction): the
 * stored rows are deleted and `rows` inserted with `row_no` 1, 2… — unless they are already
 * exactly stored, in which case nothing is written. `before` is the stored register when the
 * caller has read it already. An empty `rows` removes the register.
 */
export async function replaceRegister(
  q: Queryable,
  campaignId: string,
  rows: readonly RegisterMachine[],
  before?: readonly RegisterMachine[] | null,
): Promise<RegisterChanges> {
  const stored =
    before === undefined ? ((await loadRegister(q, campaignId)) ?? []) : (before ?? []);
  const changes = registerChanges(stored, rows);
  if (sameRegister(stored, rows)) return changes;
  await q.query('delete from register_machines where campaign_id = $1', [campaignId]);
  if (rows.length === 0) return changes;
  await q.query(
    `insert into register_machines (campaign_id, row_no, finess, department, modality, sector,
       authorisation_id, authorised_on, in_service_on, installed_year, field_tesla, equipment_id, origin)
     select $1, u.row_no, u.finess, u.department, u.modality, u.sector, u.authorisation_id,
       u.authorised_on::date, u.in_service_on::date, u.installed_year, u.field_tesla, u.equipment_id, u.origin
     from unnest($2::int4[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::int4[], $11::float8[], $12::text[], $13::text[])
       as u (row_no, finess, department, modality, sector, authorisation_id, authorised_on,
         in_service_on, installed_year, field_tesla, equipment_id, origin)`,
    [
      campaignId,
      rows.map((_, i) => i + 1),
      rows.map((m) => m.finess),
      rows.map((m) => m.department),
      rows.map((m) => m.modality),
      rows.map((m) => m.sector),
      rows.map((m) => m.authorisationId),
      rows.map((m) => m.authorisedOn),
      rows.map((m) => m.inServiceOn),
      rows.map((m) => m.installedYear),
      rows.map((m) => m.fieldTesla),
      rows.map((m) => m.equipmentId),
      rows.map((m) => m.origin),
    ],
  );
  return changes;
}

/**
 * The `equipment_id`s of `rows` that name no machine of `machines` (id → modality) or one of
 * another modality, in row order; empty when every reference holds.
 */
export function brokenReferences(
  rows: readonly RegisterMachine[],
  machines: ReadonlyMap<string, RegisterMachine['modality']>,
): string[] {
  return rows
    .filter((m) => m.equipmentId !== null && machines.get(m.equipmentId) !== m.modality)
    .map((m) => m.equipmentId as string);
}

/** The `equipment_id`s that more than one row of `rows` names, once each, in row order. */
export function namedTwice(rows: readonly RegisterMachine[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { equipmentId: id } of rows) {
    if (id === null) continue;
    if (seen.has(id)) twice.add(id);
    seen.add(id);
  }
  return [...twice];
}

/** What `importRegister` did. */
export interface RegisterImport {
  campaignId: string;
  changes: RegisterChanges;
  /** True when the stored register changed (rows or their order). */
  changed: boolean;
}

/**
 * Makes `rows` the register of the stored campaign `campaignId`, in one transaction: refused
 * (`StoreError` `unknown-campaign`) when the campaign is not stored, and (`invalid-kit`) when a
 * row's `equipment_id` is not one of its machines of that modality, or names one a second time;
 * then nothing is stored. The campaign's records, results and issues are left as they are.
 *
 * @example
 * const { changes } = await importRegister(store, 'anap-2010', rows);
 */
export async function importRegister(
  store: Store,
  campaignId: string,
  rows: readonly RegisterMachine[],
): Promise<RegisterImport> {
  return store.db.transaction(async (tx) => {
    // Takes turns with an import of the same campaign (import-kit.ts takes the same lock).
    await tx.query('select 1 from pg_advisory_xact_lock(hashtext($1))', [
      `plateau:campaign:${campaignId}`,
    ]);
    const exists = await tx.query('select 1 from campaigns where id = $1', [campaignId]);
    if (exists.length === 0)
      throw new StoreError('unknown-campaign', `campaign ${campaignId} is not in the store`);
    const machines = await tx.query<{
      equipment_id: string;
      modality: RegisterMachine['modality'];
    }>('select equipment_id, modality from equipment where campaign_id = $1', [campaignId]);
    const known = new Map(machines.map((m) => [m.equipment_id, m.modality]));
    const broken = brokenReferences(rows, known);
    const twice = namedTwice(rows);
    if (broken.length > 0 || twice.length > 0) {
      const what =
        broken.length > 0
          ? `equipment_id ${broken.slice(0, 5).join(', ')} is not a machine of that modality in campaign ${campaignId}`
          : `equipment_id ${twice.slice(0, 5).join(', ')} is named by more than one row`;
      throw new StoreError(
        'invalid-kit',
        `the register cannot be stored: ${what}. Nothing was stored.`,
      );
    }
    const before = await loadRegister(tx, campaignId);
    const changes = await replaceRegister(tx, campaignId, rows, before);
    const changed = !sameRegister(before ?? [], rows);
    if (changed)
      await tx.query('update campaigns set updated_at = now() where id = $1', [campaignId]);
    return { campaignId, changes, changed };
  });
}
