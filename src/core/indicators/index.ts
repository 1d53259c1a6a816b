/**
 * The indicator engine: every ANAP figure of a campaign from its canonical records. Each
 * indicator lives in its own module as a pure function over one machine's columns; this module
 * only assembles them per machine and across machines (the benchmark).
 */
import { CampaignCalendar } from '../calendar.ts';
import type { Kit, Modality } from '../kit-types.ts';
import { benchmarkByModality, peerValuesOf, percentRanks, surveySummary } from '../benchmark.ts';
import {
  emergencyShare,
  examsOutside,
  icrPerHour,
  icrTotal,
  overlappingExams,
  passagesPerWeek,
  shortExams,
} from './activity.ts';
import type { MachineSamples } from './durations.ts';
import { machineSamples, quantilesByKey } from './durations.ts';
import { improvementLeads } from './leads.ts';
import type { MachineColumns } from './machine-columns.ts';
import { kitColumns } from './machine-columns.ts';
import { nightActivity } from './night.ts';
import { occupancyInclusion, occupancyOf } from './occupancy.ts';
import { hoursPerWeek, openingHoursPerWeek, sessionUnions, significantOnCall } from './openings.ts';
import type { CampaignIndicators, CampaignQuality, MachineIndicators } from './types.ts';
import { typology } from './typology.ts';

export type * from './types.ts';
export type { MachineSamples } from './durations.ts';
export type { MachineColumns } from './machine-columns.ts';

/** One machine's figures and its exam-level samples (for pooling in the benchmark). */
export interface MachineResult {
  indicators: MachineIndicators;
  samples: MachineSamples;
}

/** The campaign figures and every machine's samples. */
export interface CampaignComputation {
  indicators: CampaignIndicators;
  samples: Map<string, MachineSamples>;
}

/** Every figure of one machine over the campaign. */
export function computeMachine(cols: MachineColumns, calendar: CampaignCalendar): MachineResult {
  const { weeks } = calendar;
  const unions = sessionUnions(cols);
  const openings = openingHoursPerWeek(unions, weeks);
  const inclusion = occupancyInclusion(cols);
  const share = emergencyShare(cols);
  const onCallHours = hoursPerWeek(unions.onCallOrEmergency, weeks);
  const samples = machineSamples(cols, calendar);
  const indicators: MachineIndicators = {
    equipmentId: cols.equipment.equipmentId,
    finess: cols.equipment.finess,
    modality: cols.equipment.modality,
    region: cols.establishment?.region ?? null,
    legalStatus: cols.establishment?.legalStatus ?? null,
    openingHoursPerWeek: openings,
    onCallHoursPerWeek: onCallHours,
    exams: cols.roomIn.length,
    passagesPerWeek: passagesPerWeek(cols, weeks),
    occupancy: {
      programmed: occupancyOf(cols, unions.programmed),
      programmedPlusEmergency: occupancyOf(cols, unions.programmedPlusEmergency),
    },
    occupancyIncluded: inclusion.included,
    inclusion,
    icrPerHour: icrPerHour(cols, unions.programmed),
    icrTotal: icrTotal(cols),
    emergencyShare: share,
    night: nightActivity(cols, calendar),
    significantOnCall: significantOnCall(onCallHours),
    typology: typology(share, openings),
    durationMinutes: quantilesByKey(samples.durationMinutes),
    reportDelayMinutes: quantilesByKey(samples.reportDelayMinutes),
    appointmentDelayDays: quantilesByKey(samples.appointmentDelayDays),
    leads: improvementLeads(cols, weeks),
    quality: {
      shortExams: shortExams(cols),
      unvaluedExams: cols.unvaluedExams,
      unknownActs: cols.unknownActs,
      examsOutsideSessions: examsOutside(cols, unions.total),
      overlappingExams: overlappingExams(cols),
    },
  };
  return { indicators, samples };
}

/** The campaign calendar of a kit. */
export function calendarOf(kit: Pick<Kit, 'campaign'>): CampaignCalendar {
  const { start, days, timeZone } = kit.campaign;
  return new CampaignCalendar(start, days, timeZone);
}

/** Campaign-wide data-quality counts from the machines' figures. */
export function campaignQuality(machines: readonly MachineIndicators[]): CampaignQuality {
  const unknown = new Set<string>();
  let short = 0;
  let unvalued = 0;
  let outside = 0;
  let overlapping = 0;
  for (const m of machines) {
    short += m.quality.shortExams;
    overlapping += m.quality.overlappingExams;
    unvalued += m.quality.unvaluedExams;
    outside += m.quality.examsOutsideSessions;
    for (const a of m.quality.unknownActs) unknown.add(a);
  }
  const excluded = machines.filter((m) => !m.occupancyIncluded);
  return {
    shortExams: short,
    overlappingExams: overlapping,
    excludedFromOccupancy: excluded.map((m) => m.equipmentId),
    exclusions: excluded.map((m) => ({
      equipmentId: m.equipmentId,
      reason: m.inclusion.reason ?? 'excluded',
    })),
    unknownActs: [...unknown].sort(),
    unvaluedExams: unvalued,
    examsOutsideSessions: outside,
  };
}

/**
 * Assembles machine results into the campaign document: benchmark per modality, percentile
 * ranks of each machine among its modality, survey summary and data quality.
 */
export function assembleCampaign(
  kit: Pick<Kit, 'campaign' | 'survey'>,
  results: readonly MachineResult[],
): CampaignComputation {
  const machines = results.map((r) => r.indicators);
  const samples = new Map(results.map((r) => [r.indicators.equipmentId, r.samples]));
  const byModality = new Map<Modality, MachineIndicators[]>();
  for (const m of machines) {
    let list = byModality.get(m.modality);
    if (!list) byModality.set(m.modality, (list = []));
    list.push(m);
  }
  const peerValues = new Map(
    [...byModality].map(([modality, list]) => [modality, peerValuesOf(list)]),
  );
  for (const m of machines)
    m.percentRank = percentRanks(m, peerValues.get(m.modality) ?? new Map());
  const { id, name, start, days, timeZone } = kit.campaign;
  return {
    indicators: {
      campaign: { id, name, start, days, timeZone },
      machines,
      benchmark: benchmarkByModality(machines, samples),
      survey: surveySummary(kit.survey),
      quality: campaignQuality(machines),
    },
    samples,
  };
}

/** Every figure of a campaign and the samples behind them. */
export function computeCampaignDetailed(kit: Kit): CampaignComputation {
  const calendar = calendarOf(kit);
  return assembleCampaign(
    kit,
    kitColumns(kit).map((cols) => computeMachine(cols, calendar)),
  );
}

/**
 * Every figure of a campaign: per machine, benchmark per modality, survey, quality.
 *
 * @example
 * const result = computeCampaign(kit);
 * result.benchmark.CT?.occupancyProgrammed.p50; // median occupancy of included CT machines
 */
export function computeCampaign(kit: Kit): CampaignIndicators {
  return computeCampaignDetailed(kit).indicators;
}
