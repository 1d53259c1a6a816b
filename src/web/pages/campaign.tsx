/**
 * `/c/:id?modality=&region=&legalStatus=&typology=`: a campaign's benchmark for the peer group
 * the filters select.
 */
import type { ReactNode } from 'react';
import type { BenchmarkView, CampaignDetail } from '../../core/views/types.ts';
import { useT, useTitle } from '../lib/i18n.tsx';
import type { Filters } from '../lib/paths.ts';
import { api, filtersOf, paths } from '../lib/paths.ts';
import { useLocation } from '../lib/router.ts';
import { useApi } from '../lib/use-api.ts';
import { BenchmarkBody } from '../components/benchmark/benchmark-body.tsx';
import { CampaignHeader } from '../components/campaign-header.tsx';
import { FilterBar } from '../components/filter-bar.tsx';
import { useNavigate } from '../components/link.tsx';
import { ErrorState, PageSkeleton } from '../components/states.tsx';
import { ReportLink } from '../components/report-link.tsx';
import { TrendsLink } from '../components/trends/trend-tab.tsx';

/** The campaign screen. */
export function CampaignPage({ id }: { id: string }): ReactNode {
  const t = useT();
  const go = useNavigate();
  const { search } = useLocation();
  const filters = filtersOf(search);
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const view = useApi<BenchmarkView>(api.benchmark(id, filters));
  const name = detail.state.status === 'ok' ? detail.state.data.name : id;
  useTitle(name);
  const setFilters = (next: Filters): void => go(paths.campaign(id, next), { keepScroll: true });

  if (detail.state.status === 'error')
    return <ErrorState error={detail.state.error} onRetry={detail.retry} />;
  const options = detail.state.status === 'ok' ? detail.state.data.options : null;
  return (
    <div className="page">
      <CampaignHeader title={name} detail={detail.state.status === 'ok' ? detail.state.data : null}>
        {options && <FilterBar options={options} filters={filters} onChange={setFilters} />}
        <ReportLink campaignId={id} target={{ kind: 'national' }} />
        <TrendsLink id={id} to={paths.trends(id, filters.modality)} testId="campaign-trends" />
      </CampaignHeader>
      {view.state.status === 'loading' && <PageSkeleton />}
      {view.state.status === 'error' && (
        <ErrorState error={view.state.error} onRetry={view.retry} />
      )}
      {view.state.status === 'ok' && <BenchmarkBody campaignId={id} view={view.state.data} />}
      <span className="visually-hidden" aria-live="polite">
        {view.state.status === 'loading' ? t('common.loading') : ''}
      </span>
    </div>
  );
}
