/**
 * The administration screens' frame (accounts mode, administrators only): a title, the tabs
 * between the accounts and the audit log, and the screen.
 */
import type { ReactNode } from 'react';
import { useT } from '../../lib/i18n.tsx';
import { paths } from '../../lib/paths.ts';
import { TabBar } from '../scenarios/page-tabs.tsx';
import './auth.css';

/** The admin screen `current` under its tabs. */
export function AdminFrame({
  current,
  children,
}: {
  current: 'users' | 'audit';
  children: ReactNode;
}): ReactNode {
  const t = useT();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('auth.web.admin.title')}</h1>
      </header>
      <TabBar
        current={current}
        tabs={[
          { tab: 'users', label: t('auth.web.admin.tab.users'), to: paths.adminUsers() },
          { tab: 'audit', label: t('auth.web.admin.tab.audit'), to: paths.adminAudit() },
        ]}
      />
      {children}
    </div>
  );
}
