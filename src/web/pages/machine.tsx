/**
 * `/c/:id/machines/:equipmentId?week=N&peers=`: one machine — its figures against its peers,
 * a week of sessions and exams (late starts, early ends and gaps show), when it works over the
 * week, and its improvement leads in words.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { heatmapOption } from '../../charts/heatmap.ts';
import { timelineOption, timelineSpans } from '../../charts/timeline.ts';
import type { HeatmapView, MachineView, PeerScope, TimelineView } from '../../core/views/types.ts';
import {
  formatClock,
  formatDate,
  formatMinutes,
  formatNumber,
  weekdayName,
} from '../../i18n/format.ts';
import {
  categoryLabel,
  exclusionText,
  modalityLabel,
  sessionTypeLabel,
  typologyLabel,
} from '../../i18n/labels.ts';
import { exclusionCodeOf } from '../../core/views/quality-view.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { machineTitle } from '../lib/figures.ts';
import { api, paths } from '../lib/paths.ts';
import { useLocation } from '../lib/router.ts';
import { useApi } from '../lib/use-api.ts';
import { Card, ChartWithTable } from '../components/card.tsx';
import { FiguresVsPeers } from '../components/figures-vs-peers.tsx';
import { LeadsSummary } from '../components/leads.tsx';
import { Link, useNavigate } from '../components/link.tsx';
import { PeerScopeSelect, scopeOf } from '../components/peer-scope.tsx';
import { ErrorState, PageSkeleton, Skeleton } from '../components/states.tsx';
import { WeekPicker } from '../components/week-picker.tsx';
import { PageTabs, usePageTab } from '../components/scenarios/page-tabs.tsx';
import { ScenariosTab } from './machine-scenarios.tsx';
import { useTrendsTab, useTrendsTabLinks } from '../components/trends/trend-tab.tsx';
import { MachineTrends } from './trends-machine.tsx';
import { BundleBanner } from '../components/bundle-badge.tsx';
import { examParts, shownTab } from '../lib/bundle-origin.ts';

interface SpanRow {
  date: string;
  kind: 'session' | 'exam';
  detail: string;
  start: number;
  end: number;
}

function Timeline({
  campaignId,
  view,
  week,
  onWeek,
}: {
  campaignId: string;
  view: MachineView;
  week: number;
  onWeek: (week: number) => void;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const id = view.machine.point.equipmentId;
  const { state, retry } = useApi<TimelineView>(api.timeline(campaignId, id, week));
  const option = useMemo(
    () => (state.status === 'ok' ? timelineOption({ timeline: state.data, lang }) : null),
    [state, lang],
  );
  const rows = useMemo((): SpanRow[] => {
    if (state.status !== 'ok') return [];
    return timelineSpans(state.data).map((span) => ({
      date: span.date,
      kind: span.kind,
      detail:
        span.kind === 'session'
          ? sessionTypeLabel(span.type, lang)
          : `${categoryLabel(span.category, lang)}${span.short ? ` — ${t('chart.shortExam')}` : ''}`,
      start: span.startMinute,
      end: span.endMinute,
    }));
  }, [state, lang, t]);
  const title = `${t('timeline.title')} — ${view.machine.point.label ?? id}`;
  return (
    <Card title={t('timeline.title')} note={t('timeline.note')} id="timeline" level={2}>
      <WeekPicker weeks={view.weeks} value={week} onChange={onWeek} />
      {state.status === 'loading' && <Skeleton chart lines={1} />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ok' && option && (
        <ChartWithTable<SpanRow>
          chart={{ name: 'timeline', title, option, height: 420 }}
          table={{
            name: 'timeline',
            title,
            rows,
            rowKey: (r, i) => `${i}`,
            limit: 40,
            columns: [
              {
                key: 'date',
                label: t('col.date'),
                kind: 'text',
                value: (r) => r.date,
                render: (r) => formatDate(r.date, lang, 'weekday'),
              },
              {
                key: 'kind',
                label: t('col.kind'),
                kind: 'text',
                value: (r) => t(r.kind === 'session' ? 'timeline.session' : 'timeline.exam'),
              },
              { key: 'detail', label: t('col.detail'), kind: 'text', value: (r) => r.detail },
              {
                key: 'start',
                label: t('col.start'),
                kind: 'text',
                value: (r) => formatClock(r.start),
              },
              { key: 'end', label: t('col.end'), kind: 'text', value: (r) => formatClock(r.end) },
              {
                key: 'minutes',
                label: t('col.duration'),
                kind: 'number',
                value: (r) => r.end - r.start,
                render: (r) => formatMinutes(r.end - r.start, lang),
              },
            ],
          }}
        />
      )}
    </Card>
  );
}

interface HeatRow {
  weekday: number;
  cells: number[];
}

function Heatmap({
  campaignId,
  equipmentId,
  label,
}: {
  campaignId: string;
  equipmentId: string;
  label: string;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const { state, retry } = useApi<HeatmapView>(api.heatmap(campaignId, equipmentId));
  const option = useMemo(
    () => (state.status === 'ok' ? heatmapOption({ heatmap: state.data, lang }) : null),
    [state, lang],
  );
  const title = `${t('heatmap.title')} — ${label}`;
  const rows: HeatRow[] =
    state.status === 'ok' ? state.data.cells.map((cells, i) => ({ weekday: i + 1, cells })) : [];
  return (
    <Card title={t('heatmap.title')} note={t('heatmap.note')} id="heatmap" level={2}>
      {state.status === 'loading' && <Skeleton chart lines={1} />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ok' && option && (
        <ChartWithTable<HeatRow>
          chart={{ name: 'heatmap', title, option, height: 320 }}
          table={{
            name: 'heatmap',
            title,
            rows,
            rowKey: (r) => String(r.weekday),
            columns: [
              {
                key: 'weekday',
                label: t('col.weekday'),
                kind: 'text',
                value: (r) => weekdayName(r.weekday, lang),
              },
              ...Array.from({ length: 24 }, (_, h) => ({
                key: `h${h}`,
                label: `${h}`,
                kind: 'number' as const,
                value: (r: HeatRow) => r.cells[h] ?? null,
                render: (r: HeatRow) => formatNumber(r.cells[h] ?? null, lang, 1),
              })),
            ],
          }}
        />
      )}
    </Card>
  );
}

/** The machine screen. */
export function MachinePage({ id, equipmentId }: { id: string; equipmentId: string }): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const { search } = useLocation();
  const scope = scopeOf(search.get('peers'));
  const week = Math.max(0, Number.parseInt(search.get('week') ?? '0', 10) || 0);
  const askedTab = usePageTab();
  const trendsTab = useTrendsTab();
  const trendsLinks = useTrendsTabLinks(id);
  const { state, retry } = useApi<MachineView>(api.machine(id, equipmentId, scope));
  const label =
    state.status === 'ok' ? (state.data.machine.point.label ?? equipmentId) : equipmentId;
  useTitle(label);
  if (state.status === 'loading') return <PageSkeleton />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const view = state.data;
  const m = view.machine;
  const p = m.point;
  // A machine of a bundle site has no sessions or exams: no timeline, heatmap or scenarios.
  const parts = examParts(p);
  const tab = shownTab(askedTab, p);
  const lastWeek = view.weeks[view.weeks.length - 1]?.index ?? 0;
  const shownWeek = Math.min(week, lastWeek);
  const setWeek = (next: number): void =>
    go(paths.machine(id, equipmentId, { week: next, peers: scope }), {
      replace: true,
      keepScroll: true,
    });
  const setScope = (next: PeerScope): void =>
    go(paths.machine(id, equipmentId, { week: shownWeek, peers: next }), {
      replace: true,
      keepScroll: true,
    });
  const title = machineTitle(label, p.modality, lang);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{title}</h1>
        <p className="meta">
          <span>
            <Link to={paths.establishment(id, p.finess)} data-testid="establishment-link">
              {view.establishment.name}
            </Link>
          </span>
          <span>{modalityLabel(p.modality, lang)}</span>
          <span>{p.region}</span>
          <span>{typologyLabel(p.typology, lang)}</span>
          <span>{t('common.exams', { n: p.exams })}</span>
          <span className="muted">{p.equipmentId}</span>
        </p>
        {!p.occupancyIncluded && (
          <p className="notice small">
            {t('machine.excluded', {
              reason: exclusionText(
                exclusionCodeOf(m.indicators.inclusion),
                m.indicators.inclusion.shareAbove15,
                lang,
              ),
            })}
          </p>
        )}
        <BundleBanner row={p} kind="machine" hidden />
      </header>
      <PageTabs
        current={trendsTab ? 'trends' : tab}
        extra={trendsLinks}
        hide={parts.has('scenarios') ? [] : ['scenarios']}
      />
      {trendsTab ? (
        <MachineTrends campaignId={id} equipmentId={p.equipmentId} />
      ) : tab === 'scenarios' ? (
        <ScenariosTab campaignId={id} machines={[{ equipmentId: p.equipmentId, label }]} />
      ) : (
        <>
          <Card title={t('position.title')} note={t('position.note')} id="position" level={2}>
            <PeerScopeSelect value={scope} onChange={setScope} />
            <p className="muted small">{t('establishment.peerCount', { n: m.peerCount })}</p>
            <FiguresVsPeers
              name="position"
              title={`${t('position.title')} — ${title}`}
              figures={m.figures}
            />
          </Card>
          <Card title={t('leads.title')} note={t('leads.note')} id="leads" level={2}>
            <LeadsSummary
              name="leads"
              title={`${t('leads.title')} — ${title}`}
              leads={m.leads}
              explain
            />
          </Card>
          {parts.has('timeline') && (
            <Timeline campaignId={id} view={view} week={shownWeek} onWeek={setWeek} />
          )}
          {parts.has('heatmap') && (
            <Heatmap campaignId={id} equipmentId={p.equipmentId} label={title} />
          )}
        </>
      )}
    </div>
  );
}
