/**
 * The OpenAPI entries of the accounts routes (issue 15): `/api/session` and `/api/admin/*`, and
 * the schemas of `core/views/account-types.ts`. Spread into the document by `openapi.ts`; kept
 * here beside the routes they describe.
 */
import { ACCESS_ROLES } from '../../core/access.ts';
import type { Operation, Parameter, Schema } from '../openapi.ts';
import { apiError, json, obj, ref, str, strOrNull, use } from '../openapi-parts.ts';

const query = (name: string, description: string, schema: Schema): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const emailPath: Parameter = {
  name: 'email',
  in: 'path',
  required: true,
  description: "The user's e-mail (case does not matter).",
  schema: str,
};

const LOGIN_REQUIRED = apiError('login-required: no live session (accounts mode).');
const CSRF = apiError(
  'csrf: the X-CSRF-Token header is missing or wrong (accounts mode; every POST/PUT/PATCH/DELETE but the login), or cross-origin (a page of another site).',
);
const FORBIDDEN = apiError('forbidden: only an administrator may do this.');
const common = {
  '405': use('MethodNotAllowed'),
  '421': use('HostNotAllowed'),
  '500': use('ServerError'),
};
const jsonBody = (description: string, schema: Schema): Operation['requestBody'] => ({
  required: true,
  description,
  content: json(schema),
});

const sessionInfo = obj({
  id: { type: 'integer' },
  email: str,
  displayName: strOrNull,
  role: { type: 'string', enum: ACCESS_ROLES },
  finess: {
    type: 'array',
    items: str,
    description: "A site user's FINESS (empty for other roles).",
  },
  region: { ...strOrNull, description: "A region user's INSEE region code." },
  regionName: strOrNull,
});

/** The schemas of the accounts routes. */
export const ACCOUNT_SCHEMAS: Record<string, Schema> = {
  SessionInfo: sessionInfo,
  LoginAnswer: obj({
    user: ref('SessionInfo'),
    csrf: {
      ...str,
      description: 'The value of the X-CSRF-Token header every state-changing request must carry.',
    },
  }),
  SessionState: {
    anyOf: [
      obj({ mode: { type: 'string', const: 'local' } }),
      obj({ mode: { type: 'string', const: 'accounts' }, user: ref('SessionInfo'), csrf: str }),
    ],
  },
  AdminUser: {
    ...sessionInfo,
    properties: {
      ...sessionInfo.properties,
      createdAt: str,
      passwordChangedAt: str,
      disabledAt: strOrNull,
    },
    required: [...(sessionInfo.required ?? []), 'createdAt', 'passwordChangedAt', 'disabledAt'],
  },
  AdminUserAnswer: obj({ user: ref('AdminUser') }),
  AdminUserList: obj({ users: { type: 'array', items: ref('AdminUser') } }),
  AuditLogAnswer: obj({
    entries: {
      type: 'array',
      items: obj({
        id: { type: 'integer' },
        at: { ...str, format: 'date-time' },
        userId: { type: ['integer', 'null'] },
        email: strOrNull,
        action: str,
        target: strOrNull,
        outcome: { type: 'string', enum: ['success', 'failure', 'denied'] },
        detail: { anyOf: [{ type: 'object' }, { type: 'null' }] },
      }),
    },
  }),
};

/** The paths of the accounts routes. */
export const ACCOUNT_PATHS: Record<
  string,
  Partial<Record<'get' | 'post' | 'delete', Operation>>
