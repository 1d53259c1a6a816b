/**
 * The establishment's Relevance tab (`?tab=relevance`): its CT share of head imaging (all,
 * scheduled, emergency) on the peer sites' P20–P80 band with its percentile rank, a share at or
 * above P80 worded as something to review against the Guide du bon usage (a prompt, not a
 * verdict), repeat exams (or what they need) and the data-quality shares. All measured.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { RelevanceRow } from '../../charts/relevance.ts';
import { relevanceOption } from '../../charts/relevance.ts';
import { formatInteger, formatPercent, formatRank, MISSING } from '../../i18n/format.ts';
import type { RelevanceDocument, SiteRelevance } from '../../plan/relevance/document.ts';
import { NEURO_SCOPES } from '../../plan/relevance/types.ts';
import { useLang, useT } from '../lib/i18n.tsx';
import { api } from '../lib/paths.ts';
import { withProvenance } from '../lib/planning.ts';
import { useApi } from '../lib/use-api.ts';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import type { Column } from '../components/data-table.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ProvenanceBadge } from '../components/planning/provenance.tsx';
import { EmptyState, ErrorState, Skeleton } from '../components/states.tsx';
import '../components/planning/planning.css';

/** The rows of the chart and table: the site's three scopes against the site peers'. */
export function relevanceRows(doc: RelevanceDocument, site: SiteRelevance): RelevanceRow[] {
  return NEURO_SCOPES.map((scope) => {
    const s = scope === 'all' ? site : site[scope];
    return {
      scope,
      share: s.neuroCtShare,
      rank: s.neuroCtRank,
      flagged: s.flagged,
      peers: doc.peers.sites[scope],
    };
  });
}

/** The Relevance tab of a site. */
export function EstablishmentRelevance({
  campaignId,
  finess,
  siteName,
}: {
  campaignId: string;
  finess: string;
  siteName: string;
}): ReactNode {
  const t = useT();
  const { state, retry } = useApi<RelevanceDocument>(api.relevance(campaignId, 'department'));
  if (state.status === 'loading') return <Skeleton lines={6} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const site = state.data.sites.find((s) => s.finess === finess);
  if (!site) return <EmptyState title={t('planning.web.relevance.notFound')} />;
  return <RelevanceBody doc={state.data} site={site} siteName={siteName} />;
}

interface HeadRow extends RelevanceRow {
  ct: number;
  mr: number;
}

