/**
 * What every route shares: the store, the cache of loaded campaigns, the upload jobs and the
 * limits; and the lookups that turn an unknown campaign into a 404.
 */
import type { Store } from '../storage/index.ts';
import type { CachedCampaign, CampaignCache } from './campaign-cache.ts';
import { notFound } from './errors.ts';
import type { UploadLimits } from './uploads/upload-files.ts';
import type { UploadJobs } from './uploads/upload-jobs.ts';

export interface ServerContext {
  store: Store;
  cache: CampaignCache;
  jobs: UploadJobs;
  limits: UploadLimits;
}

/** The loaded campaign `id`, or a 404 naming it. */
export async function campaignOr404(ctx: ServerContext, id: string): Promise<CachedCampaign> {
  const campaign = await ctx.cache.get(id);
  if (!campaign) throw notFound(`no campaign '${id}' in the store (GET /api/campaigns lists them)`);
  return campaign;
}
