/**
 * The capacity simulation's pipeline over a machine's records (planning.md §3), shared by
 * `plateau simulate`, the API and the bench: the duration model fitted on the records sizes the
 * predicted slots, calibration turns the records into a model, the runner replays it with its
 * scenarios, and the third next available appointment is read from the slots. Status-quo checks
 * of every machine (`--all`) calibrate each machine alone and run the status quo only.
 */
import { CampaignCalendar } from '../core/calendar.ts';
import { SHORT_EXAM_MS } from '../core/indicators/machine-columns.ts';
import type { Kit } from '../core/kit-types.ts';
import { quantileSorted } from '../core/stats.ts';
import type { DurationReport } from '../plan/durations/report.ts';
import { durationModelReport } from '../plan/durations/report.ts';
import { predictedSlotMinutesOf } from '../plan/durations/slots.ts';
import { calibrate } from '../plan/simulation/calibrate.ts';
import type { SimulationCheck } from '../plan/simulation/checks.ts';
import { thirdNextAvailable } from '../plan/simulation/next-available.ts';
import type { RunSimulationOptions } from '../plan/simulation/runner.ts';
import { runSimulation } from '../plan/simulation/runner.ts';
import type {
  MachineRecords,
  NextAvailable,
  Scenario,
  SimulationModel,
  SimulationReport,
} from '../plan/simulation/types.ts';

/** A machine (or pool) calibrated, with what the simulation reports beside its figures. */
export interface CalibratedMachines {
  model: SimulationModel;
  durations: DurationReport;
  nextAvailable: NextAvailable[];
}

/**
 * The median room duration (minutes, rounded up to the minute) of a machine's exams of 3 minutes
 * or more: the slot length the third next available appointment looks for; null without one.
 */
export function medianExamMinutes(
  records: Pick<MachineRecords, 'exams'>,
  equipmentId: string,
): number | null {
  const minutes: number[] = [];
  for (const e of records.exams) {
    const ms = e.roomOut - e.roomIn;
    if (e.equipmentId === equipmentId && ms >= SHORT_EXAM_MS) minutes.push(ms / 60_000);
  }
  const median = quantileSorted(Float64Array.from(minutes).sort(), 0.5);
  return median === null ? null : Math.ceil(median);
}

/**
 * The simulation model of `records` with the duration model whose slot lengths it books at
 * (the *predicted durations* scenario): what every caller calibrates through.
 */
export function simulationModelOf(
  records: MachineRecords,
): Pick<CalibratedMachines, 'model' | 'durations'> {
  const durations = durationModelReport(records);
  const ids = records.equipment.map((m) => m.equipmentId);
  return {
    model: calibrate(records, { predictedSlotMinutes: predictedSlotMinutesOf(durations, ids) }),
    durations,
  };
}

/**
 * Calibrates the machines of `records` (one, or a site's machines of one modality pooled): the
 * duration model on their exams, the model with its predicted slots, and each machine's third
 * next available appointment (null figures without slots).
 *
 * @example
 * const { model, durations } = calibrateMachines(records);
 */
export function calibrateMachines(records: MachineRecords): CalibratedMachines {
  const ids = records.equipment.map((m) => m.equipmentId);
  const { model, durations } = simulationModelOf(records);
  const { campaign } = records;
  const calendar = new CampaignCalendar(campaign.start, campaign.days, campaign.timeZone);
  const nextAvailable = ids.map((id) =>
    thirdNextAvailable(records.slots ?? [], id, calendar, medianExamMinutes(records, id)),
  );
  return { model, durations, nextAvailable };
}

/**
 * The `plateau simulate --json` document of `records` with `scenarios`: the runner's report with
 * the duration model and the next available appointment.
 *
 * @example
 * const report = simulateMachines(records, scenarios, { replications: 20, seed: 1 });
 * report.statusQuo.reproduces;
 */
export function simulateMachines(
  records: MachineRecords,
  scenarios: readonly Scenario[],
  options: RunSimulationOptions = {},
): SimulationReport {
  const { model, durations, nextAvailable } = calibrateMachines(records);
  return { ...runSimulation(model, scenarios, options), durations, nextAvailable };
}

