/**
 * The trend views recover the demo years' documented changes (issue 16): the three years of a
 * small synthetic campaign are computed and indexed as the server does, and machineTrend,
 * siteTrend and groupTrend must find what src/generate/years.ts put in them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  groupTrend,
  machineTrend,
  siteTrend,
  type TrendSeries,
} from '../../src/core/trends/index.ts';
import { generateKit, yearChanges, type YearChange } from '../../src/generate/index.ts';
import { indexOf } from '../core/views/views-kit.ts';

const SMALL = { seed: 2010, machines: 60, days: 14 } as const;
let series: TrendSeries;
let changes: YearChange[];
const ofKind = (kind: YearChange['kind']): YearChange[] => changes.filter((c) => c.kind === kind);

beforeAll(() => {
  series = ([1, 2, 3] as const).map((year) => indexOf(generateKit({ ...SMALL, year })));
  changes = yearChanges({ ...SMALL, year: 3 });
}, 120_000);

const [Y1, Y2, Y3] = ['synthetic-2010', 'synthetic-2010-y2', 'synthetic-2010-y3'];

describe('the trends of the three demo years', () => {
  it('see the series in order', () => {
    expect(series.map((i) => i.ref.id)).toEqual([Y1, Y2, Y3]);
  });

  it('find the late starts acted on at the fixed site (year 1 → 2), every machine of it', () => {
    const fixed = ofKind('late-starts-fixed');
    expect(fixed.length).toBeGreaterThan(0);
    const site = siteTrend(series, fixed[0]!.finess)!;
    for (const c of fixed) {
      const machine = site.machines.find((m) => m.equipmentId === c.equipmentId)!;
      const lead = machine.leads.find(
        (l) => l.key === 'lateStartMinutes' && l.from === Y1 && l.to === Y2,
      )!;
      expect(lead.verdict).toBe('acted');
      expect(lead.after!.hoursPerWeek).toBeLessThan(0.5 * lead.before!.hoursPerWeek);
    }
  });

  it('find the late starts worse at the worsening site (year 2 → 3)', () => {
    const worse = ofKind('late-starts-worse');
    expect(worse.length).toBeGreaterThan(0);
    for (const c of worse) {
      const lead = machineTrend(series, c.equipmentId)!.leads.find(
        (l) => l.key === 'lateStartMinutes' && l.from === Y2 && l.to === Y3,
      )!;
      expect(lead.verdict).toBe('worse');
    }
  });

  it('find the machines added in the under-equipped region', () => {
    const added = ofKind('machine-added');
    const region = added[0]!.region!;
    const trend = groupTrend(series, region)!;
    const events = trend.changes
      .filter((c) => c.kind === 'machine-added' && c.from === Y1 && c.to === Y2)
      .map((c) => c.equipmentId);
    expect(new Set(events)).toEqual(new Set(added.map((c) => c.equipmentId)));
    const machinesPerYear = (['CT', 'MR'] as const).map((m) =>
      (trend.byModality[m] ?? []).map((y) => y.machines),
    );
    const total = [0, 1, 2].map((k) => machinesPerYear.reduce((t, list) => t + (list[k] ?? 0), 0));
    expect(total[1]! - total[0]!).toBe(added.length);
  });

  it('map the replaced machine to its year-1 id', () => {
    const [c] = ofKind('machine-replaced');
    const trend = machineTrend(series, c!.equipmentId)!;
    expect(trend.links.map((l) => [l.equipmentId, l.link])).toEqual([
      [c!.previousEquipmentId, 'mapped'],
      [c!.equipmentId, 'same-id'],
      [c!.equipmentId, 'same-id'],
    ]);
    const event = trend.changes.find((x) => x.kind === 'machine-replaced')!;
    expect(event).toMatchObject({
      from: Y1,
      to: Y2,
      equipmentId: c!.equipmentId,
      previousEquipmentId: c!.previousEquipmentId,
    });
    // Its year-1 figures are followed too.
    expect(trend.figures.find((f) => f.key === 'passagesPerWeek')!.points[0]!.value).not.toBeNull();
  });

  it('find the removed machine (year 2 → 3)', () => {
    const [c] = ofKind('machine-removed');
    const site = siteTrend(series, c!.finess)!;
    expect(
      site.changes.some(
        (x) =>
          x.kind === 'machine-removed' &&
          x.equipmentId === c!.equipmentId &&
          x.from === Y2 &&
          x.to === Y3,
      ),
    ).toBe(true);
    expect(
      groupTrend(series, null)!.changes.some(
        (x) => x.kind === 'machine-removed' && x.equipmentId === c!.equipmentId,
      ),
    ).toBe(true);
  });

  it('see the saturated MRIs’ programmed opening go up, year after year', () => {
    const extended = ofKind('hours-extended').filter((c) => c.year === 2);
    expect(extended.length).toBeGreaterThan(0);
    for (const c of extended) {
      const trend = machineTrend(series, c.equipmentId)!;
      const [v1, v2, v3] = trend.figures
        .find((f) => f.key === 'programmedOpening')!
        .points.map((p) => p.value as number) as [number, number, number];
      expect(v2 - v1).toBeGreaterThan(5);
      expect(v3 - v2).toBeGreaterThan(2);
      expect(
        trend.changes.some(
          (x) =>
            x.kind === 'figure' && x.figure === 'programmedOpening' && x.to === Y2 && x.notable,
        ),
      ).toBe(true);
    }
  });
});
