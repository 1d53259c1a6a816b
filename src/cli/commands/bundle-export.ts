/**
 * `plateau bundle keygen` and `plateau bundle export` (issue 16), the site's side of a federated
 * bundle; the `plateau bundle` dispatcher (bundle.ts) calls them. The private key never leaves the
 * site (0600, never overwritten); the bundle is written atomically (a temporary file, then renamed).
 */
import { existsSync } from 'node:fs';
import { chmod, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { generateSiteKey, readPrivateKey, signBundle } from '../../ingest/bundle/index.ts';
import { BundleExportError, buildBundlePayload } from '../../storage/bundle-export.ts';
import type { OptionValues } from '../command.ts';
import { stringOption } from '../command.ts';
import type { MessageKey } from '../../i18n/messages/fr.ts';
import { say, UsageError, UserError } from '../output.ts';
import { chooseCampaign } from './campaigns.ts';
import { withStore } from './store-access.ts';

/** The options of keygen and export (bundle.ts spreads them into the command's options). */
export const BUNDLE_EXPORT_OPTIONS = {
  site: { type: 'string' },
  key: { type: 'string' },
  out: { type: 'string' },
  campaign: { type: 'string' },
} as const;

/** What the dispatcher gives a subcommand: the arguments after `keygen`/`export`, and the options. */
export interface BundleSubcommand {
  positionals: readonly string[];
  values: OptionValues;
}

const ALL_OPTIONS = [
  'site',
  'key',
  'out',
  'campaign',
  'public-key',
  'label',
  'json',
  'data',
  'database-url',
];

/** Refuses positionals and options the action does not take. */
function only(
  action: string,
  { positionals, values }: BundleSubcommand,
  allowed: readonly string[],
): void {
  if (positionals.length > 0)
    throw new UsageError(`plateau bundle ${action} takes no argument (got ${positionals.length})`);
  const extra = ALL_OPTIONS.filter((o) => values[o] !== undefined && !allowed.includes(o));
  if (extra.length > 0)
    throw new UsageError(
      `plateau bundle ${action} does not take ${extra.map((o) => `--${o}`).join(', ')}`,
    );
}

/** `--site`: a FINESS (9 letters or digits). */
function siteOf(action: string, values: OptionValues): string {
  const site = stringOption(values, 'site');
  if (site === undefined) throw new UsageError(`plateau bundle ${action} needs --site FINESS`);
  if (!/^[0-9A-Za-z]{9}$/.test(site))
    throw new UsageError(
      `--site should be a FINESS: 9 letters or digits (got ${site.length} characters)`,
    );
  return site;
}

function required(action: string, values: OptionValues, name: string, what: string): string {
  const value = stringOption(values, name);
  if (value === undefined) throw new UsageError(`plateau bundle ${action} needs --${name} ${what}`);
  return value;
}

/** KEY.pem → KEY.pub.pem (another name: NAME.pub.pem). */
export function publicKeyPath(privatePath: string): string {
  return /\.pem$/i.test(privatePath)
    ? privatePath.replace(/\.pem$/i, '.pub.pem')
    : `${privatePath}.pub.pem`;
}

/** Writes a new file (`wx`: never over an existing one) with `mode`. */
async function writeNew(path: string, text: string, mode: number): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UserError(say('cli.bundle.keygen.exists', { file: path }));
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  // umask may have taken bits away, never added: set the mode as asked.
  await chmod(path, mode);
}

/**
 * `plateau bundle keygen --site F --out KEY.pem`: a new Ed25519 key pair, the private key in
 * KEY.pem (PKCS8 PEM, 0600; an existing file is never overwritten), the public one in KEY.pub.pem;
 * prints the key id and what the administrator does next. Exit code 0.
 */
export async function runBundleKeygen(command: BundleSubcommand): Promise<number> {
  only('keygen', command, ['site', 'out']);
  const finess = siteOf('keygen', command.values);
  const privatePath = required('keygen', command.values, 'out', 'KEY.pem');
  const publicPath = publicKeyPath(privatePath);
  for (const path of [privatePath, publicPath])
    if (existsSync(path)) throw new UserError(say('cli.bundle.keygen.exists', { file: path }));
  const key = generateSiteKey();
  await writeNew(privatePath, key.privatePem, 0o600);
  await writeNew(publicPath, key.publicPem, 0o644);
  process.stdout.write(
    `${say('cli.bundle.keygen.written', { keyId: key.keyId, finess, privateFile: privatePath, publicFile: publicPath })}\n`,
  );
  process.stdout.write(
    `${say('cli.bundle.keygen.next', { publicFile: publicPath, finess, publicName: basename(publicPath) })}\n`,
  );
  return 0;
}

const EXPORT_WORDS: Readonly<Record<BundleExportError['reason'], MessageKey>> = {
  'no-campaign': 'cli.bundle.export.noCampaign',
  'no-site': 'cli.bundle.export.noSite',
  'bundle-site': 'cli.bundle.export.bundleSite',
  'no-machines': 'cli.bundle.export.noMachines',
  'no-results': 'cli.bundle.export.noResults',
  invalid: 'cli.bundle.export.invalid',
};

/** `1.2 MB`-like size of a file, in the units people read. */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * `plateau bundle export --site F --key KEY.pem --out FILE [--campaign ID]`: the site's signed
 * bundle of a stored campaign (only that site's rows), written atomically; prints what went in.
 * Refusals (unknown site or campaign, a site that came as a bundle, no machines, a bad key) are
 * user errors (exit 1).
 */
export async function runBundleExport(command: BundleSubcommand): Promise<number> {
  const { values } = command;
  only('export', command, ['site', 'key', 'out', 'campaign', 'data', 'database-url']);
  const finess = siteOf('export', values);
  const keyPath = required('export', values, 'key', 'KEY.pem');
  const out = required('export', values, 'out', 'FILE');
  let privateKey;
  try {
    privateKey = readPrivateKey(await readFile(keyPath, 'utf8'));
  } catch {
    throw new UserError(say('cli.bundle.export.badKey', { file: keyPath }));
  }
  const payload = await withStore(values, async (store) => {
    const campaign = await chooseCampaign(store, stringOption(values, 'campaign'));
    try {
      return await buildBundlePayload(store, campaign.id, finess);
    } catch (error) {
      if (!(error instanceof BundleExportError)) throw error;
      const first = error.problems[0];
      throw new UserError(
        say(EXPORT_WORDS[error.reason], {
          finess,
          campaign: campaign.id,
          n: error.problems.length,
          first: first ? `${first.key} ${first.path}` : '',
        }),
      );
    }
  });
  const signed = signBundle(payload, privateKey);
  const text = `${JSON.stringify(signed)}\n`;
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const histograms = payload.machines.flatMap((m) => [
    ...Object.values(m.samples.durationMinutes),
    ...Object.values(m.samples.reportDelayMinutes),
    ...Object.values(m.samples.appointmentDelayDays),
  ]);
  const size = sizeText(Buffer.byteLength(text, 'utf8'));
  process.stdout.write(
    `${say('cli.bundle.export.written', { finess, campaign: payload.campaign.id, file: out, size, keyId: signed.signature.keyId })}\n`,
  );
  process.stdout.write(
    `${say('cli.bundle.export.contents', {
      machines: payload.machines.length,
      histograms: histograms.length,
      values: histograms.reduce((n, h) => n + (h?.n ?? 0), 0),
      answers: payload.survey.length,
    })}\n`,
  );
  return 0;
}
