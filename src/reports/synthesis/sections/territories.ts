/**
 * Chapter "Territoires": the territory document (planning.md §2) in the synthesis — a map of the
 * départements' CT+MRI units per million, then tables of the nation and its regions (national
 * synthesis) or of the region, its départements and France (regional synthesis): densities beside
 * the published OECD and French figures (year and source in a note), exams per 1,000, gaps,
 * fleet age, platforms, night coverage and pooled waits, each with its provenance, and the
 * limits in words. The document is computed elsewhere and handed in; this only lays it out.
 */
import { registerMapOnce } from '../../../charts/render-svg.ts';
import type { MapBounds, TerritoryMapInset } from '../../../charts/territory-map.ts';
import {
  boundsOf,
  populationSourcePackage,
  TERRITORY_MAP_NAMES,
  territoryMapOption,
} from '../../../charts/territory-map.ts';
import { DEPARTMENTS, GEO_ATTRIBUTION, INSETS } from '../../../charts/geo/index.ts';
import type { Modality } from '../../../core/kit-types.ts';
import { MODALITIES } from '../../../core/kit-types.ts';
import type { Quantiles } from '../../../core/stats.ts';
import type { Lang } from '../../../i18n/index.ts';
import {
  formatDate,
  formatInteger,
  formatNumber,
  formatPercent,
  localeOf,
  MISSING,
  modalityLabel,
} from '../../../i18n/index.ts';
import { regionByCode, regionCodeOf } from '../../../plan/territories/population.ts';
import type {
  Gap,
  Provenance,
  ReferenceFigure,
  ReferenceMeasure,
  TerritoryDocument,
  TerritoryFigures,
} from '../../../plan/territories/types.ts';
import type { ReportSection } from '../../document-types.ts';
import type { Content, Html, TableColumn, TableGroup } from '../../html.ts';
import { html, joinHtml, list, note, paragraph, section } from '../../html.ts';
import type { SynthesisKey } from '../messages/index.ts';
import { sm } from '../messages/index.ts';
import type { RenderContext } from '../render/context.ts';
import { CHART_WIDTH } from '../render/context.ts';
import { keepTogether } from '../render/print.ts';

/**
 * Height (px) of the map of France and its insets: it fits on the chapter's first page under the
 * chapter's opening paragraphs, with its caption.
 */
export const MAP_HEIGHT = 600;
/** Largest and smallest height (px) of a region's map (its départements zoomed onto). */
export const REGION_MAP_HEIGHT = 470;
const REGION_MAP_MIN_HEIGHT = 320;
/**
 * What the map option gives a zoomed region (charts/territory-map.ts): the width beside the
 * legend's column, the room above and below, and a degree of longitude drawn as 0.75 of a
 * degree of latitude. Only the height is derived from them: an approximation is enough.
 */
const MAP_BOX_WIDTH = CHART_WIDTH - 124 - 8;
const MAP_FRAME = 8 + 38;
const MAP_ASPECT = 0.75;

/** What the chapter prints about: the rows of its tables and the territory of its map. */
interface Frame {
  doc: TerritoryDocument;
  /** The scope's own territory: the nation, or the current region of a regional synthesis. */
  own: TerritoryFigures;
  /** Table rows, in order: nation then regions, or region, its départements, then the nation. */
  rows: TerritoryFigures[];
  modalities: Modality[];
  /** Codes of the départements the map colours (`null`: all of them). */
  focus: string[] | null;
}

/** Lower case without accents or punctuation: "Hauts-de-France" ≈ "hauts de france". */
function looseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The frame of a synthesis, or the note saying why the chapter cannot be written. */
function frameOf(ctx: RenderContext, doc: TerritoryDocument | null | undefined): Frame | Html {
  const { lang, scope } = ctx;
  if (!doc) return note(sm(lang, 'terr.missing'), 'warning');
  const modalities = MODALITIES.filter((m) => doc.modalities.includes(m));
  if (scope.region === null) {
    // Metropolitan regions first (INSEE codes 11…94), the overseas ones (01…06) after them.
    const regions = [...doc.regions].sort(
      (a, b) => Number(a.code < '10') - Number(b.code < '10') || a.code.localeCompare(b.code),
    );
    return { doc, own: doc.national, rows: [doc.national, ...regions], modalities, focus: null };
  }
  const code = regionCodeOf(scope.region);
  if (code === null)
    return note(sm(lang, 'terr.region.unknown', { region: scope.region }), 'warning');
  const own = doc.regions.find((r) => r.code === code);
  if (!own) {
    const current = regionByCode(code)?.name ?? code;
    return note(sm(lang, 'terr.region.absent', { current, code }), 'warning');
  }
  const departments = doc.departments.filter((d) => d.region === code);
  return {
    doc,
    own,
    rows: [own, ...departments, doc.national],
    modalities,
    focus: departments.map((d) => d.code),
  };
}

