/**
 * ExamColumns on its own: rows appended with id and key entries in step with the rows, then out
 * of step from any row (a row whose id was registered but not kept, a row without a key), in
 * file order or not: the table's examId and patientKey columns always name each row's own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringAt } from '../../../src/core/exam-table.ts';
import { ByteStore } from '../../../src/ingest/kit/byte-store.ts';
import { ActLists, ExamColumns, NO_KEY } from '../../../src/ingest/kit/exam-columns.ts';

const encoder = new TextEncoder();

interface Row {
  machine: number;
  minute: number;
  /** Ids registered before this row's own, for rows not kept (they shift the entries). */
  skippedIds: number;
  hasKey: boolean;
}

function build(rows: readonly Row[], withKeys: boolean, hint: number) {
  const ids = new ByteStore();
  const columns = new ExamColumns(withKeys);
  if (hint > 0) columns.expect(hint);
  const expected: { machine: number; minute: number; id: string; key: string | null }[] = [];
  let skipped = 0;
  rows.forEach((row, r) => {
    for (let s = 0; s < row.skippedIds; s++) {
      const text = encoder.encode(`SKIP${skipped++}`);
      ids.add(text, 0, text.length);
    }
    const idText = `ID${r}`;
    const idBytes = encoder.encode(idText);
    const id = ids.add(idBytes, 0, idBytes.length);
    let key = NO_KEY;
    const keyText = `${r.toString(16).padStart(4, '0')}${'ab'.repeat(14)}`;
    if (withKeys && row.hasKey && columns.keys !== null) {
      const keyBytes = encoder.encode(keyText);
      key = columns.keys.add(keyBytes, 0, keyBytes.length);
    }
    const t = Date.UTC(2010, 2, 1) + row.minute * 60_000;
    columns.append(row.machine, id, 0, t, t + 600_000, NaN, 0, NaN, NaN, NaN, 0, key);
    expected.push({
      machine: row.machine,
      minute: row.minute,
      id: idText,
      key: withKeys && row.hasKey ? keyText : null,
    });
  });
  return { table: columns.toTable(3, ids), expected };
}

const row = fc.record({
  machine: fc.integer({ min: 0, max: 2 }),
  minute: fc.integer({ min: 0, max: 10_000 }),
  skippedIds: fc.oneof(
    fc.constant(0),
    fc.constant(0),
    fc.constant(0),
    fc.integer({ min: 1, max: 2 }),
  ),
  hasKey: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
});

describe('ExamColumns', () => {
  it('names each row by its own id and key, in step with the rows or not, sorted or not', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 100 }),
        (rows, grouped, withKeys, hint) => {
          const input = grouped
            ? [...rows].sort((a, b) => a.machine - b.machine || a.minute - b.minute)
            : rows;
          const { table, expected } = build(input, withKeys, hint);
          expect(table.length).toBe(input.length);
          // The file's k-th row is table row fileOrder[k]: its id and key are that row's.
          expected.forEach((want, k) => {
            const t = table.fileOrder[k] as number;
            expect(table.machine[t]).toBe(want.machine);
            expect(stringAt(table.examId, t)).toBe(want.id);
            if (table.patientKey !== null) expect(stringAt(table.patientKey, t)).toBe(want.key);
          });
          expect(table.patientKey === null).toBe(!withKeys);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds an acts cell by its bytes as by its text, over thousands of distinct cells', () => {
    const byBytes = new ActLists();
    const byText = new ActLists();
    const code = (k: number): string => `Z${String(k % 997).padStart(3, '0')}${k % 7}`;
    // 5,000 distinct cells (the table grows several times), each read twice, some equal as lists.
    const cells = Array.from({ length: 5000 }, (_, k) =>
      k % 10 === 0 ? ` ${code(k)} |${code(k + 1)}` : `${code(k)}|${code(k + 1)}`,
    );
    for (const text of [...cells, ...cells.reverse(), '', 'A|', '|A']) {
      const bytes = encoder.encode(`,${text},`);
      expect(byBytes.ofAscii(bytes, 1, bytes.length - 1)).toBe(byText.ofText(text));
    }
    expect(byBytes.lists).toEqual(byText.lists);
  });
});
