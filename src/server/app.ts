/**
 * plateau's HTTP API as a Hono app: JSON routes under /api over one store (views built from the
 * cache of loaded campaigns), uploads as jobs, the built web app for every other GET when a web
 * root is given, security headers on every answer, and errors mapped in one place: known ones
 * to their status and `{ error: { code, message } }`, unknown ones logged and answered 500.
 * Before any route: requests addressed to a name that is not the server's are refused (421),
 * state-changing requests from another origin's page too (403), and paths no route can mean
 * (400), so a browser page elsewhere can neither reach nor change a server without accounts.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Store } from '../storage/index.ts';
import type { AccountsOptions } from './auth/authenticate.ts';
import { authenticate, createAccounts, localUser } from './auth/authenticate.ts';
import { adminRoutes } from './auth/admin-routes.ts';
import { unsafeSkipHttpChecksFor } from './auth/guards.ts';
import type { AccessScope } from '../core/access.ts';
import { isHttps } from './auth/cookies.ts';
import { sessionRoutes } from './auth/session-routes.ts';
import { loadSamples } from '../storage/index.ts';
import type { SamplesLoader } from './campaign-cache.ts';
import { CampaignCache } from './campaign-cache.ts';
import { ApiError, errorBody } from './errors.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import type { FhirEndpointOptions } from './routes/fhir.ts';
import { fhirRoutes } from './routes/fhir.ts';
import { machineRoutes } from './routes/machines.ts';
import { trendRoutes } from './routes/trends.ts';
import { originGuard, publicHost } from './origin-guard.ts';
import { pathGuard } from './path-guard.ts';
import { planningRoutes } from './routes/planning.ts';
import { metaRoutes } from './routes/meta.ts';
import { registerRoutes } from './routes/register.ts';
import { reportRoutes } from './routes/reports.ts';
import { simulationRoutes } from './routes/simulation.ts';
import { territoryRoutes } from './routes/territories.ts';
import { uploadRoutes } from './routes/uploads.ts';
import { bundleRoutes } from './routes/bundles.ts';
import { securityHeaders } from './security-headers.ts';
import type { AppEnv, ServerContext } from './server-context.ts';
import type { UploadLimits } from './uploads/upload-files.ts';
import { DEFAULT_UPLOAD_LIMITS } from './uploads/upload-files.ts';
import { UploadJobs } from './uploads/upload-jobs.ts';
import { webRootHandler } from './web-root.ts';

export interface AppOptions {
  store: Store;
  /** The built web app's folder (dist/web); null or absent to serve the API only. */
  webRoot?: string | null;
  /** Receives one line per request, and unexpected errors; nothing is logged without it. */
  log?: (line: string) => void;
  /** Upload limits (body, unzipped size, zip entries); the defaults otherwise. */
  limits?: Partial<UploadLimits>;
  /**
   * Reads a campaign's stored per-machine exam samples (for the exam-level distributions of
   * narrowed benchmarks). Default: the store's `loadSamples`.
   */
  loadSamples?: SamplesLoader;
  /** The site mapping and secret `POST /api/fhir` reads Bundles with; it answers 503 without them. */
  fhir?: FhirEndpointOptions;
  /**
   * The names besides loopback (127.0.0.1, localhost, [::1]) requests may be addressed to, each
   * `name` (any port) or `name:port` (`plateau serve --public-host`); others are answered 421.
   */
  publicHosts?: readonly string[];
  /**
   * The port the server listens on: loopback names are accepted with it only. Absent (the app
   * without a server, as in `app.request()`): loopback names with any port.
   */
  port?: number;
  /**
   * Present: accounts mode (a PostgreSQL server; every /api route but health, openapi.json and
   * session needs a login). Absent: local mode (no login, every request runs as the local user).
   */
  accounts?: AccountsOptions;
  /**
   * TEST ONLY — UNSAFE, never set it in the product (no CLI flag or setting reaches it): switches
   * off the HTTP layer's access checks (guards.ts admits every scope), leaving row-level security
   * alone to keep foreign rows out, as test/server/access-matrix.test.ts shows it does.
   */
  unsafeSkipHttpChecks?: boolean;
}