// ---------------------------------------------------------------------------------------------
// Cells

function rowLabel(t: TerritoryFigures, lang: Lang): string {
  if (t.level === 'nation') return sm(lang, 'terr.row.nation');
  if (t.level === 'department')
    return sm(lang, 'terr.row.department', { name: t.name, code: t.code });
  return t.name;
}

/** Row classes: the scope's own territory stands out. */
function rowClasses(frame: Frame, extra = 0): (string | undefined)[] {
  return [
    ...frame.rows.map((t) => (t === frame.own ? 'highlight' : undefined)),
    ...Array.from({ length: extra }, () => 'muted'),
  ];
}

const densityFormats = new Map<Lang, Intl.NumberFormat>();

/** A density with one decimal always ("5,0", "11,8"): the columns line up. */
function density(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  let format = densityFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    densityFormats.set(lang, format);
  }
  return format.format(v);
}

/** A year as it is written, without a thousands separator. */
const year = (y: number | null | undefined): string =>
  y === null || y === undefined ? '' : String(y);
const share = (v: number | null | undefined, lang: Lang): string => formatPercent(v, lang, 0);

/**
 * The population's source in the report's language, from the table's years and the package it
 * was built from (the table's own `source`, French, only when it names no package).
 */
function populationSource(doc: TerritoryDocument, lang: Lang): string {
  const from = populationSourcePackage(doc.population.source);
  if (from === null) return doc.population.source;
  return sm(lang, 'terr.population.source', {
    year: year(doc.population.year),
    inForce: year(doc.population.inForce),
    package: from.name,
    version: from.version,
  });
}

/** "45 (38 %)": a count and its share. */
function countShare(n: number, s: number | null, lang: Lang): string {
  return s === null ? formatInteger(n, lang) : `${formatInteger(n, lang)} (${share(s, lang)})`;
}

function quantileCell(q: Quantiles | undefined, lang: Lang): string {
  if (!q || q.p50 === null) return '—';
  return sm(lang, 'terr.quantiles', {
    p50: formatNumber(q.p50, lang, 1),
    p20: formatNumber(q.p20, lang, 1),
    p80: formatNumber(q.p80, lang, 1),
  });
}

const right = (label: Content, width?: string): TableColumn =>
  width === undefined ? { label, align: 'right' } : { label, align: 'right', width };

/** The territory column, then groups of columns per modality. */
function groupsOf(frame: Frame, lang: Lang, lead: number, perModality: number): TableGroup[] {
  return [
    { label: '', span: lead },
    ...frame.modalities.map((m) => ({ label: modalityLabel(m, lang), span: perModality })),
  ];
}

/**
 * "Provenance : déclaré (registre…), publié (…)." from the document's kinds of some fields; for
 * the waits, what is declared is the sites' survey, not the register.
 */
function provenanceNote(frame: Frame, lang: Lang, fields: readonly string[]): Html {
  const kinds: Provenance[] = [];
  for (const f of fields)
    for (const k of frame.doc.provenance[f]?.kinds ?? []) if (!kinds.includes(k)) kinds.push(k);
  const order: Provenance[] = ['measured', 'declared', 'imputed', 'reference', 'input'];
  const text = order
    .filter((k) => kinds.includes(k))
    .map((k) =>
      k === 'declared' && fields.includes('waiting')
        ? sm(lang, 'terr.prov.survey')
        : sm(lang, `terr.prov.${k}` as SynthesisKey),
    )
    .join(', ');
  return paragraph(sm(lang, 'terr.provenance', { kinds: text }), 'muted');
}

// ---------------------------------------------------------------------------------------------
// Published figures

/** One row of published figures: an area and a year, with its figures per modality and sector. */
interface ReferenceRow {
  area: string;
  year: number;
  figures: ReferenceFigure[];
  marks: number[];
}

/** Published figures of `measure` worth printing beside a campaign of `year`, as rows. */
function referenceRows(
  doc: TerritoryDocument,
  measure: ReferenceMeasure,
  modalities: readonly Modality[],
): ReferenceRow[] {
  const refs = doc.references.filter((r) => r.measure === measure && Number.isFinite(r.value));
  const campaignYear = doc.campaign.year;
  const keys = new Set<string>();
  for (const m of modalities) {
    const whole = refs.filter((r) => r.modality === m && r.sector === null);
    // The OECD average: the latest (the gap's reference) and the one nearest the campaign.
    // France: the figure nearest the campaign's year and the latest.
    for (const area of ['OECD', 'FRA']) {
      const of = whole.filter((r) => r.area === area);
      if (of.length === 0) continue;
      const latest = of.reduce((a, b) => (b.year > a.year ? b : a));
      const nearest = of.reduce((a, b) => {
        const da = Math.abs(a.year - campaignYear);
        const db = Math.abs(b.year - campaignYear);
        return db < da || (db === da && b.year > a.year) ? b : a;
      });
      keys.add(`${area}|${latest.year}`);
      keys.add(`${area}|${nearest.year}`);
    }
  }
  const rows = [...keys].map((key): ReferenceRow => {
    const [area = '', year = '0'] = key.split('|');
    return {
      area,
      year: Number(year),
      figures: refs.filter(
        (r) => r.area === area && r.year === Number(year) && modalities.includes(r.modality),
      ),
      marks: [],
    };
  });
  // OECD first, then France, each by year.
  return rows.sort((a, b) => (a.area === b.area ? a.year - b.year : a.area === 'OECD' ? -1 : 1));
}

