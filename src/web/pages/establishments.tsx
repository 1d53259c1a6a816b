/**
 * `/c/:id/establishments?q=`: every establishment of the campaign, searchable by name, FINESS,
 * region or department (the search is in the address, so it can be shared).
 */
import type { ReactNode } from 'react';
import { useEffect, useId, useState } from 'react';
import type { CampaignDetail, EstablishmentListing } from '../../core/views/types.ts';
import { useT, useTitle } from '../lib/i18n.tsx';
import { api, paths } from '../lib/paths.ts';
import { useLocation } from '../lib/router.ts';
import { useApi } from '../lib/use-api.ts';
import { CampaignHeader } from '../components/campaign-header.tsx';
import { Card } from '../components/card.tsx';
import { EstablishmentsTable } from '../components/establishments-table.tsx';
import { useNavigate } from '../components/link.tsx';
import { ErrorState, Skeleton } from '../components/states.tsx';

/** The establishments screen. */
export function EstablishmentsPage({ id }: { id: string }): ReactNode {
  const t = useT();
  const go = useNavigate();
  const inputId = useId();
  const hintId = useId();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const [text, setText] = useState(q);
  useTitle(t('establishments.title'));
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const { state, retry } = useApi<EstablishmentListing[]>(
    api.establishments(id, q.trim() ? { q: q.trim() } : {}),
  );

  useEffect(() => {
    if (text === q) return;
    const timer = window.setTimeout(
      () => go(paths.establishments(id, text), { replace: true }),
      250,
    );
    return () => window.clearTimeout(timer);
  }, [text, q, id, go]);

  return (
    <div className="page">
      <CampaignHeader
        title={t('establishments.title')}
        detail={detail.state.status === 'ok' ? detail.state.data : null}
      >
        <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={inputId}>{t('establishments.search')}</label>
          <input
            id={inputId}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={hintId}
            data-testid="establishment-search"
            autoComplete="off"
          />
          <span id={hintId} className="muted small">
            {t('establishments.searchHint')}
          </span>
        </form>
      </CampaignHeader>
      <Card title={t('establishments.title')} note={t('establishments.note')} level={2}>
        {state.status === 'loading' && <Skeleton lines={6} />}
        {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
        {state.status === 'ok' && (
          <>
            <p className="visually-hidden" aria-live="polite">
              {t('establishments.count', { n: state.data.length })}
            </p>
            <EstablishmentsTable
              name="establishments"
              title={t('establishments.title')}
              campaignId={id}
              rows={state.data}
              empty={t('establishments.empty', { q })}
            />
          </>
        )}
      </Card>
    </div>
  );
}