/** Answers 405, with `Allow`, on every /api path for the methods it has no route for. */
function methodNotAllowed(app: Hono<AppEnv>): void {
  const byPath = new Map<string, string[]>();
  for (const r of app.routes) {
    if (!r.path.startsWith('/api/') || r.method === 'ALL') continue;
    const methods = byPath.get(r.path) ?? [];
    if (!methods.includes(r.method)) byPath.set(r.path, [...methods, r.method]);
  }
  for (const [path, methods] of byPath) {
    const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].join(', ');
    app.all(path, (c) =>
      c.json(
        errorBody('method-not-allowed', `${c.req.method} is not allowed on ${path}: use ${allow}`),
        405,
        { Allow: allow },
      ),
    );
  }
}

/**
 * The API (and web app) over `store`.
 *
 * @example
 * const app = createApp({ store });
 * const response = await app.request('/api/campaigns');
 */
/** The app createApp makes: Hono with the request's user and scope. */
export type PlateauApp = Hono<AppEnv>;

export function createApp(options: AppOptions): PlateauApp {
  const { store, log } = options;
  const app = new Hono<AppEnv>();
  const cache = new CampaignCache(store, options.loadSamples ?? loadSamples);
  const jobs = new UploadJobs(store, {
    onImported: (id) => cache.invalidate(id),
    onFailure: (error) =>
      log?.(
        `upload failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });
  const accounts = options.accounts ? createAccounts(options.accounts) : null;
  const ctx: ServerContext = {
    store,
    cache,
    jobs,
    limits: { ...DEFAULT_UPLOAD_LIMITS, ...options.limits },
    mode: accounts ? 'accounts' : 'local',
  };

  if (log) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      const ms = (performance.now() - started).toFixed(1);
      log(`${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status} ${ms} ms`);
    });
  }
  app.use('*', securityHeaders(accounts ? { hsts: (c) => isHttps(c, accounts.trustProxy) } : {}));
  const publicHosts = (options.publicHosts ?? []).map((name) => {
    const host = publicHost(name);
    if (host === null)
      throw new TypeError(
        `publicHosts: '${name}' is not a host name, an IPv4 address or a bracketed IPv6 address (with an optional :port)`,
      );
    return host;
  });
  app.use('*', originGuard({ port: options.port ?? null, publicHosts }));
  app.use('*', pathGuard());
  app.use('*', accounts ? authenticate(ctx, accounts) : localUser());
  if (options.unsafeSkipHttpChecks === true) {
    app.use('*', async (c, next) => {
      const scope = c.get('scope') as AccessScope | undefined;
      if (scope) unsafeSkipHttpChecksFor(scope);
      await next();
    });
  }

  metaRoutes(app, ctx);
  sessionRoutes(app, ctx, accounts);
  adminRoutes(app, ctx, accounts);
  campaignRoutes(app, ctx);
  machineRoutes(app, ctx);
  trendRoutes(app, ctx);
  reportRoutes(app, ctx);
  territoryRoutes(app, ctx);
  planningRoutes(app, ctx);
  simulationRoutes(app, ctx);
  registerRoutes(app, ctx);
  uploadRoutes(app, ctx);
  bundleRoutes(app, ctx);
  fhirRoutes(app, options.fhir, ctx);
  methodNotAllowed(app);
  const noRoute = (c: { req: { method: string; url: string } }): ReturnType<typeof errorBody> =>
    errorBody(
      'not-found',
      `no route ${c.req.method} ${new URL(c.req.url).pathname} (GET /api/openapi.json lists them)`,
    );
  app.all('/api', (c) => c.json(noRoute(c), 404));
  app.all('/api/*', (c) => c.json(noRoute(c), 404));
  if (options.webRoot) app.get('*', webRootHandler(options.webRoot));

  app.notFound((c) =>
    c.json(
      errorBody(
        'not-found',
        options.webRoot
          ? `no route ${c.req.method} ${new URL(c.req.url).pathname}`
          : `${new URL(c.req.url).pathname} is not served: this server answers the API under /api only (the web app is not served)`,
      ),
      404,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError)
      return c.json(errorBody(error.code, error.message), error.status);
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 413
          ? 'payload-too-large'
          : error.status === 404
            ? 'not-found'
            : 'bad-request';
      return c.json(
        errorBody(code, error.message || 'the request could not be read'),
        error.status,
      );
    }
    const where = `${c.req.method} ${new URL(c.req.url).pathname}`;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (log) log(`error ${where}: ${detail}`);
    else process.stderr.write(`plateau server: error on ${where}: ${detail}\n`);
    return c.json(errorBody('internal', 'internal server error'), 500);
  });
  return app;
}
