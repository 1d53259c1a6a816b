/**
 * `plateau serve`: the web app and the HTTP API over the store, on this machine by default.
 * Two modes (issue 15): over the embedded PGlite store, the single-user local mode, loopback
 * only (no login, so never on the network); over PostgreSQL (--database-url), always the accounts
 * mode, connected as a login role of plateau_app that neither owns the tables nor bypasses
 * row-level security, on a schema the owner migrated (`plateau migrate`). With --demo-if-empty a store without any campaign gets the national campaign's three demo years first, so that
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
import type { SchemaStatus, Store } from '../../storage/index.ts';
import {
  connectionRole,
  openStore,
  rlsBinds,
  schemaStatus,
  StoreError,
} from '../../storage/index.ts';
import { readCampaignHeaders } from '../../storage/campaign-repository.ts';
import type { Command, OptionValues } from '../command.ts';
import {
  intOption,
  positionals,
  STORE_OPTIONS,
  stringListOption,
  stringOption,
} from '../command.ts';
import { UsageError, UserError } from '../output.ts';
import { importDemoCampaign } from './demo.ts';
import { readMappingOrFail, siteSecret } from './site-context.ts';
import { databaseUrlOf, openStoreFor } from './store-access.ts';

const USAGE = `Usage: plateau serve [--port N] [--host H] [--data DIR] [--demo-if-empty]
       plateau serve --database-url URL [--port N] [--host H] [--public-host NAME]... [--trust-proxy]
       either with [--mapping FILE [--secret-env NAME] [--fhir-inbox DIR
                     [--fhir-inbox-max-mib N] [--fhir-inbox-max-files N]]]

Serves plateau's web app and its HTTP API (JSON under /api, described at /api/openapi.json)
over the store, until interrupted (Ctrl-C). Two modes:

  local (the embedded store, --data): one user on this machine, no login. It only listens on
    loopback (127.0.0.1, ::1, localhost): with no login, anyone reaching it would see every site.
  accounts (--database-url, always): the observatory. Every API call needs a login (accounts made
    with 'plateau users add'); each user sees what their role allows, enforced by PostgreSQL's
    row-level security. The URL must name a login role member of plateau_app, not the owner of
    the tables, not a superuser, without BYPASSRLS; the owner first runs
    'plateau migrate --database-url OWNER_URL'. Put it behind a reverse proxy serving HTTPS
    (docs/production.md).

  --port N              the TCP port (default 4317; 0 picks a free one)
  --host H              the address to listen on (default 127.0.0.1: this machine only, as
                        behind a reverse proxy on the same machine). Accounts mode only: another
                        address (0.0.0.0: every interface) opens it to the network
  --public-host NAME    a name (or address) the network reaches this server by, as browsers
                        write it in the address bar (plateau.chu-exemple.fr, 10.0.0.5,
                        name:port behind a proxy); repeatable. Requests addressed to any other
                        name than these and 127.0.0.1, localhost, [::1] are refused (421), and
                        changes (POST…) coming from pages of other origins too (403)
                        (accounts mode only)
  --trust-proxy         accounts mode behind a reverse proxy: believe its X-Forwarded-Proto
                        (https: Secure cookie named __Host-plateau_session) and X-Forwarded-For
                        (the client address for login rate limits and the audit). Only when
                        nothing but the proxy can reach the port
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead (default: $PLATEAU_DATABASE_URL): the
                        accounts mode
  --demo-if-empty       local mode: when the store holds no campaign, generate and import the
                        national campaign's three demo years first (as 'plateau demo')
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
  PLATEAU_DATABASE_URL=postgres://plateau_web:…@db.example/plateau plateau serve --trust-proxy
                                    the observatory behind nginx or Caddy on this machine
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
  const url = databaseUrlOf(values);
  const trustProxy = values['trust-proxy'] === true;
  if (url === undefined) refuseLocalBeyondLoopback(host, publicHosts, trustProxy);
  else if (values['demo-if-empty']) {
    throw new UsageError(
      "--demo-if-empty goes with the embedded store: the server's role may not import; import into PostgreSQL as the owner (plateau demo --database-url OWNER_URL)",
    );
  }
  const fhir = await fhirEndpointOf(values);
  const store =
    url === undefined ? await openStoreFor(values, { create: true }) : await openAppStore(url);
  try {
    let campaigns: number | null = null;
    if (url === undefined) {
      // Headers only: counting a national year's sessions row by row took a minute and more.
      let listed = await readCampaignHeaders(store.db);
      if (values['demo-if-empty'] && listed.length === 0) {
        process.stderr.write(
          `the store at ${store.location} holds no campaign: importing the national campaign's three demo years first\n`,
        );
        await importDemoCampaign(store, values);
        listed = await readCampaignHeaders(store.db);
      }
      campaigns = listed.length;
    }
    const hasWeb = existsSync(join(webRoot, 'index.html'));
    if (!hasWeb)
      process.stderr.write(
        `the web app is not built (no ${join(webRoot, 'index.html')}): run npm run build. Serving the API only.\n`,
      );
    let server: RunningServer;
    try {
      server = await startServer({
        store,
        port,
        host,
        publicHosts,
        webRoot: hasWeb ? webRoot : null,
        ...(fhir ? { fhir } : {}),
        ...(url !== undefined ? { accounts: { trustProxy } } : {}),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new UserError(
          `port ${port} is already in use on ${host}: choose another with --port`,
        );
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        throw new UserError(`cannot listen on ${host}: not an address of this machine`);
      if (code === 'EACCES')
        throw new UserError(`not allowed to listen on port ${port}: choose one above 1023`);
      throw error;
    }
    if (fhir) {
      const quota = fhir.inboxQuota
        ? ` (those giving exams or sessions; up to ${Math.round((fhir.inboxQuota.bytes ?? 0) / 2 ** 20)} MiB, ${fhir.inboxQuota.files} Bundles)`
        : '';
      const kept =
        fhir.inbox !== undefined
          ? `, keeping those without errors de-identified in ${fhir.inbox}${quota}`
          : '';
      process.stderr.write(
        `POST /api/fhir reads FHIR R4 Bundles with the site mapping ${stringOption(values, 'mapping')} (FINESS ${fhir.mapping.finess})${kept}\n`,
      );
    }
    // Who finds the data folder held learns where to send its work (plateau import hands it over).
    store.announce?.({ url: server.url });
    if ((host === '0.0.0.0' || host === '::') && publicHosts.length === 0) {
      process.stderr.write(
        `listening on every network interface, but answering only requests addressed to ${server.hosts.join(', ')}: ` +
          'add --public-host NAME for each name or address the network reaches this machine by\n',
      );
    }
    if (url !== undefined && trustProxy && !isLoopback(host)) {
      process.stderr.write(
        `--trust-proxy believes X-Forwarded-For and X-Forwarded-Proto from anyone reaching ${host}:${port}: let only the reverse proxy reach it (firewall), or listen on 127.0.0.1\n`,
      );
    }
    const stop = until();
    if (campaigns === null) {
      process.stdout.write(
        `plateau is serving the observatory (accounts: login required) from ${store.location} at ${server.url}\n`,
      );
    } else {
      process.stdout.write(
        `plateau is serving ${campaigns === 1 ? '1 campaign' : `${campaigns} campaigns`} at ${server.url}\n`,
      );
    }
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

/** The loopback addresses and name: the only ones the local mode (no login) listens on. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Refuses (usage error, exit 2) to serve the embedded store beyond this machine: the local mode
 * has no login, so whoever reaches it sees every site's data.
 */
