#!/usr/bin/env bash
# Makes sure a local PostgreSQL 15 with the pgvector extension is installed, running, and has the
# Tieout test database. Idempotent: every step is skipped when its result is already there.
#
# Debian 12 ships PostgreSQL 15 but no pgvector package, so pgvector is built from Debian 13's
# source package against postgresql-server-dev-15. The deb-src entry reuses the mirror already
# configured in this machine's apt sources; no host name lives in this repository.
set -euo pipefail

PG_MAJOR=${PG_MAJOR:-15}
DB_NAME=${TIEOUT_TEST_DB:-tieout_test}
DB_USER=${TIEOUT_TEST_USER:-tieout}
log() { printf '[ensure-postgres] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
}

install_server() {
  if [ -x "/usr/lib/postgresql/$PG_MAJOR/bin/postgres" ] && [ -f "/usr/include/postgresql/$PG_MAJOR/server/postgres.h" ] \
     && command -v make >/dev/null && command -v gcc >/dev/null && command -v dpkg-source >/dev/null; then
    return
  fi
  log "installing postgresql-$PG_MAJOR and build tools"
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev >/dev/null
}

# The first mirror URI of the main Debian archive in this machine's apt configuration, in either
# the deb822 (.sources) or the one-line (.list) format.
debian_mirror() {
  local uri=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk '/^URIs:/ {for (i = 2; i <= NF; i++) if ($i !~ /security/) {print $i; exit}}' "$f")
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) {print $i; exit}}' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { log "no Debian mirror found in apt sources"; exit 1; }
  printf '%s\n' "$uri"
}

install_pgvector() {
  local ext_dir
  ext_dir=$("/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" --sharedir)/extension
  if [ -f "$ext_dir/vector.control" ]; then return; fi
  local src_list=/etc/apt/sources.list.d/tieout-trixie-src.sources
  if [ ! -f "$src_list" ]; then
    local mirror keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    mirror=$(debian_mirror)
    log "adding deb-src for trixie from $mirror"
    as_root tee "$src_list" >/dev/null <<SRC
Types: deb-src
URIs: $mirror
Suites: trixie
Components: main
Signed-By: $keyring
SRC
    apt_updated=0
  fi
  apt_update_once
  local work
  work=$(mktemp -d)
  log "building pgvector from Debian source in $work"
  (cd "$work" && apt-get source -qq pgvector >/dev/null 2>&1 || (cd "$work" && apt-get source pgvector))
  local dir
  dir=$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
  [ -n "$dir" ] || { log "apt-get source pgvector produced no source tree"; exit 1; }
  make -s -C "$dir" PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" OPTFLAGS="" >/dev/null
  as_root make -s -C "$dir" PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" install >/dev/null
  rm -rf "$work"
  log "pgvector installed"
}

start_server() {
  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_MAJOR" '$1 == v && $2 == "main"' | grep -q .; then
    log "creating cluster $PG_MAJOR/main"
    as_root pg_createcluster "$PG_MAJOR" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$PG_MAJOR" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $PG_MAJOR"
    as_root pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main start
  fi
  for _ in $(seq 1 30); do
    as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && return
    sleep 1
  done
  log "PostgreSQL did not come up"; exit 1
}

psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtA $*"; }

create_database() {
  if [ -z "$(psql_admin "-c \"select 1 from pg_roles where rolname = '$DB_USER'\"")" ]; then
    psql_admin "-c \"create role $DB_USER login password '$DB_USER' superuser\"" >/dev/null
  fi
  if [ -z "$(psql_admin "-c \"select 1 from pg_database where datname = '$DB_NAME'\"")" ]; then
    psql_admin "-c \"create database $DB_NAME owner $DB_USER\"" >/dev/null
  fi
  psql_admin "-d $DB_NAME -c \"create extension if not exists vector\"" >/dev/null
  log "ready: jdbc:postgresql://127.0.0.1:5432/$DB_NAME (user $DB_USER)"
}

install_server
install_pgvector
start_server
create_database
