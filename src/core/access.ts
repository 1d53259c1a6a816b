/**
 * Who is asking (issue 15): the access scope a request runs under. The embedded single-user
 * store (PGlite on loopback) runs every request as `local` (no login, everything); a PostgreSQL
 * server runs each logged-in user's requests under their role's scope, which the database
 * enforces with row-level security (`plateau.*` settings set per transaction) and the HTTP layer
 * checks too. Peers are shown to a scope that cannot see their rows only as stored aggregates over
 * at least `MIN_PEERS` machines.
 */
import type { Modality } from './kit-types.ts';
import type { Typology } from './indicators/types.ts';

/** The roles of the observatory's users. */
export const ACCESS_ROLES = ['site', 'region', 'national', 'admin'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** The scope a request runs under. */
export type AccessScope =
  /** The embedded single-user store: no login, every row. */
  | { kind: 'local' }
  /** A national user, or an administrator (`admin`: also manages accounts and reads the audit). */
  | { kind: 'national'; userId: number; admin: boolean }
  /** A regional agency's user: its region's sites (INSEE region code, as `users.region`). */
  | { kind: 'region'; userId: number; region: string }
  /** A site's user: its establishments (FINESS, at least one). */
  | { kind: 'site'; userId: number; finess: readonly string[] };

/** The fewest machines a peer group must hold for its distribution to be shown to a scope that cannot see them. */
export const MIN_PEERS = 5;

/**
 * A stable text key of a scope (cache keys, logs): `local`, `national`, `admin`, `region:53`,
 * `site:590780193,590000139` (FINESS sorted).
 */
export function scopeKey(scope: AccessScope): string {
  switch (scope.kind) {
    case 'local':
      return 'local';
    case 'national':
      return scope.admin ? 'admin' : 'national';
    case 'region':
      return `region:${scope.region}`;
    case 'site':
      return `site:${[...scope.finess].sort().join(',')}`;
  }
}

/** True when the scope sees every row (no peer has to be hidden from it). */
export function seesEverything(scope: AccessScope): boolean {
  return scope.kind === 'local' || scope.kind === 'national';
}

/**
 * A stored peer group: a modality narrowed by at most one field (the establishment view's peer
 * scopes), its size, and the sorted values of every ranked figure (`MACHINE_FIGURES` keys) — no
 * machine's identity, and no row: each figure is sorted on its own. `values` is null when the
 * group holds fewer than `MIN_PEERS` machines.
 */
export interface StoredPeerGroup {
  filter: { modality: Modality; region?: string; legalStatus?: string; typology?: Typology };
  n: number;
  values: Record<string, number[]> | null;
}

/** The scope of a logged-in user of role `role` (site users' FINESS, region users' region). */
export function scopeOfUser(user: {
  id: number;
  role: AccessRole;
  finess: readonly string[];
  region: string | null;
}): AccessScope {
  switch (user.role) {
    case 'site':
      return { kind: 'site', userId: user.id, finess: [...user.finess] };
    case 'region':
      if (user.region === null) throw new TypeError(`region user ${user.id} has no region`);
      return { kind: 'region', userId: user.id, region: user.region };
    case 'national':
      return { kind: 'national', userId: user.id, admin: false };
    case 'admin':
      return { kind: 'national', userId: user.id, admin: true };
  }
}
