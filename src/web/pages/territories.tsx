/**
 * `/c/:id/territories?level=region|department&figure=&modality=&inseeRegion=&gapTo=`: a
 * choropleth of France for one territorial figure, the territories ranked beside it (under it on
 * a phone; as many columns as fit, the rest in the exports and on the département page), the
 * nation's figures and the published references, and the caveats in words. A region leads to
 * its départements, a département to its page; every choice is in the address, the gap's
 * reference (`gapTo`) as the API takes it.
 */
import type { ReactNode, RefObject } from 'react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { GapPick, TerritoryMapFigure } from '../../charts/territory-map.ts';
import {
  boundsOf,
  DEFAULT_GAP_PICK,
  formatTerritoryFigure,
  gapReferenceText,
  pickGap,
  populationSourceText,
  TERRITORY_MAP_FIGURES,
  TERRITORY_MAP_NARROW,
  territoryFigureLabel,
  territoryFigureValue,
  territoryMapClasses,
  territoryMapHeight,
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
  Gap,
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
  gapPickOf,
  gapToOf,
  oecdDensityYearsOf,
  rankingColumns,
  targetGapTo,
  targetsOf,
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

/** The ranking's rows: by the map's figure, highest first, unknown last, then by name. */
export function rankTerritories(
  rows: readonly TerritoryFigures[],
  figure: TerritoryMapFigure,
  modality: Modality,
  gap: GapPick = DEFAULT_GAP_PICK,
): { rank: number | null; figures: TerritoryFigures }[] {
  const value = (f: TerritoryFigures): number | null =>
    territoryFigureValue(f, figure, modality, gap);
  const sorted = [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null)
      return va === vb ? a.name.localeCompare(b.name) : va === null ? 1 : -1;
    return vb - va || a.name.localeCompare(b.name);
  });
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((figures, i) => {
    const v = value(figures);
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
  return formatTerritoryFigure(territoryFigureValue(f, figure, modality), figure, lang);
}

/** The short header of the gap's column: "Manquants (OCDE 2015)". */
function gapColumnLabel(pick: GapPick, t: ReturnType<typeof useT>): string {
  if (pick.reference === 'national') return t('territories.col.gap.national');
  if (pick.reference === 'target') return t('territories.col.gap.target');
  return pick.year === undefined
    ? t('territories.col.gap.oecdLatest')
    : t('territories.col.gap.oecd', { year: String(pick.year) });
}

/** The territories screen. */
export function TerritoriesPage({ id }: { id: string }): ReactNode {
  const t = useT();
  const lang = useLang();
  const go = useNavigate();
  const { search } = useLocation();
  useTitle(t('territories.title'));
  const detail = useApi<CampaignDetail>(api.campaign(id));
  const gapTo = gapToOf(search);
  const asked = useApi<TerritoryDocument>(api.territories(id, gapTo === null ? {} : { gapTo }));
  // A reference the API refuses (a hand-written address): said beside the field, and the
  // figures shown to the default reference meanwhile.
  const refused =
    gapTo !== null && asked.state.status === 'error' && asked.state.error.status === 400
      ? asked.state.error.message
      : null;
  const fallback = useApi<TerritoryDocument>(refused === null ? null : api.territories(id));
  const doc = refused === null ? asked : fallback;
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
          refused={refused}
          go={go}
          lang={lang}
        />
      )}
    </div>
  );
}

/** Room (px) between a phone's screen and the map's box: the page's and the card's margins. */
const PHONE_INSET = 50;

