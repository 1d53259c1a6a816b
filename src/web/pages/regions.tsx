/**
 * `/c/:id/regions`: the campaign's regions, each linked to its benchmark.
 */
import type { ReactNode } from 'react';
import type { CampaignDetail, RegionListing } from '../../core/views/types.ts';
import { formatInteger } from '../../i18n/format.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { api, paths } from '../lib/paths.ts';
import { useApi } from '../lib/use-api.ts';
import { Card } from '../components/card.tsx';
import { CampaignHeader } from '../components/campaign-header.tsx';
import type { Column } from '../components/data-table.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Link } from '../components/link.tsx';
import { ErrorState, PageSkeleton } from '../components/states.tsx';

/** The regions screen. */
export function RegionsPage({ id }: { id: string }): ReactNode {
  const t = useT();
  const lang = useLang();
  useTitle(t('regions.title'));
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const { state, retry } = useApi<RegionListing[]>(api.regions(id));
  const columns: Column<RegionListing>[] = [
    {
      key: 'region',
      label: t('col.region'),
      kind: 'text',
      value: (r) => r.region,
      render: (r) => (
        <>
          <Link to={paths.region(id, r.region)} data-testid="region-link">
            {r.region}
          </Link>
          {(r.bundleSites ?? 0) > 0 && (
            <>
              {' '}
              <span className="badge badge-info" data-testid="bundle-badge">
                {t('bundles.web.sites', { n: r.bundleSites ?? 0 })}
              </span>
            </>
          )}
        </>
      ),
    },
    {
      key: 'establishments',
      label: t('col.establishments'),
      kind: 'number',
      value: (r) => r.establishments,
    },
    { key: 'ct', label: t('col.ct'), kind: 'number', value: (r) => r.machines.CT ?? 0 },
    { key: 'mr', label: t('col.mr'), kind: 'number', value: (r) => r.machines.MR ?? 0 },
    {
      key: 'exams',
      label: t('col.exams'),
      kind: 'number',
      value: (r) => r.exams,
      render: (r) => formatInteger(r.exams, lang),
    },
  ];
  return (
    <div className="page">
      <CampaignHeader
        title={t('regions.title')}
        detail={detail.state.status === 'ok' ? detail.state.data : null}
      />
      {state.status === 'loading' && <PageSkeleton />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ok' && (
        <Card title={t('regions.title')} note={t('regions.note')} level={2}>
          <DataTable
            name="regions"
            title={t('regions.title')}
            columns={columns}
            rows={state.data}
            rowKey={(r) => r.region}
            empty={t('regions.empty')}
          />
        </Card>
      )}
    </div>
  );
}
