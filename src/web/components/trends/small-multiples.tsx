/**
 * Small multiples: one small chart per figure over the campaigns (options from
 * src/charts/trends.ts, shared with the PDF), the figure's name written above each, in a grid.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { groupTrendSmallMultiple, trendSmallMultiple } from '../../../charts/trends.ts';
import type { FigureTrend, GroupTrendYear } from '../../../core/trends/types.ts';
import type { CampaignRef, FigureKey } from '../../../core/views/types.ts';
import { figureLabel } from '../../../i18n/labels.ts';
import { useLang } from '../../lib/i18n.tsx';
import { Chart } from '../chart.tsx';
import './trends.css';

const HEIGHT = 180;

function Multiple({
  name,
  title,
  children,
}: {
  name: string;
  title: string;
  children: ReactNode;
}): ReactNode {
  return (
    <div className="trend-multiple" data-testid={`multiple-${name}`}>
      <h4 className="trend-multiple-title">{title}</h4>
      {children}
    </div>
  );
}

/** A machine's figures: value line, peers' P20–P80 band and dashed median. */
export function MachineSmallMultiples({
  name,
  context,
  figures,
  campaigns,
}: {
  /** Prefix of the charts' test ids (`chart-<name>-<figure>`). */
  name: string;
  /** What the figures are of (the machine's title), for the export files' names. */
  context: string;
  figures: readonly FigureTrend[];
  campaigns: readonly CampaignRef[];
}): ReactNode {
  const lang = useLang();
  const options = useMemo(
    () => figures.map((f) => trendSmallMultiple(f, campaigns, lang, { title: false })),
    [figures, campaigns, lang],
  );
  return (
    <div className="trend-multiples">
      {figures.map((f, i) => {
        const title = figureLabel(f.key, lang);
        return (
          <Multiple key={f.key} name={`${name}-${f.key}`} title={title}>
            <Chart
              name={`${name}-${f.key}`}
              title={`${title} — ${context}`}
              option={options[i] ?? {}}
              height={HEIGHT}
            />
          </Multiple>
        );
      })}
    </div>
  );
}

/** A group's figures (a region, the nation): its band and median, beside a region the nation's median. */
export function GroupSmallMultiples({
  name,
  context,
  keys,
  years,
  campaigns,
}: {
  name: string;
  context: string;
  keys: readonly FigureKey[];
  years: readonly GroupTrendYear[];
  campaigns: readonly CampaignRef[];
}): ReactNode {
  const lang = useLang();
  const options = useMemo(
    () =>
      keys.map((key) => groupTrendSmallMultiple({ key, years, campaigns, lang }, { title: false })),
    [keys, years, campaigns, lang],
  );
  return (
    <div className="trend-multiples">
      {keys.map((key, i) => {
        const title = figureLabel(key, lang);
        return (
          <Multiple key={key} name={`${name}-${key}`} title={title}>
            <Chart
              name={`${name}-${key}`}
              title={`${title} — ${context}`}
              option={options[i] ?? {}}
              height={HEIGHT}
            />
          </Multiple>
        );
      })}
    </div>
  );
}
