// The engine's checks of planning.md §3: the event calendar gives events back in time order
// (ties in scheduling order) whatever is pushed; M/M/1 and M/M/c mean waits match their closed
// forms within 2 % on long runs; Little's law holds on every run; seeded runs are identical.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSeed, Rng } from '../../../src/generate/random.ts';
import { EventQueue, type QueuedEvent } from '../../../src/plan/simulation/event-queue.ts';
import {
  erlangC,
  mmcMeanWait,
  simulateFifoQueue,
} from '../../../src/plan/simulation/fifo-queue.ts';

describe('EventQueue', () => {
  it('gives events back by time, ties in the order they were pushed, whatever the pushes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 300 }),
        (ops) => {
          const q = new EventQueue(1); // grows from the smallest capacity
          const expected: { time: number; seq: number }[] = [];
          const out: QueuedEvent = { time: 0, kind: 0, payload: 0 };
          const got: number[] = [];
          let seq = 0;
          for (const [time, pop] of ops) {
            if (pop && q.size > 0) {
              q.popInto(out);
              got.push(out.payload);
              expected.sort((a, b) => a.time - b.time || a.seq - b.seq);
              expect(out.payload).toBe(expected.shift()!.seq);
            } else {
              q.push(time, time % 3, seq);
              expected.push({ time, seq });
              seq++;
            }
          }
          expected.sort((a, b) => a.time - b.time || a.seq - b.seq);
          const rest: number[] = [];
          while (q.popInto(out)) rest.push(out.payload);
          expect(rest).toEqual(expected.map((e) => e.seq));
          expect(q.size).toBe(0);
          expect(q.peekTime()).toBe(Infinity);
        },
      ),
    );
  });

  it('keeps kind and payload with their time, and refuses a time that is not finite', () => {
    const q = new EventQueue();
    q.push(3.5, 2, -7);
    q.push(1.25, 1, 99);
    const out: QueuedEvent = { time: 0, kind: 0, payload: 0 };
    expect(q.peekTime()).toBe(1.25);
    q.popInto(out);
    expect(out).toEqual({ time: 1.25, kind: 1, payload: 99 });
    q.popInto(out);
    expect(out).toEqual({ time: 3.5, kind: 2, payload: -7 });
    expect(q.popInto(out)).toBe(false);
    expect(() => q.push(NaN, 0, 0)).toThrow(RangeError);
    expect(() => q.push(Infinity, 0, 0)).toThrow(RangeError);
  });
});

describe('closed forms', () => {
  it('Erlang C by hand: c = 1 gives ρ; c = 2, a = 1 gives 1/3', () => {
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 12);
    // a = 1, c = 2: B = (1·(1/2)) / … → C = (a^c/c!)·c/(c−a) / (Σ_{k<c} a^k/k! + that) = 1 / (2 + 1) = 1/3
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(3, 3)).toBe(1);
    // M/M/1, λ = 0.8, μ = 1: Wq = ρ / (μ − λ) = 4
    expect(mmcMeanWait(0.8, 1, 1)).toBeCloseTo(4, 12);
    expect(mmcMeanWait(2, 1, 2)).toBe(Infinity);
  });
});

describe('simulated FIFO queues against their closed forms', () => {
  const run = (seed: number, lambda: number, mu: number, servers: number, customers: number) => {
    const arrivals = new Rng(deriveSeed(seed, 1));
    const services = new Rng(deriveSeed(seed, 2));
    return simulateFifoQueue({
      servers,
      interArrival: () => arrivals.exponential(1 / lambda),
      service: () => services.exponential(1 / mu),
      customers,
      warmup: 20_000,
    });
  };

  it('M/M/1 at ρ = 0.7: mean wait within 2 % of ρ/(μ − λ), Little holds', () => {
    const r = run(2010, 0.7, 1, 1, 2_000_000);
    const exact = mmcMeanWait(0.7, 1, 1); // 2.333…
    expect(Math.abs(r.meanWait / exact - 1)).toBeLessThan(0.02);
    expect(r.meanInSystem).toBeCloseTo(r.arrivalRate * r.meanSojourn, 9);
    expect(r.customers).toBe(2_000_000);
  });

  it('M/M/3 at ρ = 0.8: mean wait within 2 % of Erlang C, Little holds', () => {
    const r = run(7, 2.4, 1, 3, 3_000_000);
    const exact = mmcMeanWait(2.4, 1, 3);
    expect(Math.abs(r.meanWait / exact - 1)).toBeLessThan(0.02);
    expect(r.meanInSystem).toBeCloseTo(r.arrivalRate * r.meanSojourn, 9);
  });

  it('Little holds on short runs too, and a seed gives the same run twice', () => {
    for (const seed of [1, 2, 3]) {
      const a = run(seed, 0.9, 1, 2, 2_000);
      const b = run(seed, 0.9, 1, 2, 2_000);
      expect(a).toEqual(b);
      expect(a.meanInSystem).toBeCloseTo(a.arrivalRate * a.meanSojourn, 9);
    }
    expect(run(1, 0.9, 1, 2, 2_000).meanWait).not.toBe(run(2, 0.9, 1, 2, 2_000).meanWait);
  });

  it('a deterministic queue gives the waits worked by hand', () => {
    // Arrivals every 1, service 1.5, one server: customer k waits 0.5·k (k from 0).
    const r = simulateFifoQueue({
      servers: 1,
      interArrival: () => 1,
      service: () => 1.5,
      customers: 4,
    });
    // waits 0, 0.5, 1, 1.5 → mean 0.75; sojourns 1.5, 2, 2.5, 3 → mean 2.25
    expect(r.meanWait).toBeCloseTo(0.75, 12);
    expect(r.meanSojourn).toBeCloseTo(2.25, 12);
    // window: first arrival at 1, last departure at 1 + 4·1.5 = 7 → λ = 4/6, L = 9/6
    expect(r.arrivalRate).toBeCloseTo(4 / 6, 12);
    expect(r.meanInSystem).toBeCloseTo(9 / 6, 12);
  });
});
