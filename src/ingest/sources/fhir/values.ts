/**
 * Reading FHIR JSON from `unknown`, once, at the edge: small accessors that answer undefined for
 * anything of the wrong shape, and the R4 dateTime grammar (a time must carry an offset).
 */

import { describeText } from '../../kit/identifying.ts';

export type Json = Record<string, unknown>;

/** `value` as a JSON object, or undefined. */
export function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

/** `o[key]` as a non-empty string, or undefined. */
export function str(o: Json | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `o[key]` as an object, or undefined. */
export function obj(o: Json | undefined, key: string): Json | undefined {
  return asObject(o?.[key]);
}

/** The objects of array `o[key]` (a lone object counts as one; other values are skipped). */
export function objs(o: Json | undefined, key: string): Json[] {
  const v = o?.[key];
  const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return items.map(asObject).filter((x): x is Json => x !== undefined);
}

/** The codes of a CodeableConcept (or a bare Coding), with their systems. */
export function codings(concept: Json | undefined): { system: string | undefined; code: string }[] {
  if (!concept) return [];
  const list =
    concept['coding'] === undefined && str(concept, 'code') ? [concept] : objs(concept, 'coding');
  return list.flatMap((c) => {
    const code = str(c, 'code');
    return code ? [{ system: str(c, 'system'), code }] : [];
  });
}

/** What a dateTime value gives: an instant, a date without time, or why it is refused. */
export type DateTimeValue =
  { kind: 'instant'; ms: number } | { kind: 'date' } | { kind: 'invalid'; reason: string };

const DATE_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Reads an R4 `dateTime`/`instant`: a time without an offset is refused, as R4 requires one.
 *
 * @example
 * readDateTime('2013-12-10T09:00:00Z') // → { kind: 'instant', ms: 1386666000000 }
 * readDateTime('2013-12-10T09:00:00')  // → { kind: 'invalid', reason: '… no offset …' }
 */
export function readDateTime(value: string): DateTimeValue {
  const m = DATE_TIME.exec(value);
  if (!m)
    return {
      kind: 'invalid',
      reason: `the value (${describeText(value)}) is not a FHIR dateTime (YYYY-MM-DDThh:mm:ss+zz:zz)`,
    };
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (h === undefined) return { kind: 'date' };
  if (s === undefined)
    return { kind: 'invalid', reason: 'the time has no seconds (FHIR dateTime is hh:mm:ss)' };
  if (zone === undefined)
    return {
      kind: 'invalid',
      reason: 'the time has no offset (R4 requires Z or ±hh:mm)',
    };
  const parts = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = parts;
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  check.setUTCHours(hour, minute, second, 0);
  const local = check.getTime();
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { kind: 'invalid', reason: 'the value is not a real date and time' };
  }
  const offsetMinutes =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (Math.abs(offsetMinutes) > 14 * 60)
    return { kind: 'invalid', reason: 'the time has an offset beyond ±14:00' };
  const ms = local - offsetMinutes * 60_000 + (frac ? Math.round(Number(frac) * 1000) : 0);
  return { kind: 'instant', ms };
}
