/**
 * The reading queue: c lines, first come first served. Erlang C closed forms when they hold
 * (Poisson arrivals, exponential reading times with one mean, stationary rates); otherwise the
 * engine's seeded FIFO simulation. Response = wait + reading; "read within target" is on response.
 */
import { Rng, deriveSeed } from '../../core/random.ts';
import { erlangC, simulateFifoQueue } from '../simulation/fifo-queue.ts';

/** Erlang C tail: P(wait ≤ t) of an M/M/c queue = 1 − C(c, a)·e^{−(cμ−λ)t}; 0 when unstable. */
export function mmcWaitWithin(lambda: number, mu: number, c: number, t: number): number {
  const a = lambda / mu;
  if (a >= c) return 0;
  return 1 - erlangC(c, a) * Math.exp(-(c * mu - lambda) * t);
}

/**
 * P(wait + service ≤ t) of an M/M/c queue. With θ = cμ − λ and C = C(c, a):
 * P(T > t) = e^{−μt} + C·μ·(e^{−μt} − e^{−θt}) / (θ − μ), or e^{−μt}·(1 + C·μ·t) when θ = μ.
 */
export function mmcResponseWithin(lambda: number, mu: number, c: number, t: number): number {
  const a = lambda / mu;
  if (a >= c) return 0;
  const theta = c * mu - lambda;
  const C = erlangC(c, a);
  const em = Math.exp(-mu * t);
  const tail =
    Math.abs(theta - mu) < 1e-12 * mu
      ? em * (1 + C * mu * t)
      : em + (C * mu * (em - Math.exp(-theta * t))) / (theta - mu);
  return 1 - tail;
}

/** One class of reading requests: arrivals per hour and mean reading hours. */
export interface ReadingClass {
  arrivalsPerHour: number;
  readingHours: number;
}

export interface QueueRun {
  shareWithin: number;
  meanResponseHours: number;
  method: 'erlang-c' | 'simulation';
}

export interface QueueSettings {
  distribution: 'exponential' | 'deterministic';
  targetHours: number;
  seed: number;
  customers: number;
  /** Simulate even where Erlang C holds (to check one against the other). */
  forceSimulation?: boolean;
}

/**
 * Share of requests answered within the target and mean response, with `c` lines, for a mix of
 * classes (modalities). Erlang C when reading is exponential and every class has the same mean;
 * else a simulation: Poisson arrivals, class drawn by its arrival share, its reading time drawn
 * (exponential or fixed), 10 % warm-up. `null` when there is no arrival.
 */
export function evaluateQueue(
  classes: readonly ReadingClass[],
  c: number,
  s: QueueSettings,
): QueueRun | null {
  const active = classes.filter((k) => k.arrivalsPerHour > 0);
  const lambda = active.reduce((sum, k) => sum + k.arrivalsPerHour, 0);
  if (lambda <= 0) return null;
  const meanReading =
    active.reduce((sum, k) => sum + k.arrivalsPerHour * k.readingHours, 0) / lambda;
  if (lambda * meanReading >= c)
    return { shareWithin: 0, meanResponseHours: Infinity, method: 'erlang-c' };
  const oneMean = active.every((k) => Math.abs(k.readingHours - meanReading) < 1e-12);
  if (s.distribution === 'exponential' && oneMean && s.forceSimulation !== true) {
    const mu = 1 / meanReading;
    const C = erlangC(c, lambda / mu);
    return {
      shareWithin: mmcResponseWithin(lambda, mu, c, s.targetHours),
      meanResponseHours: C / (c * mu - lambda) + meanReading,
      method: 'erlang-c',
    };
  }
  const arrivals = new Rng(deriveSeed(s.seed, 1, c));
  const service = new Rng(deriveSeed(s.seed, 2, c));
  const weights = active.map((k) => k.arrivalsPerHour);
  const r = simulateFifoQueue({
    servers: c,
    interArrival: () => arrivals.exponential(1 / lambda),
    service: () => {
      const k = active[service.weighted(weights)] as ReadingClass;
      return s.distribution === 'exponential'
        ? service.exponential(k.readingHours)
        : k.readingHours;
    },
    customers: s.customers,
    warmup: Math.ceil(s.customers / 10),
    within: s.targetHours,
  });
  return {
    shareWithin: r.shareSojournWithin ?? 0,
    meanResponseHours: r.meanSojourn,
    method: 'simulation',
  };
}

/** Smallest line count in 1…maxLines whose share within target reaches `targetShare`, with its run. */
export function linesForTarget(
  classes: readonly ReadingClass[],
  targetShare: number,
  maxLines: number,
  s: QueueSettings,
): { lines: number; run: QueueRun } | null {
  const load = classes.reduce((sum, k) => sum + k.arrivalsPerHour * k.readingHours, 0);
  for (let c = Math.max(1, Math.floor(load) + 1); c <= maxLines; c++) {
    const run = evaluateQueue(classes, c, s);
    if (run === null) return null;
    if (run.shareWithin >= targetShare) return { lines: c, run };
  }
  return null;
}