> = {
  '/api/session': {
    get: {
      operationId: 'getSession',
      summary:
        "Who is logged in: { mode: 'local' } without accounts; the user and the CSRF value in accounts mode.",
      tags: ['accounts'],
      responses: {
        '200': { description: 'The session.', content: json(ref('SessionState')) },
        '400': use('BadRequest'),
        '401': LOGIN_REQUIRED,
        ...common,
      },
    },
    post: {
      operationId: 'login',
      summary:
        'Logs in: sets the HttpOnly session cookie (plateau_session, __Host-plateau_session over HTTPS) and gives the CSRF value.',
      description:
        'One answer (401 bad-credentials) whatever the cause: unknown e-mail, wrong password or disabled account. 10 failures per e-mail, or 30 per client address, within 15 minutes answer 429 too-many-attempts with Retry-After. Every attempt is audited (never the password). In local mode: 409 local-mode.',
      tags: ['accounts'],
      requestBody: jsonBody('The e-mail and password.', obj({ email: str, password: str })),
      responses: {
        '200': { description: 'Logged in (Set-Cookie).', content: json(ref('LoginAnswer')) },
        '400': use('BadRequest'),
        '401': apiError('bad-credentials: wrong e-mail or password.'),
        '403': use('CrossOrigin'),
        '409': apiError('local-mode: this server has no accounts.'),
        '413': use('PayloadTooLarge'),
        '429': {
          description:
            'too-many-attempts: too many failed logins for this e-mail or from this address.',
          headers: {
            'Retry-After': {
              description: 'Seconds until a new attempt is counted.',
              schema: { type: 'integer' },
            },
          },
          content: json(ref('ApiError')),
        },
        ...common,
      },
    },
    delete: {
      operationId: 'logout',
      summary: 'Logs out: revokes the session and clears its cookie (needs X-CSRF-Token).',
      tags: ['accounts'],
      responses: {
        '204': { description: 'Logged out.' },
        '400': use('BadRequest'),
        '401': LOGIN_REQUIRED,
        '403': CSRF,
        ...common,
      },
    },
  },
  '/api/admin/users': {
    get: {
      operationId: 'listUsers',
      summary: 'Every user account, by e-mail (administrators only).',
      tags: ['accounts'],
      responses: {
        '200': { description: 'The accounts.', content: json(ref('AdminUserList')) },
        '400': use('BadRequest'),
        '401': LOGIN_REQUIRED,
        '403': FORBIDDEN,
        '404': use('NotFound'),
        ...common,
      },
    },
    post: {
      operationId: 'addUser',
      summary: 'Adds a user account (administrators only; audited user.add).',
      description:
        'A site user needs FINESS, a region user a region (INSEE code or name); the password at least 12 characters.',
      tags: ['accounts'],
      requestBody: jsonBody(
        'The account.',
        obj(
          {
            email: str,
            role: { type: 'string', enum: ACCESS_ROLES },
            finess: { type: 'array', items: str },
            region: str,
            displayName: str,
            password: str,
          },
          ['finess', 'region', 'displayName'],
        ),
      ),
      responses: {
        '201': { description: 'Added.', content: json(ref('AdminUserAnswer')) },
        '400': use('BadRequest'),
        '401': LOGIN_REQUIRED,
        '403': FORBIDDEN,
        '409': apiError('user-exists: a user has this e-mail.'),
        ...common,
      },
    },
  },
  '/api/admin/users/{email}/disable': {
    post: {
      operationId: 'disableUser',
      summary:
        'Disables an account and revokes its sessions (administrators only; audited user.disable).',
      tags: ['accounts'],
      parameters: [emailPath],
      responses: {
        '200': { description: 'The account, disabled.', content: json(ref('AdminUserAnswer')) },
        '400': use('BadRequest'),
        '401': LOGIN_REQUIRED,
        '403': FORBIDDEN,
        '404': use('NotFound'),
        '409': apiError('own-account: an administrator may not disable their own account.'),
        ...common,
      },
    },
  },
  '/api/admin/users/{email}/reset': {
    post: {
      operationId: 'resetUserPassword',
      summary:
        "Sets a new password and revokes the account's sessions (administrators only; audited user.reset).",
      tags: ['accounts'],
      parameters: [emailPath],
      requestBody: jsonBody('The new password (at least 12 characters).', obj({ password: str })),
      responses: {
        '200': { description: 'The account.', content: json(ref('AdminUserAnswer')) },
        '400': use('BadRequest'),
        '401': LOGIN_REQUIRED,
        '403': FORBIDDEN,
        '404': use('NotFound'),
        ...common,
      },
    },
  },
  '/api/admin/audit': {
    get: {
      operationId: 'readAuditLog',
      summary: 'The audit log, newest first (administrators only).',
      tags: ['accounts'],
      parameters: [
        query(
          'since',
          'Only rows at or after this day (2026-03-01, UTC) or instant with its zone.',
          str,
        ),
        query('limit', 'At most this many rows, 1–1000 (default 100).', {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
        }),
        query(
          'action',
          'Only rows of this action (login, logout, read.site, read.machine, export.pdf, import, user.add, user.disable, user.reset, access…).',
          str,
        ),
      ],
      responses: {
        '200': { description: 'The rows.', content: json(ref('AuditLogAnswer')) },
        '400': use('BadRequest'),
        '401': LOGIN_REQUIRED,
        '403': FORBIDDEN,
        '404': use('NotFound'),
        ...common,
      },
    },
  },
};
