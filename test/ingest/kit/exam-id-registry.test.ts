/**
 * ExamIdRegistry against a plain Map per machine: for any sequence of (machine, id) — in order
 * per machine, out of order from any point, repeated, across machines — the same entries and the
 * same first line for each repeat.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExamIdRegistry } from '../../../src/ingest/kit/exam-id-registry.ts';

const encoder = new TextEncoder();

function model(rows: readonly { machine: number; id: string }[]): number[] {
  const seen = new Map<string, number>();
  let entries = 0;
  return rows.map(({ machine, id }, line) => {
    const key = `${machine}\u0000${id}`;
    const first = seen.get(key);
    if (first !== undefined) return -first - 1;
    seen.set(key, line);
    return entries++;
  });
}

function registered(rows: readonly { machine: number; id: string }[]): number[] {
  const registry = new ExamIdRegistry();
  return rows.map(({ machine, id }, line) => {
    // The id inside a larger buffer, as the readers pass it.
    const bytes = encoder.encode(`,${id},`);
    return registry.add(machine, bytes, 1, bytes.length - 1, line);
  });
}

const row = fc.record({
  machine: fc.integer({ min: 0, max: 5 }),
  id: fc.oneof(
    fc.integer({ min: 0, max: 40 }).map((k) => `E${String(k).padStart(3, '0')}`),
    fc.constantFrom('E', 'E0', 'E00', 'É1', ''),
  ),
});

describe('ExamIdRegistry', () => {
  it('finds the repeats a Map finds, sorted per machine or not', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), fc.boolean(), (rows, sorted) => {
        const input = sorted
          ? [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          : rows;
        expect(registered(input)).toEqual(model(input));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps finding repeats after thousands of ids went to the hash table', () => {
    const rows: { machine: number; id: string }[] = [];
    for (let m = 0; m < 20; m++)
      for (let k = 0; k < 500; k++) rows.push({ machine: m, id: `X${String(k).padStart(5, '0')}` });
    // Out of order on the last machine, then repeats of ids registered before the switch.
    rows.push({ machine: 19, id: 'A' });
    for (let m = 0; m < 20; m += 3) rows.push({ machine: m, id: 'X00007' });
    rows.push({ machine: 7, id: 'Z' }, { machine: 8, id: 'Z' }, { machine: 7, id: 'Z' });
    expect(registered(rows)).toEqual(model(rows));
  });
});