/** Numbers the sources of the rows (1, 2, …, one per distinct source, in `sources`) in their marks. */
function numberSources(rows: ReferenceRow[], sources: string[]): void {
  for (const row of rows) {
    for (const f of row.figures) {
      let i = sources.indexOf(f.source);
      if (i < 0) i = sources.push(f.source) - 1;
      if (!row.marks.includes(i + 1)) row.marks.push(i + 1);
    }
    row.marks.sort((a, b) => a - b);
  }
}

/** "France", "OCDE"; other areas by their ISO code. */
function areaName(area: string, lang: Lang): string {
  if (area === 'FRA') return 'France';
  return area === 'OECD' ? sm(lang, 'terr.area.oecd') : area;
}

function referenceLabel(row: ReferenceRow, lang: Lang): Html {
  const label = sm(lang, row.area === 'OECD' ? 'terr.ref.oecd' : 'terr.ref.france', {
    year: year(row.year),
  });
  return html`${label}<sup>${row.marks.join(',')}</sup>`;
}

/** The figure of a reference row for a modality and sector (`null` for the whole fleet). */
function figureOf(
  row: ReferenceRow,
  m: Modality,
  sector: ReferenceFigure['sector'],
): ReferenceFigure | undefined {
  return row.figures.find((f) => f.modality === m && f.sector === sector);
}

/** The note under a table: each source by its mark, and the remarks given with the figures. */
function sourcesNote(
  rows: readonly ReferenceRow[],
  sources: readonly string[],
  lang: Lang,
): Html | null {
  if (sources.length === 0) return null;
  const items: Content[] = sources.map((source, i) =>
    sm(lang, 'terr.ref.source', { mark: i + 1, source }),
  );
  for (const row of rows)
    for (const f of row.figures)
      if (f.note !== null)
        items.push(
          sm(lang, 'terr.ref.note', {
            area: areaName(f.area, lang),
            year: year(f.year),
            modality: modalityLabel(f.modality, lang),
            note: f.note,
          }),
        );
  return note(html`${sm(lang, 'terr.ref.sources')}${list(items)}`);
}

// ---------------------------------------------------------------------------------------------
// Sections

function introSection(ctx: RenderContext, frame: Frame | Html): ReportSection {
  const { lang, scope } = ctx;
  if (!('doc' in frame)) {
    return section({
      id: 'territories',
      title: sm(lang, 'terr.title'),
      level: 1,
      body: joinHtml([paragraph(sm(lang, 'terr.intro')), frame]),
    });
  }
  const { doc, own } = frame;
  const r = doc.register;
  const date = formatDate(doc.campaign.start, lang);
  const fleet: Html[] = [];
  if (r.source === 'register') {
    fleet.push(
      paragraph(sm(lang, 'terr.fleet.register', { rows: r.rows, inService: r.inService, date })),
    );
    if (r.notYetInService > 0)
      fleet.push(paragraph(sm(lang, 'terr.fleet.notYet', { n: r.notYetInService })));
    if (r.addedFromCampaign > 0)
      fleet.push(paragraph(sm(lang, 'terr.fleet.added', { n: r.addedFromCampaign })));
  } else {
    // Without a register, the fleet is the campaign's machines, all added to it.
    const n = frame.modalities.reduce((sum, m) => sum + (doc.national.units[m]?.total ?? 0), 0);
    fleet.push(note(sm(lang, 'terr.fleet.campaignOnly', { n }), 'warning'));
  }
  const renamed =
    scope.region !== null && looseName(scope.region) !== looseName(own.name)
      ? note(
          sm(lang, 'terr.region.current', {
            current: own.name,
            code: own.code,
            region: scope.region,
          }),
        )
      : null;
  return section({
    id: 'territories',
    title: sm(lang, 'terr.title'),
    level: 1,
    body: joinHtml([
      paragraph(sm(lang, 'terr.intro')),
      renamed,
      ...fleet,
      paragraph(
        sm(lang, 'terr.population', {
          year: year(doc.population.year),
          inForce: year(doc.population.inForce),
          total: formatInteger(doc.population.total, lang),
          source: populationSource(doc, lang),
        }),
      ),
      own === doc.national
        ? null
        : paragraph(
            sm(lang, 'terr.population.region', {
              region: own.name,
              population: formatInteger(own.population, lang),
              share: formatPercent(own.population / doc.population.total, lang, 1),
            }),
          ),
    ]),
  });
}

