/**
 * The signed bundle's payload of one site, built from the store the site runs at home: its
 * establishment and machines, their stored indicators (ranks left out: the observatory ranks),
 * their stored samples binned (never a value per exam), its survey answers. Read back through the
 * bundle's own allow-list reader before it is returned, so a site never sends what would be refused.
 */
import { binSamples } from '../core/bundle/binning.ts';
import type { BundleMachine, BundlePayload } from '../core/bundle/types.ts';
import { BINNING, BUNDLE_FORMAT, BUNDLE_VERSION } from '../core/bundle/types.ts';
import type { BundleProblem } from '../core/bundle/validate.ts';
import { readBundlePayload } from '../core/bundle/validate.ts';
import { readBundleOrigin, readCampaign } from './campaign-repository.ts';
import type { Store } from './open-store.ts';
import { loadResults } from './queries.ts';
import { loadSamples } from './sample-repository.ts';
import { loadEquipment, loadEstablishments, loadSurvey } from './view-queries.ts';
import { plateauVersion } from '../system/version.ts';

/** Why a site's bundle cannot be made. */
export type BundleExportRefusal =
  'no-campaign' | 'no-site' | 'bundle-site' | 'no-machines' | 'no-results' | 'invalid';

/** A bundle that cannot be made from this store: `reason` for the caller's words. */
export { plateauVersion };

export class BundleExportError extends Error {
  readonly reason: BundleExportRefusal;
  /** The reader's problems when `reason` is `invalid`. */
  readonly problems: readonly BundleProblem[];
  constructor(
    reason: BundleExportRefusal,
    message: string,
    problems: readonly BundleProblem[] = [],
  ) {
    super(message);
    this.name = 'BundleExportError';
    this.reason = reason;
    this.problems = problems;
  }
}

/**
 * The payload of site `finess`'s bundle for campaign `campaignId`. Refused (`BundleExportError`):
 * a campaign not stored, a site not in it, a site that came into it as a bundle itself, a site
 * without machines or without stored results.
 *
 * @example
 * const payload = await buildBundlePayload(store, 'anap-2011', '350000001');
 * payload.machines.length; // 3
 */
export async function buildBundlePayload(
  store: Store,
  campaignId: string,
  finess: string,
  options: { now?: Date } = {},
): Promise<BundlePayload> {
  const campaign = await readCampaign(store.db, campaignId);
  if (campaign === null)
    throw new BundleExportError('no-campaign', `campaign ${campaignId} is not in this store`);
  const establishment = (await loadEstablishments(store, campaignId)).find(
    (e) => e.finess === finess,
  );
  if (establishment === undefined)
    throw new BundleExportError('no-site', `site ${finess} is not in campaign ${campaignId}`);
  if ((await readBundleOrigin(store.db, campaignId, finess)) !== null)
    throw new BundleExportError(
      'bundle-site',
      `site ${finess} came into campaign ${campaignId} as a bundle: only a site exports its own figures`,
    );
  const equipment = (await loadEquipment(store, campaignId)).filter((m) => m.finess === finess);
  if (equipment.length === 0)
    throw new BundleExportError(
      'no-machines',
      `site ${finess} has no machine in campaign ${campaignId}`,
    );
  const results = await loadResults(store, campaignId);
  const indicators = new Map((results?.machines ?? []).map((m) => [m.equipmentId, m]));
  const samples = await loadSamples(store, campaignId);
  const machines: BundleMachine[] = [];
  for (const row of equipment) {
    const figures = indicators.get(row.equipmentId);
    const values = samples.get(row.equipmentId);
    if (figures === undefined || values === undefined)
      throw new BundleExportError(
        'no-results',
        `campaign ${campaignId} has no stored results or samples for machine ${row.equipmentId}`,
      );
    const { percentRank: _ranks, ...own } = figures;
    machines.push({ equipment: row, indicators: own, samples: binSamples(values) });
  }
  const payload: BundlePayload = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    plateauVersion: plateauVersion(),
    campaign: {
      id: campaign.id,
      name: campaign.name,
      start: campaign.start,
      days: campaign.days,
      timeZone: campaign.timeZone,
    },
    establishment,
    machines,
    survey: (await loadSurvey(store, campaignId)).filter((a) => a.finess === finess),
    binning: { ...BINNING },
  };
  // What the observatory will read: the JSON text, by the same allow-list.
  const read = readBundlePayload(JSON.parse(JSON.stringify(payload)));
  if ('errors' in read) {
    const first = read.errors[0] as BundleProblem;
    throw new BundleExportError(
      'invalid',
      `the bundle does not pass the reader (${read.errors.length} problems; first ${first.key} at ${first.path})`,
      read.errors,
    );
  }
  return payload;
}
