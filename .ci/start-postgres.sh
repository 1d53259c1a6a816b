#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for plateau's storage tests, idempotently.
# Uses Debian's postgresql package (installed when missing), a private cluster in
# $PLATEAU_PG_DIR (default /tmp/plateau-pg) on port $PLATEAU_PG_PORT (default 54329), and a
# role `plateau` with the throwaway password `plateau` (local test cluster only, never a
# secret; it only listens on 127.0.0.1). The role may create databases: each test makes its own.
# The server runs with fsync off: a crash may lose the cluster, which is fine for test data only.
# Stop it with: su postgres -c '/usr/lib/postgresql/*/bin/pg_ctl -D /tmp/plateau-pg/data stop'
# Prints the export line on stdout and writes it to $PLATEAU_PG_DIR/env, so a caller can do
#   eval "$(.ci/start-postgres.sh)"   or   . /tmp/plateau-pg/env
set -euo pipefail

dir="${PLATEAU_PG_DIR:-/tmp/plateau-pg}"
port="${PLATEAU_PG_PORT:-54329}"
role=plateau
password=plateau # throwaway, local loopback test cluster only
database=plateau_test

log() { echo "start-postgres: $*" >&2; }

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bindir="$candidate"
done
if [ -z "$bindir" ]; then
  log "installing Debian's postgresql package"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  else
    sudo apt-get update >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  fi
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && bindir="$candidate"
  done
fi
[ -n "$bindir" ] || { log "no PostgreSQL binaries found"; exit 1; }

# The server refuses to run as root: run it as `postgres` when we are root, else as ourselves.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" postgres
  as_pg() { su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; }
  owner=postgres
else
  as_pg() { "$@"; }
  owner="$(id -un)"
fi

mkdir -p "$dir"
chown "$owner" "$dir"
data="$dir/data"
if [ ! -f "$data/PG_VERSION" ]; then
  log "initdb in $data"
  as_pg "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi

if ! as_pg "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  log "starting the server on 127.0.0.1:$port"
  as_pg "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off" start >&2
fi

psql_admin() { as_pg "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$role'")" != "1" ]; then
  psql_admin -c "create role $role login createdb createrole password '$password'" >&2
fi
# The owner creates plateau's group roles in its first migration when they are missing (it has
# CREATEROLE, as a production owner may not: see docs/production.md); made here once, so that
# test files migrating their own databases in parallel never race to create them.
psql_admin -c "alter role $role createrole" >&2
for group in plateau_app plateau_aggregator; do
  if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$group'")" != "1" ]; then
    psql_admin -c "create role $group nologin" >&2
  fi
done
psql_admin -c "grant plateau_aggregator to plateau_app" >&2
psql_admin -c "grant plateau_app, plateau_aggregator to $role with admin option" >&2
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$database'")" != "1" ]; then
  psql_admin -c "create database $database owner $role" >&2
fi

line="export PLATEAU_TEST_PG_URL=postgres://$role:$password@127.0.0.1:$port/$database"
echo "$line" > "$dir/env"
echo "$line"
