/**
 * `/c/:id/territories/:department`: one département's figures beside its region's, the
 * nation's and the published figures, its sites by platform completeness, and the link that
 * narrows the benchmark to it. Read from the same document as the territories screen.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { TerritoryMapFigure } from '../../charts/territory-map.ts';
import {
  boundsOf,
  DEFAULT_GAP_PICK,
  formatTerritoryFigure,
  pickGap,
  territoryFigureLabel,
  territoryFigureValue,
  territoryMapOption,
} from '../../charts/territory-map.ts';
import type { Modality } from '../../core/kit-types.ts';
import type { CampaignDetail } from '../../core/views/types.ts';
import { formatInteger, formatNumber, formatPercent, MISSING } from '../../i18n/format.ts';
import { modalityLabel } from '../../i18n/labels.ts';
import type { TerritoryDocument, TerritoryFigures } from '../../plan/territories/types.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { useMediaQuery } from '../lib/media.ts';
import { api, paths } from '../lib/paths.ts';
import { can } from '../lib/permissions.ts';
import { useSessionUser } from '../lib/use-session.ts';
import { benchmarkOf, latestReferences, referenceMeasureOf } from '../lib/territories.ts';
import { useTerritoryBoundaries } from '../lib/territory-maps.ts';
import { useApi } from '../lib/use-api.ts';
import { CampaignHeader } from '../components/campaign-header.tsx';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import type { Column } from '../components/data-table.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Link, useNavigate } from '../components/link.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../components/states.tsx';
import { Caveats, referenceText } from './territories.tsx';

/** Room (px) for the legend under a phone's map: seven classes and the no-data row. */
const PHONE_LEGEND = 8 * 16;

/** One line of the comparison: a figure for the département, its region and the nation. */
interface Line {
  key: string;
  label: string;
  read: (f: TerritoryFigures) => number | null;
  show: (v: number | null) => string;
  reference: string | null;
}

/** The département screen. */
export function TerritoryPage({ id, department }: { id: string; department: string }): ReactNode {
  const t = useT();
  const user = useSessionUser();
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const doc = useApi<TerritoryDocument>(api.territories(id));
  const figures =
    doc.state.status === 'ok'
      ? (doc.state.data.departments.find((d) => d.code === department) ?? null)
      : null;
  const title = figures
    ? t('territories.dept.title', { name: figures.name, code: figures.code })
    : department;
  useTitle(title);
  return (
    <div className="page">
      <CampaignHeader
        title={title}
        detail={detail.state.status === 'ok' ? detail.state.data : null}
      >
        <p className="report-link">
          <Link
            to={paths.territories(id, {
              level: 'department',
              inseeRegion: figures?.region ?? undefined,
            })}
          >
            ← {t('territories.dept.back')}
          </Link>
          {figures && (
            <Link
              to={benchmarkOf(id, figures)}
              data-testid="territory-benchmark"
              className="button button-small"
            >
              {t('territories.benchmarkLink')}
            </Link>
          )}
          {figures && can(user, 'oncall') && (
            <Link
              to={paths.oncall(id, { department: figures.code })}
              data-testid="territory-oncall"
              className="button button-small"
            >
              {t('planning.web.oncall.link')}
            </Link>
          )}
        </p>
      </CampaignHeader>
      {doc.state.status === 'loading' && <PageSkeleton />}
      {doc.state.status === 'error' && <ErrorState error={doc.state.error} onRetry={doc.retry} />}
      {doc.state.status === 'ok' && !figures && (
        <EmptyState title={t('territories.dept.notFound', { code: department })}>
          <p>
            <Link to={paths.territories(id, { level: 'department' })}>
              {t('territories.dept.back')}
            </Link>
          </p>
        </EmptyState>
      )}
      {doc.state.status === 'ok' && figures && (
        <TerritoryBody id={id} doc={doc.state.data} figures={figures} />
      )}
    </div>
  );
}

