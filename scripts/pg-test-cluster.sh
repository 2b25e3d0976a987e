#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests.
#
#   scripts/pg-test-cluster.sh start DIR PORT   creates and starts a cluster in DIR (which must
#                                               be missing or empty), listening on 127.0.0.1:PORT
#                                               only, socket inside DIR, trust authentication,
#                                               fsync on, data checksums on; prints the admin URL
#                                               (postgresql://postgres@127.0.0.1:PORT/postgres)
#                                               on stdout, everything else on stderr.
#   scripts/pg-test-cluster.sh stop DIR         stops it and removes DIR.
#
# Works as a normal user and as root (initdb refuses root: the cluster then runs as the
# `postgres` system user, which owns DIR). PG_BIN overrides /usr/lib/postgresql/15/bin.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
MARKER=".brobygger-pg-test-cluster"

die() { echo "pg-test-cluster: $*" >&2; exit 1; }
log() { echo "pg-test-cluster: $*" >&2; }
usage() { die "usage: $0 start DIR PORT | stop DIR"; }

# Runs a command as the cluster's owner.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")  # cd: postgres may not enter the caller's directory
  else
    "$@"
  fi
}

start() {
  local dir="$1" port="$2"
  [[ "$port" =~ ^[0-9]+$ ]] && (( port >= 1024 && port <= 65535 )) || die "PORT must be a number 1024-65535, got '$port'"
  for tool in initdb pg_ctl pg_isready; do
    [[ -x "$PG_BIN/$tool" ]] || die "$PG_BIN/$tool not found (install postgresql-15)"
  done
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1; then
    die "something already answers on 127.0.0.1:$port; choose another PORT"
  fi
  if [[ -e "$dir" ]]; then
    [[ -d "$dir" ]] || die "$dir exists and is not a directory"
    [[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty (refusing to touch it)"
  else
    mkdir -p "$dir"
  fi
  dir="$(cd "$dir" && pwd -P)"

  touch "$dir/$MARKER"
  if [[ "$(id -u)" -eq 0 ]]; then
    command -v runuser >/dev/null || die "runuser not found (needed to run initdb as postgres when root)"
    id postgres >/dev/null 2>&1 || die "no 'postgres' system user (install the postgresql package)"
    chown -R postgres: "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "user postgres cannot write $dir (is a parent directory private to root? use e.g. /tmp)"
  fi

  local data="$dir/data" socket="$dir/socket" logfile="$dir/postgres.log"
  as_owner mkdir -p "$socket"
  local locale=C.UTF-8
  locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || locale=C
  log "initdb in $data"
  if ! as_owner "$PG_BIN/initdb" -D "$data" -U postgres -E UTF8 --locale="$locale" \
      --auth-local=trust --auth-host=trust --data-checksums --no-instructions >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi
  # Loopback only, socket inside DIR, durable settings on (RE-06), small footprint.
  as_owner tee -a "$data/postgresql.conf" >/dev/null <<EOF

# --- pg-test-cluster.sh ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket'
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 200
shared_buffers = 32MB
logging_collector = off
log_min_messages = warning
EOF

  log "starting on 127.0.0.1:$port"
  if ! as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$logfile" -w -t 60 start >/dev/null; then
    tail -n 30 "$logfile" >&2 || true
    die "pg_ctl start failed (log: $logfile)"
  fi
  local ready=0
  for _ in $(seq 1 60); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 1; then
      ready=1
      break
    fi
    sleep 0.5
  done
  if (( ! ready )); then
    tail -n 30 "$logfile" >&2 || true
    as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    die "server did not become ready on 127.0.0.1:$port"
  fi
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir="$1"
  if [[ ! -e "$dir" ]]; then
    log "$dir does not exist; nothing to stop"
    return 0
  fi
  [[ -f "$dir/$MARKER" ]] || die "$dir was not made by this script (no $MARKER); not removing it"
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null ||
      as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  fi
  rm -rf -- "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) [[ $# -eq 3 ]] || usage; start "$2" "$3" ;;
  stop) [[ $# -eq 2 ]] || usage; stop "$2" ;;
  *) usage ;;
esac
