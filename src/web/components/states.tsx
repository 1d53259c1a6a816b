/**
 * Loading, error and empty states: a screen never stays blank, and each state says what to do
 * next (wait, retry, import a kit, widen the filters).
 */
import type { ReactNode } from 'react';
import { isMessageKey } from '../../i18n/translate.ts';
import type { ApiFailure } from '../lib/api.ts';
import { useT } from '../lib/i18n.tsx';

/** Grey placeholder blocks while data loads; announced once to screen readers. */
export function Skeleton({
  lines = 3,
  chart = false,
}: {
  lines?: number;
  chart?: boolean;
}): ReactNode {
  const t = useT();
  return (
    <div className="skeleton" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('common.loading')}
      </span>
      {chart && <div className="skeleton-block skeleton-chart" />}
      {Array.from({ length: lines }, (_, i) => (
        <div
          key={i}
          className="skeleton-block skeleton-line"
          style={{ width: `${90 - ((i * 17) % 40)}%` }}
        />
      ))}
    </div>
  );
}

/** A whole screen loading: a title bar and a few cards of placeholders. */
export function PageSkeleton(): ReactNode {
  return (
    <div className="page-skeleton">
      <div className="skeleton-block skeleton-title" />
      <div className="card">
        <Skeleton lines={2} chart />
      </div>
      <div className="card">
        <Skeleton lines={4} />
      </div>
    </div>
  );
}

/** What a failed request means for the reader, in the reader's language where plateau knows it. */
export function ErrorState({
  error,
  onRetry,
}: {
  error: ApiFailure;
  onRetry?: () => void;
}): ReactNode {
  const t = useT();
  // The server words its messages in English: say what its code means in the reader's
  // language, and give its sentence as a detail.
  const known = `error.server.${error.code}`;
  const message =
    error.code === 'network'
      ? t('error.network')
      : isMessageKey(known)
        ? t(known)
        : t('error.http', { status: error.status });
  const detail = error.code !== 'network' && error.message ? error.message : null;
  return (
    <div className="state state-error" role="alert" data-testid={`error-${error.status}`}>
      <h2 className="state-title">
        {error.status === 403 ? t('error.forbidden.title') : t('error.title')}
      </h2>
      <p>{message}</p>
      {detail && (
        <p className="muted small">
          {t('error.detail')} <span lang="en">{detail}</span>
        </p>
      )}
      {error.code !== 'network' && (
        <p className="muted small">{t('error.code', { code: error.code })}</p>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** Nothing to show, with what to do about it. */
export function EmptyState({
  title,
  children,
}: {
  title: string;
  children?: ReactNode;
}): ReactNode {
  return (
    <div className="state state-empty">
      <h2 className="state-title">{title}</h2>
      {children}
    </div>
  );
}