/**
 * The height of the map: France and its insets at a fixed height (fit on the chapter's first
 * page), a region's départements as large as the column beside the legend allows.
 */
function mapHeight(bounds: MapBounds | null): number {
  if (bounds === null) return MAP_HEIGHT;
  const [west, south, east, north] = bounds;
  const drawn = MAP_BOX_WIDTH * ((north - south) / Math.max(1e-6, (east - west) * MAP_ASPECT));
  return Math.round(
    Math.min(REGION_MAP_HEIGHT, Math.max(REGION_MAP_MIN_HEIGHT, drawn + MAP_FRAME)),
  );
}

/** CT+MRI (or the document's one modality) units per million of each département. */
function mapSection(ctx: RenderContext, frame: Frame): ReportSection {
  const { lang, scope } = ctx;
  const { doc, modalities, focus } = frame;
  registerMapOnce(TERRITORY_MAP_NAMES.department, DEPARTMENTS);
  const [only] = modalities;
  const what =
    modalities.length === 1 && only !== undefined
      ? sm(lang, 'terr.map.caption.one', { modality: modalityLabel(only, lang) })
      : sm(lang, 'terr.map.caption.both');
  const values = doc.departments.map((d) => {
    let units = 0;
    for (const m of modalities) units += d.units[m]?.total ?? 0;
    return {
      code: d.code,
      name: d.name,
      value: d.population > 0 ? (units / d.population) * 1_000_000 : null,
    };
  });
  // A region: its départements zoomed onto, the neighbours pale and cut at the chart's box.
  const bounds = focus === null ? null : boundsOf(DEPARTMENTS, focus, 0.04);
  const option = territoryMapOption({
    level: 'department',
    figure: 'unitsPerMillion',
    modality: only ?? 'CT',
    values,
    lang,
    insets: INSETS as readonly TerritoryMapInset[],
    attribution: GEO_ATTRIBUTION,
    ...(focus === null ? {} : { focus: { codes: focus, ...(bounds ? { bounds } : {}) } }),
  });
  // The option names one modality's figure; this map sums the modalities: say so to readers of
  // the SVG (its description) too.
  const aria = sm(lang, 'terr.map.aria', { what });
  const series = Array.isArray(option.series)
    ? option.series.map((s, i) => (i === 0 ? { ...s, name: what } : s))
    : option.series;
  // A region's few départements carry their names (all of France's would not be readable).
  const names = new Map(
    values.filter((v) => focus?.includes(v.code) ?? false).map((v) => [v.code, v.name]),
  );
  const label = {
    show: true,
    formatter: (p: { name?: string }) => names.get(p.name ?? '') ?? '',
    color: '#1b1f24',
    fontSize: 11,
    textBorderColor: '#ffffff',
    textBorderWidth: 2.5,
  };
  const geo = focus === null || Array.isArray(option.geo) ? option.geo : { ...option.geo, label };
  const mapOption = {
    ...option,
    geo,
    aria: { enabled: true, label: { description: aria } },
    series,
  };
  const fleet = sm(
    lang,
    doc.register.source === 'register' ? 'terr.map.fleet.register' : 'terr.map.fleet.campaign',
  );
  const sourceParams = {
    date: formatDate(doc.campaign.start, lang),
    fleet,
    year: year(doc.population.year),
    attribution: GEO_ATTRIBUTION,
  };
  return section({
    id: 'territories-map',
    title: sm(lang, 'terr.map.title'),
    level: 2,
    body: ctx.chart({
      id: 'fig-territories-map',
      title:
        scope.region === null
          ? what
          : sm(lang, 'terr.map.caption.region', { what, region: frame.own.name }),
      option: mapOption,
      height: focus === null ? MAP_HEIGHT : mapHeight(bounds),
      source: sm(lang, focus === null ? 'terr.map.source' : 'terr.map.source.region', sourceParams),
    }),
  });
}

