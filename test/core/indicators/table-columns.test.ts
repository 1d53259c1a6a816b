// The indicator engine over the exam table: each machine's exam columns are views of the table,
// the ICR column is valued once per act list (row ICR first, NaN when unvalued, unknown codes per
// machine), a kit read from files and the same kit built in memory give the same figures, and
// the order of the exam rows changes no figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { attachedExamTable, buildExamTable } from '../../../src/core/exam-table.ts';
import { computeCampaign, computeCampaignDetailed } from '../../../src/core/indicators/index.ts';
import { kitColumns, tableIcr } from '../../../src/core/indicators/machine-columns.ts';
import type { Category, Exam, Kit } from '../../../src/core/kit-types.ts';
import { generateKit, writeGeneratedKit } from '../../../src/generate/index.ts';
import { readKitDir } from '../../../src/ingest/kit/read-kit.ts';

const H = 3_600_000;
const T0 = Date.UTC(2010, 2, 22, 7);

const exam = (over: Partial<Exam>): Exam => ({
  examId: 'x',
  equipmentId: 'A',
  category: 'A',
  roomIn: T0,
  roomOut: T0 + 20 * 60_000,
  acts: [],
  icr: null,
  reportValidatedAt: null,
  requestedAt: null,
  scheduledMinutes: null,
  ageBand: null,
  ...over,
});

/** Two machines (B listed first), acts ZZ1 = 10 and ZZ2 = 2.5; codes QQ and RR are unknown. */
function smallKit(exams: Exam[]): Kit {
  const kit: Kit = {
    campaign: { id: 'c', name: 'c', start: '2010-03-22', days: 7, timeZone: 'Europe/Paris' },
    establishments: [
      { finess: '590000001', name: 'S', legalStatus: 'CH', region: 'HDF', department: null },
    ],
    equipment: ['B', 'A'].map((id) => ({
      equipmentId: id,
      finess: '590000001',
      modality: 'CT',
      label: null,
      installedYear: null,
      role: 'general',
    })),
    sessions: [
      { equipmentId: 'A', start: T0 - H, end: T0 + 8 * H, type: 'PUBLIC_SCHEDULED' },
      { equipmentId: 'B', start: T0 - H, end: T0 + 8 * H, type: 'PUBLIC_SCHEDULED' },
    ],
    exams,
    acts: [
      { code: 'ZZ1', label: 'one', icr: 10 },
      { code: 'ZZ2', label: 'two', icr: 2.5 },
    ],
    survey: [],
  };
  return kit;
}

describe('kit columns over the exam table', () => {
  const exams = [
    exam({ examId: 'a1', roomIn: T0 + H, acts: ['ZZ1', 'ZZ2'] }), // 12.5 from acts
    exam({ examId: 'a2', roomIn: T0, acts: ['ZZ1', 'QQ'], icr: 40 }), // row ICR wins; QQ not reported
    exam({ examId: 'a3', roomIn: T0 + 2 * H, acts: ['ZZ2', 'RR', 'QQ'] }), // unvalued: RR, QQ
    exam({ examId: 'a4', roomIn: T0 + 3 * H }), // no ICR, no act: unvalued
    exam({ examId: 'b1', equipmentId: 'B', roomIn: T0 + H, acts: ['ZZ1', 'ZZ2'] }), // same list as a1
    exam({ examId: 'b2', equipmentId: 'B', roomIn: T0, acts: ['RR'] }), // unvalued: RR
    exam({ examId: 'z1', equipmentId: 'Z', acts: ['QQ'] }), // machine absent from equipment: ignored
  ];
  const kit = smallKit(exams);

  it('values each row: row ICR, else the sum of its acts, NaN when unvalued; unknown codes per machine', () => {
    const table = buildExamTable(kit.exams, kit.equipment);
    const r = tableIcr(table, new Map(kit.acts.map((a) => [a.code, a.icr])));
    // Rows: B (b2, b1) then A (a2, a1, a3, a4), each by roomIn.
    expect([...r.icr]).toEqual([NaN, 12.5, 40, 12.5, NaN, NaN]);
    expect([...r.unvalued]).toEqual([1, 2]);
    expect(r.unknownActs).toEqual([['RR'], ['QQ', 'RR']]);
  });

  it('gives each machine zero-copy views of the table, on shared memory when asked', () => {
    const cols = kitColumns(kit);
    expect(cols.map((c) => c.equipment.equipmentId)).toEqual(['B', 'A']);
    expect(cols.map((c) => c.roomIn.length)).toEqual([2, 4]);
    expect([...(cols[1]?.roomIn ?? [])]).toEqual([T0, T0 + H, T0 + 2 * H, T0 + 3 * H]);
    expect([...(cols[1]?.icr ?? [])]).toEqual([40, 12.5, NaN, NaN]);
    expect(cols[0]?.roomIn.buffer).toBe(cols[1]?.roomIn.buffer);
    expect(cols.map((c) => [c.unvaluedExams, c.unknownActs])).toEqual([
      [1, ['RR']],
      [2, ['QQ', 'RR']],
    ]);
    const shared = kitColumns(kit, { shared: true });
    for (const k of [
      'roomIn',
      'roomOut',
      'category',
      'icr',
      'reportAt',
      'requestedAt',
      'scheduledMinutes',
      'sessionStart',
    ] as const) {
      expect(shared[1]?.[k].buffer).toBeInstanceOf(SharedArrayBuffer);
    }
    expect(shared[0]?.icr.buffer).toBe(shared[1]?.icr.buffer);
    expect(computeCampaign(kit).quality).toMatchObject({
      unvaluedExams: 3,
      unknownActs: ['QQ', 'RR'],
    });
  });
});

