/**
 * The planning routes (planning.md §4–6): a campaign's costs, relevance and on-call pooling
 * documents, the same the CLI's --json prints. They need the exams, so the campaign's whole kit
 * is read once, on first use (`CachedCampaign.planningKit`); each document is then memoized as
 * JSON per normalized query, like the other views, and dropped with the campaign's entry.
 * Sites that came as signed bundles have no exams: relevance and on-call leave them out and say
 * so (`bundleNote`), or answer 409 `aggregates-only` when nothing else is left.
 */
import type { Context, Hono } from 'hono';
import type { CostSet, Kit, Modality } from '../../core/kit-types.ts';
import { MODALITIES } from '../../core/kit-types.ts';
import type { CostsDocument } from '../../plan/costs/index.ts';
import { computeCosts, costMachines, costsDocument } from '../../plan/costs/index.ts';
import type { OncallOptions, OncallTerritory, ReadingModel } from '../../plan/oncall/index.ts';
import {
  defaultReadingModel,
  ILLUSTRATIVE_READING_MINUTES,
  ONCALL_SETTING_PARAMS,
  oncallDocument,
  sitesOfTerritory,
} from '../../plan/oncall/index.ts';
import { computeRelevance, RELEVANCE_LEVELS } from '../../plan/relevance/document.ts';
import {
  departmentByCode,
  normalizeDepartmentCode,
  POPULATION,
  regionByCode,
} from '../../plan/territories/population.ts';
import { territoryRegion } from '../../plan/territories/territory-query.ts';
import type { CachedCampaign } from '../campaign-cache.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { sendJson } from '../json-response.ts';
import type { Query } from '../params.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { campaignOr404, scopeOf } from '../server-context.ts';
import {
  auditEvent,
  auditSuccess,
  coversRegion,
  maySeeSite,
  requireScope,
} from '../auth/guards.ts';
import { aggregatesOnly, withoutBundleSites } from '../bundle-sites.ts';

/** The query parameters of the on-call pooling document. */
export const ONCALL_PARAMS = ['department', 'region', 'sites', ...ONCALL_SETTING_PARAMS] as const;

/** `reading=` values and the distribution each means. */
export const READING_DISTRIBUTIONS = ['fixed', 'exponential'] as const;