function equipmentSection(ctx: RenderContext, frame: Frame): ReportSection {
  const { lang } = ctx;
  const { doc, modalities, own } = frame;
  const refs = referenceRows(doc, 'unitsPerMillion', modalities);
  const sources: string[] = [];
  numberSources(refs, sources);
  const territoryRows = frame.rows.map((t) => [
    rowLabel(t, lang),
    formatInteger(t.population, lang),
    ...modalities.flatMap((m) => {
      const u = t.units[m];
      const d = t.unitsPerMillion[m];
      return [
        formatInteger(u?.total, lang),
        density(d?.total, lang),
        density(d?.hospital, lang),
        density(d?.privatePractice, lang),
      ];
    }),
  ]);
  const referenceCells = refs.map((row) => [
    referenceLabel(row, lang),
    '',
    ...modalities.flatMap((m) => [
      '',
      density(figureOf(row, m, null)?.value, lang),
      density(figureOf(row, m, 'hospital')?.value, lang),
      density(figureOf(row, m, 'private_practice')?.value, lang),
    ]),
  ]);
  const lines = modalities.map((m) => {
    const u = own.units[m];
    const d = own.unitsPerMillion[m];
    return sm(lang, 'terr.equipment.line', {
      modality: modalityLabel(m, lang),
      units: u?.total ?? 0,
      density: density(d?.total, lang),
      hospital: density(d?.hospital, lang),
      private: density(d?.privatePractice, lang),
    });
  });
  const compare = modalities.map((m) => {
    const value = (area: string): string => {
      const f = refs
        .filter((r) => r.area === area)
        .map((r) => figureOf(r, m, null))
        .filter((f): f is ReferenceFigure => f !== undefined)
        .sort((a, b) => b.year - a.year)[0];
      return f
        ? sm(lang, 'terr.ref.value', { value: density(f.value, lang), year: year(f.year) })
        : sm(lang, 'terr.ref.noneOecd');
    };
    const params = {
      modality: modalityLabel(m, lang),
      national: density(doc.national.unitsPerMillion[m]?.total, lang),
      oecd: value('OECD'),
      france: value('FRA'),
    };
    return own === doc.national
      ? sm(lang, 'terr.equipment.compareNational', params)
      : sm(lang, 'terr.equipment.compare', params);
  });
  const unknownSector = modalities.reduce((s, m) => s + (own.units[m]?.unknownSector ?? 0), 0);
  return section({
    id: 'territories-equipment',
    title: sm(lang, 'terr.equipment.title'),
    level: 2,
    body: joinHtml([
      paragraph(lines.join(' ')),
      paragraph(compare.join(' ')),
      unknownSector > 0
        ? paragraph(sm(lang, 'terr.equipment.unknownSector', { n: unknownSector }))
        : null,
      keepTogether([
        ctx.table({
          title: sm(lang, 'terr.tables.equipment'),
          groups: groupsOf(frame, lang, 2, 4),
          columns: [
            { label: sm(lang, 'terr.col.territory'), width: '21%' },
            right(sm(lang, 'terr.col.population')),
            ...modalities.flatMap(() => [
              right(sm(lang, 'terr.col.units')),
              right(sm(lang, 'terr.col.perMillion')),
              right(sm(lang, 'terr.col.hospital')),
              right(sm(lang, 'terr.col.private')),
            ]),
          ],
          rows: [...territoryRows, ...referenceCells],
          rowClasses: rowClasses(frame, referenceCells.length),
          className: 'territories territories-equipment',
        }),
        paragraph(sm(lang, 'terr.equipment.reading'), 'muted'),
        sourcesNote(refs, sources, lang),
        provenanceNote(frame, lang, ['population', 'units', 'unitsPerMillion']),
      ]),
    ]),
  });
}

function examsSection(ctx: RenderContext, frame: Frame): ReportSection {
  const { lang } = ctx;
  const { doc, modalities } = frame;
  const refs = referenceRows(doc, 'examsPer1000', modalities);
  const sources: string[] = [];
  numberSources(refs, sources);
  return section({
    id: 'territories-exams',
    title: sm(lang, 'terr.exams.title'),
    level: 2,
    body: joinHtml([
      keepTogether([
        paragraph(sm(lang, 'terr.exams.intro', { days: doc.campaign.days })),
        ctx.table({
          title: sm(lang, 'terr.tables.exams'),
          groups: groupsOf(frame, lang, 1, 3),
          columns: [
            { label: sm(lang, 'terr.col.territory'), width: '28%' },
            ...modalities.flatMap(() => [
              right(sm(lang, 'terr.col.examsPer1000')),
              right(sm(lang, 'terr.col.imputed')),
              right(sm(lang, 'terr.col.annualExams')),
            ]),
          ],
          rows: [
            ...frame.rows.map((t) => [
              rowLabel(t, lang),
              ...modalities.flatMap((m) => {
                const e = t.examsPer1000[m];
                return [
                  density(e?.value, lang),
                  share(t.imputedShare[m], lang),
                  formatInteger(e?.annualExams, lang),
                ];
              }),
            ]),
            ...refs.map((row) => [
              referenceLabel(row, lang),
              ...modalities.flatMap((m) => [density(figureOf(row, m, null)?.value, lang), '', '']),
            ]),
          ],
          rowClasses: rowClasses(frame, refs.length),
          className: 'territories territories-exams',
        }),
        sourcesNote(refs, sources, lang),
        provenanceNote(frame, lang, ['examsPer1000', 'imputedShare']),
      ]),
    ]),
  });
}

