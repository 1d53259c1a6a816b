/**
 * The establishment page's tabs: its figures, its capacity scenarios (scenario-url.ts), and the
 * planning tabs Costs and Relevance (`?tab=costs`, `?tab=relevance`). Tabs are links, as on the
 * machine page: an address shows one tab, back and forward move between them.
 */
import type { ReactNode } from 'react';
import { useT } from '../../lib/i18n.tsx';
import { useLocation } from '../../lib/router.ts';
import type { PageTab } from '../../lib/scenario-url.ts';
import { withScenarioQuery } from '../../lib/scenario-url.ts';
import { TabBar, type TabLink } from '../scenarios/page-tabs.tsx';
import '../scenarios/scenarios.css';
import './planning.css';

/** The planning tabs of the establishment page. */
export type PlanningTab = 'costs' | 'relevance';

/** The planning tab the address shows, or null (the page's other tabs). */
export function usePlanningTab(): PlanningTab | null {
  const { search } = useLocation();
  const tab = search.get('tab');
  return tab === 'costs' || tab === 'relevance' ? tab : null;
}

/** `href` showing `tab` (the scenario keys dropped off the other tabs). */
export function withTab(href: string, tab: PageTab | PlanningTab): string {
  if (tab === 'overview' || tab === 'scenarios') return withScenarioQuery(href, { tab });
  const url = new URL(withScenarioQuery(href, { tab: 'overview' }), 'http://app.invalid');
  url.searchParams.set('tab', tab);
  return `${url.pathname}?${url.searchParams.toString()}${url.hash}`;
}

/**
 * The tab bar of the establishment page: figures, scenarios, costs, relevance, then `extra`
 * (trends); `hide` leaves some out (a bundle site has no scenarios or relevance figures).
 */
export function EstablishmentTabs({
  current,
  extra = [],
  hide = [],
}: {
  current: PageTab | PlanningTab | string;
  extra?: readonly TabLink[];
  hide?: readonly (PageTab | PlanningTab)[];
}): ReactNode {
  const t = useT();
  const { pathname, search } = useLocation();
  const here = `${pathname}?${search.toString()}`;
  const tabs: TabLink[] = [
    { tab: 'overview', label: t('scenarios.web.tab.overview') },
    { tab: 'scenarios', label: t('scenarios.web.tab.scenarios') },
    { tab: 'costs', label: t('planning.web.tab.costs') },
    { tab: 'relevance', label: t('planning.web.tab.relevance') },
  ]
    .filter((x) => !hide.includes(x.tab as PageTab | PlanningTab))
    .map((x) => ({ ...x, to: withTab(here, x.tab as PageTab | PlanningTab) }));
  return <TabBar current={current} tabs={[...tabs, ...extra]} />;
}
