/**
 * The OpenAPI entries of the trend routes (issue 16): the nation, a region, a site and a machine
 * over the stored campaigns. Spread into the document by `openapi.ts`, kept beside trends.ts; the
 * schemas follow src/core/trends/types.ts.
 */
import { MACHINE_FIGURES } from '../../core/benchmark.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import { LEAD_KEYS } from '../../core/views/lead-ranking.ts';
import type { Operation, Schema } from '../openapi.ts';
import {
  arr,
  bool,
  int,
  json,
  nullable,
  numOrNull,
  obj,
  ref,
  str,
  strEnum,
  ok,
  path,
  query,
  strOrNull,
} from '../openapi-parts.ts';

const byModality = (value: Schema): Schema => ({
  type: 'object',
  properties: Object.fromEntries(MODALITIES.map((m) => [m, value])),
});
const byFigure = (value: Schema): Schema => ({
  type: 'object',
  properties: Object.fromEntries(MACHINE_FIGURES.map((f) => [f.key, value])),
});

const modality = strEnum(MODALITIES);
const verdict = strEnum([
  'acted',
  'partly',
  'unchanged',
  'worse',
  'no-lead',
  'new-lead',
  'unknown',
]);
const origin = nullable(strEnum(['raw', 'bundle']));
const campaigns = arr(ref('CampaignRef'));

/** The schemas of the trend routes. */
export const TREND_SCHEMAS: Record<string, Schema> = {
  TrendPoint: obj({
    campaignId: str,
    value: numOrNull,
    peers: nullable(ref('Quantiles')),
    peerCount: int,
    rank: numOrNull,
  }),
  FigureTrend: obj({
    key: str,
    unit: strEnum([...new Set(MACHINE_FIGURES.map((f) => f.unit))]),
    points: arr(ref('TrendPoint')),
  }),
  MachineLink: obj({
    campaignId: str,
    equipmentId: strOrNull,
    link: strEnum(['same-id', 'mapped', 'absent']),
    label: strOrNull,
    installedYear: { type: ['integer', 'null'] },
    origin,
  }),
  LeadFollowUp: obj({
    key: strEnum(LEAD_KEYS),
    from: str,
    to: str,
    before: nullable(ref('Lead')),
    after: nullable(ref('Lead')),
    verdict,
  }),
  TrendChange: obj(
    {
      kind: strEnum([
        'machine-added',
        'machine-removed',
        'machine-replaced',
        'machine-renamed',
        'site-added',
        'site-removed',
        'figure',
        'lead',
      ]),
      from: str,
      to: str,
      finess: strOrNull,
      equipmentId: strOrNull,
      previousEquipmentId: strOrNull,
      modality: nullable(modality),
      figure: strOrNull,
      lead: nullable(strEnum(LEAD_KEYS)),
      verdict: nullable(verdict),
      before: numOrNull,
      after: numOrNull,
      rankBefore: numOrNull,
      rankAfter: numOrNull,
      notable: bool,
    },
    [],
    'One change between two consecutive campaigns; fields that do not apply are null.',
  ),
  MachineTrend: obj({
    campaigns,
    equipmentId: str,
    label: strOrNull,
    finess: str,
    establishment: str,
    modality,
    links: arr(ref('MachineLink')),
    figures: arr(ref('FigureTrend')),
    leads: arr(ref('LeadFollowUp')),
    changes: arr(ref('TrendChange')),
    sinceLastYear: arr(ref('TrendChange')),
  }),
  SiteTrendYear: obj({
    campaignId: str,
    present: bool,
    origin,
    machines: byModality(int),
    exams: int,
    programmedOpening: numOrNull,
    totalOpening: numOrNull,
  }),
  SiteTrend: obj({
    campaigns,
    finess: str,
    name: str,
    years: arr(ref('SiteTrendYear')),
    machines: arr(ref('MachineTrend')),
    changes: arr(ref('TrendChange')),
    sinceLastYear: arr(ref('TrendChange')),
  }),
  GroupTrendYear: obj({
    campaignId: str,
    machines: int,
    sites: int,
    bundleSites: int,
    exams: int,
    figures: byFigure(nullable(ref('Quantiles'))),
    national: nullable(byFigure(nullable(ref('Quantiles')))),
  }),
  GroupTrend: obj({
    campaigns,
    level: strEnum(['nation', 'region']),
    region: strOrNull,
    byModality: byModality(arr(ref('GroupTrendYear'))),
    changes: arr(ref('TrendChange')),
    sinceLastYear: arr(ref('TrendChange')),
  }),
};

const campaignId = path('id', 'The campaign the trend is anchored on: the last of the series.');
const campaignsParam = query(
  'campaigns',
  'Only these campaigns (comma-separated ids of stored campaigns; those starting after the anchor are left out, the anchor is always in).',
  str,
);
const modalityParam = query('modality', 'Only this modality.', modality);

/** The paths of the trend routes. */
export const TREND_PATHS: Record<string, Partial<Record<'get', Operation>>> = {
  '/api/campaigns/{id}/trends': {
    get: {
      operationId: 'getNationTrend',
      summary:
        'The nation over the stored campaigns up to this one: per modality, machines, sites and the P20/P50/P80 of each figure.',
      tags: ['trends'],
      parameters: [campaignId, modalityParam, campaignsParam],
      responses: ok(
        'The national trend (a site or region user sees its own machines counted, bands from the stored peer groups).',
        ref('GroupTrend'),
      ),
    },
  },
  '/api/campaigns/{id}/trends/regions/{region}': {
    get: {
      operationId: 'getRegionTrend',
      summary:
        'A region (as the kits name it, or its INSEE code) over the stored campaigns up to this one, with the nation’s bands.',
      tags: ['trends'],
      parameters: [
        campaignId,
        path('region', 'The region as the campaign names it, or its INSEE code.'),
        modalityParam,
        campaignsParam,
      ],
      responses: ok('The region’s trend.', ref('GroupTrend'), {
        '403': {
          description: 'forbidden: a site user, or a region user asking for another region.',
          content: json(ref('ApiError')),
        },
      }),
    },
  },
  '/api/campaigns/{id}/trends/establishments/{finess}': {
    get: {
      operationId: 'getSiteTrend',
      summary:
        'A site over the stored campaigns up to this one: its machines followed back, what changed, since last year (audited read.site).',
      tags: ['trends'],
      parameters: [
        campaignId,
        path('finess', 'The FINESS of an establishment of the campaign.'),
        campaignsParam,
      ],
      responses: ok('The site’s trend.', ref('SiteTrend')),
    },
  },
  '/api/campaigns/{id}/trends/machines/{equipmentId}': {
    get: {
      operationId: 'getMachineTrend',
      summary:
        'A machine followed back through its ids and previous ids: each figure with its peers’ band, its leads followed, what changed (audited read.machine).',
      tags: ['trends'],
      parameters: [
        campaignId,
        path('equipmentId', 'The equipment id of a machine of the campaign.'),
        campaignsParam,
      ],
      responses: ok('The machine’s trend.', ref('MachineTrend')),
    },
  },
};
