/**
 * The machine page's Trends tab (`?tab=trends`): since last year in words, one small chart per
 * figure over the campaigns (value, peers' band and median), the figures per campaign as a table,
 * the leads followed with their verdicts, and how the machine is found in each campaign.
 */
import type { ReactNode } from 'react';
import type { MachineTrend } from '../../core/trends/types.ts';
import { machineTitle } from '../lib/figures.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import { api } from '../lib/paths.ts';
import { useApi } from '../lib/use-api.ts';
import { Card } from '../components/card.tsx';
import { ErrorState, Skeleton } from '../components/states.tsx';
import { SinceLastYear } from '../components/trends/since-last-year.tsx';
import { MachineSmallMultiples } from '../components/trends/small-multiples.tsx';
import {
  MachineFiguresTable,
  LeadsFollowUpTable,
  MachineLinksTable,
} from '../components/trends/trend-tables.tsx';
import { SeriesNote } from '../components/trends/series-note.tsx';

/** Names of a machine trend's machines (its links' labels) and site. */
export function machineNames(trend: MachineTrend): {
  machine(id: string): string;
  site(finess: string): string;
} {
  const labels = new Map<string, string>();
  for (const l of trend.links)
    if (l.equipmentId) labels.set(l.equipmentId, l.label ?? l.equipmentId);
  return {
    machine: (id) => labels.get(id) ?? id,
    site: (finess) => (finess === trend.finess ? trend.establishment : finess),
  };
}

/** A card at the page's top level, a titled block inside a site page's machine card. */
function Block({
  top,
  title,
  note,
  children,
}: {
  top: boolean;
  title: string;
  note?: string;
  children: ReactNode;
}): ReactNode {
  if (top)
    return (
      <Card title={title} note={note} level={2}>
        {children}
      </Card>
    );
  return (
    <div className="trend-block">
      <h4 className="subheading">{title}</h4>
      {note && <p className="card-note">{note}</p>}
      {children}
    </div>
  );
}

/** One machine's trend: what a machine page's tab and a site page's machine cards show. */
export function MachineTrendBody({
  trend,
  name,
  withSince,
  withLeads = true,
}: {
  trend: MachineTrend;
  /** False on a site's page, whose leads table holds every machine's. */
  withLeads?: boolean;
  /** Prefix of the test ids of its charts and tables. */
  name: string;
  withSince: boolean;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const title = machineTitle(trend.label ?? trend.equipmentId, trend.modality, lang);
  return (
    <>
      {withSince && (
        <SinceLastYear
          campaigns={trend.campaigns}
          changes={trend.sinceLastYear}
          names={machineNames(trend)}
          subject={false}
        />
      )}
      <Block
        top={withSince}
        title={t('trends.web.multiples.title')}
        note={t('trends.web.multiples.note')}
      >
        <MachineSmallMultiples
          name={name}
          context={title}
          figures={trend.figures}
          campaigns={trend.campaigns}
        />
        <MachineFiguresTable
          name={`${name}-figures`}
          title={`${t('trends.web.table.figures')} — ${title}`}
          figures={trend.figures}
          campaigns={trend.campaigns}
        />
      </Block>
      {withLeads && (
        <Block
          top={withSince}
          title={t('trends.web.leads.title')}
          note={t('trends.web.leads.note')}
        >
          <LeadsFollowUpTable
            name={`${name}-leads`}
            title={`${t('trends.web.leads.title')} — ${title}`}
            rows={trend.leads.map((followUp) => ({ machine: title, followUp }))}
            campaigns={trend.campaigns}
            withMachine={false}
          />
        </Block>
      )}
      <Block top={withSince} title={t('trends.web.links.title')} note={t('trends.web.links.note')}>
        <MachineLinksTable
          name={`${name}-links`}
          title={`${t('trends.web.links.title')} — ${title}`}
          links={trend.links}
          campaigns={trend.campaigns}
        />
      </Block>
    </>
  );
}

/** The machine page's Trends tab. */
export function MachineTrends({
  campaignId,
  equipmentId,
}: {
  campaignId: string;
  equipmentId: string;
}): ReactNode {
  const { state, retry } = useApi<MachineTrend>(api.machineTrend(campaignId, equipmentId));
  if (state.status === 'loading') return <Skeleton chart lines={3} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const trend = state.data;
  return (
    <div data-testid="machine-trends">
      <SeriesNote campaigns={trend.campaigns} />
      {trend.campaigns.length >= 2 && <MachineTrendBody trend={trend} name="trend" withSince />}
    </div>
  );
}