function TerritoriesBody({
  id,
  doc,
  view,
  refused,
  go,
  lang,
}: {
  id: string;
  doc: TerritoryDocument;
  view: TerritoriesView;
  /** The API's message when it refused the address's `gapTo`. */
  refused: string | null;
  go: (to: string, options?: { replace?: boolean; keepScroll?: boolean }) => void;
  lang: Lang;
}): ReactNode {
  const t = useT();
  const { boundaries, error: boundariesError } = useTerritoryBoundaries();
  const phone = useMediaQuery('(max-width: 600px)');
  const rows = territoryRows(doc, view);
  const pick = useMemo(
    () => (refused === null ? gapPickOf(view.gapTo) : DEFAULT_GAP_PICK),
    [refused, view.gapTo],
  );
  // The gap's reference as the document computed it (with its density), else as asked.
  const gapRef: GapPick | Gap = useMemo(
    () => pickGap(doc.national.gapTo, view.modality, pick) ?? pick,
    [doc, view.modality, pick],
  );
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
        gapTo: merged.gapTo ?? undefined,
      }),
      { replace: true, keepScroll: true },
    );
  };
  const open = useCallback(
    (code: string): void => go(territoryTarget(id, view, code)),
    [go, id, view],
  );
  const figureLabel = territoryFigureLabel(view.figure, view.modality, lang, gapRef);

  const mapValues = useMemo(() => {
    const all = view.level === 'region' ? doc.regions : doc.departments;
    return all.map((f) => ({
      code: f.code,
      name: f.name,
      value: territoryFigureValue(f, view.figure, view.modality, pick),
    }));
  }, [doc, view.level, view.figure, view.modality, pick]);
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
      gap: gapRef,
      ...(focusCodes === null
        ? {}
        : { focus: { codes: focusCodes, ...(bounds ? { bounds } : {}) } }),
    });
  }, [boundaries, focusCodes, mapValues, view.level, view.figure, view.modality, lang, gapRef]);
  const classes = territoryMapClasses(
    mapValues.filter((v) => focusCodes === null || focusCodes.includes(v.code)).map((v) => v.value),
    view.figure,
    lang,
  ).length;
  // On a phone the legend stands under the map: room for its classes, the no-data row and the
  // attribution, under a map as high as the screen is wide.
  const width = phone ? Math.min(window.innerWidth, 600) - PHONE_INSET : 0;
  const height = territoryMapHeight({
    narrow: phone && width <= TERRITORY_MAP_NARROW,
    width,
    rows: classes > 0 ? classes + 1 : 0,
    attribution: boundaries?.GEO_ATTRIBUTION ?? '',
  });

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
        <GapControl
          key={`${view.gapTo ?? ''}|${refused ?? ''}`}
          doc={doc}
          gapTo={view.gapTo}
          refused={refused}
          onChange={(gapTo) => set({ gapTo })}
        />
      </form>
      {region && (
        <nav className="territory-crumb" aria-label={levelTitle} data-testid="territory-crumb">
          <Link
            to={paths.territories(id, {
              figure: view.figure,
              modality: view.modality,
              gapTo: view.gapTo ?? undefined,
            })}
          >
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
          <RankingTable id={id} view={view} rows={rows} title={levelTitle} gap={pick} />
        </Card>
      </div>
      <NationalPanel doc={doc} gap={pick} />
      <Caveats caveats={doc.caveats} />
    </>
  );
}

