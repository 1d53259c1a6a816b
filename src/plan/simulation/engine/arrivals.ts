/**
 * Arrivals of the engine: hour of week of each hour of the run (local time, computed once per
 * hour from the campaign's ZoneClock) and Poisson arrivals by hour, drawn by inversion (one
 * uniform for the count, then one per arrival time) so that a seeded stream gives the same draws.
 */
import { MS_PER_HOUR, type ZoneClock } from '../../../core/calendar.ts';
import type { Rng } from '../../../core/random.ts';

/**
 * Hour of week (local ISO weekday, Monday = 0, × 24 + local hour) of the instants
 * `from + h × 1 h`, h = 0 … hours − 1.
 */
export function hourOfWeekTable(clock: ZoneClock, from: number, hours: number): Uint8Array {
  const key = `${clock.timeZone}|${from}|${hours}`;
  const cached = tables.get(key);
  if (cached !== undefined) return cached;
  const out = new Uint8Array(hours);
  for (let h = 0; h < hours; h++) out[h] = clock.hourOfWeek(from + h * MS_PER_HOUR);
  // Replications of a run share their table (a few kept: the runs of one comparison).
  if (tables.size >= 16) tables.delete(tables.keys().next().value as string);
  tables.set(key, out);
  return out;
}

/** Hour-of-week tables by time zone, first hour and length (read-only once built). */
const tables = new Map<string, Uint8Array>();

/** Largest mean drawn by one inversion; larger means are summed from chunks (exp(−mean) stays normal). */
const CHUNK = 500;

/**
 * A Poisson count of mean `mean` by inversion of one uniform per chunk of at most 500
 * (`expNeg` = exp(−mean) when the mean is at most 500, to spare the exponential).
 */
export function poisson(rng: Rng, mean: number, expNeg = Math.exp(-mean)): number {
  let n = 0;
  let rest = mean;
  do {
    const m = rest > CHUNK ? CHUNK : rest;
    rest -= m;
    const u = rng.float();
    if (!(m > 0)) continue;
    let p = m === mean ? expNeg : Math.exp(-m);
    let c = p;
    let k = 0;
    while (u >= c) {
      k++;
      p *= m / k;
      c += p;
      if (p === 0 || (k > m && p < 1e-17)) break;
    }
    n += k;
  } while (rest > 0);
  return n;
}

/**
 * Poisson arrival instants over the hours of `table` (starting at `from`), mean in hour h =
 * `perHourOfWeek[table[h]] × factor`, times uniform in the hour, sorted.
 */
export function poissonArrivals(
  rng: Rng,
  perHourOfWeek: readonly number[],
  factor: number,
  table: Uint8Array,
  from: number,
): Float64Array {
  const means = new Float64Array(168);
  const expNeg = new Float64Array(168);
  let expected = 0;
  for (let w = 0; w < 168; w++) {
    const rate = (perHourOfWeek[w] ?? 0) * factor;
    means[w] = rate > 0 ? rate : 0;
    expNeg[w] = Math.exp(-(means[w] as number));
  }
  for (let h = 0; h < table.length; h++) expected += means[table[h] as number] as number;
  let out = new Float64Array(Math.ceil(expected * 1.2) + 64);
  let n = 0;
  for (let h = 0; h < table.length; h++) {
    const w = table[h] as number;
    const k = poisson(rng, means[w] as number, expNeg[w] as number);
    if (k === 0) continue;
    if (n + k > out.length) {
      const bigger = new Float64Array(Math.max(out.length * 2, n + k));
      bigger.set(out);
      out = bigger;
    }
    const hourStart = from + h * MS_PER_HOUR;
    // Insertion sort of the hour's times (a handful) as they are drawn.
    for (let j = 0; j < k; j++) {
      const t = hourStart + rng.float() * MS_PER_HOUR;
      let i = n + j;
      while (i > n && (out[i - 1] as number) > t) {
        out[i] = out[i - 1] as number;
        i--;
      }
      out[i] = t;
    }
    n += k;
  }
  return out.slice(0, n);
}
