// The possible range of every bounded figure of stored results (indicators.md): opening ≤ 168 h
// a week, programmed ⊂ extended ⊂ total, fractions in [0, 1]. Occupancy may pass 1 only where the
// spec lets it: the machine's exams overlap one another (Σ of each exam's overlap with the
// sessions). A value out of its range is a bug of the engine or of what storage fed it.
import type { CampaignIndicators, MachineIndicators } from '../../src/core/indicators/types.ts';

const WEEK_HOURS = 168;
/** Floating-point slack: sums of milliseconds divided by weeks. */
const EPS = 1e-9;

function within(out: string[], where: string, value: number | null | undefined, min: number, max: number): void {
  if (value === null || value === undefined) return;
  if (!Number.isFinite(value) || value < min - EPS || value > max + EPS) out.push(`${where} = ${value}, outside [${min}, ${max}]`);
}

/** The figures of one machine outside their possible range, in words (none: an empty list). */
export function machineOutOfRange(m: MachineIndicators): string[] {
  const out: string[] = [];
  const at = (figure: string): string => `${m.equipmentId} ${figure}`;
  const o = m.openingHoursPerWeek;
  for (const key of ['programmed', 'extended', 'total', 'programmedPlusEmergency'] as const) {
    within(out, at(`openingHoursPerWeek.${key}`), o[key], 0, WEEK_HOURS);
  }
  within(out, at('onCallHoursPerWeek'), m.onCallHoursPerWeek, 0, WEEK_HOURS);
  if (o.programmed > o.extended + EPS || o.extended > o.total + EPS) {
    out.push(`${at('openingHoursPerWeek')}: programmed ${o.programmed} ⊄ extended ${o.extended} ⊄ total ${o.total}`);
  }
  if (o.programmed > o.programmedPlusEmergency + EPS || o.programmedPlusEmergency > o.extended + EPS) {
    out.push(`${at('openingHoursPerWeek')}: programmedPlusEmergency ${o.programmedPlusEmergency} not between programmed and extended`);
  }
  const occupancyMax = m.quality.overlappingExams > 0 ? Infinity : 1;
  within(out, at('occupancy.programmed'), m.occupancy.programmed, 0, occupancyMax);
  within(out, at('occupancy.programmedPlusEmergency'), m.occupancy.programmedPlusEmergency, 0, occupancyMax);
  within(out, at('emergencyShare'), m.emergencyShare, 0, 1);
  within(out, at('inclusion.shareAbove15'), m.inclusion.shareAbove15, 0, 1);
  within(out, at('icrPerHour'), m.icrPerHour, 0, Infinity);
  within(out, at('passagesPerWeek'), m.passagesPerWeek, 0, Infinity);
  for (const [figure, rank] of Object.entries(m.percentRank ?? {})) within(out, at(`percentRank.${figure}`), rank, 0, 1);
  return out;
}

/** Every figure of a campaign's results outside its possible range, machines then benchmarks. */
export function outOfRange(results: CampaignIndicators): string[] {
  const out = results.machines.flatMap(machineOutOfRange);
  for (const [modality, b] of Object.entries(results.benchmark)) {
    if (!b) continue;
    for (const key of ['programmedOpening', 'extendedOpening', 'totalOpening', 'programmedPlusEmergencyOpening', 'onCallHoursPerWeek'] as const) {
      for (const q of ['p20', 'p50', 'p80'] as const) within(out, `benchmark ${modality} ${key}.${q}`, b[key][q], 0, WEEK_HOURS);
    }
    for (const q of ['p20', 'p50', 'p80'] as const) within(out, `benchmark ${modality} emergencyShare.${q}`, b.emergencyShare[q], 0, 1);
    for (const key of ['significantOnCallShare', 'strongNightShare', 'lowNightShare'] as const) within(out, `benchmark ${modality} ${key}`, b[key], 0, 1);
  }
  return out;
}