describe('a kit read from files and the same kit built in memory', () => {
  const root = mkdtempSync(join(tmpdir(), 'plateau-kitcols-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('give identical indicators and samples, without reading the records of a kit that has a table', async () => {
    const dir = join(root, 'kit');
    await writeGeneratedKit(dir, { seed: 17, machines: 16, days: 7 });
    const fromFiles = (await readKitDir(dir)).kit as Kit;
    expect(attachedExamTable(fromFiles)).not.toBeNull();
    // The same records as a plain kit (the spread materialises them): its table is built in memory.
    const inMemory: Kit = { ...fromFiles, exams: [...fromFiles.exams] };
    expect(attachedExamTable(inMemory)).toBeNull();
    // The reader's table is used as it is: reading the records would be a bug on this path.
    Object.defineProperty(fromFiles, 'exams', {
      get() {
        throw new Error('kit.exams read on the table path');
      },
    });
    const a = computeCampaignDetailed(fromFiles);
    const b = computeCampaignDetailed(inMemory);
    expect(JSON.stringify(a.indicators)).toBe(JSON.stringify(b.indicators));
    expect([...a.samples.keys()]).toEqual([...b.samples.keys()]);
    for (const [id, s] of a.samples) expect(s).toEqual(b.samples.get(id));
    expect(a.indicators.machines.reduce((n, m) => n + m.exams, 0)).toBe(inMemory.exams.length);
    expect(inMemory.exams.length).toBeGreaterThan(1000);
  }, 20_000);
});

describe('row order', () => {
  const base = generateKit({ seed: 5, machines: 6, days: 7 });
  const codes = [...base.acts.slice(0, 3).map((a) => a.code), 'UNKNOWN2', 'UNKNOWN1'];
  const rowArb = fc.record({
    machine: fc.integer({ min: 0, max: base.equipment.length - 1 }),
    start: fc.integer({ min: 0, max: 7 * 24 * 4 }), // quarter hours: ties are frequent
    minutes: fc.integer({ min: 0, max: 60 }),
    category: fc.constantFrom<Category>('A', 'H', 'R', 'U'),
    icr: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    acts: fc.array(fc.constantFrom(...codes), { maxLength: 3 }),
    report: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
    id: fc.integer({ min: 0, max: 40 }), // repeated ids: order then falls to the file position
  });

  it('changes no figure when the exam rows are shuffled', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 80 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (rows, seed) => {
          const start = Date.UTC(2010, 2, 21, 23);
          const exams = rows.map((r) => {
            const roomIn = start + r.start * 900_000;
            const roomOut = roomIn + r.minutes * 60_000;
            return exam({
              examId: `E${r.id}`,
              equipmentId: base.equipment[r.machine]!.equipmentId,
              category: r.category,
              roomIn,
              roomOut,
              icr: r.icr,
              acts: r.acts,
              reportValidatedAt: r.report === null ? null : roomOut + r.report * 60_000,
              requestedAt: roomIn - 2 * 86_400_000,
            });
          });
          const kit: Kit = { ...base, exams };
          const shuffledExams = [...exams];
          let s = seed;
          for (let i = shuffledExams.length - 1; i > 0; i--) {
            s = (s * 1664525 + 1013904223) >>> 0;
            const j = s % (i + 1);
            [shuffledExams[i], shuffledExams[j]] = [shuffledExams[j]!, shuffledExams[i]!];
          }
          const a = computeCampaignDetailed(kit);
          const b = computeCampaignDetailed({ ...kit, exams: shuffledExams });
          expect(JSON.stringify(b.indicators)).toBe(JSON.stringify(a.indicators));
          for (const [id, samples] of a.samples) expect(b.samples.get(id)).toEqual(samples);
        },
      ),
      { numRuns: 60 },
    );
  });
});
