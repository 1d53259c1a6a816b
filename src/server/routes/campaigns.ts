/**
 * The campaign routes: list, detail, benchmark, regions, establishments (listing and site
 * view) and data quality. Each checks its parameters, takes the loaded campaign from the
 * cache and answers the view its builder makes.
 */
import type { Hono } from 'hono';
import type { CampaignIndex } from '../../core/views/index.ts';
import type { BenchmarkFilter } from '../../core/views/index.ts';
import {
  campaignDetail,
  establishmentListings,
  establishmentView,
  PEER_SCOPES,
  qualityView,
  regionListings,
  TYPOLOGIES,
} from '../../core/views/index.ts';
import { LEGAL_STATUSES, MODALITIES } from '../../core/kit-types.ts';
import { normalizeDepartmentCode, POPULATION } from '../../plan/territories/population.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Query } from '../params.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { campaignOr404, LAZY_SAMPLES, scopeOf } from '../server-context.ts';
import { auditSuccess, maySeeSite, requireScope } from '../auth/guards.ts';
import { sendJson } from '../json-response.ts';

/** The peer-group filters of the benchmark and machine listing. */
export const FILTER_PARAMS = [
  'modality',
  'region',
  'legalStatus',
  'typology',
  'department',
  'inseeRegion',
] as const;

/** INSEE codes of the 101 départements (a map's territories, whether the campaign has sites there or not). */
export const DEPARTMENT_CODES: readonly string[] = POPULATION.departments.map((d) => d.code);
/** INSEE codes of the 18 current regions. */
export const INSEE_REGION_CODES: readonly string[] = POPULATION.regions.map((r) => r.code);

/** A one-digit region code padded (`2` → `02`); other values as given. */
const regionCode = (raw: string): string =>
  /^\d$/.test(raw.trim()) ? `0${raw.trim()}` : raw.trim();

/**
 * The département (`59`, `2A`, `971`; `1` and `2a` read as `01` and `2A`) and INSEE region
 * (`32`) filters of a query, checked against every INSEE code, so that a territory where the
 * campaign has no site gives an empty selection rather than an error.
 */
export function placeFilter(query: Query): Pick<BenchmarkFilter, 'department' | 'inseeRegion'> {
  return {
    department: query.code('department', normalizeDepartmentCode, DEPARTMENT_CODES),
    inseeRegion: query.code('inseeRegion', regionCode, INSEE_REGION_CODES),
  };
}

/** The benchmark filters of a query, each checked (regions against the campaign's). */
export function benchmarkFilter(query: Query, index: CampaignIndex): BenchmarkFilter {
  return {
    modality: query.oneOf('modality', MODALITIES),
    region: query.oneOf('region', index.options.regions),
    legalStatus: query.oneOf('legalStatus', LEGAL_STATUSES),
    typology: query.oneOf('typology', TYPOLOGIES),
    ...placeFilter(query),
  };
}

const MAX_SEARCH = 200;

/** Registers the campaign routes on `app`. */
export function campaignRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  app.get('/api/campaigns', async (c) => {
    readQuery(c, []);
    return sendJson(c, await ctx.cache.listJson(scopeOf(c)));
  });

  app.get('/api/campaigns/:id', async (c) => {
    readQuery(c, []);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    return sendJson(
      c,
      campaign.json('campaign', 'detail', () => campaignDetail(campaign.index)),
    );
  });

  app.get('/api/campaigns/:id/benchmark', async (c) => {
    const query = readQuery(c, FILTER_PARAMS);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    return sendJson(c, await campaign.benchmarkJson(benchmarkFilter(query, campaign.index)));
  });

  app.get('/api/campaigns/:id/regions', async (c) => {
    readQuery(c, []);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    return sendJson(
      c,
      campaign.json('campaign', 'regions', () => regionListings(campaign.index)),
    );
  });

  app.get('/api/campaigns/:id/establishments', async (c) => {
    const query = readQuery(c, ['region', 'legalStatus', 'q']);
    const { index } = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    const q = query.text('q');
    if (q !== undefined && q.length > MAX_SEARCH)
      throw badRequest(`q must be at most ${MAX_SEARCH} characters long`);
    return c.json(
      establishmentListings(index, {
        region: query.oneOf('region', index.options.regions),
        legalStatus: query.oneOf('legalStatus', LEGAL_STATUSES),
        q,
      }),
    );
  });

  app.get('/api/campaigns/:id/establishments/:finess', async (c) => {
    const query = readQuery(c, ['peers']);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    const { index } = campaign;
    const scope = query.oneOf('peers', PEER_SCOPES) ?? 'modality';
    const finess = c.req.param('finess');
    // A site outside the scope is answered as an unknown one (and its refusal audited).
    if (
      !(await maySeeSite(ctx, c, index.places, finess, 'read.site', index.ref.id)) ||
      !index.listingByFiness.has(finess)
    ) {
      throw notFound(`no establishment with FINESS '${finess}' in campaign '${index.ref.id}'`);
    }
    await auditSuccess(ctx, c, 'read.site', finess, {
      campaign: index.ref.id,
      view: 'establishment',
    });
    return sendJson(
      c,
      campaign.json('establishment', `${finess}\u0000${scope}`, () =>
        establishmentView(index, finess, scope),
      ),
    );
  });

  app.get('/api/campaigns/:id/quality', async (c) => {
    readQuery(c, []);
    // Import issues name every site's rows: national and admin users only.
    await requireScope(ctx, c, ['national', 'admin'], 'access', `quality:${c.req.param('id')}`);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    return sendJson(
      c,
      await campaign.jsonAsync('campaign', 'quality', async () =>
        qualityView(campaign.index, await campaign.issues()),
      ),
    );
  });
}
