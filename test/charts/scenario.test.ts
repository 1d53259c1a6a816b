import { describe, expect, it } from 'vitest';
import type { CustomSeriesRenderItem } from 'echarts';
import { renderSvg } from '../../src/charts/render-svg.ts';
import {
  comparisonOption,
  delayComparisonOption,
  FIGURE_UNITS,
  minuteScale,
  occupancyComparisonOption,
  overtimeComparisonOption,
  SCENARIO_COLORS,
  whiskerDatum,
} from '../../src/charts/scenario.ts';
import type {
  Estimate,
  FigureKey,
  Figures,
  ScenarioResult,
  StatusQuo,
} from '../../src/plan/simulation/types.ts';
import { FIGURE_KEYS } from '../../src/plan/simulation/types.ts';

type Series = { type: string; name: string; data: number[][]; renderItem?: CustomSeriesRenderItem };

const none: Estimate = { mean: null, ci95: null };
const est = (mean: number, low: number, high: number): Estimate => ({ mean, ci95: [low, high] });

function figures<T>(fill: T, values: Partial<Record<FigureKey, T>>): Record<FigureKey, T> {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, values[k] ?? fill])) as Record<FigureKey, T>;
}

// A machine whose outpatients wait 3 / 8 / 15 days (P20/P50/P80) and whose inpatients have no
// request times (null), and a scenario that brings the outpatient median down to 5 days.
const observed: Figures = figures<number | null>(null, {
  'occupancy.programmed': 0.82,
  'appointmentDelayDays.outpatient.p20': 3,
  'appointmentDelayDays.outpatient.p50': 8,
  'appointmentDelayDays.outpatient.p80': 15,
  overtimeMinutesPerWeek: 95,
  idleMinutesPerWeek: 310,
});
const statusQuo: StatusQuo = {
  observed,
  simulated: figures(none, {
    'occupancy.programmed': est(0.8, 0.78, 0.82),
    'appointmentDelayDays.outpatient.p20': est(3.2, 2.9, 3.5),
    'appointmentDelayDays.outpatient.p50': est(8.4, 7.6, 9.2),
    'appointmentDelayDays.outpatient.p80': est(15.5, 14, 17),
    overtimeMinutesPerWeek: est(100, 80, 120),
    idleMinutesPerWeek: est(300, 280, 320),
  }),
  reproduces: true,
  failing: [],
};
const scenario: ScenarioResult = {
  name: 'Samedi matin',
  changes: [{ type: 'add-session', weekdays: [6], start: '08:00', end: '13:00' }],
  figures: figures(none, {
    'occupancy.programmed': est(0.74, 0.72, 0.76),
    'appointmentDelayDays.outpatient.p20': est(2, 1.8, 2.2),
    'appointmentDelayDays.outpatient.p50': est(5, 4.5, 5.5),
    'appointmentDelayDays.outpatient.p80': est(10, 9, 11),
    overtimeMinutesPerWeek: est(90, 70, 110),
    idleMinutesPerWeek: { mean: 420, ci95: null },
  }),
  delta: figures({ mean: null, ci95: null, significant: false }, {}),
  reliable: true,
};

describe('whiskerDatum', () => {
  it('gives [mean, row, low, high], the mean as its own interval without one, null without a mean', () => {
    expect(whiskerDatum(est(5, 4, 6), 2)).toEqual([5, 2, 4, 6]);
    expect(whiskerDatum({ mean: 7, ci95: null }, 0)).toEqual([7, 0, 7, 7]);
    expect(whiskerDatum(none, 0)).toBeNull();
    expect(whiskerDatum(null, 0)).toBeNull();
  });
});

describe('delayComparisonOption', () => {
  const option = delayComparisonOption({ statusQuo, scenario, lang: 'fr' });
  const series = option.series as Series[];

  it('draws outpatients’ P20, median and P80 and leaves out inpatients without any value', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual([
      'Externes — P20',
      'Externes — Médiane',
      'Externes — P80',
    ]);
  });

  it('puts the status quo, then the scenario, as [mean, row, low, high], and the measured values as diamonds', () => {
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['custom', 'Statu quo'],
      ['custom', 'Samedi matin'],
      ['scatter', 'Campagne (mesuré)'],
    ]);
    expect(series[0]!.data).toEqual([
      [3.2, 0, 2.9, 3.5],
      [8.4, 1, 7.6, 9.2],
      [15.5, 2, 14, 17],
    ]);
    expect(series[1]!.data).toEqual([
      [2, 0, 1.8, 2.2],
      [5, 1, 4.5, 5.5],
      [10, 2, 9, 11],
    ]);
    expect(series[2]!.data).toEqual([
      [3, 0],
      [8, 1],
      [15, 2],
    ]);
  });

  it('starts the day axis at 0 and reaches past the widest interval (17 days → 20)', () => {
    const x = option.xAxis as { min: number; max: number; name: string };
    expect(x.min).toBe(0);
    expect(x.max).toBe(20);
    expect(x.name).toBe('jours');
  });

  it('says in English what it shows', () => {
    const en = delayComparisonOption({ statusQuo, scenario, lang: 'en' });
    expect((en.yAxis as { data: string[] }).data[1]).toBe('Outpatients — Median');
    expect((en.aria as { label: { description: string } }).label.description).toBe(
      'Status quo and scenario, means and 95% intervals: Appointment delays.',
    );
  });
});

