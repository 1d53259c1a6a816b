/**
 * `/c/:id/territories?level=region|department&figure=&modality=&inseeRegion=`: a choropleth of
 * France for one territorial figure, the territories ranked beside it (under it on a phone), the
 * nation's figures and the published references, and the caveats in words. A region leads to
 * its départements, a département to its page; every choice is in the address.
 */
import type { ReactNode } from 'react';
import { useCallback, useMemo } from 'react';
import type { TerritoryMapFigure } from '../../charts/territory-map.ts';
import {
  boundsOf,
  formatTerritoryFigure,
  TERRITORY_MAP_FIGURES,
  territoryFigureLabel,
  territoryFigureValue,
  territoryMapClasses,
  territoryMapOption,
} from '../../charts/territory-map.ts';
import type { Modality } from '../../core/kit-types.ts';
import type { CampaignDetail } from '../../core/views/types.ts';
import { formatInteger, formatNumber, formatPercent, MISSING } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { modalityLabel } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { REFERENCE_MEASURES } from '../../plan/territories/types.ts';
import type {
  ReferenceFigure,
  TerritoryCaveat,
  TerritoryDocument,
  TerritoryFigures,
} from '../../plan/territories/types.ts';
import { useLang, useT, useTitle } from '../lib/i18n.tsx';
import { useMediaQuery } from '../lib/media.ts';
import { api, paths } from '../lib/paths.ts';
import { useLocation } from '../lib/router.ts';
import type { TerritoriesView } from '../lib/territories.ts';
import {
  benchmarkOf,
  territoriesView,
  territoryRows,
  territoryTarget,
} from '../lib/territories.ts';
import { useTerritoryBoundaries } from '../lib/territory-maps.ts';
import { useApi } from '../lib/use-api.ts';
import { CampaignHeader } from '../components/campaign-header.tsx';
import { Card } from '../components/card.tsx';
import { Chart } from '../components/chart.tsx';
import type { Column } from '../components/data-table.tsx';
import { DataTable } from '../components/data-table.tsx';
import { Link, useNavigate } from '../components/link.tsx';
import { ErrorState, PageSkeleton, Skeleton } from '../components/states.tsx';

/** A territory's figure in the table: `null` stays unknown, never 0. */
const value = (
  f: TerritoryFigures,
  figure: TerritoryMapFigure,
  modality: Modality,
): number | null => territoryFigureValue(f, figure, modality);

/** The ranking's rows: by the map's figure, highest first, unknown last, then by name. */
export function rankTerritories(
  rows: readonly TerritoryFigures[],
  figure: TerritoryMapFigure,
  modality: Modality,
): { rank: number | null; figures: TerritoryFigures }[] {
  const sorted = [...rows].sort((a, b) => {
    const va = value(a, figure, modality);
    const vb = value(b, figure, modality);
    if (va === null || vb === null)
      return va === vb ? a.name.localeCompare(b.name) : va === null ? 1 : -1;
    return vb - va || a.name.localeCompare(b.name);
  });
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((figures, i) => {
    const v = value(figures, figure, modality);
    if (v === null) return { rank: null, figures };
    if (v !== previous) rank = i + 1;
    previous = v;
    return { rank, figures };
  });
}

/** Years stay as written ("2023", never "2 023"): every `…Year` parameter as text. */
function yearsAsWritten(params: TerritoryCaveat['params']): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, /year$/i.test(k) ? String(v) : v]),
  );
}

