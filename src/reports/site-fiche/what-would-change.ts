/**
 * "Ce qui changerait / What would change": a machine's top-ranked improvement leads turned into
 * capacity-simulation scenarios (late start → sessions on time, overrun → booking at predicted
 * durations, early end → the demand growth that fills the freed hours), and the page that reads
 * an already computed `SimulationReport`: the status-quo check first, then each scenario against
 * the status quo with 95 % intervals, a difference named only when it is significant. Pure: the
 * records are loaded and the simulation run in `what-would-change-run.ts`.
 */
import type { IntervalPoint } from '../../charts/what-would-change.ts';
import { whatWouldChangeOption } from '../../charts/what-would-change.ts';
import type { MachineIndicators } from '../../core/indicators/types.ts';
import type { LeadRanking, MachineComparison, RankedLead } from '../../core/views/index.ts';
import type { Lang } from '../../i18n/index.ts';
import {
  formatDays,
  formatInteger,
  formatMinutes,
  formatNumber,
  formatPercent,
  leadLabel,
  MISSING,
} from '../../i18n/index.ts';
import type {
  Estimate,
  FigureKey,
  Scenario,
  ScenarioResult,
  SimulationReport,
} from '../../plan/simulation/types.ts';
import { chartFigure } from '../figures.ts';
import type { Html } from '../html.ts';
import { html, joinHtml, list, note, paragraph, strong, table } from '../html.ts';
import type { ReportMessageKey } from '../messages/index.ts';
import { rt } from '../messages/index.ts';
import type { FicheContext } from './context.ts';
import { machineTitle } from './context.ts';
import { formatLeadHours } from './format.ts';

/** Replications of each machine's simulation in the fiche (planning.md §3: R ≥ 20). */
export const WHAT_IF_REPLICATIONS = 20;
/** The fixed seed of the fiche's simulations: the same campaign prints the same page. */
export const WHAT_IF_SEED = 13;
/** How many of a machine's ranked leads the page takes (those that free time, best first). */
export const WHAT_IF_MAX_LEADS = 3;
/** Below these, a machine is "not computed": too little to calibrate a demand and a grid on. */
export const MIN_SCHEDULED_EXAMS = 30;
export const MIN_PROGRAMMED_SESSIONS = 4;

/** The figures the page compares, in its order. */
export const WHAT_IF_FIGURES = [
  'passagesPerWeek',
  'occupancy.programmed',
  'appointmentDelayDays.outpatient.p50',
  'overtimeMinutesPerWeek',
] as const satisfies readonly FigureKey[];

/** The figures the status-quo rule checks (planning.md §3), when their observed value exists. */
const CHECKED: ReadonlySet<FigureKey> = new Set<FigureKey>([
  'occupancy.programmed',
  'passagesPerWeek',
  'appointmentDelayDays.outpatient.p50',
  'appointmentDelayDays.inpatient.p50',
]);

/** Why a lead is not simulated. */
export type LeadSkip = 'turnover' | 'no-prediction' | 'no-occupancy';

/** One ranked lead of a machine and the scenario that reads it (null when it is not simulated). */
export interface LeadPlan {
  /** Rank among the machine's measured leads (1 = most hours), as in the leads table. */
  rank: number;
  lead: RankedLead;
  /** Its scenario, named after the lead key (`ScenarioResult.name` finds it back). */
  scenario: Scenario | null;
  /** The demand growth (%) of an early-end lead. */
  percent: number | null;
  skip: LeadSkip | null;
}

/** What the fiche has for a machine: a simulation report, or why there is none. */
export type MachineWhatIf =
  | { state: 'computed'; plans: LeadPlan[]; report: SimulationReport }
  | { state: 'no-lead' }
  | { state: 'no-records' }
  | { state: 'too-little-data'; scheduledExams: number; programmedSessions: number }
  | { state: 'time-budget'; seconds: number }
  | { state: 'failed'; message: string };

/**
 * The demand growth (%) that fills `hoursPerWeek` freed programmed hours at today's use: freed
 * hours / (occupancy × programmed opening per week) × 100, to one decimal (at least 0.1); null
 * when the machine's occupancy or programmed opening is unknown or zero.
 *
 * @example
 * demandGrowthPercent(2, { occupancy: { programmed: 0.8 }, openingHoursPerWeek: { programmed: 50 } }); // 5
 */
