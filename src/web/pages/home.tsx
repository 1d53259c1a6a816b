/**
 * `/`: the stored campaigns, each linked to its benchmark; with none, how to add one.
 */
import type { ReactNode } from 'react';
import type { CampaignSummary } from '../../core/views/types.ts';
import { formatDate, formatDateTime, formatInteger } from '../../i18n/format.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { api, paths } from '../lib/paths.ts';
import { can } from '../lib/permissions.ts';
import { useSessionUser } from '../lib/use-session.ts';
import { useApi } from '../lib/use-api.ts';
import { Card } from '../components/card.tsx';
import type { Column } from '../components/data-table.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Link } from '../components/link.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../components/states.tsx';

/** The campaigns screen. */
export function HomePage(): ReactNode {
  const t = useT();
  const lang = useLang();
  const user = useSessionUser();
  useTitle(t('home.title'));
  const { state, retry } = useApi<CampaignSummary[]>(api.campaigns());
  const columns: Column<CampaignSummary>[] = [
    {
      key: 'name',
      label: t('home.col.name'),
      kind: 'text',
      value: (c) => c.name,
      render: (c) => (
        <Link to={paths.campaign(c.id)} data-testid="campaign-link">
          {c.name}
        </Link>
      ),
    },
    { key: 'id', label: 'id', kind: 'text', value: (c) => c.id, exportOnly: true },
    {
      key: 'start',
      label: t('home.col.start'),
      kind: 'text',
      value: (c) => c.start,
      render: (c) => formatDate(c.start, lang),
    },
    { key: 'days', label: t('home.col.days'), kind: 'number', value: (c) => c.days },
    { key: 'ct', label: t('home.col.ct'), kind: 'number', value: (c) => c.machines.CT ?? 0 },
    { key: 'mr', label: t('home.col.mr'), kind: 'number', value: (c) => c.machines.MR ?? 0 },
    {
      key: 'establishments',
      label: t('home.col.establishments'),
      kind: 'number',
      value: (c) => c.establishments,
    },
    {
      key: 'exams',
      label: t('home.col.exams'),
      kind: 'number',
      value: (c) => c.exams,
      render: (c) => formatInteger(c.exams, lang),
    },
    {
      key: 'updated',
      label: t('home.col.updated'),
      kind: 'text',
      value: (c) => c.updatedAt,
      render: (c) => formatDateTime(c.updatedAt, lang),
    },
  ];
  return (
    <div className="page">
      <h1>{t('home.title')}</h1>
      <p className="lede">{t('home.intro')}</p>
      {state.status === 'loading' && <PageSkeleton />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ok' &&
        (state.data.length === 0 ? (
          <EmptyState title={t('home.empty.title')}>
            <p>{t('home.empty.body')}</p>
            {can(user, 'upload') && (
              <p>
                <Link to={paths.upload()} className="button button-primary">
                  {t('home.empty.action')}
                </Link>
              </p>
            )}
            <pre className="command">
              <code>npx plateau demo</code>
            </pre>
          </EmptyState>
        ) : (
          <Card title={t('home.title')} level={2}>
            <DataTable
              name="campaigns"
              title={t('home.title')}
              columns={columns}
              rows={state.data}
              rowKey={(c) => c.id}
            />
          </Card>
        ))}
    </div>
  );
}
