// The runner: the status quo rule on hand-made figures, replications with common random numbers
// (an unchanged scenario differs by exactly 0), progress and seeding, and scenario directions on
// machines of the synthetic national campaign (more programmed time on a saturated machine, a
// reserve for emergencies, demand growth).
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../../src/plan/simulation/calibrate.ts';
import { applyScenario, applyScenarioWithNotes } from '../../../src/plan/simulation/scenarios.ts';
import {
  defaultWarmupWeeks,
  runSimulation,
  statusQuoCheck,
  uncheckedFigures,
} from '../../../src/plan/simulation/runner.ts';
import type {
  Estimate,
  FigureKey,
  Figures,
  IsoWeekday,
  SimulationModel,
} from '../../../src/plan/simulation/types.ts';
import { FIGURE_KEYS } from '../../../src/plan/simulation/types.ts';
import { nationalPlan, nationalRecords } from './records.ts';

const figures = (values: Partial<Figures>): Figures =>
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, values[k] ?? null])) as Figures;
const estimates = (
  values: Partial<Record<FigureKey, number | null>>,
): Record<FigureKey, Estimate> =>
  Object.fromEntries(
    FIGURE_KEYS.map((k) => [k, { mean: values[k] ?? null, ci95: null }]),
  ) as Record<FigureKey, Estimate>;

describe('statusQuoCheck', () => {
  const observed = figures({
    'occupancy.programmed': 0.5,
    passagesPerWeek: 100,
    'appointmentDelayDays.outpatient.p50': 10,
    'appointmentDelayDays.inpatient.p50': 3,
  });

  it('accepts occupancy and passages within 5 %, delays within 20 % or 1 day', () => {
    const ok = statusQuoCheck(
      observed,
      estimates({
        'occupancy.programmed': 0.524,
        passagesPerWeek: 95.5,
        'appointmentDelayDays.outpatient.p50': 11.9, // 20 % of 10 = 2 days
        'appointmentDelayDays.inpatient.p50': 3.95, // 20 % of 3 = 0.6 < 1 day
        icrPerHour: 1e9, // not checked
      }),
    );
    expect(ok).toEqual({ reproduces: true, failing: [] });
  });

  it('lists each figure out of its tolerance, with the tolerance applied', () => {
    const bad = statusQuoCheck(
      observed,
      estimates({
        'occupancy.programmed': 0.53,
        passagesPerWeek: 94,
        'appointmentDelayDays.outpatient.p50': 7.9,
        'appointmentDelayDays.inpatient.p50': 4.1,
      }),
    );
    expect(bad.reproduces).toBe(false);
    expect(bad.failing.map((f) => [f.figure, f.observed, f.simulated])).toEqual([
      ['occupancy.programmed', 0.5, 0.53],
      ['passagesPerWeek', 100, 94],
      ['appointmentDelayDays.outpatient.p50', 10, 7.9],
      ['appointmentDelayDays.inpatient.p50', 3, 4.1],
    ]);
    expect(bad.failing.map((f) => f.tolerance)).toEqual([0.025, 5, 2, 1]);
  });

  it('skips figures with no observed value; a checked figure the simulation cannot give fails', () => {
    const noDelays = figures({ 'occupancy.programmed': 0.5, passagesPerWeek: 100 });
    expect(
      statusQuoCheck(noDelays, estimates({ 'occupancy.programmed': 0.5, passagesPerWeek: 100 }))
        .reproduces,
    ).toBe(true);
    const missing = statusQuoCheck(
      observed,
      estimates({
        'occupancy.programmed': 0.5,
        passagesPerWeek: 100,
        'appointmentDelayDays.outpatient.p50': 10,
      }),
    );
    expect(missing.failing).toHaveLength(1);
    expect(missing.failing[0]!.figure).toBe('appointmentDelayDays.inpatient.p50');
    expect(missing.failing[0]!.simulated).toBeNaN();
  });

  it('skips the delay P50s whose observed sample is too small (calibration notes them)', () => {
    const far = estimates({
      'occupancy.programmed': 0.5,
      passagesPerWeek: 100,
      'appointmentDelayDays.outpatient.p50': 30,
      'appointmentDelayDays.inpatient.p50': 9,
    });
    expect(statusQuoCheck(observed, far).failing.map((f) => f.figure)).toEqual([
      'appointmentDelayDays.outpatient.p50',
      'appointmentDelayDays.inpatient.p50',
    ]);
    const notes = [
      { code: 'few-inpatient-delays', params: { n: 12, min: 20 } },
      { code: 'no-show-default' },
    ];
    const unchecked = uncheckedFigures({ notes } as unknown as SimulationModel);
    expect(unchecked).toEqual(['appointmentDelayDays.inpatient.p50']);
    expect(statusQuoCheck(observed, far, unchecked).failing.map((f) => f.figure)).toEqual([
      'appointmentDelayDays.outpatient.p50',
    ]);
  });

  it('is applied by runSimulation with the figures the calibration notes leave out', () => {
    const model = calibrate(nationalRecords(nationalPlan(2010, 40), 2));
    const far: SimulationModel = {
      ...model,
      observed: { ...model.observed, 'appointmentDelayDays.inpatient.p50': 1000 },
    };
    const figuresOf = (m: SimulationModel) =>
      runSimulation(m, [], { replications: 2 }).statusQuo.failing.map((f) => f.figure);
    expect(figuresOf(far)).toContain('appointmentDelayDays.inpatient.p50');
    const noted: SimulationModel = {
      ...far,
      notes: [...far.notes, { code: 'few-inpatient-delays', params: { n: 12, min: 20 } }],
    };
    expect(figuresOf(noted)).not.toContain('appointmentDelayDays.inpatient.p50');
  });
});

