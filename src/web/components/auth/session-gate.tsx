/**
 * The app's door (issue 15): asks the server who is logged in, then shows the app (embedded
 * store, or a logged-in user), the login page (accounts mode, nobody logged in or a session that
 * ended) or why the server could not say. The login page keeps the address: once logged in, the
 * page that was asked for shows.
 */
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useT } from '../../lib/i18n.tsx';
import { paths } from '../../lib/paths.ts';
import { checkSession } from '../../lib/session.ts';
import { useSession } from '../../lib/use-session.ts';
import { LoginPage } from '../../pages/login.tsx';
import { Frame, LangSwitch } from '../layout.tsx';
import { Link } from '../link.tsx';
import { ErrorState, Skeleton } from '../states.tsx';
import './auth.css';

/** The frame without navigation, for the screens shown before anyone is logged in. */
function BareFrame({ children }: { children: ReactNode }): ReactNode {
  const t = useT();
  return (
    <Frame>
      <div className="header-inner">
        <Link to={paths.home()} className="brand-name" data-testid="nav-brand">
          {t('app.name')}
        </Link>
        <span className="brand-tagline" title={t('app.tagline')}>
          {t('app.tagline')}
        </span>
        <span />
        <LangSwitch />
      </div>
      {children}
    </Frame>
  );
}

/** Shows `children` (the app) once the server said who may see it. */
export function SessionGate({ children }: { children: ReactNode }): ReactNode {
  const session = useSession();
  const t = useT();
  useEffect(() => {
    void checkSession();
  }, []);
  switch (session.status) {
    case 'checking':
      return (
        <BareFrame>
          <div className="login-page" data-testid="session-checking">
            <p className="muted">{t('auth.web.session.checking')}</p>
            <Skeleton lines={2} />
          </div>
        </BareFrame>
      );
    case 'error':
      return (
        <BareFrame>
          <ErrorState error={session.error} onRetry={() => void checkSession()} />
        </BareFrame>
      );
    case 'login':
      return (
        <BareFrame>
          <LoginPage expired={session.expired} />
        </BareFrame>
      );
    case 'local':
    case 'accounts':
      return children;
  }
}
