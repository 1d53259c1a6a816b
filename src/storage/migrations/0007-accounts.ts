/**
 * The observatory's accounts (issue 15): users with a role (a site's FINESS, a region, the
 * nation, or an administrator), server-side sessions (only a hash of the token is stored), and
 * the audit log, which no update, delete or truncate may change (a trigger refuses them for every
 * role but the owner's deliberate `alter table … disable trigger`). The embedded single-user mode
 * creates the tables and leaves them empty.
 */

export const version = 7;
export const name = 'accounts';

export const sql = /* sql */ `
create table users (
  id bigint generated always as identity primary key,
  -- Staff e-mail addresses (never a patient's), lower-cased by the application.
  email text not null unique check (email = lower(email) and position('@' in email) > 1),
  display_name text,
  role text not null check (role in ('site', 'region', 'national', 'admin')),
  -- The FINESS a site user answers for (at least one for 'site', none otherwise).
  finess text[] not null default '{}',
  -- The INSEE code of a region user's region (only for 'region').
  region text,
  -- 'scrypt$N$r$p$salt$hash' (base64url) or an argon2id PHC string; never the password.
  password_hash text not null,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now(),
  disabled_at timestamptz,
  constraint users_site_finess check ((role = 'site') = (cardinality(finess) > 0)),
  constraint users_region check ((role = 'region') = (region is not null))
);

-- One row per login: the SHA-256 of the random token the cookie carries, never the token.
create table user_sessions (
  token_hash bytea primary key check (length(token_hash) = 32),
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index user_sessions_user on user_sessions (user_id);

-- Who did what, when, to what, and how it ended. The e-mail is kept as it was at the time.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id bigint references users (id) on delete set null,
  email text,
  action text not null check (action <> ''),
  target text,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  detail jsonb
);
create index audit_log_at on audit_log (at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
`;