/** The gap references of a document, once each (reference and year), in its order. */
function gapReferences(
  doc: TerritoryDocument,
): { reference: Gap['reference']; year: number | null }[] {
  const out: { reference: Gap['reference']; year: number | null }[] = [];
  for (const g of doc.national.gapTo)
    if (!out.some((r) => r.reference === g.reference && r.year === g.year))
      out.push({ reference: g.reference, year: g.year });
  return out;
}

function gapSection(ctx: RenderContext, frame: Frame): ReportSection {
  const { lang } = ctx;
  const { doc, modalities } = frame;
  const refs = gapReferences(doc);
  const gapOf = (t: TerritoryFigures, r: (typeof refs)[number], m: Modality): Gap | undefined =>
    t.gapTo.find((g) => g.reference === r.reference && g.year === r.year && g.modality === m);
  const name = (r: (typeof refs)[number], group: boolean): string => {
    const key = `terr.gap.${group ? 'group.' : ''}${r.reference}` as SynthesisKey;
    return sm(lang, key, { year: year(r.year) });
  };
  const described = refs.map((r) =>
    sm(lang, 'terr.gap.ref', {
      name: name(r, false),
      values: modalities
        .map((m) => {
          const g = gapOf(doc.national, r, m);
          return g ? `${modalityLabel(m, lang)} ${density(g.unitsPerMillion, lang)}` : null;
        })
        .filter((v): v is string => v !== null)
        .join(', '),
    }),
  );
  const columns: TableColumn[] = [{ label: sm(lang, 'terr.col.territory'), width: '28%' }];
  const groups: TableGroup[] = [{ label: '', span: 1 }];
  for (const r of refs) {
    groups.push({ label: name(r, true), span: modalities.length });
    for (const m of modalities) columns.push(right(modalityLabel(m, lang)));
  }
  return section({
    id: 'territories-gap',
    title: sm(lang, 'terr.gap.title'),
    level: 2,
    body:
      refs.length === 0
        ? paragraph(sm(lang, 'terr.gap.none'))
        : joinHtml([
            keepTogether([
              paragraph(
                sm(lang, 'terr.gap.intro', { refs: described.join(sm(lang, 'terr.separator')) }),
              ),
              ctx.table({
                title: sm(lang, 'terr.tables.gap'),
                groups,
                columns,
                rows: frame.rows.map((t) => [
                  rowLabel(t, lang),
                  ...refs.flatMap((r) =>
                    modalities.map((m) => formatInteger(gapOf(t, r, m)?.machines, lang)),
                  ),
                ]),
                rowClasses: rowClasses(frame),
                className: 'territories territories-gap',
              }),
              provenanceNote(frame, lang, ['gapTo']),
            ]),
          ]),
  });
}

function ageSection(ctx: RenderContext, frame: Frame): ReportSection {
  const { lang } = ctx;
  const { doc, modalities, own } = frame;
  let known = 0;
  let total = 0;
  for (const m of modalities) {
    known += own.fleetAge[m]?.known ?? 0;
    total += (own.fleetAge[m]?.known ?? 0) + (own.fleetAge[m]?.unknown ?? 0);
  }
  return section({
    id: 'territories-age',
    title: sm(lang, 'terr.age.title'),
    level: 2,
    body: joinHtml([
      keepTogether([
        paragraph(
          sm(lang, 'terr.age.intro', {
            year: year(doc.campaign.year),
            known,
            total: formatInteger(total, lang),
          }),
        ),
        ctx.table({
          title: sm(lang, 'terr.tables.age'),
          groups: groupsOf(frame, lang, 1, 4),
          columns: [
            { label: sm(lang, 'terr.col.territory'), width: '24%' },
            ...modalities.flatMap(() => [
              right(sm(lang, 'terr.col.meanAge')),
              right(sm(lang, 'terr.col.age7')),
              right(sm(lang, 'terr.col.age10')),
              right(sm(lang, 'terr.col.toRenew')),
            ]),
          ],
          rows: frame.rows.map((t) => [
            rowLabel(t, lang),
            ...modalities.flatMap((m) => {
              const a = t.fleetAge[m];
              return [
                a?.meanYears == null
                  ? '—'
                  : sm(lang, 'terr.years', { value: formatNumber(a.meanYears, lang, 1) }),
                share(a?.shareAtLeast7, lang),
                share(a?.shareAtLeast10, lang),
                formatInteger(a?.toRenew, lang),
              ];
            }),
          ]),
          rowClasses: rowClasses(frame),
          className: 'territories territories-age',
        }),
        provenanceNote(frame, lang, ['fleetAge']),
      ]),
    ]),
  });
}