function RelevanceBody({
  doc,
  site,
  siteName,
}: {
  doc: RelevanceDocument;
  site: SiteRelevance;
  siteName: string;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const rows = useMemo(
    (): HeadRow[] =>
      relevanceRows(doc, site).map((r) => {
        const s = r.scope === 'all' ? site : site[r.scope];
        return { ...r, ct: s.headCt, mr: s.headMr };
      }),
    [doc, site],
  );
  const option = useMemo(() => relevanceOption({ rows, lang }), [rows, lang]);
  const m = (key: Parameters<typeof t>[0]): string => withProvenance(t(key), 'measured', lang);
  const share = (
    key: string,
    label: string,
    pick: (r: HeadRow) => number | null,
  ): Column<HeadRow> => ({
    key,
    label,
    kind: 'percent',
    value: pick,
    render: (r) => formatPercent(pick(r), lang, 0),
  });
  const columns: Column<HeadRow>[] = [
    {
      key: 'scope',
      label: t('planning.web.relevance.col.scope'),
      kind: 'text',
      value: (r) => t(`planning.web.relevance.scope.${r.scope}`),
    },
    {
      key: 'headCt',
      label: m('planning.web.relevance.col.headCt'),
      kind: 'number',
      value: (r) => r.ct,
    },
    {
      key: 'headMr',
      label: m('planning.web.relevance.col.headMr'),
      kind: 'number',
      value: (r) => r.mr,
    },
    share('share', m('planning.web.relevance.col.share'), (r) => r.share),
    share('p20', t('col.p20'), (r) => r.peers.p20),
    share('p50', t('col.p50'), (r) => r.peers.p50),
    share('p80', t('col.p80'), (r) => r.peers.p80),
    {
      key: 'n',
      label: t('planning.web.relevance.col.peers'),
      kind: 'number',
      value: (r) => r.peers.n,
    },
    {
      key: 'rank',
      label: t('planning.web.relevance.col.rank'),
      kind: 'percent',
      value: (r) => r.rank,
      render: (r) => formatRank(r.rank, lang),
    },
    {
      key: 'flag',
      label: t('planning.web.relevance.col.flag'),
      kind: 'text',
      value: (r) =>
        t(r.flagged ? 'planning.web.relevance.flag.yes' : 'planning.web.relevance.flag.no'),
    },
  ];
  const status = !site.peer
    ? t('planning.web.relevance.notPeer')
    : site.neuroCtShare === null
      ? t('planning.web.relevance.noHead')
      : site.flagged
        ? t('planning.web.relevance.flagged')
        : t('planning.web.relevance.notFlagged');
  const flaggedAny = rows.some((r) => r.flagged);

  interface QualityLine {
    key: string;
    label: string;
    value: number | null;
    text: string;
  }
  const quality: QualityLine[] = [
    {
      key: 'repeats',
      label: t('planning.web.relevance.quality.repeats'),
      value: site.repeatShare,
      text:
        site.repeatShare === null
          ? t('planning.web.relevance.quality.needsKey')
          : formatPercent(site.repeatShare, lang, 1),
    },
    {
      key: 'withoutRequest',
      label: t('planning.web.relevance.quality.withoutRequest'),
      value: site.withoutRequestShare,
      text: formatPercent(site.withoutRequestShare, lang, 1),
    },
    {
      key: 'withoutBooked',
      label: t('planning.web.relevance.quality.withoutBooked'),
      value: site.withoutBookedShare,
      text: formatPercent(site.withoutBookedShare, lang, 1),
    },
    {
      key: 'exams',
      label: t('planning.web.relevance.quality.exams'),
      value: site.exams,
      text: formatInteger(site.exams, lang),
    },
  ];
  const qualityColumns: Column<QualityLine>[] = [
    {
      key: 'figure',
      label: t('planning.web.relevance.quality.figure'),
      kind: 'text',
      value: (l) => l.label,
    },
    {
      key: 'value',
      label: withProvenance(t('planning.web.relevance.quality.value'), 'measured', lang),
      kind: 'text',
      value: (l) => (l.value === null && l.key !== 'repeats' ? MISSING : l.text),
      render: (l) => <span data-testid={`relevance-${l.key}`}>{l.text}</span>,
      wrap: true,
    },
  ];
  const notes = doc.notes.filter((n) => n.code !== 'sites-without-territory');
  return (
    <div data-testid="relevance-tab">
      <Card
        title={t('planning.web.relevance.title')}
        note={t('planning.web.relevance.note')}
        level={2}
      >
        <p
          className={flaggedAny ? 'planning-flag planning-flag-on' : 'planning-flag'}
          data-testid="relevance-status"
          data-flagged={site.flagged ? 'true' : 'false'}
        >
          {status} <ProvenanceBadge provenance="measured" />
        </p>
        <Chart
          name="relevance-neuro"
          title={`${siteName} — ${t('planning.web.relevance.title')}`}
          option={option}
          height={220}
        />
        <div className="planning-table">
          <DataTable
            name="relevance-neuro"
            title={`${siteName} — ${t('planning.web.relevance.title')}`}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.scope}
          />
        </div>
      </Card>
      <Card
        title={t('planning.web.relevance.quality.title')}
        note={t('planning.web.relevance.quality.note')}
        level={2}
      >
        <div className="planning-table">
          <DataTable
            name="relevance-quality"
            title={`${siteName} — ${t('planning.web.relevance.quality.title')}`}
            columns={qualityColumns}
            rows={quality}
            rowKey={(l) => l.key}
          />
        </div>
        {notes.length > 0 && (
          <ul className="planning-notes muted small" data-testid="relevance-notes">
            {notes.map((n) => (
              <li key={n.code}>
                {t(`planning.web.relevance.note.${n.code}`, { count: formatInteger(n.n, lang) })}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
