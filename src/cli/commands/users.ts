/**
 * `plateau users add|list|disable|reset`: the observatory's accounts (issue 15), managed by an
 * administrator at the server's console. The password comes from PLATEAU_USER_PASSWORD or the
 * first line of stdin, never from an option (which `ps` and shell histories would show); it is never printed.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Store, User } from '../../storage/index.ts';
import {
  addUser,
  disableUser,
  listUsers,
  resetPassword,
  UserAccountError,
} from '../../storage/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { STORE_OPTIONS, stringOption } from '../command.ts';
import { say, table, UsageError, UserError } from '../output.ts';
import { withStore } from './store-access.ts';

/** The audit log's actor of a change made here: no account, the system user at the console. */
const CONSOLE = { actor: { userId: null, email: `console:${systemUser()}` } };

/** The system user running the command (a container without a passwd entry: $USER, else '?'). */
export function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env['USER'] ?? '?';
  }
}

const USAGE = `Usage: plateau users add EMAIL --role ROLE [--finess F1,F2] [--region R] [--name "…"]
       plateau users list [--json]
       plateau users disable EMAIL
       plateau users reset EMAIL
       (each with [--data DIR | --database-url URL])

The accounts of the observatory (who may log in to 'plateau serve', and what they may see):

  add EMAIL             add a user (the e-mail is trimmed and lower-cased)
  list                  every user: e-mail, role, scope, name, creation, state
  disable EMAIL         the user can no longer log in; their sessions are revoked
  reset EMAIL           set a new password; their open sessions are revoked

Roles (--role):
  site                  the sites of its FINESS (--finess, one or more 9-digit numbers, comma-separated)
  region                one region (--region, an INSEE code such as 53 or a name such as Bretagne)
  national              the whole country
  admin                 the whole country, and the administration of the observatory

The password (at least 12 characters) is read from the variable PLATEAU_USER_PASSWORD when it is
set, else from the first line of standard input; never from an option. It is never printed, and
only its scrypt hash is stored. Every change is written to the audit log.

  --name "…"            a display name
  --json                list as JSON
  --data DIR            the embedded store (default: $PLATEAU_DATA, else ./plateau-data)
  --database-url URL    a PostgreSQL server instead of the embedded store

Examples:
  PLATEAU_USER_PASSWORD='…' plateau users add admin@chu.example --role admin
  plateau users add imagerie@chu.example --role site --finess 350000001,350000002 < password.txt
  plateau users add ars@ars.example --role region --region Bretagne --name "ARS Bretagne"
  plateau users disable ars@ars.example`;

/** The password: PLATEAU_USER_PASSWORD, else the first line of stdin (refused when there is none). */
async function readPassword(): Promise<string> {
  const fromEnv = process.env['PLATEAU_USER_PASSWORD'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) process.stderr.write(say('cli.users.prompt'));
  const lines = createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line !== '') return line;
      break;
    }
  } finally {
    lines.close();
  }
  throw new UserError(say('cli.users.noPassword'));
}

/** Runs an account change; refusals (bad role, unknown user…) become user errors. */
async function change<T>(
  values: OptionValues,
  work: (store: Store) => Promise<T>,
  create = false,
): Promise<T> {
  try {
    return await withStore(values, work, { create });
  } catch (error) {
    if (error instanceof UserAccountError) throw new UserError(error.message);
    throw error;
  }
}

function scopeOf(user: User): string {
  if (user.role === 'site') return user.finess.join(', ');
  if (user.role === 'region') return say('cli.users.scope.region', { code: user.region ?? '' });
  return say('cli.users.scope.all');
}

async function list(store: Store, json: boolean): Promise<void> {
  const users = await listUsers(store);
  if (json) {
    process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
    return;
  }
  if (users.length === 0) {
    process.stdout.write(`${say('cli.users.none', { store: store.location })}\n`);
    return;
  }
  const columns = (['email', 'role', 'scope', 'name', 'created', 'state'] as const).map((k) => ({
    header: say(`cli.users.head.${k}`),
  }));
  const rows = users.map((u) => [
    u.email,
    u.role,
    scopeOf(u),
    u.displayName ?? '',
    u.createdAt.slice(0, 10),
    u.disabledAt === null
      ? say('cli.users.state.active')
      : say('cli.users.state.disabled', { date: u.disabledAt.slice(0, 10) }),
  ]);
  process.stdout.write(`${table(columns, rows)}\n`);
}

export const usersCommand: Command = {
  name: 'users',
  summary: "add, list, disable the observatory's user accounts, or reset a password",
  usage: USAGE,
  options: {
    ...STORE_OPTIONS,
    role: { type: 'string' },
    finess: { type: 'string' },
    region: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ positionals: args, values }) {
    const [action, ...rest] = args;
    const arity = (n: number, what: string): void => {
      if (rest.length !== n) throw new UsageError(`plateau users ${action} takes ${what}`);
    };
    const only = (allowed: readonly string[]): void => {
      const extra = ['role', 'finess', 'region', 'name', 'json'].filter(
        (o) => values[o] !== undefined && !allowed.includes(o),
      );
      if (extra.length > 0)
        throw new UsageError(
          `plateau users ${action} does not take ${extra.map((o) => `--${o}`).join(', ')}`,
        );
    };
    if (action === 'list') {
      arity(0, 'no argument');
      only(['json']);
      await withStore(values, (store) => list(store, values['json'] === true));
      return 0;
    }
    if (action === 'add') {
      arity(1, 'one EMAIL');
      only(['role', 'finess', 'region', 'name']);
      const role = stringOption(values, 'role');
      if (role === undefined)
        throw new UsageError('plateau users add needs --role: site, region, national or admin');
      const finess = stringOption(values, 'finess')?.split(',') ?? [];
      const password = await readPassword();
      const user = await change(
        values,
        (store) =>
          addUser(
            store,
            {
              email: rest[0] as string,
              role,
              finess,
              region: stringOption(values, 'region') ?? null,
              displayName: stringOption(values, 'name') ?? null,
              password,
            },
            CONSOLE,
          ),
        true,
      );
      process.stdout.write(`${say('cli.users.added', { email: user.email, role: user.role })}\n`);
      return 0;
    }
    if (action === 'disable') {
      arity(1, 'one EMAIL');
      only([]);
      const email = rest[0] as string;
      await change(values, (store) => disableUser(store, email, CONSOLE));
      process.stdout.write(`${say('cli.users.disabled', { email: email.trim().toLowerCase() })}\n`);
      return 0;
    }
    if (action === 'reset') {
      arity(1, 'one EMAIL');
      only([]);
      const email = rest[0] as string;
      const password = await readPassword();
      await change(values, (store) => resetPassword(store, email, password, CONSOLE));
      process.stdout.write(`${say('cli.users.reset', { email: email.trim().toLowerCase() })}\n`);
      return 0;
    }
    throw new UsageError(
      action === undefined
        ? 'say what to do: add EMAIL --role ROLE, list, disable EMAIL or reset EMAIL'
        : `unknown action '${action}': add, list, disable or reset`,
    );
  },
};
