/**
 * Rows of `slots.csv` (planning.md §1), the machines' booking supply: one row is one status of one
 * slot as the scheduler showed it at `observed_at`, so the same slot may come back (free, then
 * busy). The KitParser hands each row here with its own cell readers and machine lookup, so a cell
 * is refused exactly as in the kit's other files (date-times in the campaign's zone, located errors).
 */
import { SLOT_STATUSES, type Slot } from '../../core/kit-types.ts';
import type { CsvRecord } from '../csv.ts';
import type { CellReader } from './cells.ts';

/** What a slots.csv row needs from the kit being read. */
export interface SlotRowContext {
  /** The machine a row names: a machine of equipment.csv, else null (with its error). */
  equipment: (row: CsvRecord, i: number) => string | null;
  /** Errors reported so far in the whole kit: once there is one, no record is kept. */
  errorCount: () => number;
}

/**
 * A reader of slots.csv rows into `into`: `equipment_id` a machine of the kit, `start` and `end`
 * date-times with `end` after `start`, `status` free or busy, `observed_at` a date-time. Two rows
 * that see the same slot at the same instant with different statuses are warned about (plateau
 * then reads it busy).
 *
 * @example
 * const read = slotRows((c) => index.get(c) ?? -1, cells, slots, { equipment, errorCount });
 * for (const row of records) read(row);
 */
export function slotRows(
  col: (c: string) => number,
  r: CellReader,
  into: Slot[],
  context: SlotRowContext,
): (row: CsvRecord) => void {
  const iEq = col('equipment_id');
  const iStart = col('start');
  const iEnd = col('end');
  const iStatus = col('status');
  const iObserved = col('observed_at');
  /** `equipment start end observed` → the status seen and its line, to find conflicting rows. */
  const seen = new Map<string, { status: Slot['status']; line: number }>();
  // `start` and `end` have column help meant for sessions: a blank slot time says plain `required`.
  const instant = (row: CsvRecord, i: number, column: string): number => {
    if (!row.blank(i)) return r.dateTime(row, i, column);
    r.say('error', 'required', row.line, column, { column });
    return NaN;
  };
  return (row) => {
    const line = row.line;
    const equipmentId = context.equipment(row, iEq);
    const start = instant(row, iStart, 'start');
    const end = instant(row, iEnd, 'end');
    const status = r.choice(SLOT_STATUSES, row, iStatus, 'status');
    const observedAt = r.dateTime(row, iObserved, 'observed_at');
    if (end <= start) {
      r.say('error', 'slot-end-before-start', line, 'end', {
        end: row.cell(iEnd),
        start: row.cell(iStart),
      });
      return;
    }
    if (
      equipmentId === null ||
      !status ||
      start !== start ||
      end !== end ||
      observedAt !== observedAt
    )
      return;
    const key = `${equipmentId}\u0000${start}\u0000${end}\u0000${observedAt}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, { status, line });
    else if (first.status !== status) {
      r.say('warning', 'slot-conflict', line, 'status', {
        status,
        other: first.status,
        first: String(first.line),
        observed: row.cell(iObserved),
      });
    }
    if (context.errorCount() > 0) return;
    into.push({ equipmentId, start, end, status, observedAt });
  };
}
