/**
 * The on-call pooling document (planning.md §4) of a territory: its sites, the PDS demand, the
 * four organisation options with their figures and provenance, the model and notes (stable codes
 * with raw parameters; each consumer words them in its language). Pure: what `plateau oncall
 * --json`, the API, the web page and the regional synthesis all show.
 */
import type { Kit } from '../../core/kit-types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import { sitePlace } from '../territories/site-places.ts';
import { pdsDemand } from './demand.ts';
import { poolingOptions } from './pooling.ts';
import type { PdsDemand, PoolingOption, Provenance, ReadingModel } from './types.ts';

/** The territory asked: a département, a region or a list of sites. */
export interface OncallTerritory {
  kind: 'department' | 'region' | 'sites';
  /** INSEE code of the département or region; `null` for a list of sites. */
  code: string | null;
  name: string | null;
  /** The FINESS asked, for `kind: 'sites'`. */
  sites: string[] | null;
}

/** The options of a pooling computation, checked. */
export interface OncallOptions {
  territory: OncallTerritory;
  model: ReadingModel;
  /** Public holidays `YYYY-MM-DD`, counted as weekend days. */
  holidays: string[];
}

/**
 * The reading settings as query parameters (the API's and the web page's address): reading
 * minutes per modality, `fixed` or `exponential`, target minutes and share (0–1), euros per
 * on-call hour, holidays `YYYY-MM-DD,…`.
 */
export const ONCALL_SETTING_PARAMS = [
  'readingCT',
  'readingMR',
  'reading',
  'targetMinutes',
  'targetShare',
  'hourlyRate',
  'holidays',
] as const;

/** The sites of a territory, or why there are none. */
export type TerritorySites =
  | { ok: true; sites: string[] }
  | { ok: false; code: 'unknownSites'; unknown: string[] }
  | { ok: false; code: 'noSite' };

/** The FINESS of the kit's sites in the territory, sorted; unknown asked sites or an empty territory say so. */
export function sitesOfTerritory(
  kit: Pick<Kit, 'establishments'>,
  territory: OncallTerritory,
): TerritorySites {
  const finess = new Set(kit.establishments.map((e) => e.finess));
  if (territory.kind === 'sites') {
    const unknown = (territory.sites ?? []).filter((s) => !finess.has(s));
    if (unknown.length > 0) return { ok: false, code: 'unknownSites', unknown };
    return { ok: true, sites: [...new Set(territory.sites ?? [])].sort() };
  }
  const chosen = kit.establishments
    .filter((e) => {
      const place = sitePlace(e);
      return territory.kind === 'department'
        ? place.department === territory.code
        : place.inseeRegion === territory.code;
    })
    .map((e) => e.finess)
    .sort();
  return chosen.length === 0 ? { ok: false, code: 'noSite' } : { ok: true, sites: chosen };
}

/** Codes of the notes of a pooling document. */
export type OncallNoteCode =
  | 'illustrativeReading'
  | 'stationary'
  | 'noHolidays'
  | 'unreachable'
  | 'readingCeiling'
  | 'noDemand';

/**
 * A note of the document: a stable code and raw parameters (numbers unformatted: `share` and
 * `targetShare` are 0–1, minutes are minutes), worded by the CLI, the web page and the PDF.
 */
export interface OncallNote {
  code: OncallNoteCode;
  params: Record<string, string | number>;
}

/** The figures of an option, flat, with their provenance. */
export const ONCALL_FIGURES = [
  'linesNeeded',
  'onCallHoursPerWeek',
  'shareReadWithinTarget',
  'meanResponseMinutes',
  'examsPerOnCallHour',
  'costPerWeek',
] as const;
export type OncallFigure = (typeof ONCALL_FIGURES)[number];

/** One organisation option of the document. */
export type OncallOptionFigures = {
  option: PoolingOption['id'];
  provenance: Record<OncallFigure, Provenance>;
  queues: PoolingOption['queues'];
} & Record<OncallFigure, number | null>;

/** The pooling document. */
export interface OncallDocument {
  campaign: { id: string; name: string; start: string; days: number; timeZone: string };
  territory: OncallTerritory;
  sites: { finess: string; name: string; department: string | null }[];
  demand: {
    campaignDays: number;
    hoursPerWeek: PdsDemand['hoursPerWeek'];
    /** Per site and modality; `byHourOfWeek` (168 values, exams per week) kept for the charts. */
    rows: PdsDemand['rows'];
    provenance: Provenance;
  };
  options: OncallOptionFigures[];
  model: ReadingModel & { holidays: string[] };
  notes: OncallNote[];
}

/**
 * The pooling document of the kit's sites `sites` (from `sitesOfTerritory`) under checked options.
 *
 * @example
 * const t = sitesOfTerritory(kit, territory);
 * if (t.ok) oncallDocument(kit, t.sites, options).options[1].linesNeeded;
 */
export function oncallDocument(
  kit: Pick<Kit, 'campaign' | 'establishments' | 'equipment' | 'exams'>,
  sites: readonly string[],
  options: OncallOptions,
): OncallDocument {
  const chosen = new Set(sites);
  const equipment = kit.equipment.filter((e) => chosen.has(e.finess));
  const demand = pdsDemand(kit.campaign, equipment, kit.exams, new Set(options.holidays));
  const pooled = poolingOptions(demand, options.model, sites);
  const notes: OncallNote[] = [];
  const note = (code: OncallNoteCode, params: Record<string, string | number> = {}): void =>
    void notes.push({ code, params });
  const m = options.model;
  if (m.readingProvenance === 'illustrative') note('illustrativeReading');
  if (demand.rows.length === 0) note('noDemand');
  note('stationary');
  if (options.holidays.length === 0) note('noHolidays');
  if (pooled.some((o) => o.linesNeeded.value === null)) note('unreachable', { max: m.maxLines });
  if (m.distribution === 'exponential') {
    // Response ≥ reading: with exponential reading of mean r, at most 1 − e^{−t/r} is read within t.
    for (const modality of MODALITIES) {
      if (!demand.rows.some((r) => r.modality === modality)) continue;
      const ceiling = 1 - Math.exp(-m.targetMinutes / m.readingMinutes[modality]);
      if (ceiling < m.targetShare)
        note('readingCeiling', {
          modality,
          share: ceiling,
          targetMinutes: m.targetMinutes,
          minutes: m.readingMinutes[modality],
        });
    }
  }
  const byFiness = new Map(kit.establishments.map((e) => [e.finess, e]));
  return {
    campaign: {
      id: kit.campaign.id,
      name: kit.campaign.name,
      start: kit.campaign.start,
      days: kit.campaign.days,
      timeZone: kit.campaign.timeZone,
    },
    territory: options.territory,
    sites: sites.map((f) => {
      const e = byFiness.get(f);
      return { finess: f, name: e?.name ?? f, department: e ? sitePlace(e).department : null };
    }),
    demand: {
      campaignDays: demand.campaignDays,
      hoursPerWeek: demand.hoursPerWeek,
      rows: demand.rows,
      provenance: 'measured',
    },
    options: pooled.map((o) => {
      const figures = Object.fromEntries(ONCALL_FIGURES.map((k) => [k, o[k].value])) as Record<
        OncallFigure,
        number | null
      >;
      const provenance = Object.fromEntries(
        ONCALL_FIGURES.map((k) => [k, o[k].provenance]),
      ) as Record<OncallFigure, Provenance>;
      return { option: o.id, ...figures, provenance, queues: o.queues };
    }),
    model: { ...m, holidays: options.holidays },
    notes,
  };
}
