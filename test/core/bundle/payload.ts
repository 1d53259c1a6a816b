// A small valid bundle payload built by hand (one CT machine of site 350000001), for the reader's tests.
import { binSamples } from '../../../src/core/bundle/binning.ts';
import type { BundlePayload } from '../../../src/core/bundle/types.ts';
import { BINNING, BUNDLE_FORMAT, BUNDLE_VERSION } from '../../../src/core/bundle/types.ts';
import type { MachineSamples } from '../../../src/core/indicators/durations.ts';
import type { MachineIndicators } from '../../../src/core/indicators/types.ts';
import { quantiles } from '../../../src/core/stats.ts';

export const FINESS = '350000001';

export function sampleOf(): MachineSamples {
  return {
    durationMinutes: {
      A: Float64Array.of(12.1, 14.6, 9.8, 20.2, 15.1),
      U: Float64Array.of(18, 22.4),
    },
    reportDelayMinutes: {
      outpatient: Float64Array.of(60, 125, 300, 1440),
      emergency: Float64Array.of(31, 44),
    },
    appointmentDelayDays: { outpatient: Float64Array.of(3, 10, 21) },
  };
}

/** The indicators of a machine whose samples are `samples` (quantiles computed from the true values). */
export function indicatorsOf(
  equipmentId: string,
  samples: MachineSamples,
): Omit<MachineIndicators, 'percentRank'> {
  const q = <K extends string>(r: Partial<Record<K, Float64Array>>) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, quantiles(v as Float64Array)]),
    ) as Partial<Record<K, ReturnType<typeof quantiles>>>;
  return {
    equipmentId,
    finess: FINESS,
    modality: 'CT',
    region: 'Bretagne',
    legalStatus: 'CHU',
    openingHoursPerWeek: { programmed: 50, extended: 10, total: 60, programmedPlusEmergency: 55 },
    onCallHoursPerWeek: 108,
    exams: 9,
    passagesPerWeek: 2.25,
    occupancy: { programmed: 0.61, programmedPlusEmergency: 0.58 },
    occupancyIncluded: true,
    inclusion: { included: true, programmedSessionHours: 200, shareAbove15: 0.98, reason: null },
    icrPerHour: 31.5,
    icrTotal: 450,
    emergencyShare: 0.22,
    night: { evening: 1, deepNight: 0, perWeekdayNight: 0.05, perWeek: 0.25, level: 'low' },
    significantOnCall: true,
    typology: 'scheduled-centred',
    durationMinutes: q(samples.durationMinutes),
    reportDelayMinutes: q(samples.reportDelayMinutes),
    appointmentDelayDays: q(samples.appointmentDelayDays),
    leads: {
      lateStartMinutes: { n: 12, p50: 14, p80: 25, hoursPerWeek: 1.5 },
      earlyEndMinutes: null,
      turnoverGapMinutes: { n: 40, p50: 6, p80: 11, hoursPerWeek: 2 },
      overrunMinutes: null,
    },
    quality: {
      shortExams: 0,
      unvaluedExams: 1,
      unknownActs: ['ZZZZ999'],
      examsOutsideSessions: 0,
      overlappingExams: 0,
    },
  };
}

/** A valid payload with two machines, as JSON (a fresh copy each call, to be spoiled by a test). */
export function payloadJson(): Record<string, unknown> {
  const samples = sampleOf();
  const machine = (id: string) => ({
    equipment: {
      equipmentId: id,
      finess: FINESS,
      modality: 'CT',
      label: 'Scanner 1',
      installedYear: 2008,
      role: 'general',
    },
    indicators: indicatorsOf(id, samples),
    samples: binSamples(samples),
  });
  const payload: BundlePayload = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: '2011-04-02T10:00:00.000Z',
    plateauVersion: '0.1.0',
    campaign: {
      id: 'anap-2011',
      name: 'Campagne 2011',
      start: '2011-03-07',
      days: 28,
      timeZone: 'Europe/Paris',
    },
    establishment: {
      finess: FINESS,
      name: 'CHU de Rennes',
      legalStatus: 'CHU',
      region: 'Bretagne',
      department: '35',
    },
    machines: [machine('CT1'), machine('CT2')] as BundlePayload['machines'],
    survey: [
      { finess: FINESS, modality: 'CT', case: 'CT_BRAIN_80F', patient: 'outpatient', days: 12 },
    ],
    binning: { ...BINNING },
  };
  return JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
}
