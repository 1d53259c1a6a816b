import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  CATEGORIES,
  SESSION_TYPES,
  type Exam,
  type Kit,
  type Session,
} from '../../src/core/kit-types.ts';
import { readKitDir } from '../../src/ingest/kit/read-kit.ts';
import { writeKitDir } from '../../src/ingest/kit/write-kit.ts';

const START = Date.parse('2010-03-21T23:00:00Z'); // 2010-03-22 00:00 in Paris
const DAYS = 28; // includes the spring change of 2010-03-28
const text = fc.string({
  minLength: 1,
  maxLength: 8,
  unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', 'x', '|'),
});

const kitArbitrary: fc.Arbitrary<Kit> = fc
  .record({
    sites: fc.integer({ min: 1, max: 3 }),
    machines: fc.array(
      fc.record({
        site: fc.nat(),
        mr: fc.boolean(),
        label: fc.option(text),
        year: fc.option(fc.integer({ min: 1990, max: 2010 })),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    names: fc.array(text, { minLength: 3, maxLength: 3 }),
    sessions: fc.array(
      fc.record({
        machine: fc.nat(),
        start: fc.integer({ min: 0, max: DAYS * 86_400 }),
        hours: fc.integer({ min: 1, max: 14 }),
        type: fc.constantFrom(...SESSION_TYPES),
      }),
      { maxLength: 6 },
    ),
    exams: fc.array(
      fc.record({
        machine: fc.nat(),
        at: fc.integer({ min: 0, max: DAYS * 86_400_000 }),
        minutes: fc.integer({ min: 0, max: 180 }),
        category: fc.constantFrom(...CATEGORIES),
        acts: fc.array(fc.constantFrom('ZBQK002', 'ZCQK004', 'ACQK001'), { maxLength: 3 }),
        icr: fc.option(fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100)),
        report: fc.option(fc.integer({ min: 0, max: 3 * 86_400_000 })),
        requested: fc.option(fc.integer({ min: 0, max: 60 * 86_400_000 })),
        scheduled: fc.option(fc.integer({ min: 1, max: 240 }).map((n) => n / 2)),
        ageBand: fc.option(fc.constantFrom(...AGE_BANDS)),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ sites, machines, names, sessions, exams }) => {
    const finess = (i: number): string => `59000000${i % sites}`;
    const equipment = machines.map((m, i) => ({
      equipmentId: `EQ${i}`,
      finess: finess(m.site),
      modality: m.mr ? ('MR' as const) : ('CT' as const),
      label: m.label,
      installedYear: m.year,
      role: 'general' as const,
    }));
    const machine = (i: number): string => `EQ${i % machines.length}`;
    return {
      campaign: {
        id: 'prop',
        name: 'property kit',
        start: '2010-03-22',
        days: DAYS,
        timeZone: 'Europe/Paris',
      },
      establishments: Array.from({ length: sites }, (_, i) => ({
        finess: finess(i),
        name: names[i] as string,
        legalStatus: 'CH' as const,
        region: 'HDF',
        department: null,
      })),
      equipment,
      sessions: sessions.map((s): Session => ({
        equipmentId: machine(s.machine),
        start: START + s.start * 1000,
        end: START + s.start * 1000 + s.hours * 3_600_000,
        type: s.type,
      })),
      exams: exams.map((e, i): Exam => ({
        examId: `X${i}`,
        equipmentId: machine(e.machine),
        category: e.category,
        roomIn: START + e.at,
        roomOut: START + e.at + e.minutes * 60_000,
        acts: e.acts,
        icr: e.icr,
        reportValidatedAt: e.report === null ? null : START + e.at + e.minutes * 60_000 + e.report,
        requestedAt: e.requested === null ? null : START + e.at - e.requested,
        scheduledMinutes: e.scheduled,
        ageBand: e.ageBand,
      })),
      acts: [{ code: 'ZBQK002', label: 'scanner thorax', icr: 100.5 }],
      survey: [],
    };
  });

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const sortKit = (kit: Kit): Kit => ({
  ...kit,
  establishments: [...kit.establishments].sort((a, b) => a.finess.localeCompare(b.finess)),
  equipment: [...kit.equipment].sort((a, b) => a.equipmentId.localeCompare(b.equipmentId)),
  sessions: [...kit.sessions].sort(
    (a, b) =>
      a.equipmentId.localeCompare(b.equipmentId) ||
      a.start - b.start ||
      a.end - b.end ||
      a.type.localeCompare(b.type),
  ),
  exams: [...kit.exams].sort(
    (a, b) => a.equipmentId.localeCompare(b.equipmentId) || a.examId.localeCompare(b.examId),
  ),
});

describe('reading a written kit', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('gives the kit back whatever the separator and the order of the rows', async () => {
    await fc.assert(
      fc.asyncProperty(kitArbitrary, fc.nat(), async (kit, seed) => {
        const plain = await mkdtemp(join(tmpdir(), 'plateau-prop-'));
        const other = await mkdtemp(join(tmpdir(), 'plateau-prop-'));
        dirs.push(plain, other);
        await writeKitDir(plain, kit);
        const reordered: Kit = {
          ...kit,
          establishments: shuffled(kit.establishments, seed),
          equipment: shuffled(kit.equipment, seed + 1),
          sessions: shuffled(kit.sessions, seed + 2),
          exams: shuffled(kit.exams, seed + 3),
        };
        await writeKitDir(other, reordered, { separator: ';' });
        const a = await readKitDir(plain);
        const b = await readKitDir(other);
        expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(b.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(a.kit).toEqual(kit);
        expect(sortKit(b.kit as Kit)).toEqual(sortKit(kit));
      }),
      { numRuns: 40 },
    );
  });
});