function refuseLocalBeyondLoopback(
  host: string,
  publicHosts: readonly string[],
  trustProxy: boolean,
): void {
  const why =
    "the embedded store (PGlite) is served in the local mode, without login, so whoever reaches it would see every site's data";
  const instead =
    'To serve the network, keep the data in PostgreSQL and serve it with accounts: plateau serve --database-url postgres://plateau_web:…@host/db (docs/production.md)';
  if (!isLoopback(host))
    throw new UsageError(
      `refusing --host ${host}: ${why}; it listens on 127.0.0.1, ::1 or localhost only. ${instead}`,
    );
  if (publicHosts.length > 0)
    throw new UsageError(
      `refusing --public-host: ${why}; it answers this machine only. ${instead}`,
    );
  if (trustProxy)
    throw new UsageError(
      `refusing --trust-proxy: a reverse proxy puts the server on the network, and ${why}. ${instead}`,
    );
}

/** The SQL an administrator runs (as the owner or a superuser) to make the server's login role. */
export const APP_ROLE_SQL = "create role plateau_web login password '…' in role plateau_app;";

/**
 * Opens the PostgreSQL store as the server's app role, without migrating, and refuses (user
 * error, exit 1) a connection that owns the tables, is a superuser, bypasses row-level security
 * or is not in plateau_app, and a schema behind (or ahead of) this plateau.
 */
