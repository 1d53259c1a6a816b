/**
 * The `slots` table: a campaign's booking supply (planning.md §1, `slots.csv`), one observation of
 * one slot per row in the order of its file (`row_no` from 1). The same slot is seen several times
 * (free, then busy), so rows have no natural key: the slots are replaced whole by each import, and
 * what changed is counted by comparing rows as values (a multiset), not by position.
 */
import type { Slot } from '../core/kit-types.ts';
import { epochMs, fromEpochMs } from './bulk.ts';
import type { Queryable } from './db.ts';

/** What replacing a campaign's slots did: rows new to the store, rows gone, rows found again. */
export interface SlotChanges {
  added: number;
  removed: number;
  unchanged: number;
}

/** Rows per insert: each travels as six arrays of parameters. */
const CHUNK = 20_000;

/**
 * The stored slots of `campaignId` in their file's order, or null when it has none (none imported,
 * the last import's kit had no slot, or the campaign is not stored).
 *
 * @example
 * const slots = await loadSlots(store.db, 'anap-2010'); // Slot[] | null
 */
export async function loadSlots(q: Queryable, campaignId: string): Promise<Slot[] | null> {
  // One JSON document rather than one row per slot (PGlite decodes rows field by field).
  const [row] = await q.query<{ slots: string }>(
    `select coalesce(json_agg(json_build_array(equipment_id, ${epochMs('slot_start')}, ${epochMs('slot_end')},
       status, ${epochMs('observed_at')}) order by row_no), '[]')::text as slots
     from slots where campaign_id = $1`,
    [campaignId],
  );
  const tuples = JSON.parse(row?.slots ?? '[]') as [
    string,
    number,
    number,
    Slot['status'],
    number,
  ][];
  if (tuples.length === 0) return null;
  return tuples.map(([equipmentId, start, end, status, observedAt]) => ({
    equipmentId,
    start,
    end,
    status,
    observedAt,
  }));
}

/** A slot row as one comparable string (every field, in order). */
function rowKey(s: Slot): string {
  return `${s.equipmentId}\u0000${s.start}\u0000${s.end}\u0000${s.status}\u0000${s.observedAt}`;
}

/**
 * Rows of `next` not in `before` (added), of `before` not in `next` (removed), and in both
 * (unchanged), as multisets of values: reordering a file changes no row.
 *
 * @example
 * slotChanges(stored, kit.slots ?? []); // { added: 12, removed: 0, unchanged: 4 210 }
 */
export function slotChanges(before: readonly Slot[], next: readonly Slot[]): SlotChanges {
  const left = new Map<string, number>();
  for (const s of before) {
    const k = rowKey(s);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  let unchanged = 0;
  for (const s of next) {
    const k = rowKey(s);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      unchanged++;
      left.set(k, n - 1);
    }
  }
  return { added: next.length - unchanged, removed: before.length - unchanged, unchanged };
}

/** True when two lists hold the same slot rows in the same order. */
export function sameSlots(a: readonly Slot[], b: readonly Slot[]): boolean {
  return a.length === b.length && a.every((s, i) => rowKey(s) === rowKey(b[i] as Slot));
}

/**
 * Makes `rows` the slots of `campaignId` (through `q`, inside the caller's transaction): the stored
 * rows are deleted and `rows` inserted with `row_no` 1, 2… — unless they are already exactly
 * stored, in which case nothing is written. `before` is the stored slots when the caller has read
 * them already (null: none). An empty `rows` removes them all.
 *
 * @example
 * await replaceSlots(tx, 'anap-2010', kit.slots ?? []);
 */
export async function replaceSlots(
  q: Queryable,
  campaignId: string,
  rows: readonly Slot[],
  before?: readonly Slot[] | null,
): Promise<SlotChanges> {
  const stored = before === undefined ? ((await loadSlots(q, campaignId)) ?? []) : (before ?? []);
  const changes = slotChanges(stored, rows);
  if (sameSlots(stored, rows)) return changes;
  await q.query('delete from slots where campaign_id = $1', [campaignId]);
  for (let from = 0; from < rows.length; from += CHUNK) {
    const chunk = rows.slice(from, from + CHUNK);
    await insertSlotRows(q, campaignId, chunk, from + 1);
  }
  return changes;
}

/** The machines `rows` name that are not in `machines`, once each, in row order; empty when all are. */
export function unknownSlotMachines(
  rows: readonly Slot[],
  machines: ReadonlySet<string>,
): string[] {
  const unknown = new Set<string>();
  for (const s of rows) if (!machines.has(s.equipmentId)) unknown.add(s.equipmentId);
  return [...unknown];
}

/** Inserts `rows` as the slots of `campaignId`, numbered (`row_no`) from `first` in their order. */
export async function insertSlotRows(
  q: Queryable,
  campaignId: string,
  rows: readonly Slot[],
  first: number,
): Promise<void> {
  await q.query(
    `insert into slots (campaign_id, row_no, equipment_id, slot_start, slot_end, status, observed_at)
     select $1, u.row_no, u.equipment_id, ${fromEpochMs('u.slot_start')}, ${fromEpochMs('u.slot_end')}, u.status,
       ${fromEpochMs('u.observed_at')}
     from unnest($2::int4[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::float8[])
       as u (row_no, equipment_id, slot_start, slot_end, status, observed_at)`,
    [
      campaignId,
      rows.map((_, i) => first + i),
      rows.map((s) => s.equipmentId),
      rows.map((s) => s.start),
      rows.map((s) => s.end),
      rows.map((s) => s.status),
      rows.map((s) => s.observedAt),
    ],
  );
}
