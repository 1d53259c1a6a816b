/**
 * The organisation options of §4 over one PDS demand: each site alone, one hub for all, and the
 * two mixes (hub at night and sites at weekends, or the reverse). Each queue gets the fewest
 * lines reaching the target share; option figures add hours and weigh shares by exams.
 */
import { MODALITIES, type Modality } from '../../core/kit-types.ts';
import { linesForTarget, type QueueSettings, type ReadingClass } from './queue.ts';
import type {
  Figure,
  PdsDemand,
  PdsPeriod,
  PoolingOption,
  PoolingOptionId,
  Provenance,
  QueueFigures,
  ReadingModel,
} from './types.ts';

const RANK: Record<Provenance, number> = { measured: 0, input: 1, illustrative: 2 };

/** The weakest of several provenances (illustrative < input < measured). */
export function weakest(...ps: Provenance[]): Provenance {
  return ps.reduce((w, p) => (RANK[p] > RANK[w] ? p : w), 'measured');
}

/**
 * Illustrative reading minutes per exam (not measured, not from a reference: order of magnitude
 * of a night-time CT or MR read, to be replaced by the user's own figure).
 */
export const ILLUSTRATIVE_READING_MINUTES: Record<Modality, number> = { CT: 15, MR: 20 };

/**
 * A reading model with the spec defaults: 30 min target, 90 % share, illustrative reading times,
 * read in fixed (deterministic) time. Fixed is the default because the response includes the
 * read itself: with exponential reading of mean r at most 1 − e^(−target/r) is read within the
 * target whatever the lines (86 % for 15 min in 30), so the 90 % target would be unreachable;
 * exponential (Erlang C) stays available as an option.
 */
export function defaultReadingModel(overrides: Partial<ReadingModel> = {}): ReadingModel {
  return {
    readingMinutes: ILLUSTRATIVE_READING_MINUTES,
    readingProvenance: overrides.readingMinutes === undefined ? 'illustrative' : 'input',
    distribution: 'deterministic',
    targetMinutes: 30,
    targetShare: 0.9,
    hourlyRate: null,
    seed: 1,
    simulatedCustomers: 40_000,
    maxLines: 20,
    ...overrides,
  };
}

/**
 * One queue reading `sites` during `periods`. A chosen site without PDS exams adds no arrival;
 * a queue without arrivals gets 0 lines. Weekday daytime hours in the profile are holidays
 * (counted with the weekend period for the peak).
 */
export function queueFigures(
  demand: PdsDemand,
  sites: readonly string[],
  periods: readonly PdsPeriod[],
  model: ReadingModel,
): QueueFigures {
  const hours = periods.reduce((s, p) => s + demand.hoursPerWeek[p], 0);
  const classes: ReadingClass[] = MODALITIES.map((m) => {
    let perWeek = 0;
    for (const row of demand.rows)
      if (row.modality === m && sites.includes(row.site))
        for (const p of periods) perWeek += row.perWeek[p];
    return {
      arrivalsPerHour: hours > 0 ? perWeek / hours : 0,
      readingHours: model.readingMinutes[m] / 60,
    };
  });
  const arrivalsPerHour = classes.reduce((s, k) => s + k.arrivalsPerHour, 0);
  const profile = new Array<number>(168).fill(0);
  for (const row of demand.rows)
    if (sites.includes(row.site))
      row.byHourOfWeek.forEach((v, i) => (profile[i] = (profile[i] ?? 0) + v));
  const inPeriods = (i: number): boolean => {
    const day = Math.floor(i / 24);
    const hour = i % 24;
    const period: PdsPeriod = day >= 5 ? 'weekend' : hour < 8 || hour >= 20 ? 'night' : 'weekend';
    return periods.includes(period);
  };
  const peakArrivalsPerHour = Math.max(0, ...profile.filter((_, i) => inPeriods(i)));
  const settings: QueueSettings = {
    distribution: model.distribution,
    targetHours: model.targetMinutes / 60,
    seed: model.seed,
    customers: model.simulatedCustomers,
  };
  const active = classes.filter((k) => k.arrivalsPerHour > 0);
  const oneMean = active.every((k) => k.readingHours === active[0]?.readingHours);
  const method: QueueFigures['method'] =
    model.distribution === 'exponential' && oneMean ? 'erlang-c' : 'simulation';
  const base = {
    sites: [...sites],
    periods: [...periods],
    arrivalsPerHour,
    peakArrivalsPerHour,
    method,
  };
  if (arrivalsPerHour <= 0)
    return { ...base, lines: 0, shareWithinTarget: null, meanResponseMinutes: null };
  const found = linesForTarget(classes, model.targetShare, model.maxLines, settings);
  if (found === null)
    return { ...base, lines: null, shareWithinTarget: null, meanResponseMinutes: null };
  return {
    ...base,
    lines: found.lines,
    shareWithinTarget: found.run.shareWithin,
    meanResponseMinutes: found.run.meanResponseHours * 60,
    method: found.run.method,
  };
}

