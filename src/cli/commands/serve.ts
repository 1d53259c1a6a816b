/**
 * `plateau serve`: the web app and the HTTP API over the store, on this machine by default.
 * With --demo-if-empty a store without any campaign gets the national campaign first, so that
 * `npm start` on a fresh clone shows real figures. With --mapping, `POST /api/fhir` reads
 * Bundles with the site's mapping and secret (with --fhir-inbox it keeps them, de-identified).
 * Stops cleanly on SIGINT and SIGTERM.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closePdfBrowser } from '../../reports/pdf.ts';
import { startServer } from '../../server/index.ts';
import { DEFAULT_INBOX_QUOTA } from '../../server/routes/fhir.ts';
import { publicHost } from '../../server/origin-guard.ts';
import type { AppOptions, RunningServer } from '../../server/index.ts';
import { listCampaigns } from '../../storage/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { intOption, positionals, STORE_OPTIONS, stringListOption, stringOption } from '../command.ts';
import { UsageError, UserError } from '../output.ts';
import { importDemoCampaign } from './demo.ts';
import { readMappingOrFail, siteSecret } from './site-context.ts';
import { openStoreFor } from './store-access.ts';

const USAGE = `Usage: plateau serve [--port N] [--host H] [--public-host NAME]... [--data DIR | --database-url URL]
                     [--demo-if-empty] [--mapping FILE [--secret-env NAME] [--fhir-inbox DIR
                     [--fhir-inbox-max-mib N] [--fhir-inbox-max-files N]]]

Serves plateau's web app and its HTTP API (JSON under /api, described at /api/openapi.json)
over the store, until interrupted (Ctrl-C).

  --port N              the TCP port (default 4317; 0 picks a free one)
  --host H              the address to listen on (default 127.0.0.1: this machine only;
                        0.0.0.0 opens it to the network, with no authentication)
  --public-host NAME    a name (or address) the network reaches this server by, as browsers
                        write it in the address bar (plateau.chu-exemple.fr, 10.0.0.5,
                        name:port behind a proxy); repeatable. Requests addressed to any other
                        name than these and 127.0.0.1, localhost, [::1] are refused (421), and
                        changes (POST…) coming from pages of other origins too (403)
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead
  --demo-if-empty       when the store holds no campaign, generate and import the national
                        campaign first (as 'plateau demo')
  --mapping FILE        the site mapping file (as for 'plateau convert'): POST /api/fhir then
                        reads FHIR R4 Bundles with it and answers an OperationOutcome (records
                        found, every located issue; nothing is imported). Without it, POST
                        /api/fhir answers 503. With errors in the mapping, the server does not
                        start (each error printed with its line).
  --secret-env NAME     the environment variable holding the site secret that keys the hash of
                        patient identifiers (default PLATEAU_SECRET; required with --mapping)
  --fhir-inbox DIR      with --mapping: keep each Bundle without errors in DIR (201), with no
                        patient identity (patients reduced to a hashed id and birth month;
                        narratives, notes, display names dropped), for 'plateau import DIR';
                        a Bundle that gives no exam nor session (patients only) is not kept
  --fhir-inbox-max-mib N
                        the most the inbox holds, in MiB (default 1024); past it, POST
                        /api/fhir answers 507 (an OperationOutcome) and keeps nothing
  --fhir-inbox-max-files N
                        the most Bundles the inbox holds (default 100000), likewise

Examples:
  plateau serve --demo-if-empty     then open http://127.0.0.1:4317/
  PLATEAU_SECRET=… plateau serve --mapping mapping.csv
                                    then POST a Bundle to http://127.0.0.1:4317/api/fhir
  PLATEAU_SECRET=… plateau serve --mapping mapping.csv --fhir-inbox ./fhir-inbox
  PLATEAU_SECRET=… plateau import ./fhir-inbox --mapping mapping.csv --campaign campaign.json`;

/**
 * The built web app: dist/web beside the compiled CLI (dist/cli/commands → ../../web), or the
 * package's dist/web when running from the TypeScript sources.
 */
export function defaultWebRoot(): string {
  const fromSources = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromSources ? '../../../dist/web' : '../../web', import.meta.url));
}

/** Resolves with the first SIGINT or SIGTERM, then lets a second one act as usual. */
export function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export interface ServeOptions {
  /** Called once the server listens; serving stops when its promise settles (default: SIGINT or SIGTERM). */
  until?: () => Promise<unknown>;
  /** The web app's folder (default: `defaultWebRoot()`). */
  webRoot?: string;
}

/**
 * Opens the store, serves until `until()` settles, then closes the server and the store;
 * returns the exit code.
 *
 * @example
 * await serve({ port: '0', data: 'memory://' }, { until: () => stopped });
 */
