/**
 * The frame of every screen: a skip link, the header (the logged-in user in accounts mode,
 * plateau, the open campaign's name, the main navigation without the entries the user's role
 * cannot use, the language switch), the main landmark and a footer.
 */
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import type { CampaignDetail } from '../../core/views/types.ts';
import { useLangState, useT } from '../lib/i18n.tsx';
import { paths, api } from '../lib/paths.ts';
import type { Route } from '../lib/router.ts';
import { can, campaignLanding } from '../lib/permissions.ts';
import { useSessionUser } from '../lib/use-session.ts';
import { useApi } from '../lib/use-api.ts';
import { AccountBar } from './auth/account-bar.tsx';
import { Link } from './link.tsx';

const CAMPAIGN_KEY = 'plateau.campaign';

/** The campaign the navigation points to: the one in the address, else the last one opened. */
function navCampaign(route: Route | null): string | null {
  const fromRoute = route?.params['id'];
  try {
    if (fromRoute) window.sessionStorage.setItem(CAMPAIGN_KEY, fromRoute);
    return fromRoute ?? window.sessionStorage.getItem(CAMPAIGN_KEY);
  } catch {
    return fromRoute ?? null;
  }
}

/** Which navigation entry a screen belongs to. */
function section(route: Route | null): string | null {
  switch (route?.name) {
    case 'campaign':
    case 'trends':
      return 'campaign';
    case 'regions':
    case 'region':
    case 'region-trends':
      return 'regions';
    case 'territories':
    case 'territory':
      return 'territories';
    case 'establishments':
    case 'establishment':
    case 'machine':
      return 'establishments';
    case 'quality':
      return 'quality';
    case 'upload':
      return 'upload';
    case 'home':
      return 'home';
    case 'admin-users':
    case 'admin-audit':
      return 'admin';
    default:
      return null;
  }
}

/** The button that switches between French and English. */
export function LangSwitch(): ReactNode {
  const { lang, setLang } = useLangState();
  const t = useT();
  const next = lang === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      lang={next}
      title={`${t('lang.label')} / ${lang === 'fr' ? 'Language' : 'Langue'}`}
      onClick={() => setLang(next)}
    >
      {t(next === 'en' ? 'lang.en' : 'lang.fr')}
    </button>
  );
}

/** The page frame around a screen. */
export function Layout({
  route,
  children,
}: {
  route: Route | null;
  children: ReactNode;
}): ReactNode {
  const t = useT();
  const user = useSessionUser();
  const campaignId = navCampaign(route);
  const landing = campaignId ? campaignLanding(user, campaignId) : null;
  const { state } = useApi<CampaignDetail>(campaignId ? api.campaign(campaignId) : null);
  const campaignName = state.status === 'ok' ? state.data.name : null;
  const fromRoute = route?.params['id'] !== undefined;
  useEffect(() => {
    // A remembered campaign that is gone (deleted, another store) stops being offered.
    if (state.status === 'error' && !fromRoute) {
      try {
        window.sessionStorage.removeItem(CAMPAIGN_KEY);
      } catch {
        // Storage refused: nothing was remembered either.
      }
    }
  }, [state.status, fromRoute]);
  const pathname = route ? window.location.pathname : '';
  const first = useRef(true);
  useEffect(() => {
    // After an in-app navigation, focus moves to the new content (as a page load would).
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
  // A site user's establishment is "my establishment", in the place of the campaign's entry.
  const current = landing !== null && pathname === landing ? 'campaign' : section(route);
  const item = (key: string, to: string, label: string): ReactNode => (
    <li key={key}>
      <Link to={to} data-testid={`nav-${key}`} aria-current={current === key ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <Frame>
      <>
        <AccountBar />
        <div className="header-inner">
          <Link to={paths.home()} className="brand-name" data-testid="nav-brand">
            {t('app.name')}
          </Link>
          {campaignId && campaignName ? (
            <span className="brand-campaign" data-testid="header-campaign" title={campaignName}>
              {campaignName}
            </span>
          ) : (
            <span className="brand-tagline" title={t('app.tagline')}>
              {t('app.tagline')}
            </span>
          )}
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              {item('home', paths.home(), t('nav.home'))}
              {campaignId &&
                (landing
                  ? item('campaign', landing, t('auth.web.nav.myEstablishment'))
                  : item('campaign', paths.campaign(campaignId), t('nav.campaign')))}
              {campaignId && item('regions', paths.regions(campaignId), t('nav.regions'))}
              {campaignId &&
                item('territories', paths.territories(campaignId), t('territories.nav'))}
              {campaignId &&
                item('establishments', paths.establishments(campaignId), t('nav.establishments'))}
              {campaignId &&
                can(user, 'quality') &&
                item('quality', paths.quality(campaignId), t('nav.quality'))}
              {can(user, 'upload') && item('upload', paths.upload(), t('nav.upload'))}
              {can(user, 'admin') && item('admin', paths.adminUsers(), t('auth.web.nav.admin'))}
            </ul>
          </nav>
          <LangSwitch />
        </div>
      </>
      {children}
    </Frame>
  );
}

/**
 * What every screen shares around its content: the skip link, the header `children[0]` holds,
 * the main region (focus target of in-app navigation) with `children[1]`, and the footer.
 */
export function Frame({
  children,
}: {
  children: [header: ReactNode, content: ReactNode];
}): ReactNode {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">{children[0]}</header>
      <main id="main" tabIndex={-1}>
        {children[1]}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
