/**
 * The PDF reports: a site fiche, a region's synthesis and the national one, printed by Chromium
 * one at a time (a print takes a second or more and most of a core), and kept in a small LRU
 * per (campaign import, report, language, loaded reference figures) so that a second download
 * is instant. The syntheses get the campaign's territory document (register, on-call sessions
 * and published figures read from the store when they are printed); a site fiche and a regional
 * synthesis get the planning documents of the campaign's kit, read once per cached campaign
 * (`planningKit()`, shared with the planning API) and computed once per kit (`planningInputs`).
 */
import type { Context, Hono } from 'hono';
import { PEER_SCOPES } from '../../core/views/index.ts';
import { loadSeries, type TrendSeries } from '../../core/trends/index.ts';
import { DEFAULT_LANG, LANGS } from '../../i18n/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { territoriesOf, territoryRegion } from '../../plan/territories/territory-query.ts';
import type { ReportRequest } from '../../reports/build.ts';
import {
  buildReport,
  campaignRegion,
  needsTerritories,
  reportFileName,
} from '../../reports/build.ts';
import { ReportError } from '../../reports/errors.ts';
import { printReport } from '../../reports/pdf.ts';
import { planningInputs } from '../../reports/planning.ts';
import { whatWouldChangeOfSite } from '../../reports/site-fiche/what-would-change-run.ts';
import { siteBundleOrigin } from '../../storage/index.ts';
import { figuresKey, loadedReferences } from '../../storage/reference-repository.ts';
import { loadTerritorySource } from '../../storage/territory-source.ts';
import type { CachedCampaign } from '../campaign-cache.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import { Lru } from '../lru.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { campaignOr404, requestStore, scopeOf } from '../server-context.ts';
import {
  auditEvent,
  auditSuccess,
  coversRegion,
  coversSite,
  maySeeSite,
  requireScope,
} from '../auth/guards.ts';
import type { AccessScope } from '../../core/access.ts';
import { scopeKey } from '../../core/access.ts';
import { closeMatches } from '../../reports/matches.ts';
import type { Store } from '../../storage/index.ts';

/** Printed reports kept, all campaigns together (a national synthesis is a few MB). */
const CACHE_CAPACITY = 12;

/** A route parameter written `:name.pdf`: Hono names it `name.pdf` and matches any segment. */
function pdfParam(c: Context, name: string): string {
  const raw = c.req.param(`${name}.pdf`) ?? '';
  if (!raw.endsWith('.pdf') || raw.length <= 4) {
    throw notFound(
      `reports are PDF files: ask for ${new URL(c.req.url).pathname.replace(/\/[^/]*$/, `/${raw || name}.pdf`)}`,
    );
  }
  return raw.slice(0, -4);
}

/** The cache key's part naming a non-local scope (none for the local scope: keys as before). */
function scopePart(scope: AccessScope): string[] {
  return scope.kind === 'local' ? [] : [scopeKey(scope)];
}

/** Prints reports one at a time and remembers the last ones. */
class ReportPrinter {
  readonly #cache = new Lru<string, Promise<Uint8Array>>(CACHE_CAPACITY);
  /**
   * A site fiche's simulations by import and site: the same for every language (fixed seed), so
   * the French and English fiches of one import simulate once.
   */
  readonly #whatIf = new Lru<string, ReturnType<typeof whatWouldChangeOfSite>>(CACHE_CAPACITY);
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * The PDF of `request` in `lang`, printed unless this import's copy is still cached. A
   * synthesis is keyed on the loaded reference figures too (a newer OECD load changes its
   * territory chapter; a new register changes the import's time).
   */
  async pdf(
    store: Store,
    scope: AccessScope,
    campaign: CachedCampaign,
    request: ReportRequest,
    lang: Lang,
    trends: TrendSeries | null = null,
  ): Promise<Uint8Array> {
    const { index } = campaign;
    // The trends sections follow the stored campaigns up to this one: their stamps are part of the key.
    const series = (trends ?? []).map((i) => `${i.ref.id}@${i.summary.updatedAt}`);
    const territories = needsTerritories(request);
    const loaded = territories ? await loadedReferences(store) : null;
    const references = loaded ? figuresKey(loaded) : null;
    const key = JSON.stringify([
      index.ref.id,
      index.summary.updatedAt,
      request,
      lang,
      references,
      series,
      ...scopePart(scope),
    ]);
    const known = this.#cache.get(key);
    if (known) return known;
    // Built inside the queue too: a synthesis takes a while to lay out, and the report's
    // "not found" must reach this request only.
    const run = this.#queue.then(async () => {
      const document = territories
        ? territoriesOf(
            await loadTerritorySource(store, index.ref.id, index.data, loaded ?? undefined),
          )
        : null;
      // A site fiche simulates its machines' top leads (a few seconds, a fixed seed).
      const whatIf =
        request.kind === 'site'
          ? await this.#whatIfOf(store, scope, index, request.finess)
          : undefined;
      // Costs, relevance (site fiche) and on-call pooling (regional synthesis) read the exams.
      const kit = request.kind === 'national' ? null : await campaign.planningKit();
      const planning = kit ? planningInputs(kit, index) : null;
      // A site that came as a signed bundle: its fiche's notice names the key and the date.
      const bundle =
        request.kind === 'site' && index.isBundleSite(request.finess)
          ? await siteBundleOrigin(store.db, index.ref.id, request.finess)
          : null;
      return printReport(
        buildReport(index, request, lang, {
          territories: document,
          planning,
          bundle,
          trends,
          ...(whatIf ? { whatIf } : {}),
        }),
      );
    });
    this.#queue = run.catch(() => undefined);
    this.#cache.set(key, run);
    run.catch(() => this.#cache.get(key) === run && this.#cache.delete(key));
    return run;
  }

