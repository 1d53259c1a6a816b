/**
 * The establishment page's Trends tab (`?tab=trends`): since last year in words (machines added,
 * removed or replaced, leads acted on or worse, figure moves), the site campaign by campaign, the
 * leads of all its machines with their verdicts, and each machine's small multiples and links.
 */
import type { ReactNode } from 'react';
import type { SiteTrend } from '../../core/trends/types.ts';
import { machineTitle } from '../lib/figures.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import { api, paths } from '../lib/paths.ts';
import { useApi } from '../lib/use-api.ts';
import { Card } from '../components/card.tsx';
import { Link } from '../components/link.tsx';
import { ErrorState, Skeleton } from '../components/states.tsx';
import { SeriesNote } from '../components/trends/series-note.tsx';
import { SinceLastYear } from '../components/trends/since-last-year.tsx';
import { withTrendsTab } from '../components/trends/trend-tab.tsx';
import { LeadsFollowUpTable, SiteYearsTable } from '../components/trends/trend-tables.tsx';
import { MachineTrendBody } from './trends-machine.tsx';

/** The establishment page's Trends tab. */
export function EstablishmentTrends({
  campaignId,
  finess,
}: {
  campaignId: string;
  finess: string;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const { state, retry } = useApi<SiteTrend>(api.siteTrend(campaignId, finess));
  if (state.status === 'loading') return <Skeleton chart lines={3} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const trend = state.data;
  const anchor = trend.campaigns.at(-1)?.id;
  const labels = new Map<string, string>();
  for (const m of trend.machines)
    for (const l of m.links) if (l.equipmentId) labels.set(l.equipmentId, l.label ?? l.equipmentId);
  const names = {
    machine: (id: string) => labels.get(id) ?? id,
    site: (f: string) => (f === trend.finess ? trend.name : f),
  };
  const title = (m: SiteTrend['machines'][number]): string =>
    machineTitle(m.label ?? m.equipmentId, m.modality, lang);
  if (trend.campaigns.length < 2)
    return (
      <div data-testid="site-trends">
        <SeriesNote campaigns={trend.campaigns} />
      </div>
    );
  return (
    <div data-testid="site-trends">
      <SeriesNote campaigns={trend.campaigns} />
      <SinceLastYear
        campaigns={trend.campaigns}
        changes={trend.sinceLastYear}
        names={names}
        subject
      />
      <Card title={t('trends.web.table.years')} level={2}>
        <SiteYearsTable
          name="site-years"
          title={`${t('trends.web.table.years')} — ${trend.name}`}
          years={trend.years}
          campaigns={trend.campaigns}
        />
      </Card>
      <Card title={t('trends.web.leads.title')} note={t('trends.web.leads.note')} level={2}>
        <LeadsFollowUpTable
          name="site-leads"
          title={`${t('trends.web.leads.title')} — ${trend.name}`}
          rows={trend.machines.flatMap((m) =>
            m.leads.map((followUp) => ({ machine: title(m), followUp })),
          )}
          campaigns={trend.campaigns}
          withMachine
        />
      </Card>
      <h2 className="section-title">{t('trends.web.machines.title')}</h2>
      {trend.machines.map((m, i) => {
        const inAnchor = m.links.some((l) => l.campaignId === anchor && l.equipmentId !== null);
        return (
          <section
            key={m.equipmentId}
            className="card trend-machine"
            data-testid={`site-trend-machine-${m.equipmentId}`}
          >
            <header className="card-header">
              <h3 className="card-title">{title(m)}</h3>
              <p className="meta">
                <span className="muted">{m.equipmentId}</span>
                {inAnchor ? (
                  <Link to={withTrendsTab(paths.machine(campaignId, m.equipmentId))}>
                    {t('trends.web.machine.open')} →
                  </Link>
                ) : (
                  <span className="notice small">{t('trends.web.machine.gone')}</span>
                )}
              </p>
            </header>
            {/* A large site's machines past the first two open on demand (17 charts each). */}
            <details className="trend-details" open={i < 2}>
              <summary>{t('trends.web.machine.details')}</summary>
              <MachineTrendBody
                trend={m}
                name={`trend-${m.equipmentId}`}
                withSince={false}
                withLeads={false}
              />
            </details>
          </section>
        );
      })}
    </div>
  );
}
