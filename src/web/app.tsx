/**
 * The app: the language, the session (accounts mode: the login page until someone is logged
 * in), the frame, and the screen the address names.
 */
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { LangProvider } from './lib/i18n.tsx';
import type { Route } from './lib/router.ts';
import { matchRoute, useLocation } from './lib/router.ts';
import { campaignLanding } from './lib/permissions.ts';
import { useSessionUser } from './lib/use-session.ts';
import { Layout } from './components/layout.tsx';
import { SessionGate } from './components/auth/session-gate.tsx';
import { useNavigate } from './components/link.tsx';
import { AdminAuditPage } from './pages/admin-audit.tsx';
import { AdminUsersPage } from './pages/admin-users.tsx';
import { CampaignPage } from './pages/campaign.tsx';
import { EstablishmentPage } from './pages/establishment.tsx';
import { EstablishmentsPage } from './pages/establishments.tsx';
import { HomePage } from './pages/home.tsx';
import { MachinePage } from './pages/machine.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { OncallPage } from './pages/oncall.tsx';
import { QualityPage } from './pages/quality.tsx';
import { RegionPage } from './pages/region.tsx';
import { RegionsPage } from './pages/regions.tsx';
import { TerritoriesPage } from './pages/territories.tsx';
import { TerritoryPage } from './pages/territory.tsx';
import { RegionTrendsPage, TrendsPage } from './pages/trends.tsx';
import { UploadPage } from './pages/upload.tsx';

/** Replaces the address with `to` (a site user opening a campaign lands on its establishment). */
function Redirect({ to }: { to: string }): ReactNode {
  const go = useNavigate();
  useEffect(() => go(to, { replace: true }), [go, to]);
  return null;
}

function Screen({ route }: { route: Route | null }): ReactNode {
  const user = useSessionUser();
  if (!route) return <NotFoundPage />;
  const p = route.params;
  const id = p['id'] ?? '';
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'upload':
      return <UploadPage />;
    case 'campaign': {
      const landing = campaignLanding(user, id);
      return landing ? <Redirect to={landing} /> : <CampaignPage key={id} id={id} />;
    }
    case 'admin-users':
      return <AdminUsersPage />;
    case 'admin-audit':
      return <AdminAuditPage />;
    case 'regions':
      return <RegionsPage key={id} id={id} />;
    case 'region':
      return <RegionPage key={`${id}/${p['region'] ?? ''}`} id={id} region={p['region'] ?? ''} />;
    case 'establishments':
      return <EstablishmentsPage key={id} id={id} />;
    case 'establishment':
      return (
        <EstablishmentPage key={`${id}/${p['finess'] ?? ''}`} id={id} finess={p['finess'] ?? ''} />
      );
    case 'machine':
      return (
        <MachinePage
          key={`${id}/${p['equipmentId'] ?? ''}`}
          id={id}
          equipmentId={p['equipmentId'] ?? ''}
        />
      );
    case 'quality':
      return <QualityPage key={id} id={id} />;
    case 'territories':
      return <TerritoriesPage key={id} id={id} />;
    case 'territory':
      return (
        <TerritoryPage
          key={`${id}/${p['department'] ?? ''}`}
          id={id}
          department={p['department'] ?? ''}
        />
      );
    case 'oncall':
      return <OncallPage key={id} id={id} />;
    case 'trends':
      return <TrendsPage key={id} id={id} />;
    case 'region-trends':
      return (
        <RegionTrendsPage key={`${id}/${p['region'] ?? ''}`} id={id} region={p['region'] ?? ''} />
      );
  }
}

/** The whole app. */
export function App(): ReactNode {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  return (
    <LangProvider>
      <SessionGate>
        <Layout route={route}>
          <Screen route={route} />
        </Layout>
      </SessionGate>
    </LangProvider>
  );
}
