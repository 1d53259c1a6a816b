/**
 * The administrator's API (issue 15), admin users only: the accounts (list, add, disable, new
 * password) and the audit log. Account changes go through the user repository, which writes
 * their audit rows naming the administrator; a refused change answers its plain message (400
 * invalid, 404 unknown user, 409 taken e-mail). In local mode there are no accounts: 404.
 */
import type { Context, Hono } from 'hono';
import type {
  AdminUser,
  AdminUserAnswer,
  AdminUserList,
  AuditLogAnswer,
} from '../../core/views/account-types.ts';
import type { User, UserRepositoryOptions } from '../../storage/index.ts';
import {
  addUser,
  disableUser,
  listUsers,
  normalizeEmail,
  readAudit,
  resetPassword,
  UserAccountError,
} from '../../storage/index.ts';
import { ApiError, badRequest, notFound } from '../errors.ts';
import { readQuery } from '../params.ts';
import type { AppEnv, ServerContext } from '../server-context.ts';
import { requestStore } from '../server-context.ts';
import { requireScope } from './guards.ts';
import type { Accounts } from './authenticate.ts';
import { sessionInfoOf } from './authenticate.ts';
import { onlyFields, optionalString, readJsonObject, stringField } from './json-body.ts';

/** The most audit rows one request returns. */
export const MAX_AUDIT_ROWS = 1000;

function adminUserOf(user: User): AdminUser {
  return {
    ...sessionInfoOf(user),
    createdAt: user.createdAt,
    passwordChangedAt: user.passwordChangedAt,
    disabledAt: user.disabledAt,
  };
}

/** A refused account change as the API answers it. */
function accountError(error: unknown): unknown {
  if (!(error instanceof UserAccountError)) return error;
  if (error.code === 'exists') return new ApiError(409, 'user-exists', error.message);
  if (error.code === 'unknown') return notFound(error.message);
  return badRequest(error.message);
}

/** `since` as a day (`2026-03-01`, from its start in UTC) or an instant with a zone; a 400 otherwise. */
function sinceOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(
    value,
  );
  const date = new Date(day ? `${value}T00:00:00Z` : value);
  if ((!day && !instant) || Number.isNaN(date.getTime())) {
    throw badRequest(
      `since must be a day (2026-03-01) or an instant with its zone (2026-03-01T08:00:00Z) (got '${value.slice(0, 40)}')`,
    );
  }
  return date;
}

/** Registers `/api/admin/*` on `app`. */
export function adminRoutes(
  app: Hono<AppEnv>,
  ctx: ServerContext,
  accounts: Accounts | null,
): void {
  /** The acting administrator, for the repository's audit rows; 404 in local mode, 403 for non-admins. */
  const admin = async (
    c: Context<AppEnv>,
    action: string,
    target: string | null = null,
  ): Promise<UserRepositoryOptions> => {
    if (accounts === null)
      throw notFound(
        'there are no accounts in local mode (plateau serve --database-url serves the observatory with accounts)',
      );
    await requireScope(ctx, c, ['admin'], action, target);
    const user = c.get('user');
    return {
      actor: user === null ? null : { userId: String(user.id), email: user.email },
      ...(accounts.scrypt ? { scrypt: accounts.scrypt } : {}),
    };
  };
  const userAnswer = async (
    c: Context<AppEnv>,
    email: string,
    status: 200 | 201 = 200,
  ): Promise<Response> => {
    const user = (await listUsers(ctx.store)).find((u) => u.email === email);
    if (!user) throw notFound(`there is no user ${email}`);
    return c.json({ user: adminUserOf(user) } satisfies AdminUserAnswer, status);
  };
  const emailParam = (c: Context<AppEnv>): string => {
    try {
      return normalizeEmail(c.req.param('email') ?? '');
    } catch (error) {
      throw accountError(error);
    }
  };

  app.get('/api/admin/users', async (c) => {
    readQuery(c, []);
    await admin(c, 'admin.users');
    const users = await listUsers(ctx.store);
    return c.json({ users: users.map(adminUserOf) } satisfies AdminUserList);
  });

  app.post('/api/admin/users', async (c) => {
    readQuery(c, []);
    const options = await admin(c, 'user.add');
    const what = 'POST /api/admin/users';
    const body = await readJsonObject(c, what);
    onlyFields(body, ['email', 'role', 'finess', 'region', 'displayName', 'password'], what);
    const finess = body['finess'];
    if (
      finess !== undefined &&
      finess !== null &&
      !(Array.isArray(finess) && finess.every((f) => typeof f === 'string'))
    ) {
      throw badRequest(`${what}: "finess" must be an array of FINESS strings`);
    }
    const region = optionalString(body, 'region', what);
    const displayName = optionalString(body, 'displayName', what);
    let added: User;
    try {
      added = await addUser(
        ctx.store,
        {
          email: stringField(body, 'email', what),
          role: stringField(body, 'role', what),
          finess: (finess as string[] | null | undefined) ?? [],
          ...(region !== undefined ? { region } : {}),
          ...(displayName !== undefined ? { displayName } : {}),
          password: stringField(body, 'password', what),
        },
        options,
      );
    } catch (error) {
      throw accountError(error);
    }
    return c.json({ user: adminUserOf(added) } satisfies AdminUserAnswer, 201);
  });

  app.post('/api/admin/users/:email/disable', async (c) => {
    readQuery(c, []);
    const email = emailParam(c);
    const options = await admin(c, 'user.disable', email);
    if (c.get('user')?.email === email)
      throw new ApiError(409, 'own-account', 'an administrator may not disable their own account');
    try {
      await disableUser(ctx.store, email, options);
    } catch (error) {
      throw accountError(error);
    }
    return userAnswer(c, email);
  });

  app.post('/api/admin/users/:email/reset', async (c) => {
    readQuery(c, []);
    const email = emailParam(c);
    const options = await admin(c, 'user.reset', email);
    const what = `POST /api/admin/users/{email}/reset`;
    const body = await readJsonObject(c, what);
    onlyFields(body, ['password'], what);
    try {
      await resetPassword(ctx.store, email, stringField(body, 'password', what), options);
    } catch (error) {
      throw accountError(error);
    }
    return userAnswer(c, email);
  });

  app.get('/api/admin/audit', async (c) => {
    const query = readQuery(c, ['since', 'limit', 'action']);
    const since = sinceOf(query.text('since'));
    const limit = query.integer('limit', 1, MAX_AUDIT_ROWS, 100);
    const action = query.text('action');
    if (action !== undefined && !/^[a-z][a-z.-]{0,63}$/.test(action)) {
      throw badRequest(
        `action must be an audit action such as login, logout, read.site, user.add (got '${action.slice(0, 40)}')`,
      );
    }
    await admin(c, 'admin.audit');
    // The scoped store: audit_log's policy lets the app role read it under scope admin only.
    const rows = await readAudit(requestStore(ctx, c), {
      ...(since ? { since } : {}),
      limit,
      ...(action !== undefined ? { action } : {}),
    });
    return c.json({ entries: rows } satisfies AuditLogAnswer);
  });
}
