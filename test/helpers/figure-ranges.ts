// The possible range of every bounded figure of stored results (indicators.md): opening at most
// the hours of the window sessions are accepted in over the campaign's weeks (168 h a week for
// sessions within its days; a last night past its end and a daylight-saving change inside count
// as real elapsed time, as the conformance kits do: kit-101's EQ004 has 168.25 h), programmed ⊂
// extended ⊂ total, fractions in [0, 1]. Occupancy may pass 1 only where the
// spec lets it: the machine's exams overlap one another (Σ of each exam's overlap with the
// sessions). A value out of its range is a bug of the engine or of what storage fed it.
import { CampaignCalendar, MS_PER_DAY, MS_PER_HOUR } from '../../src/core/calendar.ts';
import type { CampaignIndicators, MachineIndicators } from '../../src/core/indicators/types.ts';

/**
 * The most hours a week a session union can cover: the real hours from local midnight of the day
 * before the campaign to local midnight after the day after it (the kit reader refuses sessions
 * further away: `outside-campaign`), over the campaign's `days / 7` weeks.
 */
export function maxOpeningHours(campaign: CampaignIndicators['campaign']): number {
  const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
  const from = calendar.clock.startOfDay(calendar.firstDay - MS_PER_DAY);
  const to = calendar.clock.startOfDay(calendar.firstDay + (campaign.days + 1) * MS_PER_DAY);
  return (to - from) / MS_PER_HOUR / calendar.weeks;
}
/** Floating-point slack: sums of milliseconds divided by weeks. */
const EPS = 1e-9;

function within(
  out: string[],
  where: string,
  value: number | null | undefined,
  min: number,
  max: number,
): void {
  if (value === null || value === undefined) return;
  if (!Number.isFinite(value) || value < min - EPS || value > max + EPS)
    out.push(`${where} = ${value}, outside [${min}, ${max}]`);
}

/** The figures of one machine outside their possible range, in words (none: an empty list). */
export function machineOutOfRange(m: MachineIndicators, weekHours: number): string[] {
  const out: string[] = [];
  const at = (figure: string): string => `${m.equipmentId} ${figure}`;
  const o = m.openingHoursPerWeek;
  for (const key of ['programmed', 'extended', 'total', 'programmedPlusEmergency'] as const) {
    within(out, at(`openingHoursPerWeek.${key}`), o[key], 0, weekHours);
  }
  within(out, at('onCallHoursPerWeek'), m.onCallHoursPerWeek, 0, weekHours);
  if (o.programmed > o.extended + EPS || o.extended > o.total + EPS) {
    out.push(
      `${at('openingHoursPerWeek')}: programmed ${o.programmed} ⊄ extended ${o.extended} ⊄ total ${o.total}`,
    );
  }
  if (
    o.programmed > o.programmedPlusEmergency + EPS ||
    o.programmedPlusEmergency > o.extended + EPS
  ) {
    out.push(
      `${at('openingHoursPerWeek')}: programmedPlusEmergency ${o.programmedPlusEmergency} not between programmed and extended`,
    );
  }
  const occupancyMax = m.quality.overlappingExams > 0 ? Infinity : 1;
  within(out, at('occupancy.programmed'), m.occupancy.programmed, 0, occupancyMax);
  within(
    out,
    at('occupancy.programmedPlusEmergency'),
    m.occupancy.programmedPlusEmergency,
    0,
    occupancyMax,
  );
  within(out, at('emergencyShare'), m.emergencyShare, 0, 1);
  within(out, at('inclusion.shareAbove15'), m.inclusion.shareAbove15, 0, 1);
  within(out, at('icrPerHour'), m.icrPerHour, 0, Infinity);
  within(out, at('passagesPerWeek'), m.passagesPerWeek, 0, Infinity);
  for (const [figure, rank] of Object.entries(m.percentRank ?? {}))
    within(out, at(`percentRank.${figure}`), rank, 0, 1);
  return out;
}

/** Every figure of a campaign's results outside its possible range, machines then benchmarks. */
export function outOfRange(results: CampaignIndicators): string[] {
  const weekHours = maxOpeningHours(results.campaign);
  const out = results.machines.flatMap((m) => machineOutOfRange(m, weekHours));
  for (const [modality, b] of Object.entries(results.benchmark)) {
    if (!b) continue;
    for (const key of [
      'programmedOpening',
      'extendedOpening',
      'totalOpening',
      'programmedPlusEmergencyOpening',
      'onCallHoursPerWeek',
    ] as const) {
      for (const q of ['p20', 'p50', 'p80'] as const)
        within(out, `benchmark ${modality} ${key}.${q}`, b[key][q], 0, weekHours);
    }
    for (const q of ['p20', 'p50', 'p80'] as const)
      within(out, `benchmark ${modality} emergencyShare.${q}`, b.emergencyShare[q], 0, 1);
    for (const key of ['significantOnCallShare', 'strongNightShare', 'lowNightShare'] as const)
      within(out, `benchmark ${modality} ${key}`, b[key], 0, 1);
  }
  return out;
}
