/**
 * The marks of a site that came as a signed bundle of aggregates (issue 16): a badge beside its
 * name in lists, and a banner on its establishment and machine pages saying what a bundle is and
 * what the page cannot show.
 */
import type { ReactNode } from 'react';
import { useT } from '../lib/i18n.tsx';
import type { WithOrigin } from '../lib/bundle-origin.ts';
import { isBundle } from '../lib/bundle-origin.ts';

/** "signed aggregates" beside a bundle site's name; nothing for raw data. */
export function BundleBadge({ row }: { row: WithOrigin | null | undefined }): ReactNode {
  const t = useT();
  if (!isBundle(row)) return null;
  return (
    <>
      {' '}
      <span
        className="badge badge-info"
        title={t('bundles.web.badgeTitle')}
        data-testid="bundle-badge"
      >
        {t('bundles.web.badge')}
      </span>
    </>
  );
}

/** The banner of a bundle site's page (`kind`: its establishment page or one of its machines). */
export function BundleBanner({
  row,
  kind,
  hidden = false,
}: {
  row: WithOrigin | null | undefined;
  kind: 'establishment' | 'machine';
  /** Also say which exam-level parts the page hides. */
  hidden?: boolean;
}): ReactNode {
  const t = useT();
  if (!isBundle(row)) return null;
  return (
    <div className="notice small" role="note" data-testid="bundle-banner">
      <strong>{t('bundles.web.banner.title')}</strong>{' '}
      {t(
        kind === 'establishment'
          ? 'bundles.web.banner.establishment'
          : 'bundles.web.banner.machine',
      )}
      {hidden && <> {t('bundles.web.hidden')}</>}
    </div>
  );
}