export function demandGrowthPercent(
  hoursPerWeek: number,
  machine: Pick<MachineIndicators, 'occupancy' | 'openingHoursPerWeek'>,
): number | null {
  const occupancy = machine.occupancy.programmed;
  const opening = machine.openingHoursPerWeek.programmed;
  if (occupancy === null || !(occupancy > 0) || !(opening > 0) || !(hoursPerWeek > 0)) return null;
  return Math.max(0.1, Math.round((1000 * hoursPerWeek) / (occupancy * opening)) / 10);
}

/**
 * The scenarios of a machine's top leads: its measured leads that free time (hours per week > 0),
 * in ranking order, at most `WHAT_IF_MAX_LEADS`. Late start → `fix-late-start`; overrun →
 * `predicted-durations` (skipped when the model has no predicted length, `predictedDurations`
 * false); early end → `demand-growth` of `demandGrowthPercent`; turnover gap → not simulated.
 *
 * @example
 * planWhatIf(machine.indicators, rankLeads(machine.indicators, samples)).map((p) => p.scenario?.changes[0]?.type);
 * // ['fix-late-start', 'predicted-durations', undefined]
 */
export function planWhatIf(
  machine: Pick<MachineIndicators, 'occupancy' | 'openingHoursPerWeek'>,
  ranking: LeadRanking,
  options: { predictedDurations?: boolean } = {},
): LeadPlan[] {
  const measured = ranking.leads.filter((l) => l.hoursPerWeek !== null);
  const plans: LeadPlan[] = [];
  measured.forEach((lead, i) => {
    if (plans.length >= WHAT_IF_MAX_LEADS || lead.hoursPerWeek === null || !(lead.hoursPerWeek > 0))
      return;
    const plan = (
      scenario: Scenario | null,
      skip: LeadSkip | null,
      percent: number | null = null,
    ): LeadPlan => ({
      rank: i + 1,
      lead,
      scenario,
      percent,
      skip,
    });
    const named = (changes: Scenario['changes']): Scenario => ({ name: lead.key, changes });
    switch (lead.key) {
      case 'lateStartMinutes':
        plans.push(plan(named([{ type: 'fix-late-start' }]), null));
        return;
      case 'overrunMinutes':
        plans.push(
          options.predictedDurations === false
            ? plan(null, 'no-prediction')
            : plan(named([{ type: 'predicted-durations' }]), null),
        );
        return;
      case 'earlyEndMinutes': {
        const percent = demandGrowthPercent(lead.hoursPerWeek, machine);
        plans.push(
          percent === null
            ? plan(null, 'no-occupancy')
            : plan(named([{ type: 'demand-growth', percent }]), null, percent),
        );
        return;
      }
      case 'turnoverGapMinutes':
        plans.push(plan(null, 'turnover'));
        return;
    }
  });
  return plans;
}

// ───────────────────────────── words and numbers ─────────────────────────────

const figureName = (key: FigureKey, lang: Lang): string =>
  rt(lang, `site.whatIf.figure.${key}` as ReportMessageKey);

/** A value of a figure in its unit. */
function value(key: FigureKey, v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  if (key === 'occupancy.programmed') return formatPercent(v, lang);
  if (key.startsWith('appointmentDelayDays.')) return formatDays(v, lang);
  if (
    key.endsWith('Minutes') ||
    key.startsWith('unscheduledWaitMinutes') ||
    key.endsWith('MinutesPerWeek')
  )
    return formatMinutes(v, lang);
  return formatNumber(v, lang);
}

/** A signed difference of a figure in its unit (occupancy in percentage points), "−" a true minus. */
function difference(key: FigureKey, d: number, lang: Lang): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  const size = Math.abs(d);
  if (key === 'occupancy.programmed')
    return `${sign}${rt(lang, 'site.whatIf.points', { value: formatNumber(size * 100, lang) })}`;
  return `${sign}${value(key, size, lang)}`;
}

