/**
 * `/api/session` (issue 15): log in (`POST`, e-mail and password → session cookie and CSRF value),
 * who am I (`GET`), log out (`DELETE`). Every login is audited with its outcome and, on failure,
 * why (unknown e-mail, bad password, disabled, rate-limited) — while the client hears one answer
 * whatever the cause. No password ever reaches a message, a log line or the audit log.
 */
import type { Context, Hono } from 'hono';
import type { LoginAnswer, SessionState } from '../../core/views/account-types.ts';
import { audit, createSession, revokeSession, verifyLogin } from '../../storage/index.ts';
import { ApiError, errorBody } from '../errors.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import type { Accounts } from './authenticate.ts';
import { clientAddress, sessionInfoOf } from './authenticate.ts';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './cookies.ts';
import { onlyFields, readJsonObject, stringField } from './json-body.ts';

/** The one answer to a refused login, whatever the cause. */
const BAD_CREDENTIALS = 'wrong e-mail or password';

/** The e-mail as typed, when it looks like one (a password typed in the wrong field is never stored). */
function auditedEmail(email: string): string | null {
  const e = email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) && e.length <= 254 ? e : null;
}

/** Why a login of `email` failed, for the audit log, and the account's id when there is one. */
async function failureOf(
  ctx: ServerContext,
  email: string | null,
): Promise<{ userId: number | null; reason: string; outcome: 'failure' | 'denied' }> {
  if (email === null) return { userId: null, reason: 'unknown-email', outcome: 'failure' };
  const rows = await ctx.store.db.query<{ id: string; disabled: boolean }>(
    `select id::text as id, disabled_at is not null as disabled from users where email = $1`,
    [email],
  );
  const row = rows[0];
  if (!row) return { userId: null, reason: 'unknown-email', outcome: 'failure' };
  return row.disabled
    ? { userId: Number(row.id), reason: 'disabled', outcome: 'denied' }
    : { userId: Number(row.id), reason: 'bad-password', outcome: 'failure' };
}

/**
 * Registers `/api/session` on `app`: in local mode `GET` says so and `POST` is refused (409); in
 * accounts mode (`accounts` given) the login, the session and the logout.
 */
export function sessionRoutes(
  app: Hono<AppEnv>,
  ctx: ServerContext,
  accounts: Accounts | null,
): void {
  app.get('/api/session', (c) => {
    readQuery(c, []);
    if (accounts === null) return c.json({ mode: 'local' } satisfies SessionState);
    const user = c.get('user');
    const token = readSessionToken(c, accounts.trustProxy);
    if (user === null || token === null)
      return c.json(errorBody('login-required', 'no session: log in with POST /api/session'), 401);
    return c.json({
      mode: 'accounts',
      user: sessionInfoOf(user),
      csrf: accounts.csrf.valueOf(token),
    } satisfies SessionState);
  });

  app.post('/api/session', async (c) => {
    readQuery(c, []);
    if (accounts === null) {
      throw new ApiError(
        409,
        'local-mode',
        'this server runs in local mode (embedded store, no accounts): there is nothing to log in to',
      );
    }
    const what = 'POST /api/session';
    const body = await readJsonObject(c, what);
    onlyFields(body, ['email', 'password'], what);
    const email = stringField(body, 'email', what);
    const password = stringField(body, 'password', what);
    const target = auditedEmail(email);
    const address = clientAddress(c, accounts.trustProxy);

    const verdict = accounts.limiter.begin(email, address);
    if (!verdict.allowed) {
      const failure = await failureOf(ctx, target);
      await audit(ctx.store, {
        userId: failure.userId,
        email: target,
        action: 'login',
        target,
        outcome: 'denied',
        detail: { reason: 'rate-limited', by: verdict.by, address },
      });
      return c.json(
        errorBody(
          'too-many-attempts',
          `too many failed logins: try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} min`,
        ),
        429,
        { 'Retry-After': String(verdict.retryAfterSeconds) },
      );
    }
    const user = await verifyLogin(
      ctx.store,
      email,
      password,
      accounts.scrypt ? { scrypt: accounts.scrypt } : {},
    );
    if (user === null) {
      const failure = await failureOf(ctx, target);
      await audit(ctx.store, {
        userId: failure.userId,
        email: target,
        action: 'login',
        target,
        outcome: failure.outcome,
        detail: { reason: failure.reason, address },
      });
      return c.json(errorBody('bad-credentials', BAD_CREDENTIALS), 401);
    }
    verdict.attempt.succeeded();
    const id = Number(user.id);
    const token = await createSession(ctx.store, id, { ttlHours: accounts.sessionHours });
    setSessionCookie(c, token, accounts.sessionHours * 3600, accounts.trustProxy);
    await audit(ctx.store, {
      userId: id,
      email: user.email,
      action: 'login',
      target: user.email,
      outcome: 'success',
      detail: { address },
    });
    return c.json({
      user: sessionInfoOf(user),
      csrf: accounts.csrf.valueOf(token),
    } satisfies LoginAnswer);
  });

  app.delete('/api/session', async (c: Context<AppEnv>) => {
    readQuery(c, []);
    if (accounts === null) return c.body(null, 204);
    const user = c.get('user');
    const token = readSessionToken(c, accounts.trustProxy);
    if (token !== null) await revokeSession(ctx.store, token);
    clearSessionCookie(c, accounts.trustProxy);
    if (user !== null) {
      await audit(ctx.store, {
        userId: user.id,
        email: user.email,
        action: 'logout',
        target: user.email,
        outcome: 'success',
      });
    }
    return c.body(null, 204);
  });
}
