/**
 * The three openings of the report (programmed ⊂ extended ⊂ total) and the other session
 * unions the indicators need. Each is the length of a union, so overlapping sessions never
 * count twice and a week can never hold more than 168 h.
 */
import type { SessionType } from '../kit-types.ts';
import type { IntervalUnion } from '../intervals.ts';
import { unionLength, unionOf } from '../intervals.ts';
import { MS_PER_HOUR } from '../calendar.ts';
import type { Openings } from './types.ts';
import type { MachineColumns } from './machine-columns.ts';
import { SESSION_TYPE_INDEX } from './machine-columns.ts';

/** Session types of programmed opening ("ouverture au programmé"). */
export const PROGRAMMED_TYPES: readonly SessionType[] = [
  'PUBLIC_SCHEDULED',
  'PUBLIC_UNSCHEDULED',
  'LIBERAL',
  'PRIVATE',
  'OTHER_SPECIALTY',
];
/** Extended opening ("ouverture élargie") = programmed + these: staff posted outside on-call. */
export const EXTENDED_ONLY_TYPES: readonly SessionType[] = [
  'EMERGENCY',
  'RECONDITIONING',
  'BREAKDOWN',
  'RESEARCH',
];
/** Total opening = extended + these. */
export const TOTAL_ONLY_TYPES: readonly SessionType[] = [
  'ON_CALL',
  'MAINTENANCE',
  'QUALITY_CONTROL',
];

export const PROGRAMMED_MASK = maskOf(PROGRAMMED_TYPES);
export const EXTENDED_MASK = PROGRAMMED_MASK | maskOf(EXTENDED_ONLY_TYPES);
export const TOTAL_MASK = EXTENDED_MASK | maskOf(TOTAL_ONLY_TYPES);
export const PROGRAMMED_PLUS_EMERGENCY_MASK = PROGRAMMED_MASK | maskOf(['EMERGENCY']);
export const ON_CALL_OR_EMERGENCY_MASK = maskOf(['ON_CALL', 'EMERGENCY']);

/** Bit mask of a set of session types (bit i = `SESSION_TYPES[i]`). */
export function maskOf(types: readonly SessionType[]): number {
  return types.reduce((m, t) => m | (1 << SESSION_TYPE_INDEX[t]), 0);
}

/** Union of the machine's sessions whose type is in `mask`. */
export function sessionUnion(cols: MachineColumns, mask: number): IntervalUnion {
  const { sessionStart, sessionEnd, sessionType } = cols;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < sessionType.length; i++) {
    if (!((mask >> (sessionType[i] as number)) & 1)) continue;
    starts.push(sessionStart[i] as number);
    ends.push(sessionEnd[i] as number);
  }
  return unionOf(starts, ends);
}

/** The session unions every machine indicator is computed from. */
export interface SessionUnions {
  programmed: IntervalUnion;
  extended: IntervalUnion;
  total: IntervalUnion;
  programmedPlusEmergency: IntervalUnion;
  onCallOrEmergency: IntervalUnion;
}

export function sessionUnions(cols: MachineColumns): SessionUnions {
  return {
    programmed: sessionUnion(cols, PROGRAMMED_MASK),
    extended: sessionUnion(cols, EXTENDED_MASK),
    total: sessionUnion(cols, TOTAL_MASK),
    programmedPlusEmergency: sessionUnion(cols, PROGRAMMED_PLUS_EMERGENCY_MASK),
    onCallOrEmergency: sessionUnion(cols, ON_CALL_OR_EMERGENCY_MASK),
  };
}

/** Hours per week covered by a union over a campaign of `weeks` weeks. */
export function hoursPerWeek(u: IntervalUnion, weeks: number): number {
  return unionLength(u) / MS_PER_HOUR / weeks;
}

/**
 * Opening hours per week (programmed / extended / total): length of the union of the sessions
 * of each class, divided by the campaign's weeks. Unit: hours per week, at most 168.
 */
export function openingHoursPerWeek(unions: SessionUnions, weeks: number): Openings {
  return {
    programmed: hoursPerWeek(unions.programmed, weeks),
    extended: hoursPerWeek(unions.extended, weeks),
    total: hoursPerWeek(unions.total, weeks),
    programmedPlusEmergency: hoursPerWeek(unions.programmedPlusEmergency, weeks),
  };
}

/**
 * Significant on-call activity ("permanence des soins significative"): more than 90 h per week
 * of `ON_CALL` ∪ `EMERGENCY` sessions (report, note 7).
 */
export function significantOnCall(onCallHoursPerWeek: number): boolean {
  return onCallHoursPerWeek > 90;
}