/** The caveats of a document in words, the place-of-the-machine one always first. */
export function Caveats({ caveats }: { caveats: readonly TerritoryCaveat[] }): ReactNode {
  const t = useT();
  const all: TerritoryCaveat[] = caveats.some((c) => c.code === 'place-of-machine')
    ? [...caveats]
    : [{ code: 'place-of-machine', params: {} }, ...caveats];
  return (
    <Card title={t('territories.caveats.title')} level={2} id="caveats">
      <ul className="caveats" data-testid="territory-caveats">
        {all.map((c) => (
          <li key={c.code}>
            {t(`territories.caveat.${c.code}` as MessageKey, yearsAsWritten(c.params))}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** "Moyenne OCDE", "France", a country's name, or its code when plateau does not name it. */
function areaLabel(area: string, t: (key: MessageKey) => string): string {
  if (area === 'OECD') return t('territories.ref.oecd');
  const key = `territories.area.${area}`;
  return isMessageKey(key) ? t(key) : area;
}

/** A published figure's value in its measure's unit. */
function referenceValue(r: ReferenceFigure, lang: Lang): string {
  switch (r.measure) {
    case 'exams':
    case 'costEuros':
    case 'installedUnits':
      return formatInteger(r.value, lang);
    default:
      return formatNumber(r.value, lang, 1);
  }
}

/** A published figure in one line: "25,7 (OCDE, 2015)". */
export function referenceText(
  r: ReferenceFigure,
  lang: Lang,
  t: (key: MessageKey) => string,
): string {
  return `${formatNumber(r.value, lang, 1)} (${areaLabel(r.area, t)}, ${r.year})`;
}

/** The published figures, each with its year and source. */
export function ReferencesTable({
  references,
  name = 'references',
}: {
  references: readonly ReferenceFigure[];
  name?: string;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const order = (r: ReferenceFigure): number => {
    const i = REFERENCE_MEASURES.indexOf(r.measure);
    return i < 0 ? REFERENCE_MEASURES.length : i;
  };
  const rows = [...references].sort(
    (a, b) =>
      order(a) - order(b) ||
      a.modality.localeCompare(b.modality) ||
      b.year - a.year ||
      a.area.localeCompare(b.area),
  );
  const columns: Column<ReferenceFigure>[] = [
    {
      key: 'measure',
      label: t('territories.col.figure'),
      kind: 'text',
      value: (r) =>
        `${t(`territories.ref.measure.${r.measure}` as MessageKey)} — ${modalityLabel(r.modality, lang)}${
          r.sector
            ? ` (${r.sector === 'hospital' ? t('territories.fig.unitsHospital') : t('territories.fig.unitsPrivate')})`
            : ''
        }`,
      wrap: true,
    },
    {
      key: 'area',
      label: t('territories.col.area'),
      kind: 'text',
      value: (r) => areaLabel(r.area, t),
    },
    {
      key: 'value',
      label: t('territories.col.value'),
      kind: 'number',
      value: (r) => r.value,
      render: (r) => referenceValue(r, lang),
    },
    {
      key: 'year',
      label: t('territories.col.year'),
      kind: 'number',
      value: (r) => r.year,
      render: (r) => String(r.year),
    },
    {
      key: 'source',
      label: t('territories.col.source'),
      kind: 'text',
      value: (r) =>
        r.origin === 'loaded' ? `${r.source} (${t('territories.ref.loaded')})` : r.source,
      wrap: true,
    },
    {
      key: 'note',
      label: t('territories.col.note'),
      kind: 'text',
      value: (r) => r.note,
      wrap: true,
    },
  ];
  return (
    <DataTable
      name={name}
      title={t('territories.ref.title')}
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.measure}|${r.modality}|${r.sector ?? ''}|${r.area}|${r.year}`}
      empty={t('territories.ref.none')}
      limit={40}
    />
  );
}

/** A figure of a territory as the tables show it. */
export function figureCell(
  f: TerritoryFigures,
  figure: TerritoryMapFigure,
  modality: Modality,
  lang: Lang,
): string {
  return formatTerritoryFigure(value(f, figure, modality), figure, lang);
}

/** The territories screen. */
export function TerritoriesPage({ id }: { id: string }): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const { search } = useLocation();
  useTitle(t('territories.title'));
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const doc = useApi<TerritoryDocument>(api.territories(id));
  return (
    <div className="page">
      <CampaignHeader
        title={t('territories.title')}
        detail={detail.state.status === 'ok' ? detail.state.data : null}
      >
        <p className="lede">{t('territories.lede')}</p>
      </CampaignHeader>
      {doc.state.status === 'loading' && <PageSkeleton />}
      {doc.state.status === 'error' && <ErrorState error={doc.state.error} onRetry={doc.retry} />}
      {doc.state.status === 'ok' && (
        <TerritoriesBody
          id={id}
          doc={doc.state.data}
          view={territoriesView(search, doc.state.data.modalities)}
          go={go}
          lang={lang}
        />
      )}
    </div>
  );
}

function TerritoriesBody({
  id,
  doc,
  view,
  go,
  lang,
}: {
  id: string;
  doc: TerritoryDocument;
  view: TerritoriesView;
  go: (to: string, options?: { replace?: boolean; keepScroll?: boolean }) => void;
  lang: Lang;
}): ReactNode {
  const t = useT();
  const { boundaries, error: boundariesError } = useTerritoryBoundaries();
  const narrow = useMediaQuery('(max-width: 600px)');
  const rows = territoryRows(doc, view);
  const region = view.inseeRegion
    ? (doc.regions.find((r) => r.code === view.inseeRegion) ?? null)
    : null;
  const set = (next: Partial<TerritoriesView>): void => {
    const merged = { ...view, ...next };
    go(
      paths.territories(id, {
        level: merged.level,
        figure: merged.figure,
        modality: merged.modality,
        inseeRegion: merged.level === 'department' ? (merged.inseeRegion ?? undefined) : undefined,
      }),
      { replace: true, keepScroll: true },
    );
  };
  const open = useCallback(
    (code: string): void => go(territoryTarget(id, view, code)),
    [go, id, view],
  );
  const figureLabel = territoryFigureLabel(view.figure, view.modality, lang);

  const mapValues = useMemo(() => {
    const all = view.level === 'region' ? doc.regions : doc.departments;
    return all.map((f) => ({
      code: f.code,
      name: f.name,
      value: territoryFigureValue(f, view.figure, view.modality),
    }));
  }, [doc, view.level, view.figure, view.modality]);
  const focusCodes = useMemo(
    () => (view.inseeRegion === null ? null : rows.map((r) => r.code)),
    [rows, view.inseeRegion],
  );
  const option = useMemo(() => {
    if (!boundaries) return null;
    const bounds = focusCodes === null ? null : boundsOf(boundaries.DEPARTMENTS, focusCodes, 0.06);
    return territoryMapOption({
      level: view.level,
      figure: view.figure,
      modality: view.modality,
      values: mapValues,
      lang,
      insets: boundaries.INSETS,
      attribution: boundaries.GEO_ATTRIBUTION,
      ...(focusCodes === null
        ? {}
        : { focus: { codes: focusCodes, ...(bounds ? { bounds } : {}) } }),
    });
  }, [boundaries, focusCodes, mapValues, view.level, view.figure, view.modality, lang]);
  const classes = territoryMapClasses(
    mapValues.filter((v) => focusCodes === null || focusCodes.includes(v.code)).map((v) => v.value),
    view.figure,
    lang,
  ).length;
  // On a phone the legend stands under the map: room for its classes and the attribution.
  const height = narrow ? 330 + 20 * (classes + 1) + 48 : 600;

  const levelTitle =
    view.level === 'region'
      ? t('territories.table.titleRegion')
      : region
        ? t('territories.region.crumb', { region: region.name })
        : t('territories.table.titleDepartment');

  return (
    <>
      <form className="territory-controls" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="segmented" data-testid="territory-level">
          <legend>{t('territories.level.label')}</legend>
          {(['region', 'department'] as const).map((level) => (
            <label key={level} className={view.level === level ? 'segment segment-on' : 'segment'}>
              <input
                type="radio"
                name="territory-level"
                value={level}
                checked={view.level === level}
                data-testid={`territory-level-${level}`}
                onChange={() => set({ level, inseeRegion: null })}
              />
              {t(level === 'region' ? 'territories.level.region' : 'territories.level.department')}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="territory-figure">{t('territories.figure.label')}</label>
          <select
            id="territory-figure"
            data-testid="territory-figure"
            value={view.figure}
            onChange={(e) => set({ figure: e.target.value as TerritoryMapFigure })}
          >
            {TERRITORY_MAP_FIGURES.map((f) => (
              <option key={f} value={f}>
                {t(`territories.figure.${f}`)}
              </option>
            ))}
          </select>
        </div>
        {doc.modalities.length > 0 && (
          <div className="field">
            <label htmlFor="territory-modality">{t('territories.modality.label')}</label>
            <select
              id="territory-modality"
              data-testid="territory-modality"
              value={view.modality}
              onChange={(e) => set({ modality: e.target.value as Modality })}
            >
              {doc.modalities.map((m) => (
                <option key={m} value={m}>
                  {modalityLabel(m, lang)}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      {region && (
        <nav className="territory-crumb" aria-label={levelTitle} data-testid="territory-crumb">
          <Link to={paths.territories(id, { figure: view.figure, modality: view.modality })}>
            {t('territories.region.all')}
          </Link>
          <span aria-hidden="true"> › </span>
          <strong>{region.name}</strong>
          <Link
            to={benchmarkOf(id, region)}
            className="territory-benchmark"
            data-testid="territory-benchmark"
          >
            {t('territories.benchmarkLinkNamed', { name: region.name })}
          </Link>
        </nav>
      )}
      <div className="territory-grid">
        <Card
          title={t('territories.map.title', { figure: figureLabel })}
          note={t(
            view.level === 'region'
              ? 'territories.map.noteRegion'
              : 'territories.map.noteDepartment',
          )}
          level={2}
          className="territory-map-card"
        >
          {boundariesError && <p className="state-error small">{boundariesError}</p>}
          {!option && !boundariesError && (
            <div style={{ height }}>
              <Skeleton lines={1} chart />
            </div>
          )}
          {option && (
            <Chart
              name="territory-map"
              title={`${figureLabel} — ${levelTitle}`}
              option={option}
              height={height}
              onItemClick={open}
            />
          )}
        </Card>
        <Card
          title={`${levelTitle} — ${modalityLabel(view.modality, lang)}`}
          note={t('territories.table.note')}
          level={2}
        >
          <RankingTable id={id} view={view} rows={rows} title={levelTitle} />
        </Card>
      </div>
      <NationalPanel doc={doc} />
      <Caveats caveats={doc.caveats} />
    </>
  );
}

/** The ranking, every figure of the chosen modality, the map's figure first. */
function RankingTable({
  id,
  view,
  rows,
  title,
}: {
  id: string;
  view: TerritoriesView;
  rows: readonly TerritoryFigures[];
  title: string;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const m = view.modality;
  type Row = { rank: number | null; figures: TerritoryFigures };
  const ranked = rankTerritories(rows, view.figure, m);
  const num = (
    key: string,
    label: string,
    read: (f: TerritoryFigures) => number | null,
    show: (v: number | null) => string,
    kind: 'number' | 'percent' = 'number',
  ): Column<Row> => ({
    key,
    label,
    kind,
    value: (r) => read(r.figures),
    render: (r) => show(read(r.figures)),
  });
  const fig = (figure: TerritoryMapFigure, label: string): Column<Row> =>
    num(
      figure,
      label,
      (f) => territoryFigureValue(f, figure, m),
      (v) => (v === null ? MISSING : formatTerritoryFigure(v, figure, lang)),
      figure === 'imputedShare' || figure === 'ageAtLeast10' || figure === 'shareComplete'
        ? 'percent'
        : 'number',
    );
  const mod = modalityLabel(m, lang);
  const columns: Column<Row>[] = [
    {
      key: 'rank',
      label: t('territories.col.rank'),
      kind: 'number',
      value: (r) => r.rank,
      render: (r) => (r.rank === null ? MISSING : String(r.rank)),
    },
    {
      key: 'territory',
      label: t('territories.col.territory'),
      kind: 'text',
      value: (r) => r.figures.name,
      render: (r) => (
        <>
          <Link to={territoryTarget(id, view, r.figures.code)} data-testid="territory-link">
            {r.figures.name}
          </Link>{' '}
          <span className="muted small">{r.figures.code}</span>
        </>
      ),
    },
    {
      key: 'code',
      label: t('territories.col.code'),
      kind: 'text',
      value: (r) => r.figures.code,
      exportOnly: true,
    },
    num(
      'population',
      t('territories.col.population'),
      (f) => f.population,
      (v) => formatInteger(v, lang),
    ),
    num(
      'units',
      t('territories.col.units'),
      (f) => f.units[m]?.total ?? null,
      (v) => formatInteger(v, lang),
    ),
    fig('unitsPerMillion', t('territories.col.perMillion')),
    fig('examsPer1000', t('territories.col.examsPer1000')),
    fig('imputedShare', t('territories.col.imputedShare')),
    fig('gapOecd', t('territories.col.gapOecd')),
    fig('ageAtLeast10', t('territories.col.ageAtLeast10')),
    fig('shareComplete', t('territories.col.shareComplete')),
    fig('nightMriPerMillion', t('territories.col.nightMri')),
    fig('delayP50', t('territories.col.delayP50')),
  ];
  // The map's figure right after the territory's name, so that the ranking reads at a glance.
  const at = columns.findIndex((c) => c.key === view.figure);
  if (at > 3) {
    const [chosen] = columns.splice(at, 1);
    if (chosen) columns.splice(3, 0, chosen);
  }
  // The modality-specific columns say their modality in the title, not in each header.
  return (
    <div className="territory-ranking">
      <DataTable
        name="territories"
        title={`${title} — ${mod}`}
        columns={columns}
        rows={ranked}
        rowKey={(r) => r.figures.code}
        limit={120}
      />
    </div>
  );
}

/** The nation's figures, per modality, and the published figures with their year and source. */
function NationalPanel({ doc }: { doc: TerritoryDocument }): ReactNode {
  const t = useT();
  const lang = useLang();
  const n = doc.national;
  type Row = { key: string; label: string; values: Partial<Record<Modality, string>> };
  const perModality = (figure: TerritoryMapFigure): Row => ({
    key: figure,
    label: t(`territories.figure.${figure}`),
    values: Object.fromEntries(
      doc.modalities.map((m) => [
        m,
        formatTerritoryFigure(territoryFigureValue(n, figure, m), figure, lang),
      ]),
    ),
  });
  const figures = [
    'unitsPerMillion',
    'examsPer1000',
    'imputedShare',
    'gapOecd',
    'ageAtLeast10',
    'delayP50',
  ] as const;
  const rows: Row[] = [
    {
      key: 'units',
      label: t('territories.fig.units'),
      values: Object.fromEntries(
        doc.modalities.map((m) => [m, formatInteger(n.units[m]?.total, lang)]),
      ),
    },
    ...figures.map(perModality),
    // MRI only: night access for stroke care.
    {
      key: 'nightMriPerMillion',
      label: t('territories.figure.nightMriPerMillion'),
      values: { MR: formatNumber(n.nightCoverage.nightMriPerMillion, lang, 1) },
    },
  ];
  const columns: Column<Row>[] = [
    {
      key: 'figure',
      label: t('territories.col.figure'),
      kind: 'text',
      value: (r) => r.label,
      wrap: true,
    },
    ...doc.modalities.map((m): Column<Row> => ({
      key: m,
      label: modalityLabel(m, lang),
      kind: 'text',
      value: (r) => r.values[m] ?? null,
    })),
  ];
  const population = doc.population;
  return (
    <Card
      title={t('territories.national.title')}
      note={t('territories.national.note')}
      level={2}
      id="national"
    >
      <p className="small" data-testid="territory-population">
        {t('territories.national.population', {
          year: String(population.year),
          inForce: String(population.inForce),
          total: formatInteger(population.total, lang),
          source: population.source,
        })}
      </p>
      <p className="small">
        {doc.register.source === 'register'
          ? t('territories.national.registerFull', {
              rows: doc.register.rows,
              inService: doc.register.inService,
            })
          : t('territories.national.registerCampaign', { inService: doc.register.inService })}
      </p>
      <p className="small">
        {t('territories.national.complete', {
          share: formatPercent(n.completeness.shareComplete, lang, 0),
          sites: n.completeness.sites,
        })}
      </p>
      <DataTable
        name="territory-national"
        title={t('territories.national.title')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
      />
      <h3 className="subheading">{t('territories.ref.title')}</h3>
      <ReferencesTable references={doc.references} />
    </Card>
  );
}
