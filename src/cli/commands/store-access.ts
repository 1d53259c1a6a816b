/**
 * Opening the store for a command (`--database-url` > `--data` > `PLATEAU_DATA` >
 * ./plateau-data) and reading a stored campaign's results and exam samples, with messages that
 * say what to run when the store is empty.
 */
import type { CampaignComputation } from '../../core/indicators/index.ts';
import type { Store } from '../../storage/index.ts';
import {
  listCampaigns,
  loadResults,
  loadSamples,
  openStore,
  recomputeResults,
  resolveDataDir,
  StoreError,
} from '../../storage/index.ts';
import type { OptionValues } from '../command.ts';
import { stringOption } from '../command.ts';
import { UserError } from '../output.ts';

/** Opens the store the options name; store failures become user errors (exit 1). */
export async function openStoreFor(values: OptionValues): Promise<Store> {
  const url = stringOption(values, 'database-url') ?? process.env['PLATEAU_DATABASE_URL'];
  try {
    return url ? await openStore({ url }) : await openStore({ dataDir: resolveDataDir(stringOption(values, 'data')) });
  } catch (error) {
    if (error instanceof StoreError) throw new UserError(error.message);
    throw error;
  }
}

/** Runs `work` with an open store and always closes it. */
export async function withStore<T>(values: OptionValues, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStoreFor(values);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * The stored results of a campaign (the last imported when `campaignId` is not given) and the
 * machines' exam samples, so that a filtered benchmark pools the exams of its peers. A campaign
 * stored before plateau kept samples gets them computed and stored once, from its records.
 */
export async function loadStoredComputation(values: OptionValues, campaignId?: string): Promise<CampaignComputation> {
  return withStore(values, async (store) => {
    const campaigns = await listCampaigns(store);
    if (campaigns.length === 0) {
      throw new UserError(
        `the store at ${store.location} holds no campaign yet: run 'plateau demo' for the national campaign, or 'plateau import KIT_DIR'`,
      );
    }
    const id = campaignId ?? latest(campaigns).id;
    let results = await loadResults(store, id);
    if (!results) {
      const known = campaigns.map((c) => c.id).join(', ');
      throw new UserError(`no results for campaign '${id}' in ${store.location} (campaigns stored: ${known})`);
    }
    let samples = await loadSamples(store, id);
    if (results.machines.some((m) => !samples.has(m.equipmentId))) {
      process.stderr.write(`computing the exam samples of campaign '${id}' once (stored by an older plateau)\n`);
      await recomputeResults(store, id);
      results = (await loadResults(store, id)) ?? results;
      samples = await loadSamples(store, id);
    }
    return { indicators: results, samples };
  });
}

function latest<T extends { updatedAt: string }>(list: readonly T[]): T {
  return [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] as T;
}
