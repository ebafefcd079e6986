#!/usr/bin/env bash
# A throwaway PostgreSQL server for the SQL tests: `start` prints nothing but writes its URL to
# $PGTEST_DIR/url; `stop` stops it and removes its files. Installs Debian's postgresql when no
# server binaries are found. The cluster listens on 127.0.0.1 only, trusts local connections and
# lives in a temporary folder owned by an unprivileged user (initdb refuses to run as root).
set -euo pipefail
PGTEST_DIR="${PGTEST_DIR:-/tmp/clause-engine-pgtest}"
PGTEST_PORT="${PGTEST_PORT:-54329}"

find_bin() {
  for dir in /usr/lib/postgresql/*/bin /usr/local/pgsql/bin /usr/local/bin /usr/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

as_owner() {
  # Runs a server binary as the cluster's owner: the postgres user when we are root.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi
}

start() {
  BIN="$(find_bin || true)"
  if [ -z "$BIN" ]; then
    if [ "$(id -u)" != 0 ]; then echo "postgres.sh: no PostgreSQL server binaries, and not root to install them" >&2; exit 1; fi
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
    BIN="$(find_bin)"
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home postgres; fi
  stop_quietly
  mkdir -p "$PGTEST_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$PGTEST_DIR"; fi
  as_owner "$BIN/initdb" -D "$PGTEST_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PGTEST_DIR/initdb.log" 2>&1 \
    || { cat "$PGTEST_DIR/initdb.log" >&2; exit 1; }
  as_owner "$BIN/pg_ctl" -D "$PGTEST_DIR/data" -l "$PGTEST_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGTEST_PORT -k $PGTEST_DIR -c fsync=off -c timezone=UTC" start >/dev/null \
    || { cat "$PGTEST_DIR/server.log" >&2; exit 1; }
  echo "$BIN" >"$PGTEST_DIR/bin"
  echo "postgres://postgres@127.0.0.1:$PGTEST_PORT/postgres" >"$PGTEST_DIR/url"
}

stop_quietly() {
  if [ -f "$PGTEST_DIR/bin" ] && [ -d "$PGTEST_DIR/data" ]; then
    as_owner "$(cat "$PGTEST_DIR/bin")/pg_ctl" -D "$PGTEST_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGTEST_DIR"
}

case "${1:-}" in
  start) start; cat "$PGTEST_DIR/url" ;;
  stop) stop_quietly ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
