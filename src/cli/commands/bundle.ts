/**
 * `plateau bundle keygen|export|import|keys` (issue 16): a site that keeps its exam rows at home
 * makes a key and exports signed bundles of its figures (bundle-export.ts); the observatory's
 * administrator registers the sites' public keys (`keys add|list|revoke`, audited as
 * `console:<user>`) and imports bundles (`import FILE…`: verified, then stored with the campaign's
 * figures recomputed; a refusal says why, located, and exits 1).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BundleKey, Store } from '../../storage/index.ts';
import {
  addBundleKey,
  BundleImportError,
  BundleKeyError,
  importBundle,
  listBundleKeys,
  revokeBundleKey,
} from '../../storage/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { STORE_OPTIONS, stringOption } from '../command.ts';
import { say, table, UsageError, UserError } from '../output.ts';
import { BUNDLE_EXPORT_OPTIONS, runBundleExport, runBundleKeygen } from './bundle-export.ts';
import { withStore } from './store-access.ts';
import { systemUser } from './users.ts';

const USAGE = `Usage: plateau bundle keygen --site F --out KEY.pem
       plateau bundle export --site F --key KEY.pem --out FILE [--campaign ID]
       plateau bundle import FILE… 
       plateau bundle keys add --site F --public-key FILE.pub.pem [--label L]
       plateau bundle keys list [--json]
       plateau bundle keys revoke KEYID
       (export, import and keys each with [--data DIR | --database-url URL])

Signed bundles: a site that may not send its exam rows shares its machines' figures and binned
samples (no exam row, no patient key), signed with its Ed25519 key.

At the site:
  keygen                the site's key: KEY.pem (private, 0600; keep it there) and KEY.pub.pem
  export                the site's bundle of a stored campaign (only that site's rows go in)

At the observatory (an administrator):
  keys add              register a site's public key (--site FINESS, --public-key FILE.pub.pem)
  keys list             the registered keys: id, FINESS, label, when and by whom, revoked or not
  keys revoke KEYID     bundles signed with that key are refused from now on
  import FILE…          verify each bundle (signature, registered key, allow-list: no exam row)
                        and store it: into its campaign (created from the bundle when absent),
                        replacing the site's previous bundle; the campaign's benchmark, ranks and
                        quality are recomputed with it. A site present as raw data is refused.
                        Any refusal exits 1, saying why; nothing of that bundle is stored.

  --json                keys list as JSON
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store

Examples:
  plateau bundle keygen --site 350000001 --out chu.pem
  plateau bundle keys add --site 350000001 --public-key chu.pub.pem --label "CHU 2026"
  plateau bundle export --site 350000001 --key chu.pem --out chu-2026.bundle.json
  plateau bundle import chu-2026.bundle.json`;

/** The audit log's actor of a change made here: no account, the system user at the console. */
function consoleActor(): { userId: null; email: string } {
  return { userId: null, email: `console:${systemUser()}` };
}

async function keyChange<T>(
  values: OptionValues,
  work: (store: Store) => Promise<T>,
  create = false,
): Promise<T> {
  try {
    return await withStore(values, work, { create });
  } catch (error) {
    if (error instanceof BundleKeyError) throw new UserError(error.message);
    throw error;
  }
}

function listKeys(keys: readonly BundleKey[], store: Store, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
    return;
  }
  if (keys.length === 0) {
    process.stdout.write(`${say('cli.bundle.noKeys', { store: store.location })}\n`);
    return;
  }
  const columns = (['keyId', 'finess', 'label', 'added', 'by', 'state'] as const).map((k) => ({
    header: say(`cli.bundle.head.${k}`),
  }));
  const rows = keys.map((k) => [
    k.keyId,
    k.finess,
    k.label ?? '',
    k.addedAt.slice(0, 10),
    k.addedBy,
    k.revokedAt === null
      ? say('cli.bundle.state.active')
      : say('cli.bundle.state.revoked', { date: k.revokedAt.slice(0, 10) }),
  ]);
  process.stdout.write(`${table(columns, rows)}\n`);
}

