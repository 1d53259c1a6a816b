/**
 * Any address the app does not know: say so, and offer the way back.
 */
import type { ReactNode } from 'react';
import { useT, useTitle } from '../lib/i18n.tsx';
import { paths } from '../lib/paths.ts';
import { Link } from '../components/link.tsx';
import { EmptyState } from '../components/states.tsx';

/** The not-found screen. */
export function NotFoundPage(): ReactNode {
  const t = useT();
  useTitle(t('error.notFound.title'));
  return (
    <div className="page">
      <h1>{t('error.notFound.title')}</h1>
      <EmptyState title={t('error.notFound.body')}>
        <p>
          <Link to={paths.home()}>{t('error.backHome')}</Link>
        </p>
      </EmptyState>
    </div>
  );
}
