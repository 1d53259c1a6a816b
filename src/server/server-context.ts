/**
 * What every route shares: the store, the cache of loaded campaigns, the upload jobs and the
 * limits; the request's access scope (issue 15: `local` on the embedded store, the logged-in
 * user's otherwise) and the store as that scope sees it; and the lookups that turn an unknown
 * campaign into a 404.
 */
import type { Context } from 'hono';
import type { AccessScope } from '../core/access.ts';
import type { SessionUser, Store } from '../storage/index.ts';
import { scopedStore } from '../storage/scoped-store.ts';
import type { CachedCampaign, CampaignCache } from './campaign-cache.ts';
import { notFound } from './errors.ts';
import type { UploadLimits } from './uploads/upload-files.ts';
import type { UploadJobs } from './uploads/upload-jobs.ts';

/** How the server is run: `local` (embedded, loopback, no login) or `accounts` (login required). */
export type AuthMode = 'local' | 'accounts';

/** The request variables the auth middleware sets before any route runs. */
export interface AppEnv {
  Variables: {
    /** The logged-in user, or null (local mode, or an anonymous request to a public route). */
    user: SessionUser | null;
    /** The scope the request runs under (`local` in local mode). */
    scope: AccessScope;
  };
}

export interface ServerContext {
  store: Store;
  cache: CampaignCache;
  jobs: UploadJobs;
  limits: UploadLimits;
  mode: AuthMode;
}

/** The request's access scope; a request the auth middleware did not see is refused. */
export function scopeOf(c: Context<AppEnv>): AccessScope {
  const scope = c.get('scope') as AccessScope | undefined;
  if (!scope) throw new Error('no access scope on the request: the auth middleware must run first');
  return scope;
}

/** The store as the request's scope sees it (the store itself in local mode). */
export function requestStore(ctx: ServerContext, c: Context<AppEnv>): Store {
  return scopedStore(ctx.store, scopeOf(c));
}

/** `campaignOr404`'s option for a route that reads no exam samples but through `benchmarkJson`. */
export const LAZY_SAMPLES = { lazySamples: true } as const;

/**
 * The loaded campaign `id` as the request's scope sees it, or a 404 naming it. `lazySamples`: the
 * route reads no exam samples but through `benchmarkJson` (`CampaignCache.get`).
 */
export async function campaignOr404(
  ctx: ServerContext,
  c: Context<AppEnv>,
  id: string,
  options: { lazySamples?: boolean } = {},
): Promise<CachedCampaign> {
  const campaign = await ctx.cache.get(id, scopeOf(c), options);
  if (!campaign) throw notFound(`no campaign '${id}' in the store (GET /api/campaigns lists them)`);
  return campaign;
}
