/**
 * The app: the language, the frame, and the screen the address names.
 */
import type { ReactNode } from 'react';
import { LangProvider } from './lib/i18n.tsx';
import type { Route } from './lib/router.ts';
import { matchRoute, useLocation } from './lib/router.ts';
import { Layout } from './components/layout.tsx';
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
import { UploadPage } from './pages/upload.tsx';

function Screen({ route }: { route: Route | null }): ReactNode {
  if (!route) return <NotFoundPage />;
  const p = route.params;
  const id = p['id'] ?? '';
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'upload':
      return <UploadPage />;
    case 'campaign':
      return <CampaignPage key={id} id={id} />;
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
  }
}

/** The whole app. */
export function App(): ReactNode {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  return (
    <LangProvider>
      <Layout route={route}>
        <Screen route={route} />
      </Layout>
    </LangProvider>
  );
}
