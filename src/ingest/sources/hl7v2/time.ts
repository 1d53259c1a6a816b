/**
 * HL7 v2 times (TS/DTM): `YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+/-ZZZZ]`. A time with an offset is an
 * instant; without one it is wall-clock time in the site's zone, converted with the campaign's
 * ZoneClock (a time in a spring DST gap or an autumn repeat is reported, not guessed silently).
 */
import { naiveMs } from '../../../core/calendar.ts';
import type { ZoneClock } from '../../../core/calendar.ts';

const PRECISION: Record<number, TimeReadingPrecision> = {
  4: 'year',
  6: 'month',
  8: 'day',
  10: 'hour',
  12: 'minute',
  14: 'second',
};

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    ? 29
    : (DAYS[month - 1] as number);

/** The finest unit a time gives. */
export type TimeReadingPrecision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** How a source time was read. */
export type TimeReading =
  | { kind: 'ok'; instant: number; precision: TimeReadingPrecision }
  | { kind: 'syntax' }
  | { kind: 'gap' | 'ambiguous'; instant: number };

/** The number of `len` digits at `at` of `text`, or -1 when one is not a digit. */
function digits(text: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Reads an HL7 time to a UTC instant (epoch ms). Hand-written rather than a regular expression:
 * it runs for every time field of every message.
 *
 * @example
 * readHl7Time('202110201126+0215', paris) // { kind: 'ok', instant: Date.parse('2021-10-20T09:11Z'), precision: 'minute' }
 */
export function readHl7Time(text: string, zone: ZoneClock): TimeReading {
  // The same times come back again and again (an order's start in its order, status and result
  // messages; a booking slot in every room): a small direct-mapped cache of readings, hashed on
  // the first characters (cheaper than a Map, which hashes and rehashes whole keys).
  let cache = caches.get(zone);
  if (cache === undefined) {
    cache = {
      texts: new Array<string>(CACHE_SIZE).fill(''),
      readings: new Array<TimeReading | null>(CACHE_SIZE).fill(null),
    };
    caches.set(zone, cache);
  }
  const length = text.length;
  let h = length;
  for (let i = 0; i < length && i < 24; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  h = (h ^ (h >>> 13)) & (CACHE_SIZE - 1);
  if (cache.texts[h] === text && length > 0) return cache.readings[h] as TimeReading;
  const reading = Object.freeze(parseTime(text, zone));
  // A time cut out of a file is a slice that keeps the whole file's text alive: keep a copy.
  cache.texts[h] = length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
  cache.readings[h] = reading;
  return reading;
}

/**
 * Readings of recent texts, one cache per zone. A memo, not a result channel: a reading is a pure
 * function of (text, zone) — a ZoneClock's offsets never change — so an entry is found only under
 * the same zone object and the same text, whoever read it before; a zone's cache goes with its
 * ZoneClock (weak key). Readings are frozen: callers share them.
 */
interface TimeCache {
  texts: string[];
  readings: (TimeReading | null)[];
}
const CACHE_SIZE = 4096;
const caches = new WeakMap<ZoneClock, TimeCache>();

function parseTime(text: string, zone: ZoneClock): TimeReading {
  let end = text.length;
  let offsetMinutes: number | null = null;
  const signAt = Math.max(text.indexOf('+'), text.indexOf('-'));
  if (signAt !== -1) {
    if (end - signAt !== 5) return { kind: 'syntax' };
    const oh = digits(text, signAt + 1, 2);
    const om = digits(text, signAt + 3, 2);
    if (oh < 0 || om < 0 || oh > 14 || om > 59) return { kind: 'syntax' };
    offsetMinutes = (text[signAt] === '-' ? -1 : 1) * (oh * 60 + om);
    end = signAt;
  }
  let ms = 0;
  const dot = text.indexOf('.');
  if (dot !== -1) {
    if (dot !== 14 || dot > end - 2 || end - dot > 5) return { kind: 'syntax' };
    const frac = digits(text, dot + 1, end - dot - 1);
    if (frac < 0) return { kind: 'syntax' };
    ms = Math.round((frac / 10 ** (end - dot - 1)) * 1000);
    end = dot;
  }
  if (end < 4 || end > 14 || end % 2 !== 0) return { kind: 'syntax' };
  const part = (at: number, fallback: number): number =>
    end > at ? digits(text, at, 2) : fallback;
  const year = digits(text, 0, 4);
  const month = part(4, 1);
  const day = part(6, 1);
  const hour = part(8, 0);
  const minute = part(10, 0);
  const second = part(12, 0);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return { kind: 'syntax' };
  if (day > daysInMonth(year, month)) return { kind: 'syntax' };
  const precision = PRECISION[end] as TimeReadingPrecision;
  const naive = naiveMs(year, month, day, hour, minute, second, ms);
  if (offsetMinutes !== null)
    return { kind: 'ok', instant: naive - offsetMinutes * 60_000, precision };
  const r = zone.resolve(naive);
  if (r.kind === 'ok') return { kind: 'ok', instant: r.instant, precision };
  if (r.kind === 'gap') return { kind: 'gap', instant: r.shifted };
  return { kind: 'ambiguous', instant: r.earlier };
}