/** "185,2 (183,1 – 187,3)": the mean and its 95 % interval. */
function estimateText(key: FigureKey, e: Estimate | undefined, lang: Lang): string {
  if (!e || e.mean === null) return MISSING;
  if (!e.ci95) return value(key, e.mean, lang);
  return `${value(key, e.mean, lang)} (${value(key, e.ci95[0], lang)} – ${value(key, e.ci95[1], lang)})`;
}

/** The difference cell: the paired difference and its interval when significant, else says it is not. */
function deltaText(key: FigureKey, result: ScenarioResult, lang: Lang): Html | string {
  const d = result.delta[key];
  if (!d || d.mean === null) return MISSING;
  if (!d.significant || !d.ci95)
    return html`<span class="muted">${rt(lang, 'site.whatIf.notSignificant')}</span>`;
  const interval = rt(lang, 'site.whatIf.interval', {
    low: difference(key, d.ci95[0], lang),
    high: difference(key, d.ci95[1], lang),
  });
  return strong(`${difference(key, d.mean, lang)} (${interval})`);
}

/** The tolerance of a failing figure in its unit (occupancy in points). */
function toleranceText(key: FigureKey, tolerance: number, lang: Lang): string {
  return key === 'occupancy.programmed'
    ? rt(lang, 'site.whatIf.points', { value: formatNumber(tolerance * 100, lang) })
    : value(key, tolerance, lang);
}

/** The scenario's name in the page's words. */
function scenarioName(plan: LeadPlan, lang: Lang): string {
  const type = plan.scenario?.changes[0]?.type;
  if (type === 'fix-late-start') return rt(lang, 'site.whatIf.name.fixLateStart');
  if (type === 'predicted-durations') return rt(lang, 'site.whatIf.name.predictedDurations');
  if (type === 'demand-growth')
    return rt(lang, 'site.whatIf.name.demandGrowth', {
      percent: formatPercent((plan.percent ?? 0) / 100, lang),
    });
  return leadLabel(plan.lead.key, lang);
}

/** What the scenario changes, or why the lead is not simulated, in a sentence. */
function changeText(plan: LeadPlan, lang: Lang): string {
  if (plan.skip === 'turnover') return rt(lang, 'site.whatIf.skip.turnover');
  if (plan.skip === 'no-prediction') return rt(lang, 'site.whatIf.skip.noPrediction');
  if (plan.skip === 'no-occupancy') return rt(lang, 'site.whatIf.skip.noOccupancy');
  const type = plan.scenario?.changes[0]?.type;
  if (type === 'fix-late-start')
    return rt(lang, 'site.whatIf.change.fixLateStart', {
      median: formatMinutes(plan.lead.median, lang),
    });
  if (type === 'predicted-durations') return rt(lang, 'site.whatIf.change.predictedDurations');
  return rt(lang, 'site.whatIf.change.demandGrowth', {
    percent: formatPercent((plan.percent ?? 0) / 100, lang),
    hours: formatLeadHours(plan.lead.hoursPerWeek, lang),
  });
}

/** "1. Démarrage tardif (3,75 h/sem)". */
function leadHeading(plan: LeadPlan, lang: Lang): string {
  return rt(lang, 'site.whatIf.lead', {
    rank: formatInteger(plan.rank, lang),
    lead: leadLabel(plan.lead.key, lang),
    hours: formatLeadHours(plan.lead.hoursPerWeek, lang),
  });
}

// ───────────────────────────── the page ─────────────────────────────

/**
 * The compared figures a report can show: an appointment delay only when the campaign measured it
 * (without request dates the simulation has no delay to reproduce, its delays mean nothing).
 */
function shownFigures(report: SimulationReport): FigureKey[] {
  return WHAT_IF_FIGURES.filter(
    (key) => !key.startsWith('appointmentDelayDays.') || report.statusQuo.observed[key] !== null,
  );
}

