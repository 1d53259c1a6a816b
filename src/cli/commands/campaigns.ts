/**
 * `plateau campaigns list|delete|rename`: the campaigns of a store, managed by id. Also which
 * stored campaign a command shows (`chooseCampaign`): the one named by `--campaign`, else the
 * last imported, said on stderr when the store holds several so that no switch goes unnoticed.
 */
import type { CampaignComputation } from '../../core/indicators/index.ts';
import { closeMatches } from '../../reports/matches.ts';
import type { CampaignListing, Store } from '../../storage/index.ts';
import {
  deleteCampaign,
  listCampaigns,
  loadResults,
  loadSamples,
  periodOf,
  recomputeResults,
  renameCampaign,
} from '../../storage/index.ts';
import type { Command } from '../command.ts';
import { STORE_OPTIONS } from '../command.ts';
import { table, UsageError, UserError } from '../output.ts';
import { withStore } from './store-access.ts';

const USAGE = `Usage: plateau campaigns list [--json]
       plateau campaigns delete ID --yes
       plateau campaigns rename OLD NEW
       (each with [--data DIR | --database-url URL])

The campaigns of the store, by id:

  list                  id, name, period, machines, exams and when each was first imported
  delete ID --yes       delete campaign ID with its records, results and issues (--yes confirms:
                        nothing can bring it back but importing its kit again)
  rename OLD NEW        give campaign OLD the id NEW, keeping its name, period, records and
                        issues (its results are recomputed under the new id)
  --json                list as JSON
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store

Commands that show a stored campaign (indicators, report) take --campaign ID; without it, they
show the last imported and say so when the store holds several.

Examples:
  plateau campaigns list
  plateau campaigns rename synthetic-2010 national-2010
  plateau campaigns delete test-2026 --yes`;

