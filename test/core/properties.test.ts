// Invariants that hold for any campaign: bounds of occupancy and openings, their order, and
// independence from the order of the rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCampaign } from '../../src/core/indicators/index.ts';
import type { Category, Exam, Kit, Session, SessionType } from '../../src/core/kit-types.ts';
import { CATEGORIES, SESSION_TYPES } from '../../src/core/kit-types.ts';

const START = Date.UTC(2010, 2, 21, 23); // 2010-03-22 00:00 Paris; the week holds the spring change
const MIN = 60_000;

const sessionArb = fc.record({
  offset: fc.integer({ min: -600, max: 7 * 1440 }),
  length: fc.integer({ min: 1, max: 24 * 60 }),
  type: fc.constantFrom(...SESSION_TYPES),
});
const examArb = fc.record({
  gap: fc.integer({ min: 0, max: 300 }),
  length: fc.integer({ min: 0, max: 90 }),
  category: fc.constantFrom(...CATEGORIES),
  icr: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  booked: fc.option(fc.integer({ min: 5, max: 60 }), { nil: null }),
  report: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
});
const machineArb = fc.record({
  sessions: fc.array(sessionArb, { maxLength: 25 }),
  exams: fc.array(examArb, { maxLength: 60 }),
});

function kitOf(
  machines: {
    sessions: { offset: number; length: number; type: SessionType }[];
    exams: {
      gap: number;
      length: number;
      category: Category;
      icr: number | null;
      booked: number | null;
      report: number | null;
    }[];
  }[],
): Kit {
  const sessions: Session[] = [];
  const exams: Exam[] = [];
  machines.forEach((m, k) => {
    const id = `EQ${k}`;
    for (const s of m.sessions)
      sessions.push({
        equipmentId: id,
        start: START + s.offset * MIN,
        end: START + (s.offset + s.length) * MIN,
        type: s.type,
      });
    // One patient in the room at a time: exams follow each other.
    let t = START;
    m.exams.forEach((e, i) => {
      t += e.gap * MIN;
      const out = t + e.length * MIN;
      exams.push({
        examId: `X${i}`,
        equipmentId: id,
        category: e.category,
        roomIn: t,
        roomOut: out,
        acts: [],
        icr: e.icr,
        reportValidatedAt: e.report === null ? null : out + e.report * MIN,
        requestedAt: t - 3 * 86_400_000,
        scheduledMinutes: e.booked,
        ageBand: null,
      });
      t = out;
    });
  });
  return {
    campaign: { id: 'p', name: 'p', start: '2010-03-22', days: 7, timeZone: 'Europe/Paris' },
    establishments: [
      { finess: '590000001', name: 'S', legalStatus: 'CH', region: 'HDF', department: null },
    ],
    equipment: machines.map((_, k) => ({
      equipmentId: `EQ${k}`,
      finess: '590000001',
      modality: k % 2 ? 'MR' : 'CT',
      label: null,
      installedYear: null,
      role: 'general',
    })),
    sessions,
    exams,
    acts: [],
    survey: [],
  };
}

const shuffled = <T>(list: T[], seed: number): T[] => {
  const out = [...list];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('indicator invariants', () => {
  it('keeps occupancy in [0, 1] and openings ordered within 168 h', () => {
    fc.assert(
      fc.property(fc.array(machineArb, { minLength: 1, maxLength: 4 }), (machines) => {
        const r = computeCampaign(kitOf(machines));
        for (const m of r.machines) {
          const o = m.openingHoursPerWeek;
          expect(o.programmed).toBeLessThanOrEqual(o.extended + 1e-9);
          expect(o.extended).toBeLessThanOrEqual(o.total + 1e-9);
          expect(o.total).toBeLessThanOrEqual(168 + 1e-9);
          expect(o.programmed).toBeGreaterThanOrEqual(0);
          for (const v of [m.occupancy.programmed, m.occupancy.programmedPlusEmergency]) {
            if (v !== null) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1 + 1e-12);
            }
          }
          if (m.inclusion.shareAbove15 !== null)
            expect(m.inclusion.shareAbove15).toBeLessThanOrEqual(1 + 1e-12);
          for (const lead of Object.values(m.leads))
            if (lead) expect(lead.hoursPerWeek).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 150 },
    );
  });
  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        fc.array(machineArb, { minLength: 1, maxLength: 3 }),
        fc.integer(),
        (machines, seed) => {
          const kit = kitOf(machines);
          const other = {
            ...kit,
            sessions: shuffled(kit.sessions, seed),
            exams: shuffled(kit.exams, seed + 1),
            equipment: kit.equipment,
          };
          expect(computeCampaign(other)).toEqual(computeCampaign(kit));
        },
      ),
      { numRuns: 100 },
    );
  });
});
