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

/** The tab bar; the current tab is marked `aria-current="page"`. */
export function PageTabs({ current }: { current: PageTab }): ReactNode {
  const t = useT();
  const { pathname, search } = useLocation();
  const here = `${pathname}?${search.toString()}`;
  const tabs: { tab: PageTab; label: string }[] = [
    { tab: 'overview', label: t('scenarios.web.tab.overview') },
    { tab: 'scenarios', label: t('scenarios.web.tab.scenarios') },
  ];
  return (
    <nav className="page-tabs" aria-label={t('scenarios.web.tabs')}>
      {tabs.map(({ tab, label }) => (
        <Link
          key={tab}
          to={withScenarioQuery(here, { tab })}
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
