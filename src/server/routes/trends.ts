/**
 * The trend routes (issue 16): the nation, a region, a site and a machine followed over the stored
 * campaigns up to the one asked (`loadSeries` over the server's cache, each campaign as the
 * request's scope sees it). Access as the establishment and machine routes (a foreign site or
 * machine is a 404); a region's trends for national users and that region's users. The JSON of a
 * trend is memoised per anchor campaign entry, keyed by the series' campaigns and their last change.
 */
import type { Context, Hono } from 'hono';
import type { AccessScope } from '../../core/access.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import {
  groupTrend,
  loadSeries,
  machineTrend,
  siteTrend,
  type TrendSeries,
} from '../../core/trends/index.ts';
import { territoryRegion } from '../../plan/territories/territory-query.ts';
import { campaignRegion } from '../../reports/build.ts';
import {
  auditEvent,
  auditSuccess,
  coversRegion,
  maySeeSite,
  requireScope,
} from '../auth/guards.ts';
import type { CachedCampaign } from '../campaign-cache.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { sendJson } from '../json-response.ts';
import { Lru } from '../lru.ts';
import { type Query, readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { campaignOr404, scopeOf } from '../server-context.ts';
import { visibleMachineOr404 } from './machines.ts';

/** How many trend answers are kept per loaded anchor campaign (per scope). */
const MEMO_ENTRIES = 512;

const memos = new WeakMap<CachedCampaign, Lru<string, string>>();

/** The campaign ids of `?campaigns=a,b`, each a campaign the scope sees; undefined when absent. */
function chosenCampaigns(query: Query, known: readonly string[]): string[] | undefined {
  const text = query.text('campaigns');
  if (text === undefined) return undefined;
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = ids.filter((id) => !known.includes(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw badRequest(
      `campaigns must be a comma-separated list of stored campaigns: ${known.join(', ')} (got '${text}')`,
    );
  }
  return ids;
}

/** A series and the anchor's cache entry, or a 404 for an unknown campaign. */
async function seriesOr404(
  ctx: ServerContext,
  c: Context<AppEnv>,
  query: Query,
): Promise<{ anchor: CachedCampaign; series: TrendSeries }> {
  const id = c.req.param('id') as string;
  const scope: AccessScope = scopeOf(c);
  const anchor = await campaignOr404(ctx, c, id);
  const campaigns = await ctx.cache.list(scope);
  const chosen = chosenCampaigns(
    query,
    campaigns.map((s) => s.id),
  );
  const series = await loadSeries(
    campaigns,
    id,
    async (campaignId) =>
      campaignId === id ? anchor.index : ((await ctx.cache.get(campaignId, scope))?.index ?? null),
    chosen,
  );
  if (!series) throw notFound(`no campaign '${id}' in the store (GET /api/campaigns lists them)`);
  return { anchor, series };
}

/** The JSON of `make()`, remembered for this anchor entry and series (its campaigns and their last change). */
function memoised(
  anchor: CachedCampaign,
  series: TrendSeries,
  key: string,
  make: () => unknown,
): string {
  let memo = memos.get(anchor);
  if (!memo) memos.set(anchor, (memo = new Lru(MEMO_ENTRIES)));
  const full = `${key}\u0000${series.map((i) => `${i.ref.id}@${i.summary.updatedAt}`).join('|')}`;
  const known = memo.get(full);
  if (known !== undefined) return known;
  const text = JSON.stringify(make());
  memo.set(full, text);
  return text;
}

/** Registers the trend routes on `app`. */
export function trendRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  app.get('/api/campaigns/:id/trends', async (c) => {
    const query = readQuery(c, ['modality', 'campaigns']);
    const modality = query.oneOf('modality', MODALITIES);
    const { anchor, series } = await seriesOr404(ctx, c, query);
    return sendJson(
      c,
      memoised(anchor, series, `nation\u0000${modality ?? ''}`, () =>
        groupTrend(series, null, modality),
      ),
    );
  });

  app.get('/api/campaigns/:id/trends/regions/:region', async (c) => {
    const query = readQuery(c, ['modality', 'campaigns']);
    const modality = query.oneOf('modality', MODALITIES);
    const asked = c.req.param('region');
    const user = await requireScope(
      ctx,
      c,
      ['region', 'national', 'admin'],
      'read.region',
      `region:${asked}`,
    );
    const { anchor, series } = await seriesOr404(ctx, c, query);
    // As the campaign names it (an INSEE code or another name of the region is read too).
    const region = campaignRegion(anchor.index, asked);
    if (user.kind === 'region' && !coversRegion(user, territoryRegion(region))) {
      await auditEvent(ctx, c, {
        action: 'read.region',
        target: `region:${asked}`,
        outcome: 'denied',
        detail: { scope: 'region' },
      });
      throw forbidden(`a region user sees its own region's trends only (region ${user.region})`);
    }
    const text = memoised(anchor, series, `region\u0000${region}\u0000${modality ?? ''}`, () =>
      groupTrend(series, region, modality),
    );
    if (text === 'null')
      throw notFound(
        `no region '${asked}' in campaign '${anchor.index.ref.id}' or the campaigns before it`,
      );
    return sendJson(c, text);
  });

  app.get('/api/campaigns/:id/trends/establishments/:finess', async (c) => {
    const query = readQuery(c, ['campaigns']);
    const finess = c.req.param('finess');
    const { anchor, series } = await seriesOr404(ctx, c, query);
    const { index } = anchor;
    // A site outside the scope is answered as an unknown one (and its refusal audited).
    if (
      !(await maySeeSite(ctx, c, index.places, finess, 'read.site', index.ref.id)) ||
      !index.listingByFiness.has(finess)
    ) {
      throw notFound(`no establishment with FINESS '${finess}' in campaign '${index.ref.id}'`);
    }
    const text = memoised(anchor, series, `site\u0000${finess}`, () => siteTrend(series, finess));
    if (text === 'null')
      throw notFound(`no establishment with FINESS '${finess}' in campaign '${index.ref.id}'`);
    await auditSuccess(ctx, c, 'read.site', finess, { campaign: index.ref.id, view: 'trends' });
    return sendJson(c, text);
  });

  app.get('/api/campaigns/:id/trends/machines/:equipmentId', async (c) => {
    const query = readQuery(c, ['campaigns']);
    const equipmentId = c.req.param('equipmentId');
    const { anchor, series } = await seriesOr404(ctx, c, query);
    const { index } = anchor;
    await visibleMachineOr404(ctx, c, index, equipmentId);
    const text = memoised(anchor, series, `machine\u0000${equipmentId}`, () =>
      machineTrend(series, equipmentId),
    );
    if (text === 'null')
      throw notFound(`no machine '${equipmentId}' in campaign '${index.ref.id}'`);
    await auditSuccess(ctx, c, 'read.machine', equipmentId, {
      campaign: index.ref.id,
      view: 'trends',
    });
    return sendJson(c, text);
  });
}
