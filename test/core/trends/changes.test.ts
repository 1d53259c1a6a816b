// The notability thresholds of a figure's change and the "since last year" order, on hand-made changes.
import { describe, expect, it } from 'vitest';
import {
  figureChange,
  figureNotable,
  relativeChange,
  trendChange,
} from '../../../src/core/trends/changes.ts';
import { sinceLastYear } from '../../../src/core/trends/since-last-year.ts';

describe('a figure change', () => {
  it('is notable from 10 % of its value or 0.15 of its rank', () => {
    expect(figureNotable(10, 11, null, null)).toBe(true);
    expect(figureNotable(10, 9, null, null)).toBe(true);
    expect(figureNotable(10, 10.99, null, null)).toBe(false);
    expect(figureNotable(0.3, 0.33, 0.5, 0.65)).toBe(true);
    expect(figureNotable(0.3, 0.31, 0.5, 0.64)).toBe(false);
    expect(relativeChange(0, 0)).toBe(0);
    expect(relativeChange(0, 2)).toBe(Infinity);
    expect(relativeChange(null, 2)).toBeNull();
  });

  it('is left out when nothing moved or a side is unknown', () => {
    expect(
      figureChange(
        'a',
        'b',
        'icrPerHour',
        { before: 5, after: 5, rankBefore: 0.5, rankAfter: 0.5 },
        {},
      ),
    ).toBeNull();
    expect(figureChange('a', 'b', 'icrPerHour', { before: null, after: 5 }, {})).toBeNull();
    expect(
      figureChange(
        'a',
        'b',
        'icrPerHour',
        { before: 5, after: 5, rankBefore: 0.5, rankAfter: 0.7 },
        {},
      ),
    ).toMatchObject({
      notable: true,
      rankAfter: 0.7,
    });
  });
});

describe('since last year', () => {
  it('keeps the notable changes into the last campaign: events, leads by hours moved, figures by relative change', () => {
    const fig = (figure: string, before: number, after: number) =>
      trendChange('figure', 'b', 'c', { figure, before, after, notable: true });
    const lead = (key: 'lateStartMinutes' | 'earlyEndMinutes', before: number, after: number) =>
      trendChange('lead', 'b', 'c', { lead: key, before, after, notable: true });
    const changes = [
      fig('a', 10, 12),
      trendChange('machine-renamed', 'b', 'c', { notable: true }),
      lead('lateStartMinutes', 2, 1),
      fig('b', 0, 3),
      fig('old', 1, 9),
      lead('earlyEndMinutes', 1, 4),
      trendChange('site-added', 'b', 'c', { notable: true }),
      trendChange('machine-added', 'b', 'c', { notable: false }),
      { ...fig('c', 10, 20), to: 'b' },
    ];
    expect(sinceLastYear(changes, 'c').map((c) => c.figure ?? c.lead ?? c.kind)).toEqual([
      'site-added',
      'machine-renamed',
      'earlyEndMinutes',
      'lateStartMinutes',
      'b',
      'old',
      'a',
    ]);
  });
});