async function openAppStore(url: string): Promise<Store> {
  let store: Store;
  try {
    store = await openStore({ url, migrate: false });
  } catch (error) {
    if (error instanceof StoreError) throw new UserError(error.message);
    throw error;
  }
  try {
    await refuseOwnerConnection(store);
    await refuseOtherSchema(store);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function refuseOwnerConnection(store: Store): Promise<void> {
  const role = await connectionRole(store.db);
  if (rlsBinds(role)) return;
  const reason = role.superuser
    ? 'is a superuser'
    : role.ownsTables
      ? "owns plateau's tables"
      : role.bypassRls
        ? 'bypasses row-level security (BYPASSRLS)'
        : 'is not a member of plateau_app';
  throw new UserError(
    `refusing to serve as the role ${role.user}, which ${reason}: the row-level security that keeps each site's data to those allowed to see it would not apply. ` +
      `Connect as a login role of plateau_app, made once by the owner or a superuser:\n  ${APP_ROLE_SQL}\n` +
      `then: plateau serve --database-url postgres://plateau_web:…@${serverAndDatabase(store)} (docs/production.md)`,
  );
}

/** `host:port/database` of the store's (redacted) URL. */
function serverAndDatabase(store: Store): string {
  try {
    const u = new URL(store.location);
    return `${u.host}${u.pathname}`;
  } catch {
    return 'HOST/DATABASE';
  }
}

/** Refuses a schema the app role cannot use as is: behind (the owner migrates) or newer. */
async function refuseOtherSchema(store: Store): Promise<void> {
  const migrateHint =
    "run 'plateau migrate --database-url OWNER_URL' (the role owning the tables), then start the server again";
  let status: SchemaStatus;
  try {
    status = await schemaStatus(store.db);
  } catch (error) {
    if ((error as { code?: string }).code === '42501') {
      throw new UserError(
        `the role may not read the schema's version (schema_migrations): the database was not migrated by this plateau, which grants plateau_app what it needs; ${migrateHint}`,
      );
    }
    throw error;
  }
  if (status.unknown.length > 0) {
    throw new UserError(
      `this database was migrated by a newer plateau (schema migration ${status.unknown.join(', ')}): upgrade plateau on this server`,
    );
  }
  if (status.missing.length > 0) {
    const what =
      status.missing.length === 1
        ? `migration ${status.missing[0]}`
        : `migrations ${status.missing.join(', ')}`;
    throw new UserError(
      `the database's schema is behind this plateau (${what} not applied), and the server's role may not change it: ${migrateHint}`,
    );
  }
}

/** The --public-host names, each checked (a UsageError names a bad one). */
function publicHostsOf(values: OptionValues): string[] {
  return stringListOption(values, 'public-host').map((name) => {
    const host = publicHost(name);
    if (host === null) {
      throw new UsageError(
        `--public-host ${JSON.stringify(name)} is not a host name, an IPv4 address or an IPv6 address in brackets (with an optional :port); give the name alone, without http://`,
      );
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
  const quotaGiven =
    values['fhir-inbox-max-mib'] !== undefined || values['fhir-inbox-max-files'] !== undefined;
  if (quotaGiven && inbox === undefined)
    throw new UsageError(
      '--fhir-inbox-max-mib and --fhir-inbox-max-files go with --fhir-inbox DIR',
    );
  const inboxQuota = {
    bytes:
      intOption(values, 'fhir-inbox-max-mib', DEFAULT_INBOX_QUOTA.bytes / 2 ** 20, 1, 1024 * 1024) *
      2 ** 20,
    files: intOption(values, 'fhir-inbox-max-files', DEFAULT_INBOX_QUOTA.files, 1, 100_000_000),
  };
  if (path === undefined) {
    if (values['secret-env'] !== undefined)
      throw new UsageError(
        '--secret-env goes with --mapping FILE (the secret is only used to read FHIR Bundles)',
      );
    if (inbox !== undefined)
      throw new UsageError(
        '--fhir-inbox goes with --mapping FILE (Bundles are read with the mapping before they are kept)',
      );
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
    throw new UserError(
      `the FHIR inbox ${dir} is open to other local users (mode ${shown}) and could not be restricted (${reason}): run chmod 700 on it, or give a folder of your own`,
    );
  }
  process.stderr.write(
    `the FHIR inbox ${dir} was open to other local users (mode ${shown}): restricted to its owner\n`,
  );
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
    'trust-proxy': { type: 'boolean' },
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
