import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapWithUnion, unionContains, unionLength, unionOf } from '../../src/core/intervals.ts';
import {
  percentRank,
  quantiles,
  quantilesInPlace,
  quantilesOfParts,
  quantileSorted,
} from '../../src/core/stats.ts';

describe('quantiles (type 7)', () => {
  it('interpolates between closest ranks', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.2)).toBe(18);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.8)).toBe(42);
    expect(quantileSorted([7], 0.8)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNull();
  });
  it('ignores NaN (unknown) values', () => {
    expect(quantiles([3, NaN, 1, 2])).toEqual({ n: 3, p20: 1.4, p50: 2, p80: 2.6 });
  });
  it('ranks with ties counting half', () => {
    expect(percentRank([1, 2, 2, 3], 2)).toBe(0.5);
    expect(percentRank([1, 2, 3, 4], 4)).toBe(0.875);
    expect(percentRank([5], 5)).toBe(0.5);
  });
});

const intervals = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 200 }))
    .map(([s, l]) => [s, s + l] as const),
  { maxLength: 30 },
);

describe('interval union', () => {
  it('merges overlapping and back-to-back intervals', () => {
    const u = unionOf([0, 10, 5, 30], [10, 20, 8, 40]);
    expect([...u.starts]).toEqual([0, 30]);
    expect([...u.ends]).toEqual([20, 40]);
    expect(unionLength(u)).toBe(30);
  });
  it('never double counts: length equals the number of covered unit cells', () => {
    fc.assert(
      fc.property(intervals, (list) => {
        const covered = new Set<number>();
        for (const [s, e] of list) for (let t = s; t < e; t++) covered.add(t);
        const u = unionOf(
          list.map((i) => i[0]),
          list.map((i) => i[1]),
        );
        expect(unionLength(u)).toBe(covered.size);
        for (let t = 0; t < 1200; t += 7) expect(unionContains(u, t)).toBe(covered.has(t));
      }),
    );
  });
  it('overlap with a union matches cell counting', () => {
    fc.assert(
      fc.property(
        intervals,
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 300 }),
        (list, a, len) => {
          const covered = new Set<number>();
          for (const [s, e] of list) for (let t = s; t < e; t++) covered.add(t);
          let expected = 0;
          for (let t = a; t < a + len; t++) if (covered.has(t)) expected++;
          const u = unionOf(
            list.map((i) => i[0]),
            list.map((i) => i[1]),
          );
          expect(overlapWithUnion(u, a, a + len)).toBe(expected);
        },
      ),
    );
  });
});

describe('quantiles by selection', () => {
  it('equal those of a full sort, for any sample', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -50, max: 50 }),
            fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => d + 0),
          ),
          { maxLength: 300 },
        ),
        (list) => {
          const sorted = Float64Array.from(list).sort();
          expect(quantilesInPlace(Float64Array.from(list))).toEqual({
            n: list.length,
            p20: quantileSorted(sorted, 0.2),
            p50: quantileSorted(sorted, 0.5),
            p80: quantileSorted(sorted, 0.8),
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('quantiles of several arrays taken together (the pooled benchmark)', () => {
  /** Integers, clustered minutes, wide doubles, tiny and huge magnitudes: values in few or many buckets. */
  const value = fc.oneof(
    fc.integer({ min: -50, max: 50 }),
    fc.integer({ min: 8, max: 12 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => d + 0),
    fc.double({ min: 1e-300, max: 1e-290, noNaN: true }),
    fc.constantFrom(1e300, -1e300, 0, 2 ** 31, 1.5),
  );

  it('equal those of selecting in the concatenation, however the values are split', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 120 }), { maxLength: 8 }), (lists) => {
        const parts = lists.map((l) => Float64Array.from(l));
        const copies = parts.map((p) => p.slice());
        const all = Float64Array.from(lists.flat());
        expect(quantilesOfParts(parts)).toEqual(quantilesInPlace(all));
        expect(parts).toEqual(copies); // the parts are left as they were
      }),
      { numRuns: 500 },
    );
  });

  it('reads views into a larger buffer at their own offset (a sample is a subarray)', () => {
    const buffer = Float64Array.of(100, 1, 2, 3, 4, 100);
    expect(quantilesOfParts([buffer.subarray(1, 5)])).toEqual(
      quantilesInPlace(Float64Array.of(1, 2, 3, 4)),
    );
    expect(quantilesOfParts([])).toEqual({ n: 0, p20: null, p50: null, p80: null });
  });
});
