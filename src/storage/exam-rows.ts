/**
 * The exams an import writes, as rows of the kit's `ExamTable` rather than one object per exam:
 * a national year (17.3 million exams) read from files is de-duplicated, checked, written and
 * fingerprinted from its columns. Kits built in memory get a table built from their records
 * (`examRowsOfKit`), so there is one road for both.
 */
import type { Equipment, Exam, Kit } from '../core/kit-types.ts';
import type { ExamTable, StringColumn } from '../core/exam-table.ts';
import { attachedExamTable, buildExamTable, stringAt } from '../core/exam-table.ts';

/**
 * Some rows of a table, in table order: every row when `rows` is null (`length` of them), else
 * the rows listed. `equipment` names the table's machines (index → id).
 */
export interface ExamRows {
  readonly table: ExamTable;
  readonly equipment: readonly Pick<Equipment, 'equipmentId'>[];
  readonly rows: Uint32Array | null;
  readonly length: number;
}

/** Every row of `table`. */
export function allRows(
  table: ExamTable,
  equipment: readonly Pick<Equipment, 'equipmentId'>[],
): ExamRows {
  return { table, equipment, rows: null, length: table.length };
}

/** The table row of the `i`-th row of `rows`. */
export function rowAt(rows: ExamRows, i: number): number {
  return rows.rows === null ? i : (rows.rows[i] as number);
}

/**
 * A kit's exams as rows: the table its reader attached, or one built from its records. A built
 * table leaves out exams of machines absent from `equipment`: those keep their machine here (as
 * extra machines after the kit's), so that storing them fails on the foreign key as before.
 */
export function examRowsOfKit(kit: Kit): ExamRows {
  const attached = attachedExamTable(kit);
  if (attached !== null) return allRows(attached, kit.equipment);
  return examRowsOf(kit.exams, kit.equipment);
}

/** `exams` as rows of a table built for them (machines of `equipment` first, then any other named). */
export function examRowsOf(
  exams: readonly Exam[],
  equipment: readonly Pick<Equipment, 'equipmentId'>[] = [],
): ExamRows {
  const known = new Set(equipment.map((m) => m.equipmentId));
  const machines: Pick<Equipment, 'equipmentId'>[] = [...equipment];
  for (const e of exams) {
    if (!known.has(e.equipmentId)) {
      known.add(e.equipmentId);
      machines.push({ equipmentId: e.equipmentId });
    }
  }
  return allRows(buildExamTable(exams, machines), machines);
}

/** True when strings `a` and `b` of `column` hold the same bytes (and presence). */
export function sameString(column: StringColumn, a: number, b: number): boolean {
  const absent = column.absent;
  if (absent !== null && absent[a] !== absent[b]) return false;
  const { offsets, bytes } = column;
  const fa = offsets[a] as number;
  const fb = offsets[b] as number;
  const n = (offsets[a + 1] as number) - fa;
  if ((offsets[b + 1] as number) - fb !== n) return false;
  for (let k = 0; k < n; k++) if (bytes[fa + k] !== bytes[fb + k]) return false;
  return true;
}

/** Byte order of strings `a` and `b` of `column`: UTF-8 byte order is code point order (`collate "C"`). */
export function compareStrings(column: StringColumn, a: number, b: number): number {
  const { offsets, bytes } = column;
  const fa = offsets[a] as number;
  const fb = offsets[b] as number;
  const na = (offsets[a + 1] as number) - fa;
  const nb = (offsets[b + 1] as number) - fb;
  const n = Math.min(na, nb);
  for (let k = 0; k < n; k++) {
    const d = (bytes[fa + k] as number) - (bytes[fb + k] as number);
    if (d !== 0) return d;
  }
  return na - nb;
}

function hashOf(column: StringColumn, i: number): number {
  const { offsets, bytes } = column;
  let h = 0x811c9dc5;
  for (let k = offsets[i] as number, end = offsets[i + 1] as number; k < end; k++) {
    h = Math.imul(h ^ (bytes[k] as number), 0x01000193);
  }
  return h >>> 0;
}

/**
 * The exams unique by machine and exam id, the last in file order kept (a later row replaces an
 * earlier one, as a re-import would), and `machine/id` of each repeated row after the first, in
 * file order. Ids are compared as bytes, per machine, through an open-addressing hash of row
 * numbers: no string per exam.
 */
export function lastExamRows(all: ExamRows): { rows: ExamRows; duplicates: string[] } {
  const { table } = all;
  const ids = table.examId;
  let dropped: Uint8Array | null = null;
  let position: Uint32Array | null = null;
  /** Rows of each repeated id (the first row of the group first). */
  const groups = new Map<number, number[]>();
  let slots = new Int32Array(16);
  const machines = table.machineStart.length - 1;
  for (let m = 0; m < machines; m++) {
    const from = table.machineStart[m] as number;
    const to = table.machineStart[m + 1] as number;
    let size = 16;
    while (size < 2 * (to - from)) size *= 2;
    if (slots.length < size) slots = new Int32Array(size);
    const mask = size - 1;
    slots.fill(-1, 0, size);
    for (let row = from; row < to; row++) {
      let s = hashOf(ids, row) & mask;
      for (;;) {
        const other = slots[s] as number;
        if (other === -1) {
          slots[s] = row;
          break;
        }
        if (sameString(ids, other, row)) {
          if (position === null) {
            position = new Uint32Array(table.length);
            for (let k = 0; k < table.length; k++) position[table.fileOrder[k] as number] = k;
            dropped = new Uint8Array(table.length);
          }
          const group = groups.get(other) ?? [other];
          groups.delete(other);
          group.push(row);
          // The slot holds the row kept so far: the later of the two in file order.
          const keep = (position[row] as number) > (position[other] as number) ? row : other;
          (dropped as Uint8Array)[keep === row ? other : row] = 1;
          slots[s] = keep;
          groups.set(keep, group);
          break;
        }
        s = (s + 1) & mask;
      }
    }
  }
  if (dropped === null || position === null) return { rows: all, duplicates: [] };
  const pos = position;
  const repeated: number[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => (pos[a] as number) - (pos[b] as number));
    repeated.push(...group.slice(1));
  }
  repeated.sort((a, b) => (pos[a] as number) - (pos[b] as number));
  const duplicates = repeated.map(
    (row) =>
      `${(all.equipment[table.machine[row] as number] as Pick<Equipment, 'equipmentId'>).equipmentId}/${stringAt(ids, row) as string}`,
  );
  const base = all.rows ?? null;
  const keptRows: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const row = base === null ? i : (base[i] as number);
    if ((dropped as Uint8Array)[row] !== 1) keptRows.push(row);
  }
  const rows = Uint32Array.from(keptRows);
  return { rows: { table, equipment: all.equipment, rows, length: rows.length }, duplicates };
}

/** Calls `visit` with each row of `rows` in file order (the order the kit listed them) until it returns false. */
export function forEachInFileOrder(rows: ExamRows, visit: (row: number) => boolean): void {
  const { table } = rows;
  let kept: Uint8Array | null = null;
  if (rows.rows !== null) {
    kept = new Uint8Array(table.length);
    for (const r of rows.rows) kept[r] = 1;
  }
  const order = table.fileOrder;
  for (let k = 0; k < order.length; k++) {
    const row = order[k] as number;
    if ((kept === null || kept[row] === 1) && visit(row) === false) return;
  }
}

/** The id of the machine of table row `row`. */
export function machineIdOf(rows: ExamRows, row: number): string {
  return (rows.equipment[rows.table.machine[row] as number] as Pick<Equipment, 'equipmentId'>)
    .equipmentId;
}