/** Models of the first machines of the synthetic national campaign (seed 2010), by modality and occupancy. */
let models: SimulationModel[] = [];
beforeAll(() => {
  const plan = nationalPlan(2010, 517);
  models = Array.from({ length: 60 }, (_, i) => calibrate(nationalRecords(plan, i * 8)));
});
const pick = (test: (m: SimulationModel) => boolean): SimulationModel => {
  const m = models.find(test);
  if (!m) throw new Error('no machine of the campaign fits');
  return m;
};
const occupancy = (m: SimulationModel) => m.observed['occupancy.programmed'] ?? 0;

describe('runSimulation', () => {
  it('runs R replications per scenario with common random numbers: an unchanged scenario differs by exactly 0', () => {
    const model = pick((m) => m.machines[0]!.modality === 'CT' && occupancy(m) > 0.4);
    const progress: [number, number][] = [];
    const report = runSimulation(model, [{ name: 'same', changes: [] }], {
      replications: 5,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => [d, 10]));
    expect(report.replications).toBe(5);
    expect(report.weeks).toBe(model.gridWeeks);
    expect(report.warmupWeeks).toBe(defaultWarmupWeeks(model));
    expect(report.equipmentIds).toEqual([model.machines[0]!.equipmentId]);
    const [same] = report.scenarios;
    for (const k of FIGURE_KEYS) {
      expect(same!.figures[k], k).toEqual(report.statusQuo.simulated[k]);
      if (report.statusQuo.simulated[k].mean !== null)
        expect(same!.delta[k], k).toEqual({ mean: 0, ci95: [0, 0], significant: false });
    }
    expect(same!.reliable).toBe(report.statusQuo.reproduces);
    expect(report.engine.events).toBeGreaterThan(1000);
    expect(report.engine.eventsPerSecond).toBeGreaterThan(0);
  });

  it('gives the same figures for the same seed and different ones for another', () => {
    const model = pick((m) => m.machines[0]!.modality === 'CT');
    const a = runSimulation(model, [], { replications: 2, seed: 7 });
    const b = runSimulation(model, [], { replications: 2, seed: 7 });
    const c = runSimulation(model, [], { replications: 2, seed: 8 });
    expect(b.statusQuo).toEqual(a.statusQuo);
    expect(c.statusQuo.simulated.passagesPerWeek).not.toEqual(
      a.statusQuo.simulated.passagesPerWeek,
    );
  });
});

describe('scenario directions', () => {
  it('4 more programmed hours a week on a saturated machine lower the outpatient delay P50', () => {
    // the busiest MRI of the sample whose evenings can be extended, its demand grown 20 % so that it is saturated
    const later = {
      name: 'Close an hour later Monday to Thursday',
      changes: [
        {
          type: 'extend-hours' as const,
          weekdays: [1, 2, 3, 4] as IsoWeekday[],
          closeLaterMinutes: 60,
        },
      ],
    };
    const busiest = models
      .filter(
        (m) =>
          m.machines[0]!.modality === 'MR' && applyScenarioWithNotes(m, later).notes.length === 0,
      )
      .sort((a, b) => occupancy(b) - occupancy(a))[0]!;
    expect(occupancy(busiest)).toBeGreaterThan(0.8);
    const saturated = applyScenario(busiest, {
      name: 'busier',
      changes: [{ type: 'demand-growth', percent: 20 }],
    });
    const report = runSimulation(saturated, [later]);
    expect(report.statusQuo.simulated['occupancy.programmed'].mean!).toBeGreaterThan(0.93);
    const d = report.scenarios[0]!.delta;
    for (const k of [
      'appointmentDelayDays.outpatient.p50',
      'appointmentDelayDays.inpatient.p50',
    ] as const) {
      expect(d[k].mean!, k).toBeLessThan(0);
      expect(d[k].significant, k).toBe(true);
    }
  });

  it('reserving 30 % of programmed time for emergencies raises the scheduled delays', () => {
    const model = pick((m) => m.machines[0]!.modality === 'CT' && occupancy(m) > 0.72);
    const report = runSimulation(model, [
      { name: 'reserve', changes: [{ type: 'emergency-reservation', share: 0.3 }] },
    ]);
    const d = report.scenarios[0]!.delta;
    for (const k of [
      'appointmentDelayDays.outpatient.p50',
      'appointmentDelayDays.inpatient.p50',
    ] as const) {
      expect(d[k].mean!, k).toBeGreaterThan(0);
      expect(d[k].significant, k).toBe(true);
    }
    // the reserve absorbs the emergencies: less work past the end of the sessions
    expect(d.overtimeMinutesPerWeek.mean!).toBeLessThan(0);
  });

  it('10 % more demand raises passages and occupancy by about 10 %', () => {
    const model = pick(
      (m) => m.machines[0]!.modality === 'CT' && occupancy(m) > 0.35 && occupancy(m) < 0.6,
    );
    const report = runSimulation(model, [
      { name: '+10 %', changes: [{ type: 'demand-growth', percent: 10 }] },
    ]);
    const base = report.statusQuo.simulated;
    const d = report.scenarios[0]!.delta;
    for (const k of ['occupancy.programmed', 'passagesPerWeek'] as const) {
      const relative = d[k].mean! / base[k].mean!;
      expect(relative, k).toBeGreaterThan(0.07);
      expect(relative, k).toBeLessThan(0.13);
      expect(d[k].significant, k).toBe(true);
    }
  });
});