/**
 * The records of machines `equipmentIds` of a kit read in memory, as `loadSimulationRecords` reads
 * them from the store (same records, same order when the kit is in store order); null when one
 * id is not a machine of the kit, or none is given.
 */
export function machineRecordsOfKit(
  kit: Kit,
  equipmentIds: readonly string[],
): MachineRecords | null {
  const ids = new Set(equipmentIds);
  if (ids.size === 0) return null;
  const equipment = kit.equipment.filter((m) => ids.has(m.equipmentId));
  if (equipment.length !== ids.size) return null;
  const keep = (r: { equipmentId: string }): boolean => ids.has(r.equipmentId);
  const finess = equipment[0]?.finess;
  const slots = kit.slots?.filter(keep) ?? [];
  return {
    campaign: kit.campaign,
    equipment,
    establishment: kit.establishments.find((e) => e.finess === finess) ?? null,
    sessions: kit.sessions.filter(keep),
    exams: kit.exams.filter(keep),
    acts: kit.acts,
    ...(slots.length > 0 ? { slots } : {}),
  };
}

/** A stored check without its time: what `statusQuoCheckOf` gives. */
export type StatusQuoCheck = Omit<SimulationCheck, 'computedAt'> & {
  events: number;
  seconds: number;
};

/**
 * One machine's status-quo check (planning.md §3 rule): calibrated alone, the status quo replayed
 * `replications` times, its figures against the campaign's. No duration model: the status quo
 * books the campaign's own lengths.
 */
export function statusQuoCheckOf(
  records: MachineRecords,
  options: Pick<RunSimulationOptions, 'replications' | 'seed'>,
): StatusQuoCheck {
  const report = runSimulation(calibrate(records), [], options);
  const sq = report.statusQuo;
  return {
    equipmentId: records.equipment.map((m) => m.equipmentId).join('+'),
    reproduces: sq.reproduces,
    failing: sq.failing,
    statusQuo: sq,
    replications: report.replications,
    seed: report.seed,
    events: report.engine.events,
    seconds: report.engine.seconds,
  };
}

/**
 * The status-quo check of every machine of a kit, in equipment order; `onMachine` is called
 * after each (done, total, equipment id).
 */
export function statusQuoChecksOfKit(
  kit: Kit,
  options: Pick<RunSimulationOptions, 'replications' | 'seed'>,
  onMachine?: (done: number, total: number, equipmentId: string) => void,
): StatusQuoCheck[] {
  // One pass to split the records by machine, instead of filtering the whole kit per machine.
  const byMachine = new Map(
    kit.equipment.map((m) => [
      m.equipmentId,
      {
        sessions: [] as Kit['sessions'],
        exams: [] as Kit['exams'],
        slots: [] as NonNullable<Kit['slots']>,
      },
    ]),
  );
  for (const s of kit.sessions) byMachine.get(s.equipmentId)?.sessions.push(s);
  for (const e of kit.exams) byMachine.get(e.equipmentId)?.exams.push(e);
  for (const s of kit.slots ?? []) byMachine.get(s.equipmentId)?.slots.push(s);
  const establishments = new Map(kit.establishments.map((e) => [e.finess, e]));
  const out: StatusQuoCheck[] = [];
  kit.equipment.forEach((m, i) => {
    const own = byMachine.get(m.equipmentId) as {
      sessions: Kit['sessions'];
      exams: Kit['exams'];
      slots: NonNullable<Kit['slots']>;
    };
    const records: MachineRecords = {
      campaign: kit.campaign,
      equipment: [m],
      establishment: establishments.get(m.finess) ?? null,
      sessions: own.sessions,
      exams: own.exams,
      acts: kit.acts,
      ...(own.slots.length > 0 ? { slots: own.slots } : {}),
    };
    out.push(statusQuoCheckOf(records, options));
    onMachine?.(i + 1, kit.equipment.length, m.equipmentId);
  });
  return out;
}
