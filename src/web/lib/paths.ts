/**
 * Addresses of the app's screens and of the API, built in one place: path parameters encoded,
 * empty query values left out, and the language carried in the query string (`lang=en`) so a
 * shared link opens in the language it was shared in.
 */
import type { Lang } from '../../i18n/lang.ts';
import { DEFAULT_LANG } from '../../i18n/lang.ts';

/** Query values; `null`, `undefined` and `''` are left out. */
export type QueryValues = Readonly<Record<string, string | number | null | undefined>>;

const enc = encodeURIComponent;

/**
 * `path` with its query string.
 *
 * @example
 * withQuery('/c/x', { modality: 'CT', region: '' }); // "/c/x?modality=CT"
 */
export function withQuery(path: string, query: QueryValues = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** An app address in `lang`: `lang=en` added (or replaced), removed for the default language. */
export function withLang(to: string, lang: Lang): string {
  const url = new URL(to, 'http://app.invalid');
  if (lang === DEFAULT_LANG) url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ''}${url.hash}`;
}

/** The peer-group filters of the campaign screens, as in their query string. */
export interface Filters {
  modality?: string;
  region?: string;
  legalStatus?: string;
  typology?: string;
  /** A département's INSEE code (`59`, `2A`, `971`), set from the territories screens. */
  department?: string;
  /** A region's INSEE code (`32`), set from the territories screens. */
  inseeRegion?: string;
}

/** The filters chosen in the filter bar's lists. */
export const SELECT_FILTER_KEYS = ['modality', 'region', 'legalStatus', 'typology'] as const;
/** The territorial filters, set by following a territory's link and shown as removable tags. */
export const PLACE_FILTER_KEYS = ['department', 'inseeRegion'] as const;
export const FILTER_KEYS = [...SELECT_FILTER_KEYS, ...PLACE_FILTER_KEYS] as const;

/** The filters present in a query string. */
export function filtersOf(search: URLSearchParams): Filters {
  const out: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/** Screens of the app. */
export const paths = {
  home: (): string => '/',
  upload: (): string => '/upload',
  campaign: (id: string, filters: Filters = {}): string =>
    withQuery(`/c/${enc(id)}`, { ...filters }),
  regions: (id: string): string => `/c/${enc(id)}/regions`,
  region: (id: string, region: string, filters: Filters = {}): string =>
    withQuery(`/c/${enc(id)}/regions/${enc(region)}`, { ...filters, region: undefined }),
  establishments: (id: string, q?: string): string =>
    withQuery(`/c/${enc(id)}/establishments`, { q }),
  establishment: (id: string, finess: string, peers?: string): string =>
    withQuery(`/c/${enc(id)}/establishments/${enc(finess)}`, {
      peers: peers === 'modality' ? undefined : peers,
    }),
  machine: (
    id: string,
    equipmentId: string,
    query: { week?: number; peers?: string } = {},
  ): string =>
    withQuery(`/c/${enc(id)}/machines/${enc(equipmentId)}`, {
      week: query.week ? query.week : undefined,
      peers: query.peers === 'modality' ? undefined : query.peers,
    }),
  quality: (id: string): string => `/c/${enc(id)}/quality`,
  /** The nation's trends across the stored campaigns up to `id` (issue 16), one modality shown. */
  trends: (id: string, modality?: string): string =>
    withQuery(`/c/${enc(id)}/trends`, { modality }),
  /** A region's trends (the region as the kit names it). */
  regionTrends: (id: string, region: string, modality?: string): string =>
    withQuery(`/c/${enc(id)}/regions/${enc(region)}/trends`, { modality }),
  territories: (id: string, query: TerritoriesQuery = {}): string =>
    withQuery(`/c/${enc(id)}/territories`, {
      level: query.level === 'region' ? undefined : query.level,
      figure: query.figure === 'unitsPerMillion' ? undefined : query.figure,
      modality: query.modality === 'CT' ? undefined : query.modality,
      inseeRegion: query.inseeRegion,
      gapTo: query.gapTo,
    }),
  territory: (id: string, department: string): string =>
    `/c/${enc(id)}/territories/${enc(department)}`,
  /** Nights and teleradiology of a territory (`department`, `region`) and the pooling form's settings. */
  oncall: (id: string, query: QueryValues = {}): string => withQuery(`/c/${enc(id)}/oncall`, query),
  /** The accounts (administrators only, accounts mode). */
  adminUsers: (): string => '/admin/users',
  /** The audit log, filtered by action and day, `limit` rows at most. */
  adminAudit: (query: AuditQuery = {}): string => withQuery('/admin/audit', { ...query }),
};

/** The audit log's filters, in the screen's address and the API's query alike. */
export interface AuditQuery {
  action?: string;
  /** A day (`2026-12-01`) or an instant. */
  since?: string;
  limit?: number;
}

/**
 * The territories screen's choices: level (regions by default), figure (units per million by
 * default), modality (CT by default), and a region whose départements are shown.
 */
export interface TerritoriesQuery {
  level?: string;
  figure?: string;
  modality?: string;
  inseeRegion?: string;
  /** The gap's reference as the API takes it (`national`, `oecd:2015`, `CT=20,MR=15`); OECD latest by default. */
  gapTo?: string;
}

/** Routes of the HTTP API (only the query parameters each route takes). */
export const api = {
  campaigns: (): string => '/api/campaigns',
  campaign: (id: string): string => `/api/campaigns/${enc(id)}`,
  benchmark: (id: string, filters: Filters): string =>
    withQuery(`/api/campaigns/${enc(id)}/benchmark`, { ...filters }),
  regions: (id: string): string => `/api/campaigns/${enc(id)}/regions`,
  establishments: (
    id: string,
    query: { region?: string; legalStatus?: string; q?: string } = {},
  ): string => withQuery(`/api/campaigns/${enc(id)}/establishments`, query),
  establishment: (id: string, finess: string, peers: string): string =>
    withQuery(`/api/campaigns/${enc(id)}/establishments/${enc(finess)}`, { peers }),
  machine: (id: string, equipmentId: string, peers: string): string =>
    withQuery(`/api/campaigns/${enc(id)}/machines/${enc(equipmentId)}`, { peers }),
  timeline: (id: string, equipmentId: string, week: number): string =>
    withQuery(`/api/campaigns/${enc(id)}/machines/${enc(equipmentId)}/timeline`, { week }),
  heatmap: (id: string, equipmentId: string): string =>
    `/api/campaigns/${enc(id)}/machines/${enc(equipmentId)}/heatmap`,
  quality: (id: string): string => `/api/campaigns/${enc(id)}/quality`,
  trends: (id: string, modality?: string): string =>
    withQuery(`/api/campaigns/${enc(id)}/trends`, { modality }),
  regionTrends: (id: string, region: string, modality?: string): string =>
    withQuery(`/api/campaigns/${enc(id)}/trends/regions/${enc(region)}`, { modality }),
  siteTrend: (id: string, finess: string): string =>
    `/api/campaigns/${enc(id)}/trends/establishments/${enc(finess)}`,
  machineTrend: (id: string, equipmentId: string): string =>
    `/api/campaigns/${enc(id)}/trends/machines/${enc(equipmentId)}`,
  reportSite: (id: string, finess: string, lang: string, peers: string): string =>
    withQuery(`/api/campaigns/${enc(id)}/reports/site/${enc(finess)}.pdf`, {
      lang,
      peers: peers === 'modality' ? undefined : peers,
    }),
  reportRegion: (id: string, region: string, lang: string): string =>
    withQuery(`/api/campaigns/${enc(id)}/reports/region/${enc(region)}.pdf`, { lang }),
  reportNational: (id: string, lang: string): string =>
    withQuery(`/api/campaigns/${enc(id)}/reports/national.pdf`, { lang }),
  territories: (id: string, query: { gapTo?: string } = {}): string =>
    withQuery(`/api/campaigns/${enc(id)}/territories`, query),
  costs: (id: string, finess?: string): string =>
    withQuery(`/api/campaigns/${enc(id)}/costs`, { finess }),
  relevance: (id: string, level = 'department'): string =>
    withQuery(`/api/campaigns/${enc(id)}/relevance`, { level }),
  oncall: (id: string, query: QueryValues): string =>
    withQuery(`/api/campaigns/${enc(id)}/oncall`, query),
  references: (): string => '/api/references',
  uploads: (): string => '/api/uploads',
  kitTemplate: (lang: string): string => `/api/kit-template.xlsx?lang=${enc(lang)}`,
  upload: (uploadId: string): string => `/api/uploads/${enc(uploadId)}`,
  session: (): string => '/api/session',
  adminUsers: (): string => '/api/admin/users',
  adminDisable: (email: string): string => `/api/admin/users/${enc(email)}/disable`,
  adminReset: (email: string): string => `/api/admin/users/${enc(email)}/reset`,
  adminAudit: (query: AuditQuery = {}): string => withQuery('/api/admin/audit', { ...query }),
};
