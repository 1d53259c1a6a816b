/**
 * The line that says which campaigns a trend follows, or, when the series holds the campaign
 * alone, that no earlier campaign is stored.
 */
import type { ReactNode } from 'react';
import type { CampaignRef } from '../../../core/views/types.ts';
import { useT } from '../../lib/i18n.tsx';

/** "Campagnes suivies : …", or the single-campaign notice. */
export function SeriesNote({ campaigns }: { campaigns: readonly CampaignRef[] }): ReactNode {
  const t = useT();
  if (campaigns.length < 2)
    return (
      <p className="notice" data-testid="trends-single">
        {t('trends.web.single')}
      </p>
    );
  return (
    <p className="meta" data-testid="trends-series">
      {t('trends.web.series', { list: campaigns.map((c) => c.name).join(' · ') })}
    </p>
  );
}