/** The status quo: measured, simulated (mean and interval) and the check of each figure. */
function statusQuoTable(report: SimulationReport, lang: Lang, machine: string): Html {
  const { observed, simulated, failing } = report.statusQuo;
  const keys = shownFigures(report);
  if (observed['appointmentDelayDays.inpatient.p50'] !== null)
    keys.splice(keys.indexOf('overtimeMinutesPerWeek'), 0, 'appointmentDelayDays.inpatient.p50');
  for (const f of failing) if (!keys.includes(f.figure)) keys.push(f.figure);
  const check = (key: FigureKey): Html | string => {
    const fails = failing.find((f) => f.figure === key);
    if (fails)
      return strong(
        rt(lang, 'site.whatIf.check.fails', {
          tolerance: toleranceText(key, fails.tolerance, lang),
        }),
      );
    return CHECKED.has(key) && observed[key] !== null
      ? rt(lang, 'site.whatIf.check.ok')
      : html`<span class="muted">${rt(lang, 'site.whatIf.check.none')}</span>`;
  };
  return table({
    caption: rt(lang, 'site.whatIf.sq.caption', { machine }),
    className: 'what-if-status-quo',
    columns: [
      { label: rt(lang, 'site.whatIf.col.figure'), width: '34%' },
      { label: rt(lang, 'site.whatIf.col.measured'), align: 'right' },
      { label: rt(lang, 'site.whatIf.col.simulated'), align: 'right' },
      { label: rt(lang, 'site.whatIf.col.check') },
    ],
    rows: keys.map((key) => [
      figureName(key, lang),
      value(key, observed[key], lang),
      estimateText(key, simulated[key], lang),
      check(key),
    ]),
  });
}

/** One scenario against the status quo, figure by figure. */
function scenarioTable(
  report: SimulationReport,
  result: ScenarioResult,
  plan: LeadPlan,
  lang: Lang,
  machine: string,
): Html {
  return table({
    caption: rt(lang, 'site.whatIf.scenario.caption', {
      scenario: scenarioName(plan, lang),
      machine,
    }),
    className: 'what-if-scenario',
    columns: [
      { label: rt(lang, 'site.whatIf.col.figure'), width: '34%' },
      { label: rt(lang, 'site.whatIf.col.statusQuo'), align: 'right' },
      { label: rt(lang, 'site.whatIf.col.scenario'), align: 'right' },
      { label: rt(lang, 'site.whatIf.col.difference'), align: 'right' },
    ],
    rows: shownFigures(report).map((key) => [
      figureName(key, lang),
      estimateText(key, report.statusQuo.simulated[key], lang),
      estimateText(key, result.figures[key], lang),
      deltaText(key, result, lang),
    ]),
  });
}

const point = (e: Estimate | undefined): IntervalPoint | null =>
  e && e.mean !== null && Number.isFinite(e.mean)
    ? { mean: e.mean, low: e.ci95?.[0] ?? e.mean, high: e.ci95?.[1] ?? e.mean }
    : null;

/** The small chart: status quo and each simulated scenario, figure by figure. */
function whatIfChart(
  report: SimulationReport,
  simulated: readonly [LeadPlan, ScenarioResult][],
  lang: Lang,
  machine: string,
  figureId: string,
): Html | null {
  const panels = shownFigures(report)
    .map((key) => ({
      // The short name carries the unit: ticks are bare numbers (occupancy in percent).
      title: rt(lang, `site.whatIf.short.${key as (typeof WHAT_IF_FIGURES)[number]}`),
      values: [
        point(report.statusQuo.simulated[key]),
        ...simulated.map(([, r]) => point(r.figures[key])),
      ],
      format: (v: number) =>
        key === 'occupancy.programmed' ? formatPercent(v, lang, 0) : formatNumber(v, lang),
    }))
    .filter((p) => p.values.some((v) => v !== null));
  if (panels.length === 0 || simulated.length === 0) return null;
  return chartFigure({
    id: figureId,
    caption: rt(lang, 'site.whatIf.chart.caption', { machine, replications: report.replications }),
    option: whatWouldChangeOption({
      description: rt(lang, 'site.whatIf.chart.aria'),
      series: [
        { name: rt(lang, 'site.whatIf.statusQuo'), short: rt(lang, 'site.whatIf.statusQuoShort') },
        ...simulated.map(([plan]) => ({
          name: `${plan.rank}. ${scenarioName(plan, lang)}`,
          short: String(plan.rank),
        })),
      ],
      panels,
    }),
    height: 230,
  });
}