  #whatIfOf(
    store: Store,
    scope: AccessScope,
    index: CachedCampaign['index'],
    finess: string,
  ): ReturnType<typeof whatWouldChangeOfSite> {
    const key = JSON.stringify([
      index.ref.id,
      index.summary.updatedAt,
      finess,
      ...scopePart(scope),
    ]);
    const known = this.#whatIf.get(key);
    if (known) return known;
    const run = whatWouldChangeOfSite(store, index, finess);
    this.#whatIf.set(key, run);
    run.catch(() => this.#whatIf.get(key) === run && this.#whatIf.delete(key));
    return run;
  }
}

/** The audit target of a report: `site:FINESS`, `region:NAME` or `national`. */
function reportTarget(request: ReportRequest): string {
  return request.kind === 'site'
    ? `site:${request.finess}`
    : request.kind === 'region'
      ? `region:${request.region}`
      : 'national';
}

/**
 * Prints `request` for the request's scope and answers it as a download, audited as
 * `export.pdf`; `check` refuses it first when the scope may not have it (a site outside the scope).
 */
async function answer(
  c: Context<AppEnv>,
  ctx: ServerContext,
  printer: ReportPrinter,
  request: ReportRequest,
  lang: Lang,
  check?: (campaign: CachedCampaign) => Promise<void>,
): Promise<Response> {
  const campaign = await campaignOr404(ctx, c, c.req.param('id') ?? '');
  if (check) await check(campaign);
  let bytes: Uint8Array;
  try {
    // The campaigns the scope sees up to this one, from the cache (as the trend routes read them).
    const id = campaign.index.ref.id;
    const scope = scopeOf(c);
    const trends = await loadSeries(await ctx.cache.list(scope), id, async (other) =>
      other === id ? campaign.index : ((await ctx.cache.get(other, scope))?.index ?? null),
    );
    bytes = await printer.pdf(requestStore(ctx, c), scope, campaign, request, lang, trends);
  } catch (error) {
    if (error instanceof ReportError) {
      if (error.code === 'not-found') throw notFound(error.message);
      throw new ApiError(500, error.code, error.message);
    }
    throw error;
  }
  const name = reportFileName(campaign.index.ref.id, request, lang, 'pdf');
  await auditSuccess(ctx, c, 'export.pdf', reportTarget(request), {
    campaign: campaign.index.ref.id,
    kind: request.kind,
    lang,
  });
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Content-Length': String(bytes.byteLength),
    'Cache-Control': 'private, max-age=300',
  });
}

/** Registers the report routes on `app`. */
export function reportRoutes(app: Hono<AppEnv>, ctx: ServerContext): void {
  const printer = new ReportPrinter();

  app.get('/api/campaigns/:id/reports/site/:finess.pdf', async (c) => {
    const query = readQuery(c, ['lang', 'peers']);
    const lang = query.oneOf('lang', LANGS) ?? DEFAULT_LANG;
    const scope = query.oneOf('peers', PEER_SCOPES) ?? 'modality';
    const finess = pdfParam(c, 'finess');
    // A site outside the scope is answered as an unknown one (its refusal audited).
    return answer(c, ctx, printer, { kind: 'site', finess, scope }, lang, async ({ index }) => {
      if (await maySeeSite(ctx, c, index.places, finess, 'export.pdf', index.ref.id)) return;
      const visible = index.listings.filter((l) => coversSite(scopeOf(c), l.finess, index.places));
      const near = closeMatches(
        finess,
        visible.map((l) => ({ key: l.finess, label: l.name })),
      );
      throw notFound(
        `no establishment with FINESS '${finess}' in campaign '${index.ref.id}'${near.length > 0 ? `; close matches: ${near.join(', ')}` : ''}`,
      );
    });
  });

  app.get('/api/campaigns/:id/reports/region/:region.pdf', async (c) => {
    const query = readQuery(c, ['lang']);
    const lang = query.oneOf('lang', LANGS) ?? DEFAULT_LANG;
    const region = pdfParam(c, 'region');
    const user = await requireScope(
      ctx,
      c,
      ['region', 'national', 'admin'],
      'export.pdf',
      `region:${region}`,
    );
    // A region user prints its own region's synthesis only (the kit's region, by name or code).
    if (user.kind === 'region' && !coversRegion(user, territoryRegion(region))) {
      await auditEvent(ctx, c, {
        action: 'export.pdf',
        target: `region:${region}`,
        outcome: 'denied',
        detail: { scope: 'region' },
      });
      throw forbidden(
        `a region user prints its own region's synthesis only (region ${user.region})`,
      );
    }
    // Named as the campaign names it, for the file name and the printed reports' cache.
    const { index } = await campaignOr404(ctx, c, c.req.param('id'));
    return answer(c, ctx, printer, { kind: 'region', region: campaignRegion(index, region) }, lang);
  });

  app.get('/api/campaigns/:id/reports/national.pdf', async (c) => {
    const query = readQuery(c, ['lang']);
    const lang = query.oneOf('lang', LANGS) ?? DEFAULT_LANG;
    await requireScope(ctx, c, ['national', 'admin'], 'export.pdf', 'national');
    return answer(c, ctx, printer, { kind: 'national' }, lang);
  });
}