async function keys(rest: string[], values: OptionValues): Promise<number> {
  const [action, ...args] = rest;
  const only = (allowed: readonly string[]): void => {
    const extra = ['site', 'public-key', 'label', 'json', 'key', 'out', 'campaign'].filter(
      (o) => values[o] !== undefined && !allowed.includes(o),
    );
    if (extra.length > 0)
      throw new UsageError(
        `plateau bundle keys ${action ?? ''} does not take ${extra.map((o) => `--${o}`).join(', ')}`,
      );
  };
  if (action === 'list') {
    if (args.length > 0) throw new UsageError('plateau bundle keys list takes no argument');
    only(['json']);
    await withStore(values, async (store) =>
      listKeys(await listBundleKeys(store), store, values['json'] === true),
    );
    return 0;
  }
  if (action === 'add') {
    if (args.length > 0)
      throw new UsageError(
        'plateau bundle keys add takes --site F --public-key FILE.pub.pem [--label L]',
      );
    only(['site', 'public-key', 'label']);
    const site = stringOption(values, 'site');
    const file = stringOption(values, 'public-key');
    if (site === undefined || file === undefined)
      throw new UsageError(
        'plateau bundle keys add needs --site FINESS and --public-key FILE.pub.pem',
      );
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const label = stringOption(values, 'label');
    const key = await keyChange(
      values,
      (store) =>
        addBundleKey(store, { finess: site, publicKey: pem, label: label ?? null }, consoleActor()),
      true,
    );
    process.stdout.write(
      `${say('cli.bundle.keyAdded', { keyId: key.keyId, finess: key.finess })}\n`,
    );
    return 0;
  }
  if (action === 'revoke') {
    if (args.length !== 1)
      throw new UsageError(
        'plateau bundle keys revoke takes one KEYID (plateau bundle keys list shows them)',
      );
    only([]);
    const key = await keyChange(values, (store) =>
      revokeBundleKey(store, args[0] as string, consoleActor()),
    );
    process.stdout.write(
      `${say('cli.bundle.keyRevoked', { keyId: key.keyId, finess: key.finess })}\n`,
    );
    return 0;
  }
  throw new UsageError(
    action === undefined
      ? 'say what to do with the keys: add, list or revoke'
      : `unknown action 'keys ${action}': add, list or revoke`,
  );
}

/** Imports each file in turn (each its own transaction); 1 when any was refused. */
async function importFiles(files: string[], values: OptionValues): Promise<number> {
  if (files.length === 0)
    throw new UsageError('plateau bundle import takes one or more bundle files');
  const texts: { file: string; text: string }[] = [];
  for (const file of files) {
    try {
      texts.push({ file, text: await readFile(file, 'utf8') });
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const refused: string[] = [];
  await withStore(
    values,
    async (store) => {
      for (const { file, text } of texts) {
        const name = basename(file);
        try {
          const s = await importBundle(store, text, { source: `bundle: ${name}`, file: name });
          process.stdout.write(
            `${say('cli.bundle.imported', {
              file: name,
              finess: s.finess,
              campaign: s.campaignId,
              list: s.machines.join(', '),
              keyId: s.keyId,
              replaced: s.replaced ? say('cli.bundle.imported.replaced') : '',
              created: s.campaign === 'inserted' ? say('cli.bundle.imported.created') : '',
            })}\n`,
          );
        } catch (error) {
          if (!(error instanceof BundleImportError)) throw error;
          refused.push(name);
          process.stderr.write(
            `${say('cli.bundle.refused', { file: name, reason: error.message })}\n`,
          );
        }
      }
    },
    { create: true },
  );
  if (refused.length === 0) return 0;
  if (texts.length > 1)
    process.stderr.write(`${say('cli.bundle.someRefused', { files: refused.join(', ') })}\n`);
  return 1;
}

export const bundleCommand: Command = {
  name: 'bundle',
  summary: "signed bundles of a site's figures: make a key, export, register keys, import",
  usage: USAGE,
  options: {
    ...STORE_OPTIONS,
    ...BUNDLE_EXPORT_OPTIONS,
    site: { type: 'string' },
    'public-key': { type: 'string' },
    label: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ positionals: args, values }) {
    const [action, ...rest] = args;
    if (action === 'keygen') return runBundleKeygen({ positionals: rest, values });
    if (action === 'export') return runBundleExport({ positionals: rest, values });
    if (action === 'keys') return keys(rest, values);
    if (action === 'import') {
      const extra = ['site', 'public-key', 'label', 'json', 'key', 'out', 'campaign'].filter(
        (o) => values[o] !== undefined,
      );
      if (extra.length > 0)
        throw new UsageError(
          `plateau bundle import does not take ${extra.map((o) => `--${o}`).join(', ')}`,
        );
      return importFiles(rest, values);
    }
    throw new UsageError(
      action === undefined
        ? 'say what to do: keygen, export, import or keys'
        : `unknown action '${action}': keygen, export, import or keys`,
    );
  },
};