/** The reason a machine has no simulation, in a sentence. */
function notComputedText(
  whatIf: Exclude<MachineWhatIf, { state: 'computed' }>,
  lang: Lang,
  machine: MachineComparison,
): string {
  switch (whatIf.state) {
    case 'no-lead':
      return rt(lang, 'site.whatIf.noLead');
    case 'no-records':
      return rt(lang, 'site.whatIf.notComputed.noRecords');
    case 'too-little-data':
      return rt(lang, 'site.whatIf.notComputed.tooLittleData', {
        exams: whatIf.scheduledExams,
        sessions: whatIf.programmedSessions,
        minExams: MIN_SCHEDULED_EXAMS,
        minSessions: MIN_PROGRAMMED_SESSIONS,
      });
    case 'time-budget':
      return rt(lang, 'site.whatIf.notComputed.timeBudget', {
        seconds: formatInteger(whatIf.seconds, lang),
        id: machine.point.equipmentId,
      });
    case 'failed':
      return rt(lang, 'site.whatIf.notComputed.failed', { message: whatIf.message });
  }
}

/**
 * The "what would change" section body of one machine from its `MachineWhatIf`: the reason when
 * it was not computed; else the status quo table and its check; when the status quo reproduces
 * the campaign, the chart and, lead by lead, the change in words and the scenario against the
 * status quo; when it does not, "not reliable: figure X fails" and the changes in words only.
 */
export function whatWouldChangeBody(
  ctx: FicheContext,
  machine: MachineComparison,
  whatIf: MachineWhatIf,
  figureId: string,
): Html {
  const { lang } = ctx;
  if (whatIf.state !== 'computed')
    return note(
      notComputedText(whatIf, lang, machine),
      whatIf.state === 'no-lead' ? 'info' : 'warning',
    );
  const { report, plans } = whatIf;
  const title = machineTitle(machine);
  const sq = report.statusQuo;
  const byName = new Map(report.scenarios.map((s) => [s.name, s]));
  const reliable = sq.reproduces;
  const parts: (Html | null)[] = [
    paragraph(rt(lang, 'site.whatIf.intro', { machine: title, replications: report.replications })),
    statusQuoTable(report, lang, title),
  ];
  if (shownFigures(report).length < WHAT_IF_FIGURES.length)
    parts.push(paragraph(rt(lang, 'site.whatIf.noDelay'), 'muted'));
  if (!reliable) {
    const figures = sq.failing.map((f) =>
      rt(lang, 'site.whatIf.sq.failing', {
        figure: figureName(f.figure, lang),
        simulated: value(f.figure, f.simulated, lang),
        observed: value(f.figure, f.observed, lang),
        tolerance: toleranceText(f.figure, f.tolerance, lang),
      }),
    );
    parts.push(
      note(
        rt(lang, 'site.whatIf.sq.unreliable', {
          figures: figures.join(lang === 'fr' ? '\u202f; ' : '; '),
        }),
        'warning',
      ),
    );
    parts.push(
      list(plans.map((p) => html`${strong(leadHeading(p, lang))} — ${changeText(p, lang)}`)),
    );
  } else {
    parts.push(paragraph(rt(lang, 'site.whatIf.sq.reproduces'), 'muted'));
    const simulated = plans.flatMap((p): [LeadPlan, ScenarioResult][] => {
      const r = p.scenario ? byName.get(p.scenario.name) : undefined;
      return r && r.reliable ? [[p, r]] : [];
    });
    parts.push(whatIfChart(report, simulated, lang, title, figureId));
    for (const plan of plans) {
      const result = simulated.find(([p]) => p === plan)?.[1];
      // A lead, its change and its table stay on one page.
      parts.push(
        html`<div class="keep"><h3>${leadHeading(plan, lang)}</h3>${paragraph(changeText(plan, lang))}${result ? scenarioTable(report, result, plan, lang, title) : null}</div>`,
      );
    }
  }
  parts.push(
    paragraph(
      rt(lang, 'site.whatIf.reading', {
        weeks: report.weeks,
        warmup: report.warmupWeeks,
        replications: report.replications,
        seed: report.seed,
      }),
      'muted',
    ),
  );
  return joinHtml(parts);
}