/** The width (px) of an element, kept up to date; 0 until it is laid out. */
function useWidth<E extends HTMLElement>(): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The ranking: the rank, the territory and the map's figure, then as many of the modality's
 * figures as the box holds without scrolling sideways (all of them in the exports; every figure
 * is on the département's page).
 */
function RankingTable({
  id,
  view,
  rows,
  title,
  gap,
}: {
  id: string;
  view: TerritoriesView;
  rows: readonly TerritoryFigures[];
  title: string;
  gap: GapPick;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const [box, width] = useWidth<HTMLDivElement>();
  const m = view.modality;
  type Row = { rank: number | null; figures: TerritoryFigures };
  const ranked = rankTerritories(rows, view.figure, m, gap);
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
      (f) => territoryFigureValue(f, figure, m, gap),
      (v) => (v === null ? MISSING : formatTerritoryFigure(v, figure, lang)),
      figure === 'imputedShare' || figure === 'ageAtLeast10' || figure === 'shareComplete'
        ? 'percent'
        : 'number',
    );
  const mod = modalityLabel(m, lang);
  const figures: Column<Row>[] = [
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
    fig('gap', gapColumnLabel(gap, t)),
    fig('ageAtLeast10', t('territories.col.ageAtLeast10')),
    fig('shareComplete', t('territories.col.shareComplete')),
    fig('nightMriPerMillion', t('territories.col.nightMri')),
    fig('delayP50', t('territories.col.delayP50')),
  ];
  // The map's figure right after the territory's name, so that the ranking reads at a glance;
  // the others that do not fit stay in the exports.
  // Columns the estimate gave but the table could not hold (the box's width they were for).
  const [dropped, setDropped] = useState({ width: 0, n: 0 });
  const drop = dropped.width === width ? dropped.n : 0;
  const shown = rankingColumns(view.figure, width, window.innerWidth, drop);
  useLayoutEffect(() => {
    const scroll = box.current?.querySelector('.table-scroll');
    if (!scroll || width === 0 || shown.length <= 1) return;
    if (scroll.scrollWidth > scroll.clientWidth + 1) setDropped({ width, n: drop + 1 });
  });
  const order = (c: Column<Row>): number => {
    const i = shown.indexOf(c.key);
    return i < 0 ? shown.length : i;
  };
  const ordered = [...figures]
    .sort((a, b) => order(a) - order(b))
    .map((c) => (shown.includes(c.key) ? c : { ...c, exportOnly: true }));
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
    ...ordered,
  ];
  // The modality-specific columns say their modality in the title, not in each header.
  return (
    <div className="territory-ranking" ref={box}>
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
function NationalPanel({ doc, gap }: { doc: TerritoryDocument; gap: GapPick }): ReactNode {
  const t = useT();
  const lang = useLang();
  const n = doc.national;
  type Row = { key: string; label: string; values: Partial<Record<Modality, string>> };
  // The gap's reference with its year (the latest OECD one when none was asked); its density
  // differs per modality, so it is not said here.
  const computed = doc.modalities.map((m) => pickGap(n.gapTo, m, gap)).find((g) => g);
  const reference: GapPick = computed
    ? { reference: computed.reference, ...(computed.year === null ? {} : { year: computed.year }) }
    : gap;
  const perModality = (figure: TerritoryMapFigure): Row => ({
    key: figure,
    label:
      figure === 'gap'
        ? t('territories.figure.gapTo', { reference: gapReferenceText(reference, lang) })
        : t(`territories.figure.${figure}`),
    values: Object.fromEntries(
      doc.modalities.map((m) => [
        m,
        formatTerritoryFigure(territoryFigureValue(n, figure, m, gap), figure, lang),
      ]),
    ),
  });
  const figures = [
    'unitsPerMillion',
    'examsPer1000',
    'imputedShare',
    'gap',
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
          source: populationSourceText(population, lang),
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

/** The select's value of typed target densities. */
const TARGET = 'target';
/** The control's pieces side by side, wrapping on a phone; its problem on a line of its own. */
const ROW_STYLE = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.75rem',
  alignItems: 'flex-end',
} as const;
const PROBLEM_STYLE = {
  flexBasis: '100%',
  margin: 0,
  padding: '0.35rem 0.6rem',
  border: '1px solid #fecdca',
  borderRadius: '7px',
  maxWidth: '40rem',
} as const;

/**
 * The gap's reference: the national density, the OECD average of a year the published figures
 * hold (the latest by default), or target densities typed per modality, applied with a button
 * (or Enter) once each is a number; a value that is not, or a reference the API refused, is
 * said beside the field.
 */
function GapControl({
  doc,
  gapTo,
  refused,
  onChange,
}: {
  doc: TerritoryDocument;
  gapTo: string | null;
  refused: string | null;
  onChange: (gapTo: string | null) => void;
}): ReactNode {
  const t = useT();
  const lang = useLang();
  const years = oecdDensityYearsOf(doc.references);
  const pick = gapPickOf(gapTo);
  const current =
    pick.reference === 'target'
      ? TARGET
      : pick.reference === 'national'
        ? 'national'
        : pick.year === undefined || pick.year === years[0]
          ? 'oecd'
          : `oecd:${pick.year}`;
  const [choice, setChoice] = useState(current);
  const [typed, setTyped] = useState(() => targetsOf(gapTo, lang === 'fr'));
  const [problem, setProblem] = useState<string | null>(
    refused === null ? null : t('territories.gapTo.refused', { message: refused }),
  );
  const apply = (): void => {
    const asked = targetGapTo(typed, doc.modalities);
    if ('gapTo' in asked) {
      setProblem(null);
      onChange(asked.gapTo);
    } else if ('invalid' in asked) {
      setProblem(t('territories.gapTo.invalid', { value: asked.invalid }));
    } else setProblem(t('territories.gapTo.empty'));
  };
  const choose = (value: string): void => {
    setChoice(value);
    setProblem(null);
    if (value !== TARGET) onChange(value === 'oecd' ? null : value);
  };
  const offered = years.map((y, i) => ({
    value: i === 0 ? 'oecd' : `oecd:${y}`,
    label: t('territories.gapTo.oecd', { year: String(y) }),
  }));
  // A year the figures do not hold stays shown while it is the address's (the API refused it).
  if (pick.reference === 'oecd' && pick.year !== undefined && !years.includes(pick.year))
    offered.push({
      value: current,
      label: t('territories.gapTo.oecd', { year: String(pick.year) }),
    });
  return (
    <div style={{ ...ROW_STYLE, flex: '1 1 auto' }} data-testid="territory-gap-control">
      <div className="field">
        <label htmlFor="territory-gap">{t('territories.gapTo.label')}</label>
        <select
          id="territory-gap"
          data-testid="territory-gap"
          value={choice}
          onChange={(e) => choose(e.target.value)}
        >
          {offered.length === 0 && <option value="oecd">{t('territories.gap.oecdLatest')}</option>}
          {offered.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          <option value="national">{t('territories.gapTo.national')}</option>
          <option value={TARGET}>{t('territories.gapTo.target')}</option>
        </select>
      </div>
      {choice === TARGET && (
        <div style={ROW_STYLE}>
          {doc.modalities.map((m) => (
            <div className="field" style={{ minWidth: 0, flex: '0 1 auto' }} key={m}>
              <label htmlFor={`territory-gap-${m}`}>
                {t('territories.gapTo.targetLabel', { modality: modalityLabel(m, lang) })}
              </label>
              <span style={{ display: 'flex', alignItems: 'center', gap: '0.4rem' }}>
                <input
                  id={`territory-gap-${m}`}
                  data-testid={`territory-gap-${m}`}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  size={5}
                  style={{ width: '5.5rem' }}
                  value={typed[m] ?? ''}
                  aria-invalid={problem !== null}
                  aria-describedby={problem === null ? undefined : 'territory-gap-problem'}
                  onChange={(e) => setTyped({ ...typed, [m]: e.target.value })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      apply();
                    }
                  }}
                />
                <span className="muted small">{t('territories.gapTo.unit')}</span>
              </span>
            </div>
          ))}
          <button
            type="button"
            className="button"
            data-testid="territory-gap-apply"
            onClick={apply}
          >
            {t('territories.gapTo.apply')}
          </button>
        </div>
      )}
      {problem !== null && (
        <p
          id="territory-gap-problem"
          className="state-error small"
          style={PROBLEM_STYLE}
          role="alert"
          data-testid="territory-gap-error"
        >
          {problem}
        </p>
      )}
    </div>
  );
}