function platformsSection(ctx: RenderContext, frame: Frame): ReportSection {
  const { lang } = ctx;
  return section({
    id: 'territories-platforms',
    title: sm(lang, 'terr.platforms.title'),
    level: 2,
    body: joinHtml([
      keepTogether([
        paragraph(sm(lang, 'terr.platforms.intro')),
        ctx.table({
          title: sm(lang, 'terr.tables.platforms'),
          columns: [
            { label: sm(lang, 'terr.col.territory'), width: '24%' },
            right(sm(lang, 'terr.col.sites')),
            right(sm(lang, 'terr.col.complete')),
            right(sm(lang, 'terr.col.ctOnly')),
            right(sm(lang, 'terr.col.mriOnly')),
            right(sm(lang, 'terr.col.perSite')),
            right(sm(lang, 'terr.col.regrouped')),
          ],
          rows: frame.rows.map((t) => {
            const c = t.completeness;
            return [
              rowLabel(t, lang),
              formatInteger(c.sites, lang),
              countShare(c.complete, c.shareComplete, lang),
              countShare(c.ctOnly, c.shareCtOnly, lang),
              countShare(c.mriOnly, c.shareMriOnly, lang),
              density(c.machinesPerSite, lang),
              share(c.regroupedShare, lang),
            ];
          }),
          rowClasses: rowClasses(frame),
          className: 'territories territories-platforms',
        }),
        provenanceNote(frame, lang, ['completeness']),
      ]),
    ]),
  });
}

/** Départements of `t` without night MRI, by name (all of them when `t` is the nation). */
function withoutNightMri(frame: Frame, t: TerritoryFigures, lang: Lang): string[] {
  const names = new Map(frame.doc.departments.map((d) => [d.code, d.name]));
  return t.nightCoverage.departmentsWithoutNightMri.map((code) =>
    sm(lang, 'terr.row.department', { name: names.get(code) ?? code, code }),
  );
}

function nightSection(ctx: RenderContext, frame: Frame): ReportSection {
  const { lang } = ctx;
  const { modalities, own } = frame;
  const withMri = modalities.includes('MR');
  const measured = (t: TerritoryFigures): number =>
    modalities.reduce((s, m) => s + (t.nightCoverage.campaignMachines[m] ?? 0), 0);
  const departmentsOf = (t: TerritoryFigures): number =>
    t.level === 'department'
      ? 1
      : t.level === 'nation'
        ? frame.doc.departments.length
        : frame.doc.departments.filter((d) => d.region === t.code).length;
  const without = (t: TerritoryFigures): number =>
    t.level === 'department'
      ? t.nightCoverage.nightMriAccess
        ? 0
        : 1
      : t.nightCoverage.departmentsWithoutNightMri.length;
  const missing = withMri ? withoutNightMri(frame, own, lang) : [];
  const columns: TableColumn[] = [
    { label: sm(lang, 'terr.col.territory'), width: '24%' },
    right(sm(lang, 'terr.col.measured')),
    ...modalities.map((m) => right(`${sm(lang, 'terr.col.onCall')} ${modalityLabel(m, lang)}`)),
    ...(withMri
      ? [
          right(sm(lang, 'terr.col.nightMri')),
          right(sm(lang, 'terr.col.nightMriPerMillion')),
          right(sm(lang, 'terr.col.withoutNightMri')),
        ]
      : []),
  ];
  return section({
    id: 'territories-night',
    title: sm(lang, 'terr.night.title'),
    level: 2,
    body: joinHtml([
      keepTogether([
        paragraph(sm(lang, 'terr.night.intro', { n: measured(frame.doc.national) })),
        ctx.table({
          title: sm(lang, 'terr.tables.night'),
          columns,
          rows: frame.rows.map((t) => [
            rowLabel(t, lang),
            formatInteger(measured(t), lang),
            ...modalities.map((m) => density(t.nightCoverage.significantOnCallPerMillion[m], lang)),
            ...(withMri
              ? [
                  formatInteger(t.nightCoverage.nightMriMachines, lang),
                  density(t.nightCoverage.nightMriPerMillion, lang),
                  `${formatInteger(without(t), lang)} / ${formatInteger(departmentsOf(t), lang)}`,
                ]
              : []),
          ]),
          rowClasses: rowClasses(frame),
          className: 'territories territories-night',
        }),
        withMri
          ? note(
              missing.length === 0
                ? sm(lang, 'terr.night.allCovered')
                : sm(lang, 'terr.night.without', {
                    n: missing.length,
                    of: departmentsOf(own),
                    list: missing.join(', '),
                  }),
            )
          : null,
        provenanceNote(frame, lang, ['nightCoverage']),
      ]),
    ]),
  });
}

