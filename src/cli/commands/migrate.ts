/**
 * `plateau migrate`: brings the store's schema up to date, as the role owning the tables. Every
 * command opening the store as the owner migrates it anyway; this one exists for PostgreSQL,
 * where `plateau serve` connects as the app role, which may not change the schema: after an
 * upgrade the owner runs it once, then the server starts.
 */
import { migrate, openStore, schemaStatus, StoreError } from '../../storage/index.ts';
import type { Command } from '../command.ts';
import { positionals, STORE_OPTIONS } from '../command.ts';
import { UserError } from '../output.ts';
import { databaseUrlOf, withStore } from './store-access.ts';

const USAGE = `Usage: plateau migrate [--database-url OWNER_URL | --data DIR]

Brings the store's schema up to date with this plateau (its numbered migrations, in one
transaction) and says which it applied. On PostgreSQL, run it with the URL of the role owning
the tables (the one that ran the first import), after each upgrade of plateau and before
starting 'plateau serve', whose app role may not change the schema. The first migration of a
database also creates the group roles plateau_app and plateau_aggregator when missing (the owner
then needs CREATEROLE; else a superuser creates them first, see docs/production.md).

  --database-url URL    the PostgreSQL server, as the owner (default: $PLATEAU_DATABASE_URL)
  --data DIR            the embedded store instead (default: $PLATEAU_DATA, else ./plateau-data)

Examples:
  plateau migrate --database-url postgres://plateau_owner:…@db.example/plateau
  PLATEAU_DATABASE_URL=postgres://plateau_owner:…@db.example/plateau plateau migrate`;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: "bring the store's schema up to date (as the owner)",
  usage: USAGE,
  options: { ...STORE_OPTIONS },
  async run({ positionals: args, values }) {
    positionals(args, 0, 0, 'no argument (options only)');
    const url = databaseUrlOf(values);
    if (url === undefined) {
      // The embedded store is migrated whenever it is opened.
      await withStore(
        values,
        async (store) => {
          process.stdout.write(`the store at ${store.location} is up to date\n`);
        },
        { create: true },
      );
      return 0;
    }
    let store;
    try {
      store = await openStore({ url, migrate: false });
    } catch (error) {
      if (error instanceof StoreError) throw new UserError(error.message);
      throw error;
    }
    try {
      let applied: number[];
      try {
        applied = await migrate(store.db);
      } catch (error) {
        if (error instanceof StoreError) throw new UserError(error.message);
        if ((error as { code?: string }).code === '42501') {
          throw new UserError(
            `the role of ${store.location} may not change the schema (${(error as Error).message}): run plateau migrate with the URL of the role owning the tables`,
          );
        }
        throw error;
      }
      const { missing } = await schemaStatus(store.db);
      if (missing.length > 0)
        throw new UserError(`migrations ${missing.join(', ')} are still missing`);
      process.stdout.write(
        applied.length === 0
          ? `the database at ${store.location} is up to date\n`
          : `applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')} to ${store.location}: up to date\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
