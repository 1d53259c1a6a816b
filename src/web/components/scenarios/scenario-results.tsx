/**
 * A run's results: whether the status quo reproduces the campaign (with the failing figures,
 * and "scenario results unreliable" when it does not), every figure measured / status quo /
 * scenario / difference with 95 % intervals and whether the difference is significant, then the
 * delay, occupancy and overtime charts (`src/charts/scenario.ts`, shared with the PDF).
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import {
  delayComparisonOption,
  FIGURE_UNITS,
  occupancyComparisonOption,
  overtimeComparisonOption,
} from '../../../charts/scenario.ts';
import type {
  Delta,
  Estimate,
  FigureKey,
  ScenarioResult,
  SimulationReport,
} from '../../../plan/simulation/types.ts';
import { FIGURE_KEYS } from '../../../plan/simulation/types.ts';
import {
  formatInteger,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatValue,
} from '../../../i18n/format.ts';
import { isMessageKey } from '../../../i18n/translate.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { Card } from '../card.tsx';
import { Chart } from '../chart.tsx';
import type { Column } from '../data-table.tsx';
import { DataTable } from '../data-table.tsx';

interface FigureRow {
  key: FigureKey;
  observed: number | null;
  statusQuo: Estimate;
  scenario: Estimate | null;
  delta: Delta | null;
}

/** Fractions are exported in percent, as the other tables of the app do. */
const exported = (key: FigureKey, v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : FIGURE_UNITS[key] === 'fraction' ? v * 100 : v;

/**
 * A value as shown (one decimal; percent with one decimal): what would read "-0" is 0, so that
 * a difference of a few seconds does not show a sign.
 */
function shown(key: FigureKey, v: number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  const half = FIGURE_UNITS[key] === 'fraction' ? 0.0005 : 0.05;
  return Math.abs(v) < half ? 0 : v;
}

/** The status quo verdict (planning.md §3 rule). */
function Verdict({ report }: { report: SimulationReport }): ReactNode {
  const t = useT();
  const lang = useLang();
  const sq = report.statusQuo;
  if (sq.reproduces)
    return (
      <div className="verdict verdict-ok" data-testid="scenario-status-quo" data-reproduces="true">
        {t('scenarios.web.statusQuo.ok')}
      </div>
    );
  return (
    <div
      className="verdict verdict-fails"
      role="alert"
      data-testid="scenario-status-quo"
      data-reproduces="false"
    >
      <strong>{t('scenarios.web.statusQuo.fails')}</strong>
      <ul>
        {sq.failing.map((f) => (
          <li key={f.figure}>
            {t('scenarios.web.statusQuo.failing', {
              figure: t(`scenarios.web.figure.${f.figure}`),
              simulated: formatValue(f.simulated, FIGURE_UNITS[f.figure], lang),
              observed: formatValue(f.observed, FIGURE_UNITS[f.figure], lang),
              tolerance: formatValue(f.tolerance, FIGURE_UNITS[f.figure], lang),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The results of one run (its first scenario against the status quo). */
export function ScenarioResults({ report }: { report: SimulationReport }): ReactNode {
  const t = useT();
  const lang = useLang();
  const scenario: ScenarioResult | null = report.scenarios[0] ?? null;
  const sq = report.statusQuo;

  const rows = useMemo(
    (): FigureRow[] =>
      FIGURE_KEYS.map((key) => ({
        key,
        observed: sq.observed[key],
        statusQuo: sq.simulated[key],
        scenario: scenario ? scenario.figures[key] : null,
        delta: scenario ? scenario.delta[key] : null,
      })).filter(
        (r) => r.observed !== null || r.statusQuo.mean !== null || r.scenario?.mean != null,
      ),
    [sq, scenario],
  );
  const chartInput = useMemo(() => ({ statusQuo: sq, scenario, lang }), [sq, scenario, lang]);
  const delays = useMemo(() => delayComparisonOption(chartInput), [chartInput]);
  const occupancy = useMemo(() => occupancyComparisonOption(chartInput), [chartInput]);
  const overtime = useMemo(() => overtimeComparisonOption(chartInput), [chartInput]);

  const fmt = (key: FigureKey, v: number | null | undefined): string =>
    formatValue(shown(key, v), FIGURE_UNITS[key], lang);
  /** An interval's bound: its number alone (the mean above carries the unit), durations in full. */
  /** A difference of shares, in percentage points (not a percent of the status quo). */
  const points = (v: number): string => `${formatNumber(v * 100, lang, 1)}\u00a0pt`;
  const bound = (key: FigureKey, value: number, signed = false): string => {
    const unit = FIGURE_UNITS[key];
    const v = shown(key, value) ?? value;
    if (unit === 'min') return formatMinutes(v, lang);
    if (unit === 'fraction') return signed ? points(v) : formatPercent(v, lang);
    return formatNumber(v, lang, 1);
  };
  /** The mean, and its interval on a second, quieter line. */
  const estimateCell = (key: FigureKey, e: Estimate | null, signed = false): ReactNode => {
    if (!e || e.mean === null) return fmt(key, null);
    const value =
      signed && FIGURE_UNITS[key] === 'fraction'
        ? points(shown(key, e.mean) ?? 0)
        : fmt(key, e.mean);
    const mean = `${signed && (shown(key, e.mean) ?? 0) > 0 ? '+' : ''}${value}`;
    if (!e.ci95) return mean;
    return (
      <>
        {mean}
        <br />
        <span className="muted small">
          {t('scenarios.web.interval', {
            low: bound(key, e.ci95[0], signed),
            high: bound(key, e.ci95[1], signed),
          })}
        </span>
      </>
    );
  };
  const estimateColumns = (
    key: string,
    label: string,
    pick: (r: FigureRow) => Estimate | null,
    signed = false,
  ): Column<FigureRow>[] => [
    {
      key,
      label,
      kind: 'number',
      value: (r) => exported(r.key, pick(r)?.mean),
      render: (r) => estimateCell(r.key, pick(r), signed),
    },
    {
      key: `${key}Low`,
      label: t('scenarios.web.col.low', { column: label }),
      kind: 'number',
      value: (r) => exported(r.key, pick(r)?.ci95?.[0]),
      exportOnly: true,
    },
    {
      key: `${key}High`,
      label: t('scenarios.web.col.high', { column: label }),
      kind: 'number',
      value: (r) => exported(r.key, pick(r)?.ci95?.[1]),
      exportOnly: true,
    },
  ];
  const columns: Column<FigureRow>[] = [
    {
      key: 'figure',
      label: t('col.figure'),
      kind: 'text',
      value: (r) => t(`scenarios.web.figure.${r.key}`),
      wrap: true,
    },
    {
      key: 'observed',
      label: t('scenarios.web.col.observed'),
      kind: 'number',
      value: (r) => exported(r.key, r.observed),
      render: (r) => fmt(r.key, r.observed),
    },
    ...estimateColumns('statusQuo', t('scenarios.web.col.statusQuo'), (r) => r.statusQuo),
    ...(scenario
      ? [
          ...estimateColumns('scenario', t('scenarios.web.col.scenario'), (r) => r.scenario),
          ...estimateColumns('delta', t('scenarios.web.col.delta'), (r) => r.delta, true),
          {
            key: 'significant',
            label: t('scenarios.web.col.significant'),
            kind: 'text' as const,
            value: (r: FigureRow) =>
              r.delta?.mean == null ? null : t(r.delta.significant ? 'common.yes' : 'common.no'),
            render: (r: FigureRow) =>
              r.delta?.mean == null ? (
                '—'
              ) : r.delta.significant ? (
                <span className="significant">{t('common.yes')}</span>
              ) : (
                t('common.no')
              ),
          },
        ]
      : []),
  ];
  const title = scenario
    ? t('scenarios.web.results.title', { name: scenario.name })
    : t('scenarios.web.statusQuo');
  const notes = report.notes.flatMap((n) => {
    const key = `simulation.note.${n.code}`;
    return isMessageKey(key) ? [t(key, n.params)] : [];
  });
  return (
    <Card title={title} note={t('scenarios.web.results.note')} id="scenario-results" level={2}>
      <div data-testid="scenario-results">
        <Verdict report={report} />
        {scenario && !scenario.reliable && (
          <p>
            <span className="badge badge-error" data-testid="scenario-unreliable">
              {t('scenarios.web.unreliable')}
            </span>
          </p>
        )}
        <p className="muted small">
          {t('scenarios.web.results.meta', {
            replications: report.replications,
            seed: String(report.seed),
            weeks: report.weeks,
            warmup: report.warmupWeeks,
            events: formatInteger(report.engine.events, lang),
            seconds: formatNumber(report.engine.seconds, lang, 1),
          })}
        </p>
        <DataTable<FigureRow>
          name="scenario-figures"
          title={title}
          rows={rows}
          rowKey={(r) => r.key}
          columns={columns}
        />
        <div className="grid grid-2">
          <Chart
            name="scenario-delays"
            title={`${t('scenarios.web.chart.delays')} — ${title}`}
            option={delays}
            height={320}
          />
          <div>
            <Chart
              name="scenario-occupancy"
              title={`${t('scenarios.web.chart.occupancy')} — ${title}`}
              option={occupancy}
              height={150}
            />
            <Chart
              name="scenario-overtime"
              title={`${t('scenarios.web.chart.overtime')} — ${title}`}
              option={overtime}
              height={190}
            />
          </div>
        </div>
        {notes.length > 0 && (
          <ul className="small muted">
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
