/**
 * Opening the store for a command (`--database-url` > `--data` > `PLATEAU_DATA` >
 * ./plateau-data), with messages that say what to run when the store is missing or held by
 * another process. Reading a stored campaign is `campaigns.ts`'s (`chooseCampaign`,
 * `storedComputation`).
 */
import type { Store, StoreHolder } from '../../storage/index.ts';
import { openStore, resolveDataDir, StoreError } from '../../storage/index.ts';
import type { OptionValues } from '../command.ts';
import { stringOption } from '../command.ts';
import { UserError } from '../output.ts';

export interface OpenForOptions {
  /**
   * True for the commands that write (import, demo, serve): a missing data folder is created.
   * Otherwise (default) a data folder without a store is refused and nothing is created.
   */
  create?: boolean;
}

/** The PostgreSQL URL the options name (`--database-url`, else `PLATEAU_DATABASE_URL`), if any. */
export function databaseUrlOf(values: OptionValues): string | undefined {
  return stringOption(values, 'database-url') || process.env['PLATEAU_DATABASE_URL'] || undefined;
}

/** What to do when `holder` has the data folder: its web app for a server, else wait or stop it. */
export function lockedAdvice(holder: StoreHolder | null): string {
  const stop = holder && holder.pid > 0 ? `stop it (kill ${holder.pid})` : 'stop it';
  const server = holder?.command.startsWith('plateau serve');
  const first = server
    ? `use its web app${holder?.url ? ` at ${holder.url}` : ''} (or its API, e.g. POST /api/uploads to import a kit), or ${stop} and run this again`
    : `wait for it to finish, or ${stop}, and run this again`;
  return `only one process at a time may open an embedded store: ${first}. For several processes at once, keep the data in a PostgreSQL server (--database-url)`;
}

/** The user's message for a store that cannot be opened. */
function storeMessage(error: StoreError, dataDir: string): string {
  if (error.code === 'locked') return `${error.message}; ${lockedAdvice(error.holder)}`;
  if (error.code === 'no-store') {
    return `there is no plateau store in ${dataDir} (nothing was created): run 'plateau demo' for the national campaign, or 'plateau import KIT_DIR', to make one; or give --data the folder of an existing store`;
  }
  return error.message;
}

/** Opens the store the options name; store failures (held, missing…) become user errors (exit 1). */
export async function openStoreFor(
  values: OptionValues,
  options: OpenForOptions = {},
): Promise<Store> {
  const url = databaseUrlOf(values);
  const dataDir = resolveDataDir(stringOption(values, 'data'));
  try {
    return url
      ? await openStore({ url })
      : await openStore({ dataDir, create: options.create ?? false });
  } catch (error) {
    if (error instanceof StoreError) throw new UserError(storeMessage(error, dataDir));
    throw error;
  }
}

/** Runs `work` with an open store and always closes it. */
export async function withStore<T>(
  values: OptionValues,
  work: (store: Store) => Promise<T>,
  options: OpenForOptions = {},
): Promise<T> {
  const store = await openStoreFor(values, options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
