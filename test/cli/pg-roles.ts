// PostgreSQL places for the server-mode tests: a database of its own (created by the test owner of
// PLATEAU_TEST_PG_URL, dropped after), migrated or not, and login roles with unique names (roles
// are cluster-wide), members of plateau_app or not, dropped after. The test cluster trusts local
// connections, so the superuser `postgres` is reachable without a password (.ci/start-postgres.sh).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../src/storage/index.ts';

export const PG_URL = process.env['PLATEAU_TEST_PG_URL'];

/** `url` with another user (and password) and database. */
export function urlAs(
  url: string,
  user: string,
  password: string | null,
  database?: string,
): string {
  const u = new URL(url);
  u.username = user;
  u.password = password ?? '';
  if (database !== undefined) u.pathname = `/${database}`;
  return u.toString();
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Runs one SQL statement as `url`'s role. */
export function sql(url: string, statement: string): Promise<unknown> {
  return withClient(url, (c) => c.query(statement));
}

/** A scratch database and the login roles made for it; `dispose()` drops them all. */
export interface PgPlace {
  name: string;
  /** The owner's URL (the test owner of PLATEAU_TEST_PG_URL). */
  ownerUrl: string;
  /** The superuser's URL, on this database. */
  superUrl: string;
  /** Makes a login role (member of plateau_app unless `inApp` is false); returns its URL here. */
  loginRole(options?: { inApp?: boolean; bypassRls?: boolean }): Promise<string>;
  dispose(): Promise<void>;
}

/** A new database, migrated by its owner when `migrated` (the default). */
export async function pgPlace(
  adminUrl: string,
  options: { migrated?: boolean } = {},
): Promise<PgPlace> {
  const name = `plateau_t_${randomBytes(6).toString('hex')}`;
  await sql(adminUrl, `create database ${name}`);
  const ownerUrl = urlAs(
    adminUrl,
    new URL(adminUrl).username,
    decodeURIComponent(new URL(adminUrl).password),
    name,
  );
  const superUrl = urlAs(adminUrl, 'postgres', null, name);
  if (options.migrated ?? true) await (await openStore({ url: ownerUrl })).close();
  const roles: string[] = [];
  return {
    name,
    ownerUrl,
    superUrl,
    async loginRole({ inApp = true, bypassRls = false } = {}) {
      const role = `plateau_t_web_${randomBytes(5).toString('hex')}`;
      const password = randomBytes(9).toString('hex');
      roles.push(role);
      // Only a superuser may give BYPASSRLS; plateau's owner has CREATEROLE and admin of plateau_app.
      await sql(
        bypassRls ? superUrl : ownerUrl,
        `create role ${role} login password '${password}'${bypassRls ? ' bypassrls' : ''}${inApp ? ' in role plateau_app' : ''}`,
      );
      return urlAs(adminUrl, role, password, name);
    },
    async dispose() {
      await withClient(superUrl.replace(`/${name}`, '/postgres'), async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
        for (const role of roles) await c.query(`drop role if exists ${role}`);
      });
    },
  };
}
