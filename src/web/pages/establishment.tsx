/**
 * `/c/:id/establishments/:finess?peers=`: each machine of a site against its peers (its
 * modality, or narrowed to its region, legal status or typology), with its improvement leads.
 */
import type { ReactNode } from 'react';
import type { EstablishmentView, MachineComparison, PeerScope } from '../../core/views/types.ts';
import {
  exclusionText,
  legalStatusLabel,
  modalityLabel,
  typologyLabel,
} from '../../i18n/labels.ts';
import { exclusionCodeOf } from '../../core/views/quality-view.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { machineTitle } from '../lib/figures.ts';
import { api, paths } from '../lib/paths.ts';
import { useLocation } from '../lib/router.ts';
import { useApi } from '../lib/use-api.ts';
import { Card } from '../components/card.tsx';
import { MachineLink } from '../components/entity-links.tsx';
import { FiguresVsPeers } from '../components/figures-vs-peers.tsx';
import { LeadsSummary } from '../components/leads.tsx';
import { useNavigate } from '../components/link.tsx';
import { PeerScopeSelect, scopeOf } from '../components/peer-scope.tsx';
import { ErrorState, PageSkeleton } from '../components/states.tsx';
import { ReportLink } from '../components/report-link.tsx';
import { usePageTab } from '../components/scenarios/page-tabs.tsx';
import { EstablishmentTabs, usePlanningTab } from '../components/planning/establishment-tabs.tsx';
import { EstablishmentCosts } from './establishment-costs.tsx';
import { EstablishmentRelevance } from './establishment-relevance.tsx';
import { EstablishmentScenarios } from './machine-scenarios.tsx';
import { useTrendsTab, useTrendsTabLinks } from '../components/trends/trend-tab.tsx';
import { EstablishmentTrends } from './trends-site.tsx';
import { BundleBanner } from '../components/bundle-badge.tsx';
import { isBundle, shownTab } from '../lib/bundle-origin.ts';

function MachineCard({
  campaignId,
  comparison,
}: {
  campaignId: string;
  comparison: MachineComparison;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const p = comparison.point;
  const label = p.label ?? p.equipmentId;
  const title = machineTitle(label, p.modality, lang);
  return (
    <section className="card machine-card" aria-labelledby={`machine-${p.equipmentId}`}>
      <header className="card-header">
        <h2 className="card-title" id={`machine-${p.equipmentId}`}>
          <MachineLink campaignId={campaignId} equipmentId={p.equipmentId} label={title} />
        </h2>
        <p className="meta">
          <span>{modalityLabel(p.modality, lang)}</span>
          <span>{typologyLabel(p.typology, lang)}</span>
          <span>{t('common.exams', { n: p.exams })}</span>
          <span>{t('establishment.peerCount', { n: comparison.peerCount })}</span>
        </p>
        {!p.occupancyIncluded && (
          <p className="notice small">
            {t('machine.excluded', {
              reason: exclusionText(
                exclusionCodeOf(comparison.indicators.inclusion),
                comparison.indicators.inclusion.shareAbove15,
                lang,
              ),
            })}
          </p>
        )}
      </header>
      <h3 className="subheading">{t('position.title')}</h3>
      <p className="card-note">{t('position.note')}</p>
      <FiguresVsPeers
        name={`position-${p.equipmentId}`}
        title={`${t('position.title')} — ${title}`}
        figures={comparison.figures}
      />
      <h3 className="subheading">{t('leads.title')}</h3>
      <p className="card-note">{t('leads.note')}</p>
      <LeadsSummary
        name={`leads-${p.equipmentId}`}
        title={`${t('leads.title')} — ${title}`}
        leads={comparison.leads}
      />
      <p>
        <MachineLink
          campaignId={campaignId}
          equipmentId={p.equipmentId}
          label={`${t('establishment.openMachine')} →`}
        />
      </p>
    </section>
  );
}

/** The establishment screen. */
export function EstablishmentPage({ id, finess }: { id: string; finess: string }): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const { search } = useLocation();
  const scope = scopeOf(search.get('peers'));
  const askedTab = usePageTab();
  const askedPlanningTab = usePlanningTab();
  const trendsTab = useTrendsTab();
  const trendsLinks = useTrendsTabLinks(id);
  const { state, retry } = useApi<EstablishmentView>(api.establishment(id, finess, scope));
  const name = state.status === 'ok' ? state.data.establishment.name : finess;
  useTitle(name);
  const setScope = (next: PeerScope): void =>
    go(paths.establishment(id, finess, next), { replace: true, keepScroll: true });
  if (state.status === 'loading') return <PageSkeleton />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const view = state.data;
  const e = view.establishment;
  // A bundle site has no exams: no scenarios, no relevance figures of its own (the banner says why).
  const bundle = isBundle(e);
  const tab = shownTab(askedTab, e);
  const planningTab = bundle && askedPlanningTab === 'relevance' ? null : askedPlanningTab;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{e.name}</h1>
        <p className="meta">
          <span>
            {t('establishment.meta', {
              finess: e.finess,
              region: e.region,
              legalStatus: legalStatusLabel(e.legalStatus, lang),
            })}
          </span>
          {e.department && (
            <span>{t('establishment.department', { department: e.department })}</span>
          )}
          <span>{t('common.exams', { n: e.exams })}</span>
          <span>
            {(['CT', 'MR'] as const)
              .filter((m) => (e.machines[m] ?? 0) > 0)
              .map((m) => t(m === 'CT' ? 'common.ct' : 'common.mr', { n: e.machines[m] ?? 0 }))
              .join(' · ')}
          </span>
        </p>
        {tab === 'overview' && !planningTab && !trendsTab && (
          <PeerScopeSelect value={scope} onChange={setScope} />
        )}
        <ReportLink campaignId={id} target={{ kind: 'site', finess: e.finess, peers: scope }} />
        <BundleBanner row={e} kind="establishment" />
      </header>
      <EstablishmentTabs
        current={trendsTab ? 'trends' : (planningTab ?? tab)}
        extra={trendsLinks}
        hide={bundle ? ['scenarios', 'relevance'] : []}
      />
      {trendsTab ? (
        <EstablishmentTrends campaignId={id} finess={e.finess} />
      ) : planningTab === 'costs' ? (
        <EstablishmentCosts
          campaignId={id}
          finess={e.finess}
          siteName={e.name}
          labels={
            new Map(
              view.machines.map((m) => [m.point.equipmentId, m.point.label ?? m.point.equipmentId]),
            )
          }
        />
      ) : planningTab === 'relevance' ? (
        <EstablishmentRelevance campaignId={id} finess={e.finess} siteName={e.name} />
      ) : tab === 'scenarios' ? (
        <EstablishmentScenarios
          campaignId={id}
          machines={view.machines.map((m) => ({
            equipmentId: m.point.equipmentId,
            label: m.point.label ?? m.point.equipmentId,
            modality: m.point.modality,
          }))}
        />
      ) : view.machines.length === 0 ? (
        <Card title={e.name} level={2}>
          <p className="muted">{t('establishment.noMachines')}</p>
        </Card>
      ) : (
        view.machines.map((m) => (
          <MachineCard key={m.point.equipmentId} campaignId={id} comparison={m} />
        ))
      )}
    </div>
  );
}
