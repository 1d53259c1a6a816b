/**
 * `/c/:id/trends?modality=` (the nation) and `/c/:id/regions/:region/trends?modality=` (a
 * region): the stored campaigns up to this one, one modality at a time — since last year in words,
 * the group's size per campaign, one small chart per figure (the group's median and P20–P80 band,
 * beside a region the nation's median) and the same figures as an exportable table.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { MACHINE_FIGURES } from '../../core/benchmark.ts';
import type { Modality } from '../../core/kit-types.ts';
import type { GroupTrend } from '../../core/trends/types.ts';
import type { CampaignDetail, EstablishmentListing } from '../../core/views/types.ts';
import { modalityLabel } from '../../i18n/labels.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { api, paths } from '../lib/paths.ts';
import { useLocation } from '../lib/router.ts';
import { useApi } from '../lib/use-api.ts';
import { CampaignHeader } from '../components/campaign-header.tsx';
import { Card } from '../components/card.tsx';
import { Link } from '../components/link.tsx';
import { TabBar } from '../components/scenarios/page-tabs.tsx';
import { ErrorState, PageSkeleton } from '../components/states.tsx';
import { SeriesNote } from '../components/trends/series-note.tsx';
import { SinceLastYear } from '../components/trends/since-last-year.tsx';
import { GroupSmallMultiples } from '../components/trends/small-multiples.tsx';
import { GroupCountsTable, GroupFiguresTable } from '../components/trends/trend-tables.tsx';

const MODALITIES: readonly Modality[] = ['CT', 'MR'];
const FIGURE_KEYS = MACHINE_FIGURES.map((f) => f.key);

/** The modality the address asks for, else the campaign's first one. */
function modalityOf(search: URLSearchParams, detail: CampaignDetail | null): Modality {
  const asked = search.get('modality');
  if (asked === 'CT' || asked === 'MR') return asked;
  return MODALITIES.find((m) => (detail?.machines[m] ?? 0) > 0) ?? 'CT';
}

/** The nation's or a region's trend page. */
function GroupTrendsPage({ id, region }: { id: string; region: string | null }): ReactNode {
  const t = useT();
  const lang = useLang();
  const { search } = useLocation();
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const shownDetail = detail.state.status === 'ok' ? detail.state.data : null;
  const modality = modalityOf(search, shownDetail);
  const title =
    region === null ? t('trends.web.title.nation') : t('trends.web.title.region', { region });
  useTitle(title);
  const trend = useApi<GroupTrend>(
    region === null ? api.trends(id, modality) : api.regionTrends(id, region, modality),
  );
  const establishments = useApi<EstablishmentListing[]>(
    api.establishments(id, region === null ? {} : { region }),
  );
  const siteNames = useMemo(() => {
    const names = new Map<string, string>();
    if (establishments.state.status === 'ok')
      for (const e of establishments.state.data) names.set(e.finess, e.name);
    return names;
  }, [establishments.state]);
  const names = {
    machine: (equipmentId: string) => equipmentId,
    site: (finess: string) => siteNames.get(finess) ?? finess,
  };
  const modalities = MODALITIES.filter(
    (m) => shownDetail === null || (shownDetail.machines[m] ?? 0) > 0,
  );
  const tabs = modalities.map((m) => ({
    tab: m,
    label: modalityLabel(m, lang),
    to: region === null ? paths.trends(id, m) : paths.regionTrends(id, region, m),
  }));
  const back =
    region === null ? (
      <Link to={paths.campaign(id)} data-testid="trends-back">
        ← {t('trends.web.back.campaign')}
      </Link>
    ) : (
      <Link to={paths.region(id, region)} data-testid="trends-back">
        ← {t('trends.web.back.region')}
      </Link>
    );
  const context = `${region ?? t('trends.web.title.nation')} — ${modalityLabel(modality, lang)}`;
  return (
    <div className="page" data-testid={region === null ? 'nation-trends' : 'region-trends'}>
      <CampaignHeader
        title={title}
        detail={shownDetail}
        counts={region === null ? undefined : null}
      >
        <p>{back}</p>
        <div className="trend-modalities">
          <TabBar current={modality} tabs={tabs} />
        </div>
      </CampaignHeader>
      {trend.state.status === 'loading' && <PageSkeleton />}
      {trend.state.status === 'error' && (
        <ErrorState error={trend.state.error} onRetry={trend.retry} />
      )}
      {trend.state.status === 'ok' && (
        <>
          <SeriesNote campaigns={trend.state.data.campaigns} />
          {trend.state.data.campaigns.length >= 2 && (
            <GroupTrendBody
              trend={trend.state.data}
              modality={modality}
              names={names}
              context={context}
            />
          )}
        </>
      )}
    </div>
  );
}

function GroupTrendBody({
  trend,
  modality,
  names,
  context,
}: {
  trend: GroupTrend;
  modality: Modality;
  names: { machine(id: string): string; site(finess: string): string };
  context: string;
}): ReactNode {
  const t = useT();
  const years = trend.byModality[modality] ?? [];
  const keys = FIGURE_KEYS.filter((k) => years.some((y) => k in y.figures));
  return (
    <>
      <SinceLastYear
        campaigns={trend.campaigns}
        changes={trend.sinceLastYear}
        names={names}
        subject
      />
      <Card title={t('trends.web.table.groups')} level={2}>
        <GroupCountsTable
          name="group-counts"
          title={`${t('trends.web.table.groups')} — ${context}`}
          years={years}
          campaigns={trend.campaigns}
        />
      </Card>
      <Card
        title={t('trends.web.multiples.title')}
        note={t(
          trend.level === 'region'
            ? 'trends.web.multiples.regionNote'
            : 'trends.web.multiples.groupNote',
        )}
        level={2}
      >
        <GroupSmallMultiples
          name="group"
          context={context}
          keys={keys}
          years={years}
          campaigns={trend.campaigns}
        />
        <GroupFiguresTable
          name="group-figures"
          title={`${t('trends.web.table.figures')} — ${context}`}
          keys={keys}
          years={years}
          campaigns={trend.campaigns}
        />
      </Card>
    </>
  );
}

/** `/c/:id/trends`: the nation. */
export function TrendsPage({ id }: { id: string }): ReactNode {
  return <GroupTrendsPage id={id} region={null} />;
}

/** `/c/:id/regions/:region/trends`: a region. */
export function RegionTrendsPage({ id, region }: { id: string; region: string }): ReactNode {
  return <GroupTrendsPage id={id} region={region} />;
}
