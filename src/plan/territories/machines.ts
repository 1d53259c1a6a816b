/**
 * What the territorial figures need of each campaign machine, taken from its computed figures:
 * exams, passages, on-call, realised appointment delays, and night access (an on-call or
 * emergency session reaching into 20:00–08:00 local, compared as instants so DST days are exact).
 */
import { MS_PER_DAY, MS_PER_HOUR, ZoneClock } from '../../core/calendar.ts';
import type { MachineIndicators, MachineSamples } from '../../core/indicators/index.ts';
import type { Campaign, Session, SessionType } from '../../core/kit-types.ts';
import type { TerritoryMachine } from './types.ts';

/** Local hour the day ends and the night begins (stroke-care night access: 20:00–08:00). */
export const NIGHT_FROM_HOUR = 20;
/** Local hour the night ends. */
export const NIGHT_UNTIL_HOUR = 8;

const NIGHT_SESSION_TYPES: ReadonlySet<SessionType> = new Set<SessionType>([
  'ON_CALL',
  'EMERGENCY',
]);

/**
 * Equipment ids that have at least one `ON_CALL` or `EMERGENCY` session overlapping the local
 * night (20:00–08:00 in the campaign's time zone) by any amount. A session is a day session when
 * it lies within [D 08:00, D 20:00) of the local day D of its start; anything else reaches the
 * night. Bounds are turned into instants with the zone's rules, so a session on a daylight-saving
 * day is judged on its real local times. Empty or reversed sessions are ignored.
 *
 * @example
 * nightAccessMachines(kit.sessions, kit.campaign).has('EQ004'); // true when EQ004 is on call at night
 */
export function nightAccessMachines(
  sessions: readonly Session[],
  campaign: Pick<Campaign, 'timeZone'>,
): Set<string> {
  const clock = new ZoneClock(campaign.timeZone);
  const out = new Set<string>();
  for (const s of sessions) {
    if (!NIGHT_SESSION_TYPES.has(s.type) || !(s.end > s.start) || out.has(s.equipmentId)) continue;
    const day = Math.floor(clock.toNaive(s.start) / MS_PER_DAY) * MS_PER_DAY;
    const dayFrom = clock.toInstantLenient(day + NIGHT_UNTIL_HOUR * MS_PER_HOUR);
    const dayUntil = clock.toInstantLenient(day + NIGHT_FROM_HOUR * MS_PER_HOUR);
    if (s.start < dayFrom || s.end > dayUntil) out.add(s.equipmentId);
  }
  return out;
}

/** Outpatient and inpatient realised appointment delays of a machine, pooled in one array. */
function pooledDelays(samples: MachineSamples | undefined): Float64Array {
  const a = samples?.appointmentDelayDays.outpatient;
  const b = samples?.appointmentDelayDays.inpatient;
  const out = new Float64Array((a?.length ?? 0) + (b?.length ?? 0));
  if (a) out.set(a, 0);
  if (b) out.set(b, a?.length ?? 0);
  return out;
}

/**
 * The territorial view of campaign machines: their exams, passages per week, significant on-call
 * flag, night access (`nightAccess` holds the ids from `nightAccessMachines`) and realised
 * appointment delays (outpatient and inpatient samples pooled; none when `samples` lacks it).
 */
export function territoryMachines(
  indicators: readonly MachineIndicators[],
  samples: ReadonlyMap<string, MachineSamples>,
  nightAccess: ReadonlySet<string>,
  installedYears: ReadonlyMap<string, number | null> = new Map(),
): TerritoryMachine[] {
  return indicators.map((m) => ({
    equipmentId: m.equipmentId,
    finess: m.finess,
    modality: m.modality,
    exams: m.exams,
    passagesPerWeek: m.passagesPerWeek,
    significantOnCall: m.significantOnCall,
    nightAccess: nightAccess.has(m.equipmentId),
    appointmentDelayDays: pooledDelays(samples.get(m.equipmentId)),
    installedYear: installedYears.get(m.equipmentId) ?? null,
  }));
}