/** Sites of the demand, sorted (or those chosen by the caller). */
function sitesOf(demand: PdsDemand): string[] {
  return [...new Set(demand.rows.map((r) => r.site))].sort();
}

/** Builds the four options for the chosen sites (default: every site with PDS exams). */
export function poolingOptions(
  demand: PdsDemand,
  model: ReadingModel,
  chosenSites?: readonly string[],
): PoolingOption[] {
  const sites = chosenSites ? [...chosenSites] : sitesOf(demand);
  const each = (periods: PdsPeriod[]): QueueFigures[] =>
    sites.map((s) => queueFigures(demand, [s], periods, model));
  const hub = (periods: PdsPeriod[]): QueueFigures[] => [
    queueFigures(demand, sites, periods, model),
  ];
  // Every option staffs nights and weekends apart (their rates differ: one queue over both at the
  // mean rate would understaff the busier period), so the four options compare like with like.
  const layouts: [PoolingOptionId, QueueFigures[]][] = [
    ['separate', [...each(['night']), ...each(['weekend'])]],
    ['hub', [...hub(['night']), ...hub(['weekend'])]],
    ['hub-night-sites-weekend', [...hub(['night']), ...each(['weekend'])]],
    ['sites-night-hub-weekend', [...each(['night']), ...hub(['weekend'])]],
  ];
  return layouts.map(([id, queues]) => summarise(id, queues, demand, model));
}

function summarise(
  id: PoolingOptionId,
  queues: QueueFigures[],
  demand: PdsDemand,
  model: ReadingModel,
): PoolingOption {
  const p = weakest('measured', model.readingProvenance);
  const fig = (value: number | null, provenance: Provenance = p): Figure => ({ value, provenance });
  const missing = queues.some((q) => q.lines === null);
  let hours = 0;
  let exams = 0;
  let readWithin = 0;
  let responseSum = 0;
  const linesAt: Record<PdsPeriod, number> = { night: 0, weekend: 0 };
  for (const q of queues) {
    const h = q.periods.reduce((s, per) => s + demand.hoursPerWeek[per], 0);
    const n = q.arrivalsPerHour * h;
    hours += (q.lines ?? 0) * h;
    for (const per of q.periods) linesAt[per] += q.lines ?? 0;
    exams += n;
    if (n > 0) {
      readWithin += n * (q.shareWithinTarget ?? 0);
      responseSum += n * (q.meanResponseMinutes ?? 0);
    }
  }
  const onCall = missing ? null : hours;
  return {
    id,
    queues,
    linesNeeded: fig(missing ? null : Math.max(linesAt.night, linesAt.weekend)),
    onCallHoursPerWeek: fig(onCall),
    examsPerOnCallHour: fig(onCall === null || onCall === 0 ? null : exams / onCall),
    shareReadWithinTarget: fig(missing || exams === 0 ? null : readWithin / exams),
    meanResponseMinutes: fig(missing || exams === 0 ? null : responseSum / exams),
    costPerWeek: fig(
      onCall === null || model.hourlyRate === null ? null : onCall * model.hourlyRate,
      weakest(p, 'input'),
    ),
  };
}