/** `2026-12-06 09:40 UTC` from an ISO 8601 UTC time. */
function minuteOf(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The message for a campaign id that is not stored, with close matches and the stored ids. */
function unknownCampaign(
  id: string,
  campaigns: readonly CampaignListing[],
  store: Store,
): UserError {
  const ids = campaigns.map((c) => c.id);
  const near = closeMatches(id, ids);
  const stored = ids.length > 0 ? `campaigns stored: ${ids.join(', ')}` : 'it holds no campaign';
  return new UserError(
    `no campaign '${id}' in ${store.location}${near.length > 0 ? `; close matches: ${near.join(', ')}` : ''} (${stored}); 'plateau campaigns list' shows them`,
  );
}

function noCampaign(store: Store): UserError {
  return new UserError(
    `the store at ${store.location} holds no campaign yet: run 'plateau demo' for the national campaign, or 'plateau import KIT_DIR'`,
  );
}

/**
 * The stored campaign a command shows: `asked` (from `--campaign`), else the last imported. When
 * the store holds several campaigns and none was asked for, says on stderr which one is shown and
 * how to choose another. User errors name the stored campaigns when there is none, or `asked` is
 * not stored.
 *
 * @example
 * const campaign = await chooseCampaign(store, stringOption(values, 'campaign'));
 */
export async function chooseCampaign(
  store: Store,
  asked: string | undefined,
): Promise<CampaignListing> {
  const campaigns = (await listCampaigns(store)).filter((c) => c.hasResults);
  if (campaigns.length === 0) throw noCampaign(store);
  if (asked !== undefined) {
    const found = campaigns.find((c) => c.id === asked);
    if (!found) throw unknownCampaign(asked, campaigns, store);
    return found;
  }
  const latest = [...campaigns].sort(
    (a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id),
  )[0] as CampaignListing;
  if (campaigns.length > 1) {
    const others = campaigns.filter((c) => c !== latest).map((c) => c.id);
    process.stderr.write(
      `showing campaign '${latest.id}' (${latest.name}, ${periodOf(latest)}), the last imported of ${campaigns.length}; ` +
        `the others: ${others.join(', ')}. Choose one with --campaign ID.\n`,
    );
  }
  return latest;
}

/**
 * The stored results of campaign `id` and its machines' exam samples, so that a filtered benchmark
 * pools the exams of its peers. A campaign stored before plateau kept samples gets them computed
 * and stored once, from its records.
 */
export async function storedComputation(store: Store, id: string): Promise<CampaignComputation> {
  let results = await loadResults(store, id);
  if (!results) throw new UserError(`no results for campaign '${id}' in ${store.location}`);
  let samples = await loadSamples(store, id);
  if (results.machines.some((m) => !samples.has(m.equipmentId))) {
    process.stderr.write(
      `computing the exam samples of campaign '${id}' once (stored by an older plateau)\n`,
    );
    await recomputeResults(store, id);
    results = (await loadResults(store, id)) ?? results;
    samples = await loadSamples(store, id);
  }
  return { indicators: results, samples };
}

async function list(store: Store, json: boolean): Promise<void> {
  const campaigns = await listCampaigns(store);
  if (json) {
    process.stdout.write(`${JSON.stringify(campaigns, null, 2)}\n`);
    return;
  }
  if (campaigns.length === 0) {
    process.stdout.write(`the store at ${store.location} holds no campaign\n`);
    return;
  }
  process.stdout.write(
    `${table(
      [
        { header: 'id' },
        { header: 'name' },
        { header: 'period' },
        { header: 'machines', digits: 0 },
        { header: 'exams', digits: 0 },
        { header: 'imported' },
      ],
      campaigns.map((c) => [
        c.id,
        c.name,
        periodOf(c),
        c.equipment,
        c.exams,
        minuteOf(c.importedAt),
      ]),
    )}\n`,
  );
}

/** The id a rename gives, refused when it could not be typed or shown. */
function newId(id: string): string {
  // Control characters and surrounding spaces could not be told apart in a listing.
  if (id.trim() !== id || id === '' || /\p{Cc}/u.test(id)) {
    throw new UsageError(
      'NEW must be a non-empty id without surrounding spaces or control characters',
    );
  }
  return id;
}

export const campaignsCommand: Command = {
  name: 'campaigns',
  summary: 'list, delete or rename the campaigns of the store',
  usage: USAGE,
  options: { ...STORE_OPTIONS, json: { type: 'boolean' }, yes: { type: 'boolean' } },
  async run({ positionals: args, values }) {
    const [action, ...rest] = args;
    const arity = (n: number, what: string): void => {
      if (rest.length !== n) throw new UsageError(`plateau campaigns ${action} takes ${what}`);
    };
    if (action === 'list') {
      arity(0, 'no argument');
      await withStore(values, (store) => list(store, values['json'] === true));
      return 0;
    }
    if (action === 'delete') {
      arity(1, 'one campaign ID');
      const id = rest[0] as string;
      await withStore(values, async (store) => {
        const campaigns = await listCampaigns(store);
        const found = campaigns.find((c) => c.id === id);
        if (!found) throw unknownCampaign(id, campaigns, store);
        const what = `campaign '${id}' (${found.name}, ${periodOf(found)}: ${found.equipment} machines, ${found.exams} exams, its results and issues)`;
        if (values['yes'] !== true) {
          throw new UserError(
            `deleting ${what} cannot be undone: nothing was deleted. Run again with --yes to delete it`,
          );
        }
        await deleteCampaign(store, id);
        process.stdout.write(`deleted ${what}\n`);
      });
      return 0;
    }
    if (action === 'rename') {
      arity(2, 'OLD and NEW campaign ids');
      const [from, to] = rest as [string, string];
      const target = newId(to);
      if (from === target) throw new UsageError('OLD and NEW are the same id');
      await withStore(values, async (store) => {
        const outcome = await renameCampaign(store, from, target);
        if (outcome === 'unknown') throw unknownCampaign(from, await listCampaigns(store), store);
        if (outcome === 'taken') {
          throw new UserError(
            `a campaign '${target}' is already stored: nothing was renamed. Choose another NEW id, or delete that campaign first (plateau campaigns delete ${target} --yes)`,
          );
        }
        process.stdout.write(
          `renamed campaign '${from}' to '${target}' (records, issues and results kept)\n`,
        );
      });
      return 0;
    }
    throw new UsageError(
      action === undefined
        ? 'say what to do: list, delete ID --yes, or rename OLD NEW'
        : `unknown action '${action}': list, delete or rename`,
    );
  },
};