function TerritoryBody({
  id,
  doc,
  figures,
}: {
  id: string;
  doc: TerritoryDocument;
  figures: TerritoryFigures;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const region = doc.regions.find((r) => r.code === figures.region) ?? null;
  const nation = doc.national;

  const figureLine = (figure: TerritoryMapFigure, m: Modality | null): Line => {
    const modality = m ?? doc.modalities[0] ?? 'CT';
    const measure = referenceMeasureOf(figure);
    const refs = measure && m ? latestReferences(doc.references, measure, m) : null;
    const reference = refs
      ? [refs.oecd, refs.france]
          .filter((r) => r !== null)
          .map((r) => referenceText(r, lang, t))
          .join(' · ') || null
      : null;
    // The gap: to the latest OECD average, named with its year and density.
    const gap = m ? pickGap(nation.gapTo, m, DEFAULT_GAP_PICK) : undefined;
    return {
      key: `${figure}-${m ?? ''}`,
      label: m
        ? territoryFigureLabel(figure, m, lang, gap ?? DEFAULT_GAP_PICK)
        : t(`territories.figure.${figure}`),
      read: (f) => territoryFigureValue(f, figure, modality),
      show: (v) => formatTerritoryFigure(v, figure, lang),
      reference,
    };
  };
  const lines: Line[] = [
    {
      key: 'population',
      label: t('territories.col.population'),
      read: (f) => f.population,
      show: (v) => formatInteger(v, lang),
      reference: null,
    },
    ...doc.modalities.flatMap((m): Line[] => [
      {
        key: `units-${m}`,
        label: `${t('territories.fig.units')} — ${modalityLabel(m, lang)}`,
        read: (f) => f.units[m]?.total ?? null,
        show: (v) => formatInteger(v, lang),
        reference: null,
      },
      figureLine('unitsPerMillion', m),
      figureLine('examsPer1000', m),
      figureLine('imputedShare', m),
      figureLine('gap', m),
      figureLine('ageAtLeast10', m),
      {
        key: `meanAge-${m}`,
        label: `${t('territories.fig.meanAge')} — ${modalityLabel(m, lang)}`,
        read: (f) => f.fleetAge[m]?.meanYears ?? null,
        show: (v) =>
          v === null ? MISSING : t('territories.years', { n: Math.round(v * 10) / 10 }),
        reference: null,
      },
      figureLine('delayP50', m),
    ]),
    figureLine('nightMriPerMillion', null),
  ];
  // Each line has its own unit: the cells (and their export) are the figures as written.
  const cell = (f: TerritoryFigures) => (l: Line) => l.show(l.read(f));
  const columns: Column<Line>[] = [
    {
      key: 'figure',
      label: t('territories.col.figure'),
      kind: 'text',
      value: (l) => l.label,
      wrap: true,
    },
    {
      key: 'department',
      label: figures.name,
      kind: 'text',
      value: cell(figures),
      render: (l) => <strong>{cell(figures)(l)}</strong>,
    },
    ...(region
      ? [
          {
            key: 'region',
            label: region.name,
            kind: 'text',
            value: cell(region),
          } satisfies Column<Line>,
        ]
      : []),
    { key: 'nation', label: t('territories.col.nation'), kind: 'text', value: cell(nation) },
    {
      key: 'reference',
      label: t('territories.dept.col.reference'),
      kind: 'text',
      value: (l) => l.reference,
      wrap: true,
    },
  ];

  const siteLines: { key: string; label: string; read: (f: TerritoryFigures) => string }[] = [
    {
      key: 'sites',
      label: t('territories.completeness.sites'),
      read: (f) => formatInteger(f.completeness.sites, lang),
    },
    {
      key: 'complete',
      label: t('territories.completeness.complete'),
      read: (f) =>
        `${formatInteger(f.completeness.complete, lang)} (${formatPercent(f.completeness.shareComplete, lang, 0)})`,
    },
    {
      key: 'ctOnly',
      label: t('territories.completeness.ctOnly'),
      read: (f) =>
        `${formatInteger(f.completeness.ctOnly, lang)} (${formatPercent(f.completeness.shareCtOnly, lang, 0)})`,
    },
    {
      key: 'mriOnly',
      label: t('territories.completeness.mriOnly'),
      read: (f) =>
        `${formatInteger(f.completeness.mriOnly, lang)} (${formatPercent(f.completeness.shareMriOnly, lang, 0)})`,
    },
    {
      key: 'machinesPerSite',
      label: t('territories.completeness.machinesPerSite'),
      read: (f) => formatNumber(f.completeness.machinesPerSite, lang, 1),
    },
    {
      key: 'regrouped',
      label: t('territories.completeness.regrouped'),
      read: (f) => formatPercent(f.completeness.regroupedShare, lang, 0),
    },
  ];
  type SiteLine = (typeof siteLines)[number];
  const siteColumns: Column<SiteLine>[] = [
    {
      key: 'figure',
      label: t('territories.col.figure'),
      kind: 'text',
      value: (l) => l.label,
      wrap: true,
    },
    { key: 'department', label: figures.name, kind: 'text', value: (l) => l.read(figures) },
    ...(region
      ? [
          {
            key: 'region',
            label: region.name,
            kind: 'text',
            value: (l: SiteLine) => l.read(region),
          } satisfies Column<SiteLine>,
        ]
      : []),
    {
      key: 'nation',
      label: t('territories.col.nation'),
      kind: 'text',
      value: (l) => l.read(nation),
    },
  ];

  const { boundaries } = useTerritoryBoundaries();
  // On a phone the legend goes under the map: room for it, the map keeping its size.
  const phone = useMediaQuery('(max-width: 600px)');
  const regionCodes = useMemo(
    () => doc.departments.filter((d) => d.region === figures.region).map((d) => d.code),
    [doc, figures.region],
  );
  const modality = doc.modalities[0] ?? 'CT';
  const option = useMemo(() => {
    if (!boundaries) return null;
    const bounds = boundsOf(boundaries.DEPARTMENTS, regionCodes, 0.08);
    return territoryMapOption({
      level: 'department',
      figure: 'unitsPerMillion',
      modality,
      lang,
      values: doc.departments.map((d) => ({
        code: d.code,
        name: d.name,
        value: territoryFigureValue(d, 'unitsPerMillion', modality),
      })),
      insets: boundaries.INSETS,
      attribution: boundaries.GEO_ATTRIBUTION,
      focus: { codes: regionCodes, ...(bounds ? { bounds } : {}) },
      highlight: figures.code,
    });
  }, [boundaries, doc, regionCodes, modality, lang, figures.code]);

  return (
    <>
      <p className="meta" data-testid="territory-meta">
        {region && <span>{region.name}</span>}
        <span>
          {t('territories.col.population')} {formatInteger(figures.population, lang)}
        </span>
      </p>
      <Card title={t('territories.dept.vs.title')} note={t('territories.dept.vs.note')} level={2}>
        <div className="territory-compare">
          <DataTable
            name="territory-figures"
            title={`${figures.name} — ${t('territories.dept.vs.title')}`}
            columns={columns}
            rows={lines}
            rowKey={(l) => l.key}
          />
        </div>
      </Card>
      <div className="territory-grid">
        <Card
          title={t('territories.dept.sites.title')}
          note={t('territories.dept.sites.note')}
          level={2}
        >
          <div className="territory-compare">
            <DataTable
              name="territory-sites"
              title={`${figures.name} — ${t('territories.dept.sites.title')}`}
              columns={siteColumns}
              rows={siteLines}
              rowKey={(l) => l.key}
            />
          </div>
        </Card>
        {option && region && (
          <Card
            title={t('territories.map.title', {
              figure: `${t('territories.figure.unitsPerMillion')} — ${modalityLabel(modality, lang)}`,
            })}
            note={t('territories.map.noteDepartment')}
            level={2}
          >
            <Chart
              name="territory-region-map"
              title={`${region.name} — ${t('territories.figure.unitsPerMillion')}`}
              option={option}
              height={phone ? 420 + PHONE_LEGEND : 420}
              onItemClick={(code) => go(paths.territory(id, code))}
            />
          </Card>
        )}
      </div>
      <Caveats caveats={doc.caveats} />
    </>
  );
}
