// Property: a series made of the same campaign repeated (other ids and dates, same rows) has no
// notable change anywhere, and every measured lead's verdict is `unchanged` or `no-lead`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kit } from '../../../src/core/kit-types.ts';
import { groupTrend, machineTrend, siteTrend } from '../../../src/core/trends/index.ts';
import { CampaignIndex } from '../../../src/core/views/index.ts';
import type { MiniMachine } from '../../helpers/build-kit.ts';
import { buildKit } from '../../helpers/build-kit.ts';
import { indexOf } from '../views/views-kit.ts';

const machineArb = fc.record({
  open: fc.integer({ min: 6, max: 10 }),
  hours: fc.integer({ min: 2, max: 10 }),
  late: fc.integer({ min: 0, max: 90 }),
  exams: fc.integer({ min: 1, max: 6 }),
  minutes: fc.integer({ min: 10, max: 40 }),
  gap: fc.integer({ min: 0, max: 20 }),
  booked: fc.integer({ min: 5, max: 45 }),
  days: fc.integer({ min: 1, max: 5 }),
  site: fc.integer({ min: 0, max: 2 }),
  mr: fc.boolean(),
});

const hm = (day: number, minutes: number): string =>
  `2010-03-0${1 + day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

type Spec = typeof machineArb extends fc.Arbitrary<infer T> ? T : never;

function kitOf(specs: Spec[]): Kit {
  const machines: MiniMachine[] = specs.map((s, i) => {
    const days = Array.from({ length: s.days }, (_, d) => d);
    return {
      id: `M${i}`,
      modality: s.mr ? 'MR' : 'CT',
      finess: `59000000${s.site}`,
      sessions: days.map((d) => [
        hm(d, s.open * 60),
        hm(d, (s.open + s.hours) * 60),
        'PUBLIC_SCHEDULED',
      ]),
      exams: days.flatMap((d) =>
        Array.from({ length: s.exams }, (_, e) => {
          const start = s.open * 60 + s.late + e * (s.minutes + s.gap);
          return { in: hm(d, start), out: hm(d, start + s.minutes), booked: s.booked };
        }),
      ),
    };
  });
  return buildKit(machines, { id: 'same', days: 7 });
}

function repeated(kit: Kit, times: number): CampaignIndex[] {
  const { data } = indexOf(kit);
  return Array.from({ length: times }, (_, k) => {
    const campaign = { ...data.results.campaign, id: `same-${k}`, start: `${2010 + k}-03-01` };
    return new CampaignIndex({ ...data, results: { ...data.results, campaign } });
  });
}

describe('the same campaign repeated', () => {
  it('has no notable change and every measured lead unchanged or no lead', () => {
    fc.assert(
      fc.property(
        fc.array(machineArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2, max: 3 }),
        (specs, times) => {
          const kit = kitOf(specs);
          const series = repeated(kit, times);
          for (const e of kit.equipment) {
            const t = machineTrend(series, e.equipmentId);
            expect(t).not.toBeNull();
            expect(t?.changes.filter((c) => c.notable)).toEqual([]);
            expect(t?.sinceLastYear).toEqual([]);
            expect(t?.links.every((l) => l.link === 'same-id')).toBe(true);
            // A lead not measured (one exam a session: no turnover pair) is unknown on both sides.
            for (const l of t?.leads ?? [])
              expect(l.before === null ? 'unknown' : ['unchanged', 'no-lead']).toContain(l.verdict);
            expect(t?.leads).toHaveLength(4 * (times - 1));
          }
          for (const e of kit.establishments)
            expect(siteTrend(series, e.finess)?.changes).toEqual([]);
          expect(groupTrend(series, null)?.changes).toEqual([]);
        },
      ),
      { numRuns: 12, seed: 16 },
    );
  });
});
