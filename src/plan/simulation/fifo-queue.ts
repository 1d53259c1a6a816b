/**
 * A first-come-first-served queue with c servers, simulated on the event calendar: the check
 * the spec asks of the engine (planning.md §3: M/M/1 and M/M/c against their closed forms,
 * Little's law on every run), and the reading queue of the on-call pooling (§4) where Erlang C's
 * assumptions do not hold. Draws come from the caller's streams, so runs are seeded and
 * scenarios can share them (common random numbers).
 */
import { EventQueue, type QueuedEvent } from './event-queue.ts';

const ARRIVAL = 0;
const DEPARTURE = 1;

export interface FifoQueueOptions {
  servers: number;
  /** Next inter-arrival time (same unit as the service times). */
  interArrival: () => number;
  /** Next service time. */
  service: () => number;
  /** Customers whose waits are measured, after the warm-up ones. */
  customers: number;
  /** Customers served first and not measured (the queue fills from empty). */
  warmup?: number;
  /** When given, the result counts the measured customers whose wait and sojourn are ≤ it. */
  within?: number;
}

export interface FifoQueueResult {
  /** Measured customers (arrived after the warm-up, all served). */
  customers: number;
  /** Mean wait before service (W_q). */
  meanWait: number;
  /** Mean time in the system, wait + service (W). */
  meanSojourn: number;
  /** Arrival rate over the measured window (λ). */
  arrivalRate: number;
  /** Time-average number in the system over the measured window (L). */
  meanInSystem: number;
  /** Events taken off the calendar. */
  events: number;
  /** Share of measured customers who waited ≤ `within` (`null` without `within`). */
  shareWaitWithin: number | null;
  /** Share of measured customers whose wait + service was ≤ `within` (`null` without `within`). */
  shareSojournWithin: number | null;
}

/**
 * Simulates the queue until the measured customers are all served.
 *
 * @example
 * const r = simulateFifoQueue({ servers: 1, interArrival: () => rng.exponential(1), service: () => rng.exponential(0.8), customers: 1e5 });
 * r.meanWait; // ≈ 3.2 = ρ / (μ − λ) with λ = 1, μ = 1.25
 */
export function simulateFifoQueue(options: FifoQueueOptions): FifoQueueResult {
  const { servers, customers } = options;
  const warmup = options.warmup ?? 0;
  if (!Number.isInteger(servers) || servers < 1)
    throw new RangeError('servers must be a whole number ≥ 1');
  const total = warmup + customers;
  const arrivedAt = new Float64Array(total);
  const waiting = new Int32Array(total); // FIFO ring of customer ids
  let head = 0;
  let tail = 0;
  let busy = 0;
  let arrived = 0;
  let events = 0;
  let waitSum = 0;
  let sojournSum = 0;
  let served = 0;
  const within = options.within;
  let waitsWithin = 0;
  let sojournsWithin = 0;
  // Area under the number-in-system curve over the measured window: it opens when the first
  // measured customer arrives and closes when the last measured one leaves.
  let inSystem = 0;
  let area = 0;
  let lastTime = 0;
  let windowStart = NaN;
  let windowEnd = NaN;

  const q = new EventQueue(servers + 16);
  const ev: QueuedEvent = { time: 0, kind: 0, payload: 0 };
  q.push(options.interArrival(), ARRIVAL, 0);
  const start = (id: number, now: number): void => {
    busy++;
    if (id >= warmup) {
      const wait = now - (arrivedAt[id] as number);
      waitSum += wait;
      if (within !== undefined && wait <= within) waitsWithin++;
    }
    q.push(now + options.service(), DEPARTURE, id);
  };
  while (q.popInto(ev)) {
    events++;
    const now = ev.time;
    if (!Number.isNaN(windowStart)) area += inSystem * (now - lastTime);
    lastTime = now;
    if (ev.kind === ARRIVAL) {
      const id = ev.payload;
      arrivedAt[id] = now;
      arrived++;
      if (id === warmup) windowStart = now;
      if (!Number.isNaN(windowStart)) inSystem++;
      if (arrived < total) q.push(now + options.interArrival(), ARRIVAL, arrived);
      if (busy < servers) start(id, now);
      else waiting[tail++] = id;
    } else {
      const id = ev.payload;
      busy--;
      if (id >= warmup) {
        const sojourn = now - (arrivedAt[id] as number);
        sojournSum += sojourn;
        if (within !== undefined && sojourn <= within) sojournsWithin++;
        served++;
      }
      if (!Number.isNaN(windowStart) && id >= warmup) inSystem--;
      if (head < tail) start(waiting[head++] as number, now);
      if (served === customers) {
        windowEnd = now;
        break;
      }
    }
  }
  // Customers counted in the system over the window are those measured: λ over the same window.
  const span = windowEnd - windowStart;
  return {
    customers: served,
    meanWait: waitSum / customers,
    meanSojourn: sojournSum / customers,
    arrivalRate: customers / span,
    meanInSystem: area / span,
    events,
    shareWaitWithin: within === undefined ? null : waitsWithin / customers,
    shareSojournWithin: within === undefined ? null : sojournsWithin / customers,
  };
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue with offered load
 * `a = λ / μ` (erlangs) and `c` servers; 1 when `a ≥ c` (the queue grows without bound).
 */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

/** Closed-form mean wait before service of an M/M/c queue (λ arrivals, μ service rate per server). */
export function mmcMeanWait(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  if (a >= c) return Infinity;
  return erlangC(c, a) / (c * mu - lambda);
}