describe('occupancyComparisonOption and overtimeComparisonOption', () => {
  it('fits the occupancy axis to the intervals (not from 0), in percent', () => {
    const option = occupancyComparisonOption({ statusQuo, scenario, lang: 'en' });
    const x = option.xAxis as {
      min: number;
      max: number;
      formatter?: unknown;
      axisLabel: { formatter: (v: number) => string };
    };
    expect((option.series as Series[])[1]!.data).toEqual([[0.74, 0, 0.72, 0.76]]);
    expect(x.min).toBeGreaterThan(0.6);
    expect(x.min).toBeLessThanOrEqual(0.72);
    expect(x.max).toBeGreaterThanOrEqual(0.82);
    expect(x.axisLabel.formatter(0.8)).toBe('80%');
  });

  it('draws overtime and idle time in minutes, an interval-less mean as a point', () => {
    const option = overtimeComparisonOption({ statusQuo, scenario, lang: 'en' });
    expect((option.yAxis as { data: string[] }).data).toEqual([
      'Overtime per week',
      'Idle programmed time per week',
    ]);
    expect((option.series as Series[])[1]!.data).toEqual([
      [90, 0, 70, 110],
      [420, 1, 420, 420],
    ]);
    expect((option.xAxis as { max: number }).max).toBeGreaterThanOrEqual(420);
  });

  it('draws the status quo alone, in one slot, when there is no scenario', () => {
    const option = occupancyComparisonOption({ statusQuo, scenario: null, lang: 'fr' });
    expect((option.series as Series[]).map((s) => s.name)).toEqual([
      'Statu quo',
      'Campagne (mesuré)',
    ]);
  });
});

describe('minuteScale', () => {
  it('steps in clock durations: 2 h up to 10 h, 6 h past a day, 5 min under an hour', () => {
    expect(minuteScale([95, 600], true)).toEqual({ min: 0, max: 600, interval: 120, decimals: 0 });
    expect(minuteScale([70, 1500], true)).toEqual({
      min: 0,
      max: 1800,
      interval: 360,
      decimals: 0,
    });
    expect(minuteScale([12, 27], false)).toEqual({ min: 10, max: 30, interval: 5, decimals: 0 });
    // Negative waits from a wide interval stay on the axis.
    expect(minuteScale([-3.2, 16.4], true)).toEqual({ min: -5, max: 20, interval: 5, decimals: 0 });
  });

  it('gives the overtime chart hour ticks (0 to 8 h by 2 h for values up to 420 min)', () => {
    const option = overtimeComparisonOption({ statusQuo, scenario, lang: 'en' });
    expect(option.xAxis).toMatchObject({ min: 0, max: 480, interval: 120 });
  });
});

describe('comparisonOption', () => {
  it('says there is nothing to draw when no row has a value', () => {
    const option = comparisonOption({
      title: 'x',
      rows: [{ label: 'a', observed: null, statusQuo: none, scenario: none }],
      unit: 'days',
      lang: 'en',
      scenarioName: 's',
    });
    expect(option.graphic).toHaveLength(1);
    expect((option.yAxis as { data: string[] }).data).toEqual([]);
  });

  it('gives every figure a unit', () => {
    expect(Object.keys(FIGURE_UNITS).sort()).toEqual([...FIGURE_KEYS].sort());
    expect(FIGURE_UNITS['occupancy.programmed']).toBe('fraction');
    expect(FIGURE_UNITS['appointmentDelayDays.inpatient.p80']).toBe('days');
  });

  it('renders to SVG with a whisker per value in the two colours', () => {
    const svg = renderSvg(delayComparisonOption({ statusQuo, scenario, lang: 'fr' }), 640, 320);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(SCENARIO_COLORS.statusQuo);
    expect(svg).toContain(SCENARIO_COLORS.scenario);
    expect(svg).toContain('Externes — Médiane');
    // Three rows × (interval + two caps) per side.
    const strokes = (color: string): number =>
      svg.match(new RegExp(`<path[^>]*stroke="${color}"`, 'gi'))?.length ?? 0;
    expect(strokes(SCENARIO_COLORS.scenario)).toBeGreaterThanOrEqual(9);
  });
});
