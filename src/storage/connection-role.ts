/**
 * Who a connection is, for `plateau serve` to refuse to serve the observatory with one that row-
 * level security would not hold (issue 15): the owner of the tables (or a member inheriting its
 * rights), a superuser, or a role with BYPASSRLS sees every row whatever the policies say.
 */
import type { Db, Engine } from './db.ts';

/** What the policies make of the connection's role. */
export interface ConnectionRole {
  /** `pglite` for the embedded store: one superuser, no other role ever connects. */
  engine: Engine;
  /** `current_user`. */
  user: string;
  /** Owns one of plateau's tables, or inherits the rights of a role that does. */
  ownsTables: boolean;
  superuser: boolean;
  /** Has BYPASSRLS (an attribute: never inherited). */
  bypassRls: boolean;
  /** Is a member of plateau_app (false when that role does not exist). */
  memberOfApp: boolean;
}

/**
 * The role of `db`'s connections, and whether row-level security binds it: it does only when
 * `memberOfApp` and none of `ownsTables`, `superuser`, `bypassRls` (see `rlsBinds`).
 *
 * @example
 * const role = await connectionRole(store.db);
 * if (!rlsBinds(role)) throw new Error(`${role.user} would see every row`);
 */
export async function connectionRole(db: Db): Promise<ConnectionRole> {
  const [row] = await db.query<{
    user: string;
    superuser: boolean;
    bypass: boolean;
    owns: boolean;
    in_app: boolean;
  }>(
    `select current_user::text as "user", r.rolsuper as superuser, r.rolbypassrls as bypass,
       exists (select 1 from pg_class c
                where c.relnamespace = to_regnamespace(current_schema())
                  and c.relname in ('campaigns', 'establishments', 'exams', 'machine_results', 'audit_log', 'users', 'schema_migrations')
                  and pg_has_role(current_user, c.relowner, 'USAGE')) as owns,
       coalesce((select pg_has_role(current_user, a.oid, 'MEMBER') from pg_roles a where a.rolname = 'plateau_app'), false) as in_app
     from pg_roles r where r.rolname = current_user`,
  );
  if (!row)
    throw new Error('cannot read the role of the connection (pg_roles has no current_user)');
  return {
    engine: db.engine,
    user: row.user,
    ownsTables: row.owns,
    superuser: row.superuser,
    bypassRls: row.bypass,
    memberOfApp: row.in_app,
  };
}

/** True when row-level security holds for a connection of this role (a server may use it). */
export function rlsBinds(role: ConnectionRole): boolean {
  return (
    role.engine === 'postgres' &&
    role.memberOfApp &&
    !role.ownsTables &&
    !role.superuser &&
    !role.bypassRls
  );
}
