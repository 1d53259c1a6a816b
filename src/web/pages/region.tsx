/**
 * `/c/:id/regions/:region?modality=&legalStatus=&typology=`: the benchmark of a region's
 * machines, and the region's establishments.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type {
  BenchmarkView,
  CampaignDetail,
  EstablishmentListing,
  RegionListing,
} from '../../core/views/types.ts';
import { regionCodeOf } from '../../plan/territories/population.ts';
import { useT, useTitle } from '../lib/i18n.tsx';
import type { Filters } from '../lib/paths.ts';
import { api, filtersOf, paths } from '../lib/paths.ts';
import { can } from '../lib/permissions.ts';
import { useLocation } from '../lib/router.ts';
import { useSessionUser } from '../lib/use-session.ts';
import { useApi } from '../lib/use-api.ts';
import { BenchmarkBody } from '../components/benchmark/benchmark-body.tsx';
import type { HeaderCounts } from '../components/campaign-header.tsx';
import { CampaignHeader } from '../components/campaign-header.tsx';
import { Card } from '../components/card.tsx';
import { EstablishmentsTable } from '../components/establishments-table.tsx';
import { FilterBar } from '../components/filter-bar.tsx';
import { Link, useNavigate } from '../components/link.tsx';
import { ErrorState, PageSkeleton, Skeleton } from '../components/states.tsx';
import { ReportLink } from '../components/report-link.tsx';
import { TrendsLink } from '../components/trends/trend-tab.tsx';

/** The region screen. */
export function RegionPage({ id, region }: { id: string; region: string }): ReactNode {
  const t = useT();
  const go = useNavigate();
  const user = useSessionUser();
  const { search } = useLocation();
  const filters: Filters = { ...filtersOf(search), region };
  const title = t('region.title', { region });
  useTitle(title);
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const view = useApi<BenchmarkView>(api.benchmark(id, filters));
  const establishments = useApi<EstablishmentListing[]>(api.establishments(id, { region }));
  const setFilters = (next: Filters): void =>
    go(paths.region(id, region, next), { keepScroll: true });
  const options = detail.state.status === 'ok' ? detail.state.data.options : null;
  const regions = useApi<RegionListing[]>(api.regions(id));
  // The region's own counts (GET …/regions), never the whole campaign's while they load.
  const counts = useMemo((): HeaderCounts | null => {
    if (regions.state.status !== 'ok') return null;
    const row = regions.state.data.find((r) => r.region === region);
    return row
      ? { establishments: row.establishments, machines: row.machines, exams: row.exams }
      : { establishments: 0, machines: {}, exams: 0 };
  }, [regions.state, region]);
  return (
    <div className="page">
      <CampaignHeader
        title={title}
        detail={detail.state.status === 'ok' ? detail.state.data : null}
        counts={counts}
      >
        {options && (
          <FilterBar options={options} filters={filters} onChange={setFilters} fixed={['region']} />
        )}
        <ReportLink campaignId={id} target={{ kind: 'region', region }} />
        <TrendsLink
          id={id}
          to={paths.regionTrends(id, region, filters.modality)}
          testId="region-trends"
        />
        {can(user, 'oncall') && (
          <p className="report-link">
            <Link
              to={paths.oncall(id, { region: regionCodeOf(region) ?? region })}
              data-testid="region-oncall"
              className="button button-small"
            >
              {t('planning.web.oncall.link')}
            </Link>
          </p>
        )}
      </CampaignHeader>
      <Card
        title={t('region.establishments.title')}
        note={t('region.establishments.note')}
        level={2}
        id="establishments"
      >
        {establishments.state.status === 'loading' && <Skeleton lines={4} />}
        {establishments.state.status === 'error' && (
          <ErrorState error={establishments.state.error} onRetry={establishments.retry} />
        )}
        {establishments.state.status === 'ok' && (
          <EstablishmentsTable
            name="region-establishments"
            title={`${t('region.establishments.title')} — ${region}`}
            campaignId={id}
            rows={establishments.state.data}
            limit={10}
          />
        )}
      </Card>
      {view.state.status === 'loading' && <PageSkeleton />}
      {view.state.status === 'error' && (
        <ErrorState error={view.state.error} onRetry={view.retry} />
      )}
      {view.state.status === 'ok' && <BenchmarkBody campaignId={id} view={view.state.data} />}
    </div>
  );
}
