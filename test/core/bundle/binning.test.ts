// Binning a machine's samples and reading them back: counts kept, each value (and so each
// quantile) within half a bin of the true one, histograms' invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binSamples,
  histogramFaults,
  histogramOf,
  unbinSamples,
  valuesOf,
} from '../../../src/core/bundle/binning.ts';
import { BINNING } from '../../../src/core/bundle/types.ts';
import { quantiles } from '../../../src/core/stats.ts';

describe('histogramOf', () => {
  it('counts values in bins round(v / width), ascending, n = Σ counts (hand-checked)', () => {
    const h = histogramOf(Float64Array.of(10.2, 10.4, 31, 10.26, -0.1, Number.NaN), 0.5);
    // 10.2 → 20.4 → 20; 10.4 → 20.8 → 21; 10.26 → 20.52 → 21; 31 → 62; -0.1 → -0.2 → 0 (not -0)
    expect(h).toEqual({
      width: 0.5,
      n: 5,
      bins: [
        [0, 1],
        [20, 1],
        [21, 2],
        [62, 1],
      ],
    });
    expect(Object.is(h.bins[0]?.[0], 0)).toBe(true);
    expect([...valuesOf(h)]).toEqual([0, 10, 10.5, 10.5, 31]);
    expect(histogramFaults(h, 0.5)).toEqual([]);
  });

  it('names each broken invariant', () => {
    expect(
      histogramFaults(
        {
          width: 1,
          n: 3,
          bins: [
            [2, 1],
            [1, 2],
          ],
        },
        0.5,
      ),
    ).toEqual(['width', 'order']);
    expect(
      histogramFaults(
        {
          width: 5,
          n: 4,
          bins: [
            [1, 1],
            [2, 2],
          ],
        },
        5,
      ),
    ).toEqual(['total']);
    expect(histogramFaults({ width: 5, n: 1, bins: [[1.5, 1]] }, 5)).toEqual(['bin']);
    expect(histogramFaults({ width: 5, n: 0, bins: [[1, 0]] }, 5)).toEqual(['bin']);
  });
});

describe('binSamples / unbinSamples', () => {
  const values = fc.array(fc.double({ min: -5000, max: 50_000, noNaN: true }), {
    minLength: 1,
    maxLength: 300,
  });

  it('read back every value within width / 2 (sorted against sorted), and every quantile too', () => {
    fc.assert(
      fc.property(values, values, values, (d, r, a) => {
        const samples = {
          durationMinutes: { A: Float64Array.from(d) },
          reportDelayMinutes: { emergency: Float64Array.from(r) },
          appointmentDelayDays: { outpatient: Float64Array.from(a.map((v) => Math.round(v) + 0)) },
        };
        const back = unbinSamples(binSamples(samples));
        const pairs = [
          [samples.durationMinutes.A, back.durationMinutes.A, BINNING.durationMinutes],
          [
            samples.reportDelayMinutes.emergency,
            back.reportDelayMinutes.emergency,
            BINNING.reportDelayMinutes,
          ],
          [
            samples.appointmentDelayDays.outpatient,
            back.appointmentDelayDays.outpatient,
            BINNING.appointmentDelayDays,
          ],
        ] as const;
        for (const [truth, read, width] of pairs) {
          expect(read).toBeInstanceOf(Float64Array);
          expect(read?.length).toBe(truth.length);
          const sorted = Float64Array.from(truth).sort();
          const slack = width / 2 + 1e-9 * 50_000;
          sorted.forEach((v, i) =>
            expect(Math.abs(((read as Float64Array)[i] as number) - v)).toBeLessThanOrEqual(slack),
          );
          const qt = quantiles(truth);
          const qb = quantiles(read as Float64Array);
          for (const k of ['p20', 'p50', 'p80'] as const)
            expect(Math.abs((qb[k] as number) - (qt[k] as number))).toBeLessThanOrEqual(slack);
        }
        // Whole days are exact.
        expect([...(back.appointmentDelayDays.outpatient as Float64Array)]).toEqual(
          [...samples.appointmentDelayDays.outpatient].sort((x, y) => x - y),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the arrays present and only those, with the widths of BINNING', () => {
    const binned = binSamples({
      durationMinutes: { H: Float64Array.of(30.1) },
      reportDelayMinutes: {},
      appointmentDelayDays: {},
    });
    expect(binned).toEqual({
      durationMinutes: { H: { width: 0.5, n: 1, bins: [[60, 1]] } },
      reportDelayMinutes: {},
      appointmentDelayDays: {},
    });
    expect(unbinSamples(binned).durationMinutes.H).toEqual(Float64Array.of(30));
  });
});
