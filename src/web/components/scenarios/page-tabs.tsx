/**
 * The two tabs of the machine and establishment pages: the screen's figures, or its capacity
 * scenarios. Tabs are links (`?tab=scenarios`): an address shows one tab, back and forward move
 * between them, and a tab opens in a new browser tab with a middle click.
 */
import type { ReactNode } from 'react';
import { useT } from '../../lib/i18n.tsx';
import { useLocation } from '../../lib/router.ts';
import type { PageTab } from '../../lib/scenario-url.ts';
import { readScenarioQuery, withScenarioQuery } from '../../lib/scenario-url.ts';
import { Link } from '../link.tsx';
import './scenarios.css';

/** The tab the address shows. */
export function usePageTab(): PageTab {
  const { search } = useLocation();
  return readScenarioQuery(search).tab;
}

/** One tab of a tab bar: its id, its words and the address it shows. */
export interface TabLink {
  tab: string;
  label: string;
  to: string;
}

/** A bar of tabs as links; the current one is marked `aria-current="page"`. */
export function TabBar({
  current,
  tabs,
}: {
  current: string;
  tabs: readonly TabLink[];
}): ReactNode {
  const t = useT();
  return (
    <nav className="page-tabs" aria-label={t('scenarios.web.tabs')}>
      {tabs.map(({ tab, label, to }) => (
        <Link
          key={tab}
          to={to}
          className={tab === current ? 'page-tab page-tab-on' : 'page-tab'}
          aria-current={tab === current ? 'page' : undefined}
          data-testid={`tab-${tab}`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

/**
 * The figures and scenarios tabs (the machine page), and `extra` ones after them (trends); `hide`
 * leaves some out (a bundle site's machine has no scenarios).
 */
export function PageTabs({
  current,
  extra = [],
  hide = [],
}: {
  current: PageTab | string;
  extra?: readonly TabLink[];
  hide?: readonly PageTab[];
}): ReactNode {
  const t = useT();
  const { pathname, search } = useLocation();
  const here = `${pathname}?${search.toString()}`;
  const tabs: TabLink[] = (['overview', 'scenarios'] as const)
    .filter((tab) => !hide.includes(tab))
    .map((tab) => ({
      tab,
      label: t(`scenarios.web.tab.${tab}`),
      to: withScenarioQuery(here, { tab }),
    }));
  return <TabBar current={current} tabs={[...tabs, ...extra]} />;
}