function waitsSection(ctx: RenderContext, frame: Frame): ReportSection {
  const { lang } = ctx;
  const { modalities } = frame;
  return section({
    id: 'territories-waits',
    title: sm(lang, 'terr.waits.title'),
    level: 2,
    body: joinHtml([
      keepTogether([
        paragraph(sm(lang, 'terr.waits.intro')),
        ctx.table({
          title: sm(lang, 'terr.tables.waits'),
          groups: groupsOf(frame, lang, 1, 4),
          columns: [
            { label: sm(lang, 'terr.col.territory'), width: '22%' },
            ...modalities.flatMap(() => [
              right(sm(lang, 'terr.col.realised')),
              right(sm(lang, 'terr.col.n')),
              right(sm(lang, 'terr.col.survey')),
              right(sm(lang, 'terr.col.n')),
            ]),
          ],
          rows: frame.rows.map((t) => [
            rowLabel(t, lang),
            ...modalities.flatMap((m) => {
              const w = t.waiting[m];
              return [
                quantileCell(w?.realised, lang),
                formatInteger(w?.realised.n ?? 0, lang),
                quantileCell(w?.survey, lang),
                formatInteger(w?.survey.n ?? 0, lang),
              ];
            }),
          ]),
          rowClasses: rowClasses(frame),
          className: 'territories territories-waits',
        }),
        provenanceNote(frame, lang, ['waiting']),
      ]),
    ]),
  });
}

function caveatsSection(ctx: RenderContext, frame: Frame): ReportSection {
  const { lang, scope } = ctx;
  const { doc, modalities } = frame;
  let imputed = 0;
  let annual = 0;
  let imputedMachines = 0;
  for (const m of modalities) {
    imputed += doc.national.examsPer1000[m]?.imputedExams ?? 0;
    annual += doc.national.examsPer1000[m]?.annualExams ?? 0;
    imputedMachines += doc.national.examsPer1000[m]?.imputedMachines ?? 0;
  }
  const populationYear = doc.caveats.find((c) => c.code === 'population-year');
  const years = {
    populationYear: year(doc.population.year),
    inForce: year(doc.population.inForce),
    campaignYear: year(doc.campaign.year),
  };
  const items: Content[] = [
    sm(lang, 'terr.caveat.place'),
    imputedMachines > 0
      ? sm(lang, 'terr.caveat.imputed', {
          share: formatPercent(annual > 0 ? imputed / annual : null, lang, 0),
          machines: imputedMachines,
        })
      : sm(lang, 'terr.caveat.noImputed'),
    sm(lang, populationYear ? 'terr.caveat.populationYear' : 'terr.caveat.populationClose', years),
    sm(lang, 'terr.caveat.sample', {
      n: modalities.reduce((s, m) => s + (doc.national.nightCoverage.campaignMachines[m] ?? 0), 0),
    }),
  ];
  if (doc.register.source === 'campaign-only') items.push(sm(lang, 'terr.caveat.campaignOnly'));
  if (doc.unplaced.sites.length > 0)
    items.push(
      sm(lang, 'terr.caveat.unplaced', {
        sites: doc.unplaced.sites.length,
        machines: doc.unplaced.machines,
      }),
    );
  if (doc.register.unknownDepartments.length > 0)
    items.push(
      sm(lang, 'terr.caveat.unknownDepartments', {
        codes: doc.register.unknownDepartments.join(', '),
      }),
    );
  if (scope.region !== null && looseName(scope.region) !== looseName(frame.own.name))
    items.push(
      sm(lang, 'terr.region.current', {
        current: frame.own.name,
        code: frame.own.code,
        region: scope.region,
      }),
    );
  items.push(
    sm(lang, 'terr.caveat.sources', {
      population: doc.population.source,
      attribution: GEO_ATTRIBUTION,
    }),
  );
  return section({
    id: 'territories-caveats',
    title: sm(lang, 'terr.caveats.title'),
    level: 2,
    body: list(items),
  });
}

/**
 * The chapter's sections: the chapter alone with a note when the territory document is missing
 * (or does not hold the synthesis' region); else the map, the tables and the limits.
 *
 * @example
 * territorySections(ctx, territoriesOf(source)); // [territories, territories-map, …]
 */
export function territorySections(
  ctx: RenderContext,
  doc: TerritoryDocument | null | undefined,
): ReportSection[] {
  const frame = frameOf(ctx, doc);
  const intro = introSection(ctx, frame);
  if (!('doc' in frame)) return [intro];
  return [
    intro,
    mapSection(ctx, frame),
    equipmentSection(ctx, frame),
    examsSection(ctx, frame),
    gapSection(ctx, frame),
    ageSection(ctx, frame),
    platformsSection(ctx, frame),
    nightSection(ctx, frame),
    waitsSection(ctx, frame),
    caveatsSection(ctx, frame),
  ];
}
