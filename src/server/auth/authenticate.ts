/**
 * Who is asking (issue 15). In local mode every request runs as the single local user. In
 * accounts mode the session cookie names the user (looked up in the store on each /api request),
 * whose role gives the request's scope; an anonymous request to any /api route but the few public
 * ones is answered 401, a state-changing one without the session's CSRF value 403, and every /api
 * answer is marked `Cache-Control: no-store`. The web app's files are served to anyone.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { scopeOfUser } from '../../core/access.ts';
import type { SessionInfo } from '../../core/views/account-types.ts';
import { regionByCode } from '../../plan/territories/population.ts';
import type { ScryptParams, SessionUser } from '../../storage/index.ts';
import { sessionUser } from '../../storage/index.ts';
import { errorBody, loginRequired } from '../errors.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { lastHop, readSessionToken } from './cookies.ts';
import { CSRF_HEADER, CsrfTokens } from './csrf.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { LoginRateLimiter } from './rate-limit.ts';

/** `AppOptions.accounts`: present, the server runs in accounts mode (login required). */
export interface AccountsOptions {
  /**
   * Behind a reverse proxy: believe its `X-Forwarded-Proto` (HTTPS) and the last hop of
   * `X-Forwarded-For` (the client's address). Default false.
   */
  trustProxy?: boolean;
  /** How long a session lives, in hours (default 8). */
  sessionHours?: number;
  /** Login rate limits (default 10 failures per e-mail, 30 per address, in 15 minutes). */
  rateLimit?: RateLimitOptions;
  /** The scrypt parameters of passwords set through the admin API (tests use cheaper ones). */
  scrypt?: ScryptParams;
}

/** What the accounts-mode routes share: the settings, the CSRF key and the login counters. */
export interface Accounts {
  trustProxy: boolean;
  sessionHours: number;
  csrf: CsrfTokens;
  limiter: LoginRateLimiter;
  scrypt: ScryptParams | undefined;
}

/** The accounts-mode state of an app (one CSRF key, one set of counters per app). */
export function createAccounts(options: AccountsOptions): Accounts {
  const sessionHours = options.sessionHours ?? 8;
  if (!Number.isFinite(sessionHours) || sessionHours <= 0 || sessionHours > 24 * 30) {
    throw new RangeError(
      `accounts.sessionHours must be more than 0 and at most 720, got ${sessionHours}`,
    );
  }
  return {
    trustProxy: options.trustProxy ?? false,
    sessionHours,
    csrf: new CsrfTokens(),
    limiter: new LoginRateLimiter(options.rateLimit),
    scrypt: options.scrypt,
  };
}

/** True for `/api` and the paths under it. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const PUBLIC_GETS = new Set(['/api/health', '/api/openapi.json', '/api/session']);

/** True when an anonymous request may reach the route. */
function isPublic(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return PUBLIC_GETS.has(path);
  return method === 'POST' && path === '/api/session';
}

/**
 * The client's address: the socket's peer (Node server), or with `trustProxy` the last hop of
 * `X-Forwarded-For` (what our own proxy appended); `unknown` when neither is known (`app.request`).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = lastHop(c.req.header('x-forwarded-for'));
    if (forwarded !== null) return forwarded.toLowerCase();
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** The user as the web app shows it. */
export function sessionInfoOf(
  user: Pick<SessionUser, 'email' | 'displayName' | 'role' | 'finess' | 'region'> & {
    id: number | string;
  },
): SessionInfo {
  return {
    id: Number(user.id),
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    finess: [...user.finess],
    region: user.region,
    regionName: user.region === null ? null : (regionByCode(user.region)?.name ?? null),
  };
}

/** Every request runs as the single local user: no login, every row (the embedded store). */
export function localUser(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('scope', { kind: 'local' });
    await next();
  };
}

/**
 * Accounts mode: sets the request's user and scope from its session cookie; refuses anonymous
 * /api requests (401 `login-required`) but the public routes, and state-changing ones without the
 * session's `X-CSRF-Token` (403 `csrf`) but the login itself; marks /api answers no-store.
 */
export function authenticate(ctx: ServerContext, accounts: Accounts): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    c.set('user', null);
    if (!isApiPath(path)) {
      // The web app's files: anyone (the app shows its login page); no session lookup.
      await next();
      return;
    }
    const method = c.req.method;
    const token = readSessionToken(c, accounts.trustProxy);
    const user = token === null ? null : await sessionUser(ctx.store, token);
    if (user !== null) {
      c.set('user', user);
      c.set('scope', scopeOfUser(user));
    }
    const refuse = (status: 401 | 403, code: string, message: string): Response => {
      const response = c.json(errorBody(code, message), status);
      response.headers.set('Cache-Control', 'no-store');
      return response;
    };
    if (user === null && !isPublic(method, path)) {
      return refuse(401, 'login-required', loginRequired().message);
    }
    if (
      !SAFE_METHODS.has(method) &&
      !(method === 'POST' && path === '/api/session') &&
      token !== null &&
      user !== null
    ) {
      if (!accounts.csrf.check(token, c.req.header(CSRF_HEADER))) {
        return refuse(
          403,
          'csrf',
          `a ${method} needs the ${CSRF_HEADER} header with the session's csrf value (GET /api/session gives it)`,
        );
      }
    }
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
