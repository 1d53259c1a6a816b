/**
 * A store whose every query runs under an access scope (issue 15): each query, or each
 * transaction, is wrapped in a transaction that first sets `plateau.scope` (`national`,
 * `region`, `site`), `plateau.region`, `plateau.finess` (comma-separated) and `plateau.user_id`
 * with `set_config(…, true)`, so they live exactly as long as that transaction and never leak to
 * the next user of the pooled connection. The row-level security policies of migration 0008 read
 * them; a connection that sets nothing sees no site's rows. COPY is not offered: PostgreSQL
 * refuses COPY FROM into a table under row-level security, so imports take the INSERT path.
 */
import type { AccessScope } from '../core/access.ts';
import type { Db, Queryable, Row } from './db.ts';
import type { Store } from './open-store.ts';

/** The `plateau.*` settings of a scope, in the order `SET_SCOPE` takes them. */
export function scopeSettings(
  scope: AccessScope,
): [scope: string, region: string, finess: string, userId: string] {
  switch (scope.kind) {
    case 'local':
      throw new TypeError('the local scope runs on the store itself, without settings');
    case 'national':
      return [scope.admin ? 'admin' : 'national', '', '', String(scope.userId)];
    case 'region':
      return ['region', scope.region, '', String(scope.userId)];
    case 'site':
      return ['site', '', scope.finess.join(','), String(scope.userId)];
  }
}

const SET_SCOPE = `select set_config('plateau.scope', $1, true), set_config('plateau.region', $2, true),
  set_config('plateau.finess', $3, true), set_config('plateau.user_id', $4, true)`;

/**
 * The store as seen by `scope`: the same connection pool, each statement in a transaction that
 * first sets the scope. The `local` scope gets the store itself.
 *
 * @example
 * const mine = scopedStore(store, { kind: 'site', userId: 7, finess: ['590780193'] });
 * await loadEstablishments(mine, 'c1'); // only 590780193, whatever the query asks
 */
export function scopedStore(store: Store, scope: AccessScope): Store {
  if (scope.kind === 'local') return store;
  const settings = scopeSettings(scope);
  const inner = store.db;
  const run = <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
    inner.transaction(async (tx) => {
      await tx.query(SET_SCOPE, settings);
      return fn(tx);
    });
  const db: Db = {
    engine: inner.engine,
    query: <R extends Row = Row>(sql: string, params?: readonly unknown[]) =>
      run((tx) => tx.query<R>(sql, params)),
    exec: (sql: string) => run((tx) => tx.exec(sql)),
    transaction: run,
    // Every statement runs in a transaction of the inner database: its count is this one's.
    ...(inner.started ? { started: inner.started } : {}),
    // Closing a scoped view never closes the shared pool.
    close: async () => undefined,
  };
  return { db, engine: store.engine, location: store.location, close: async () => undefined };
}