export async function serve(values: OptionValues, options: ServeOptions = {}): Promise<number> {
  const { until = nextStopSignal, webRoot = defaultWebRoot() } = options;
  const port = intOption(values, 'port', 4317, 0, 65_535);
  const host = stringOption(values, 'host') ?? '127.0.0.1';
  const publicHosts = publicHostsOf(values);
  const fhir = await fhirEndpointOf(values);
  const store = await openStoreFor(values, { create: true });
  try {
    let campaigns = await listCampaigns(store);
    if (values['demo-if-empty'] && campaigns.length === 0) {
      process.stderr.write(`the store at ${store.location} holds no campaign: importing the national campaign first\n`);
      await importDemoCampaign(store, values);
      campaigns = await listCampaigns(store);
    }
    const hasWeb = existsSync(join(webRoot, 'index.html'));
    if (!hasWeb) process.stderr.write(`the web app is not built (no ${join(webRoot, 'index.html')}): run npm run build. Serving the API only.\n`);
    let server: RunningServer;
    try {
      server = await startServer({ store, port, host, publicHosts, webRoot: hasWeb ? webRoot : null, ...(fhir ? { fhir } : {}) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UserError(`port ${port} is already in use on ${host}: choose another with --port`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UserError(`cannot listen on ${host}: not an address of this machine`);
      if (code === 'EACCES') throw new UserError(`not allowed to listen on port ${port}: choose one above 1023`);
      throw error;
    }
    if (fhir) {
      const quota = fhir.inboxQuota ? ` (those giving exams or sessions; up to ${Math.round((fhir.inboxQuota.bytes ?? 0) / 2 ** 20)} MiB, ${fhir.inboxQuota.files} Bundles)` : '';
      const kept = fhir.inbox !== undefined ? `, keeping those without errors de-identified in ${fhir.inbox}${quota}` : '';
      process.stderr.write(`POST /api/fhir reads FHIR R4 Bundles with the site mapping ${stringOption(values, 'mapping')} (FINESS ${fhir.mapping.finess})${kept}\n`);
    }
    // Who finds the data folder held learns where to send its work (plateau import hands it over).
    store.announce?.({ url: server.url });
    if ((host === '0.0.0.0' || host === '::') && publicHosts.length === 0) {
      process.stderr.write(
        `listening on every network interface, but answering only requests addressed to ${server.hosts.join(', ')}: ` +
          'add --public-host NAME for each name or address the network reaches this machine by\n',
      );
    }
    const stop = until();
    const count = campaigns.length === 1 ? '1 campaign' : `${campaigns.length} campaigns`;
    process.stdout.write(`plateau is serving ${count} at ${server.url}\n`);
    await stop.catch(() => undefined);
    process.stderr.write('stopping plateau\n');
    await server.close();
    // Reports printed while serving leave their Chromium open for the next one: close it.
    await closePdfBrowser();
    return 0;
  } finally {
    await store.close();
  }
}

/** The --public-host names, each checked (a UsageError names a bad one). */
function publicHostsOf(values: OptionValues): string[] {
  return stringListOption(values, 'public-host').map((name) => {
    const host = publicHost(name);
    if (host === null) {
      throw new UsageError(`--public-host ${JSON.stringify(name)} is not a host name, an IPv4 address or an IPv6 address in brackets (with an optional :port); give the name alone, without http://`);
    }
    return host;
  });
}

/**
 * The site mapping and secret of `POST /api/fhir`, or undefined without --mapping; a `UserError`
 * (the server does not start) when the mapping has errors or the secret is unset.
 */
async function fhirEndpointOf(values: OptionValues): Promise<AppOptions['fhir']> {
  const path = stringOption(values, 'mapping');
  const inbox = stringOption(values, 'fhir-inbox');
  const quotaGiven = values['fhir-inbox-max-mib'] !== undefined || values['fhir-inbox-max-files'] !== undefined;
  if (quotaGiven && inbox === undefined) throw new UsageError('--fhir-inbox-max-mib and --fhir-inbox-max-files go with --fhir-inbox DIR');
  const inboxQuota = {
    bytes: intOption(values, 'fhir-inbox-max-mib', DEFAULT_INBOX_QUOTA.bytes / 2 ** 20, 1, 1024 * 1024) * 2 ** 20,
    files: intOption(values, 'fhir-inbox-max-files', DEFAULT_INBOX_QUOTA.files, 1, 100_000_000),
  };
  if (path === undefined) {
    if (values['secret-env'] !== undefined) throw new UsageError('--secret-env goes with --mapping FILE (the secret is only used to read FHIR Bundles)');
    if (inbox !== undefined) throw new UsageError('--fhir-inbox goes with --mapping FILE (Bundles are read with the mapping before they are kept)');
    return undefined;
  }
  const secret = siteSecret(values);
  const mapping = await readMappingOrFail(path, 'the server was not started');
  if (inbox !== undefined) await ownerOnlyInbox(inbox);
  return { mapping, secret, ...(inbox !== undefined ? { inbox, inboxQuota } : {}) };
}

/**
 * Creates the FHIR inbox folder for its owner only (0700), or narrows an existing one that other
 * local users could read (its Bundles are de-identified, yet still health data), saying so; a
 * folder that cannot be narrowed stops the server from starting. POSIX modes only.
 */
async function ownerOnlyInbox(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  const mode = (await stat(dir)).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  const shown = `0${mode.toString(8)}`;
  try {
    await chmod(dir, 0o700);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(`the FHIR inbox ${dir} is open to other local users (mode ${shown}) and could not be restricted (${reason}): run chmod 700 on it, or give a folder of your own`);
  }
  process.stderr.write(`the FHIR inbox ${dir} was open to other local users (mode ${shown}): restricted to its owner\n`);
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the web app and the HTTP API',
  usage: USAGE,
  options: {
    ...STORE_OPTIONS,
    port: { type: 'string' },
    host: { type: 'string' },
    'public-host': { type: 'string', multiple: true },
    'demo-if-empty': { type: 'boolean' },
    mapping: { type: 'string' },
    'secret-env': { type: 'string' },
    'fhir-inbox': { type: 'string' },
    'fhir-inbox-max-mib': { type: 'string' },
    'fhir-inbox-max-files': { type: 'string' },
  },
  async run({ positionals: args, values }) {
    positionals(args, 0, 0, 'no argument (options only)');
    return serve(values);
  },
};
