/**
 * The machine routes: the filtered machine points, one machine compared with its peers, and
 * its week timeline and weekday × hour heatmap (from its records, read once while recent). A
 * machine of a site that came as a signed bundle has no records: 409 `aggregates-only`.
 */
import type { Context, Hono } from 'hono';
import type { CachedCampaign } from '../campaign-cache.ts';
import type { MachineIndicators } from '../../core/indicators/types.ts';
import type { MachineRecords } from '../../storage/index.ts';
import {
  filterKey,
  heatmapView,
  machineView,
  PEER_SCOPES,
  selectMachines,
  timelineView,
  weekCount,
} from '../../core/views/index.ts';
import { notFound } from '../errors.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { campaignOr404, LAZY_SAMPLES } from '../server-context.ts';
import { auditSuccess, maySeeMachine } from '../auth/guards.ts';
import { sendJson } from '../json-response.ts';
import { benchmarkFilter, FILTER_PARAMS } from './campaigns.ts';
import { refuseBundleSite } from '../bundle-sites.ts';

/**
 * The machine `equipmentId` of the campaign `index` as the request's scope sees it; a 404 for an
 * unknown machine and for one outside the scope alike (the refusal audited as `read.machine`).
 * The caller audits the read it then makes.
 */
export async function visibleMachineOr404(
  ctx: ServerContext,
  c: Context<AppEnv>,
  index: CachedCampaign['index'],
  equipmentId: string,
): Promise<MachineIndicators> {
  const m = index.machineById.get(equipmentId);
  const finess = m?.finess ?? index.equipmentById.get(equipmentId)?.finess;
  const seen = await maySeeMachine(
    ctx,
    c,
    index.places,
    equipmentId,
    finess,
    'read.machine',
    index.ref.id,
  );
  if (!seen || !m) throw notFound(`no machine '${equipmentId}' in campaign '${index.ref.id}'`);
  return m;
}

/**
 * The machine `equipmentId` of the campaign as the request's scope sees it, its read audited as
 * `read.machine` (`view`: machine, timeline, heatmap); a 404 for an unknown machine and for one
 * outside the scope alike (the refusal audited).
 */
async function machineOr404(
  ctx: ServerContext,
  c: Context<AppEnv>,
  campaign: CachedCampaign,
  equipmentId: string,
  view: string,
): Promise<MachineIndicators> {
  const { index } = campaign;
  const m = await visibleMachineOr404(ctx, c, index, equipmentId);
  await auditSuccess(ctx, c, 'read.machine', equipmentId, { campaign: index.ref.id, view });
  return m;
}

/** The machine's records (those that may meet week `week` only, when given), or a 404. */
async function recordsOr404(
  campaign: CachedCampaign,
  equipmentId: string,
  week?: number,
): Promise<MachineRecords> {
  const records = await (week === undefined
    ? campaign.machineRecords(equipmentId)
    : campaign.machineWeek(equipmentId, week));
  if (!records)
    throw notFound(`no machine '${equipmentId}' in campaign '${campaign.index.ref.id}'`);
  return records;
}

/** Registers the machine routes on `app`. */
export function machineRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  app.get('/api/campaigns/:id/machines', async (c) => {
    const query = readQuery(c, FILTER_PARAMS);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    const filter = benchmarkFilter(query, campaign.index);
    return sendJson(
      c,
      campaign.json('machines', filterKey(filter), () => selectMachines(campaign.index, filter)),
    );
  });

  app.get('/api/campaigns/:id/machines/:equipmentId', async (c) => {
    const query = readQuery(c, ['peers']);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    const m = await machineOr404(ctx, c, campaign, c.req.param('equipmentId'), 'machine');
    const scope = query.oneOf('peers', PEER_SCOPES) ?? 'modality';
    return sendJson(
      c,
      campaign.json('machine', `${m.equipmentId}\u0000${scope}`, () =>
        machineView(campaign.index, m.equipmentId, scope),
      ),
    );
  });

  app.get('/api/campaigns/:id/machines/:equipmentId/timeline', async (c) => {
    const query = readQuery(c, ['week']);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    const m = await machineOr404(ctx, c, campaign, c.req.param('equipmentId'), 'timeline');
    refuseBundleSite(campaign.index, m.finess, 'show', `no timeline of machine '${m.equipmentId}'`);
    const { calendar } = campaign.index;
    const week = query.integer('week', 0, weekCount(calendar) - 1, 0);
    const text = await campaign.jsonAsync('timeline', `${m.equipmentId}\u0000${week}`, async () => {
      const records = await recordsOr404(campaign, m.equipmentId, week);
      return timelineView(calendar, m.equipmentId, week, records.sessions, records.exams);
    });
    return sendJson(c, text);
  });

  app.get('/api/campaigns/:id/machines/:equipmentId/heatmap', async (c) => {
    readQuery(c, []);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'), LAZY_SAMPLES);
    const m = await machineOr404(ctx, c, campaign, c.req.param('equipmentId'), 'heatmap');
    refuseBundleSite(campaign.index, m.finess, 'show', `no heatmap of machine '${m.equipmentId}'`);
    const text = await campaign.jsonAsync('heatmap', m.equipmentId, async () => {
      const records = await recordsOr404(campaign, m.equipmentId);
      return heatmapView(campaign.index.calendar, m.equipmentId, records.exams);
    });
    return sendJson(c, text);
  });
}
