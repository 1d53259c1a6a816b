// A site over three campaigns (trend-kits.ts): its years, its machines of the last campaign and
// the one it lost (followed back from the last campaign it was in), and what changed.
import { describe, expect, it } from 'vitest';
import type { MachineTrend, SiteTrend, TrendChange } from '../../../src/core/trends/index.ts';
import { siteTrend } from '../../../src/core/trends/index.ts';
import { fullSeries, S1, S2, S3, S4 } from './trend-kits.ts';

const series = fullSeries();
const said = (c: TrendChange): string => `${c.kind}:${c.equipmentId ?? c.finess ?? ''}`;
const machine = (t: SiteTrend, id: string): MachineTrend =>
  t.machines.find((m) => m.equipmentId === id) as MachineTrend;

describe('a site over three campaigns', () => {
  const s3 = siteTrend(series, S3) as SiteTrend;

  it('sums its machines each year', () => {
    expect(s3.name).toBe('CHU Trois');
    // P3 (30 h, 15 exams) and P4, then P5 (40 h, 20 exams each).
    expect(
      s3.years.map((y) => [
        y.present,
        y.origin,
        y.machines,
        y.exams,
        y.programmedOpening,
        y.totalOpening,
      ]),
    ).toEqual([
      [true, 'raw', { CT: 2 }, 35, 70, 70],
      [true, 'raw', { CT: 2 }, 35, 70, 70],
      [true, 'raw', { CT: 2 }, 35, 70, 70],
    ]);
  });

  it('follows its machines of the last campaign, then the one it lost', () => {
    expect(s3.machines.map((m) => m.equipmentId)).toEqual(['P3', 'P5', 'P4']);
    expect(machine(s3, 'P5').links.map((l) => l.link)).toEqual(['absent', 'absent', 'same-id']);
    expect(machine(s3, 'P5').figures[0]?.points.map((p) => p.value)).toEqual([null, null, 40]);
    expect(machine(s3, 'P5').figures[0]?.points[0]?.peers).toBeNull();
    const p4 = machine(s3, 'P4');
    expect(p4.links.map((l) => [l.equipmentId, l.link, l.origin])).toEqual([
      ['P4', 'same-id', 'raw'],
      ['P4', 'same-id', 'raw'],
      [null, 'absent', null],
    ]);
    expect(p4.figures[0]?.points.map((p) => p.value)).toEqual([40, 40, null]);
    expect(p4.sinceLastYear.map(said)).toEqual(['machine-removed:P4']);
    expect(machine(s3, 'P5').sinceLastYear.map(said)).toEqual(['machine-added:P5']);
  });

  it('says the machine removed and the one added since last year, and nothing else notable', () => {
    // P3's ranks move by 0.1 at most (CT-A moved): not notable.
    expect(s3.sinceLastYear.map(said)).toEqual(['machine-added:P5', 'machine-removed:P4']);
    expect(s3.changes.filter((c) => c.kind !== 'figure').map(said)).toEqual([
      'machine-added:P5',
      'machine-removed:P4',
    ]);
  });

  it('a site that came in the last campaign: absent years, the site added, its machine not said twice', () => {
    const s4 = siteTrend(series, S4) as SiteTrend;
    expect(
      s4.years.map((y) => [y.present, y.origin, y.machines, y.exams, y.programmedOpening]),
    ).toEqual([
      [false, null, {}, 0, null],
      [false, null, {}, 0, null],
      [true, 'raw', { MR: 1 }, 1, 10],
    ]);
    expect(s4.changes.map((c) => [said(c), c.notable])).toEqual([
      ['site-added:350000004', true],
      ['machine-added:MR-4', false],
    ]);
    expect(s4.sinceLastYear.map(said)).toEqual(['site-added:350000004']);
  });

  it('the machine under test renamed at its site; a bundle site says so; an unknown site is null', () => {
    const s1 = siteTrend(series, S1) as SiteTrend;
    expect(s1.machines.map((m) => m.equipmentId)).toEqual(['CT-A2', 'P1', 'MR-1']);
    expect(s1.sinceLastYear[0]).toMatchObject({
      kind: 'machine-renamed',
      equipmentId: 'CT-A2',
      previousEquipmentId: 'CT-A',
    });
    expect((siteTrend(series, S2) as SiteTrend).years.map((y) => y.origin)).toEqual([
      'raw',
      'raw',
      'bundle',
    ]);
    expect(siteTrend(series, '999999999')).toBeNull();
  });

  it('a series of one campaign has no change', () => {
    const t = siteTrend(series.slice(1, 2), S3) as SiteTrend;
    expect(t.machines.map((m) => m.equipmentId)).toEqual(['P3', 'P4']);
    expect(t.changes).toEqual([]);
    expect(t.sinceLastYear).toEqual([]);
  });
});