/** Most sites a `sites=` list may name. */
const MAX_SITES = 500;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A plain decimal number, an exponent allowed (as JavaScript's `String(n)` writes small ones). */
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** The campaign's kit with its exams, or a 404 when it is no longer stored. */
async function kitOr404(campaign: CachedCampaign): Promise<Kit> {
  const kit = await campaign.planningKit();
  if (!kit)
    throw notFound(
      `no campaign '${campaign.index.ref.id}' in the store (GET /api/campaigns lists them)`,
    );
  return kit;
}

/**
 * The costs document of a campaign from its stored cost set and computed indicators, narrowed to
 * the site `finess` when given; null without a cost set.
 */
export function campaignCosts(
  campaign: CachedCampaign,
  costs: CostSet | undefined,
  finess?: string,
): CostsDocument | null {
  if (!costs) return null;
  const results = campaign.index.data.results.campaign;
  const report = computeCosts({
    campaign: { year: Number(results.start.slice(0, 4)), days: results.days },
    machines: costMachines(campaign.index.data.equipment, campaign.index.machines),
    costs,
  });
  const doc = costsDocument(report, null);
  if (finess === undefined) return doc;
  return {
    ...doc,
    machines: doc.machines.filter((m) => m.finess === finess),
    sites: doc.sites.filter((s) => s.finess === finess),
  };
}

/** A decimal number checked by `ok`, undefined when absent; else a 400 saying what is accepted. */
function decimal(
  query: Query,
  name: string,
  ok: (n: number) => boolean,
  accepts: string,
): number | undefined {
  const value = query.text(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!DECIMAL.test(value) || !Number.isFinite(n) || !ok(n))
    throw badRequest(`${name} must be ${accepts} (got '${value.slice(0, 80)}')`);
  return n;
}

/** The territory of an on-call query: exactly one of department, region and sites. */
function oncallTerritory(query: Query): OncallTerritory {
  const department = query.text('department');
  const region = query.text('region');
  const sites = query.text('sites');
  const given = [department, region, sites].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw badRequest(
      `give exactly one of department (an INSEE code such as 59), region (an INSEE code such as 32, or a name) and sites (FINESS joined by commas)${given > 1 ? ', not several' : ''}`,
    );
  }
  if (department !== undefined) {
    const code = normalizeDepartmentCode(department);
    if (code === null || departmentByCode(code) === undefined) {
      throw badRequest(
        `department must be the INSEE code of a département, one of ${POPULATION.departments.map((d) => d.code).join(', ')} (got '${department.slice(0, 80)}')`,
      );
    }
    return { kind: 'department', code, name: departmentByCode(code)?.name ?? null, sites: null };
  }
  if (region !== undefined) {
    const code = territoryRegion(region);
    if (code === null) {
      throw badRequest(
        `region must be the INSEE code or the name of a region, one of ${POPULATION.regions.map((r) => r.code).join(', ')} (got '${region.slice(0, 80)}')`,
      );
    }
    return { kind: 'region', code, name: regionByCode(code)?.name ?? null, sites: null };
  }
  const list = [
    ...new Set(
      (sites ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ].sort();
  if (
    list.length === 0 ||
    list.length > MAX_SITES ||
    list.some((s) => s.length > 32 || !/^[0-9A-Za-z]+$/.test(s))
  ) {
    throw badRequest(
      `sites must be from 1 to ${MAX_SITES} FINESS of the campaign joined by commas (got '${(sites ?? '').slice(0, 80)}')`,
    );
  }
  return { kind: 'sites', code: null, name: null, sites: list };
}

/** `holidays=` as sorted distinct dates; a 400 for anything but real `YYYY-MM-DD` dates. */
function holidaysOf(query: Query): string[] {
  const raw = query.text('holidays');
  if (raw === undefined) return [];
  const dates = raw.split(',').map((d) => d.trim());
  for (const d of dates) {
    const m = DATE.exec(d);
    const [y, mo, da] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    const t = new Date(Date.UTC(y, mo - 1, da));
    if (
      m === null ||
      dates.length > 366 ||
      t.getUTCFullYear() !== y ||
      t.getUTCMonth() !== mo - 1 ||
      t.getUTCDate() !== da
    ) {
      throw badRequest(
        `holidays must be dates YYYY-MM-DD joined by commas, at most 366 (got '${raw.slice(0, 80)}')`,
      );
    }
  }
  return [...new Set(dates)].sort();
}

/** The checked options of an on-call query (a 400 names the parameter and what it accepts). */
export function oncallQuery(query: Query): OncallOptions {
  const territory = oncallTerritory(query);
  const overrides: Partial<ReadingModel> = {};
  const minutes: Record<Modality, number> = { ...ILLUSTRATIVE_READING_MINUTES };
  let given = 0;
  for (const modality of MODALITIES) {
    const n = decimal(
      query,
      `reading${modality}`,
      (v) => v > 0 && v <= 24 * 60,
      'minutes of reading per exam, a number > 0 (at most 1440)',
    );
    if (n === undefined) continue;
    minutes[modality] = n;
    given++;
  }
  if (given > 0) {
    overrides.readingMinutes = minutes;
    // A modality left out keeps its illustrative time, so the model stays illustrative.
    overrides.readingProvenance = given === MODALITIES.length ? 'input' : 'illustrative';
  }
  const reading = query.oneOf('reading', READING_DISTRIBUTIONS);
  if (reading !== undefined)
    overrides.distribution = reading === 'fixed' ? 'deterministic' : 'exponential';
  const targetMinutes = decimal(
    query,
    'targetMinutes',
    (v) => v > 0 && v <= 24 * 60,
    'a number of minutes > 0 (at most 1440)',
  );
  if (targetMinutes !== undefined) overrides.targetMinutes = targetMinutes;
  const targetShare = decimal(
    query,
    'targetShare',
    (v) => v > 0 && v < 1,
    'a share between 0 and 1, both excluded (such as 0.9)',
  );
  if (targetShare !== undefined) overrides.targetShare = targetShare;
  const hourlyRate = decimal(
    query,
    'hourlyRate',
    (v) => v >= 0 && v <= 1e6,
    'euros per on-call hour, a number ≥ 0',
  );
  if (hourlyRate !== undefined) overrides.hourlyRate = hourlyRate;
  return { territory, model: defaultReadingModel(overrides), holidays: holidaysOf(query) };
}

/** The memo key of checked on-call options (the territory and every model setting). */
function oncallKey(o: OncallOptions): string {
  const m = o.model;
  return JSON.stringify([
    o.territory.kind,
    o.territory.code,
    o.territory.sites,
    MODALITIES.map((k) => m.readingMinutes[k]),
    m.readingProvenance,
    m.distribution,
    m.targetMinutes,
    m.targetShare,
    m.hourlyRate,
    o.holidays,
  ]);
}

/**
 * Refuses an on-call territory outside a region user's region: a département or region not its
 * own is 403 (`forbidden`, audited as `access`); a list naming a site outside it is 404, as an
 * unknown site (audited as `read.site` denied). Other scopes pass (site scopes were refused).
 */
async function oncallInScope(
  ctx: ServerContext,
  c: Context<AppEnv>,
  campaign: CachedCampaign,
  territory: OncallTerritory,
): Promise<void> {
  const scope = scopeOf(c);
  if (scope.kind !== 'region') return;
  const { index } = campaign;
  if (territory.kind === 'sites') {
    for (const finess of territory.sites ?? []) {
      if (!(await maySeeSite(ctx, c, index.places, finess, 'read.site', index.ref.id))) {
        throw notFound(`no establishment '${finess}' in campaign '${index.ref.id}'`);
      }
    }
    return;
  }
  const region =
    territory.kind === 'department'
      ? (departmentByCode(territory.code ?? '')?.region ?? null)
      : territory.code;
  if (coversRegion(scope, region)) return;
  const target = `oncall:${index.ref.id}:${territory.kind}:${territory.code ?? ''}`;
  await auditEvent(ctx, c, {
    action: 'access',
    target,
    outcome: 'denied',
    detail: { scope: 'region' },
  });
  throw forbidden(
    `a region user sees on-call pooling inside its own region (${scope.region}) only`,
  );
}

/** Registers the costs, relevance and on-call routes on `app`. */
export function planningRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  app.get('/api/campaigns/:id/costs', async (c) => {
    const query = readQuery(c, ['finess']);
    const campaign = await campaignOr404(ctx, c, c.req.param('id'));
    const finess = query.text('finess');
    const { index } = campaign;
    // A site outside the scope is answered as an unknown one (and its refusal audited).
    if (
      finess !== undefined &&
      (!(await maySeeSite(ctx, c, index.places, finess, 'read.site', index.ref.id)) ||
        !index.establishmentByFiness.has(finess))
    ) {
      throw notFound(`no establishment '${finess.slice(0, 80)}' in campaign '${index.ref.id}'`);
    }
    await auditSuccess(ctx, c, 'read.site', finess ?? null, {
      campaign: index.ref.id,
      view: 'costs',
    });
    const text = await campaign.jsonAsync('costs', finess ?? '', async () => ({
      costs: campaignCosts(campaign, (await campaign.costSet()) ?? undefined, finess),
    }));
    return sendJson(c, text);
  });

  app.get('/api/campaigns/:id/relevance', async (c) => {
    const query = readQuery(c, ['level']);
    const scope = scopeOf(c);
    // A site user sees its own sites' figures only: the site level, not a territory's.
    const level =
      query.oneOf('level', RELEVANCE_LEVELS) ?? (scope.kind === 'site' ? 'site' : 'department');
    if (level !== 'site')
      await requireScope(
        ctx,
        c,
        ['region', 'national', 'admin'],
        'access',
        `relevance:${c.req.param('id')}:${level}`,
      );
    const campaign = await campaignOr404(ctx, c, c.req.param('id'));
    const text = await campaign.jsonAsync('relevance', level, async () => {
      const kit = await kitOr404(campaign);
      const { kit: raw, note } = withoutBundleSites(kit, campaign.index);
      const [only] = kit.establishments;
      if (raw.establishments.length === 0 && only !== undefined)
        throw aggregatesOnly(only.finess, 'count', 'no relevance figures');
      return { ...computeRelevance(raw, level), ...(note ? { bundleNote: note } : {}) };
    });
    return sendJson(c, text);
  });

  app.get('/api/campaigns/:id/oncall', async (c) => {
    const options = oncallQuery(readQuery(c, ONCALL_PARAMS));
    await requireScope(
      ctx,
      c,
      ['region', 'national', 'admin'],
      'access',
      `oncall:${c.req.param('id')}`,
    );
    const campaign = await campaignOr404(ctx, c, c.req.param('id'));
    await oncallInScope(ctx, c, campaign, options.territory);
    const text = await campaign.jsonAsync('oncall', oncallKey(options), async () => {
      const kit = await kitOr404(campaign);
      const found = sitesOfTerritory(kit, options.territory);
      if (!found.ok) {
        const t = options.territory;
        throw notFound(
          found.code === 'unknownSites'
            ? `no establishment ${found.unknown.map((s) => `'${s}'`).join(', ')} in campaign '${campaign.index.ref.id}'`
            : `campaign '${campaign.index.ref.id}' has no site in ${t.kind === 'department' ? 'département' : 'region'} ${t.code ?? ''}${t.name ? ` (${t.name})` : ''}`,
        );
      }
      const { kit: raw, note } = withoutBundleSites(kit, campaign.index, new Set(found.sites));
      const sites = found.sites.filter((f) => !campaign.index.isBundleSite(f));
      const [first] = found.sites;
      if (sites.length === 0 && first !== undefined)
        throw aggregatesOnly(first, 'pool', 'no on-call demand can be counted');
      return { ...oncallDocument(raw, sites, options), ...(note ? { bundleNote: note } : {}) };
    });
    return sendJson(c, text);
  });
}
