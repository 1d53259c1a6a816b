/**
 * The Trends tab of the establishment and machine pages (`?tab=trends`), offered when the
 * campaign's series holds an earlier campaign (the stored campaigns, as GET /api/campaigns lists
 * them for the reader), and the nation's or region's "Trends" link in their headers.
 */
import type { ReactNode } from 'react';
import type { CampaignSummary } from '../../../core/views/types.ts';
import { useT } from '../../lib/i18n.tsx';
import { api } from '../../lib/paths.ts';
import { useLocation } from '../../lib/router.ts';
import { withScenarioQuery } from '../../lib/scenario-url.ts';
import { useApi } from '../../lib/use-api.ts';
import { Link } from '../link.tsx';
import type { TabLink } from '../scenarios/page-tabs.tsx';
import { seriesLength } from '../../../i18n/trend-words.ts';

/** True when the address shows the Trends tab. */
export function useTrendsTab(): boolean {
  return useLocation().search.get('tab') === 'trends';
}

/** How many campaigns the trend of campaign `id` follows; null while the list loads or failed. */
export function useSeriesLength(id: string): number | null {
  const { state } = useApi<CampaignSummary[]>(api.campaigns());
  return state.status === 'ok' ? seriesLength(state.data, id) : null;
}

/** `href` showing the Trends tab (the Scenarios tab's keys dropped). */
export function withTrendsTab(href: string): string {
  const url = new URL(withScenarioQuery(href, { tab: 'overview' }), 'http://app.invalid');
  url.searchParams.set('tab', 'trends');
  return `${url.pathname}?${url.searchParams.toString()}${url.hash}`;
}

/** The Trends tab for a page's tab bar, or none when the campaign has no earlier one. */
export function useTrendsTabLinks(id: string): TabLink[] {
  const t = useT();
  const { pathname, search } = useLocation();
  const n = useSeriesLength(id);
  if (n === null || n < 2) return [];
  return [
    {
      tab: 'trends',
      label: t('trends.web.tab'),
      to: withTrendsTab(`${pathname}?${search.toString()}`),
    },
  ];
}

/** The header link "Tendances / Trends" to a trend page, shown when there is an earlier campaign. */
export function TrendsLink({
  id,
  to,
  testId,
}: {
  id: string;
  to: string;
  testId: string;
}): ReactNode {
  const t = useT();
  const n = useSeriesLength(id);
  if (n === null || n < 2) return null;
  return (
    <p className="report-link">
      <Link to={to} data-testid={testId} className="button button-small">
        {t('trends.web.link')}
      </Link>
    </p>
  );
}
