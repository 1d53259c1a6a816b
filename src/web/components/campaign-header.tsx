/**
 * The top of a campaign screen: its title, and the campaign's period and size in one line.
 */
import type { ReactNode } from 'react';
import type { CampaignDetail } from '../../core/views/types.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useLang, useT } from '../lib/i18n.tsx';

/** Counts that replace the campaign's own in the summary line (a region's, say). */
export interface HeaderCounts {
  establishments: number;
  machines: CampaignDetail['machines'];
  exams: number;
}

/** "326 scanners · 191 IRM": the modalities present, empty when none is. */
function machineCounts(
  counts: HeaderCounts,
  t: (key: 'common.ct' | 'common.mr', params: { n: number }) => string,
): string {
  return (['CT', 'MR'] as const)
    .filter((m) => (counts.machines[m] ?? 0) > 0)
    .map((m) => t(m === 'CT' ? 'common.ct' : 'common.mr', { n: counts.machines[m] ?? 0 }))
    .join(' · ');
}

/**
 * The screen's heading and the campaign's summary line. `counts` replaces the campaign's own
 * counts for a part of it (a region); `null` means they are still loading: nothing is shown
 * rather than the whole campaign's figures.
 */
export function CampaignHeader({
  title,
  detail,
  counts,
  children,
}: {
  title: string;
  detail: CampaignDetail | null;
  counts?: HeaderCounts | null;
  children?: ReactNode;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const shown = counts === undefined ? detail : counts;
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {detail && (
        <p className="meta">
          <span>
            {t('common.period', { start: formatDate(detail.start, lang), days: detail.days })}
          </span>
          {shown && (
            <>
              <span>{t('common.establishments', { n: shown.establishments })}</span>
              {counts === undefined && (detail.bundleSites ?? 0) > 0 && (
                <span>{t('bundles.web.sites', { n: detail.bundleSites ?? 0 })}</span>
              )}
              {machineCounts(shown, t) && <span>{machineCounts(shown, t)}</span>}
              <span>{t('common.exams', { n: shown.exams })}</span>
            </>
          )}
          <span className="muted">
            {t('common.updated', { date: formatDateTime(detail.updatedAt, lang) })}
          </span>
        </p>
      )}
      {children}
    </header>
  );
}
