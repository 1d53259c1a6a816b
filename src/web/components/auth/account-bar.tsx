/**
 * The logged-in user's line at the top of the header (accounts mode, issue 15): their name (or
 * e-mail), their role and what it covers (FINESS, region), and the logout button. Nothing in
 * the embedded single-user mode.
 */
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { MessageKey, MessageParams } from '../../../i18n/translate.ts';
import { useT } from '../../lib/i18n.tsx';
import type { SessionInfo } from '../../lib/session.ts';
import { logOut } from '../../lib/session.ts';
import { useSessionUser } from '../../lib/use-session.ts';
import { useNavigate } from '../link.tsx';
import './auth.css';

/** "Site", "Région"…: a role's name. */
export function roleLabel(
  role: SessionInfo['role'],
  t: (key: MessageKey, params?: MessageParams) => string,
): string {
  return t(`auth.web.role.${role}`);
}

/**
 * What a user's role covers, in words: `FINESS 590780193, 590000139`, the region's name (its
 * code when the server gave no name), or "toute la France".
 */
export function scopeText(
  user: Pick<SessionInfo, 'role' | 'finess' | 'region' | 'regionName'>,
  t: (key: MessageKey, params?: MessageParams) => string,
): string {
  switch (user.role) {
    case 'site':
      return t('auth.web.scope.finess', { finess: user.finess.join(', ') });
    case 'region':
      return user.regionName ?? user.region ?? '';
    case 'national':
    case 'admin':
      return t('auth.web.scope.all');
  }
}

/** The user's line, or nothing when nobody is logged in (embedded mode). */
export function AccountBar(): ReactNode {
  const t = useT();
  const user = useSessionUser();
  const go = useNavigate();
  const [leaving, setLeaving] = useState(false);
  if (!user) return null;
  const name = user.displayName?.trim() || user.email;
  const leave = (): void => {
    setLeaving(true);
    // The next user starts from the list of campaigns, not from this one's last page.
    void logOut().then(() => go('/'));
  };
  return (
    <div className="account-bar" role="region" aria-label={t('auth.web.user.label')}>
      <div className="account-inner">
        <span className="account-name" data-testid="header-user" title={user.email}>
          {name}
        </span>
        <span className="account-role" data-testid="header-role">
          <span className="role-badge">{roleLabel(user.role, t)}</span>
          {scopeText(user, t)}
        </span>
        <button
          type="button"
          className="button button-small"
          onClick={leave}
          disabled={leaving}
          data-testid="logout"
        >
          {t('auth.web.logout')}
        </button>
      </div>
    </div>
  );
}
