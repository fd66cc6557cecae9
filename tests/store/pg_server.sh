#!/bin/sh
# Starts or stops a throw-away PostgreSQL server for the store tests.
#   pg_server.sh start DIR   -> initdb + pg_ctl start in DIR, listening on a unix socket in DIR only;
#                               writes the connection URI to DIR/uri
#   pg_server.sh stop DIR    -> stops it and removes DIR
# As root, the server runs as the "postgres" user (PostgreSQL refuses to run as root).
# COMMUNIQUE_SKIP_PG=1 makes "start" do nothing (the PostgreSQL tests then skip instead of failing).
set -eu
cmd=$1
dir=$2
bindir=${PG_BINDIR:-/usr/lib/postgresql/15/bin}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  if [ "${COMMUNIQUE_SKIP_PG:-}" = 1 ]; then echo "COMMUNIQUE_SKIP_PG=1: not starting PostgreSQL"; exit 0; fi
  if [ -f "$dir/uri" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    echo "PostgreSQL already running in $dir"; exit 0
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; echo "initdb failed in $dir" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses= -p 54329 -c fsync=off -c max_connections=200" start >/dev/null ||
    { cat "$dir/server.log" >&2; echo "PostgreSQL failed to start in $dir" >&2; exit 1; }
  printf 'postgresql:///postgres?host=%s&port=54329&user=postgres\n' "$dir" >"$dir/uri"
  chmod 644 "$dir/uri"
  echo "PostgreSQL running: $(cat "$dir/uri")"
  ;;
stop)
  if [ -d "$dir/data" ]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2; exit 2
  ;;
esac
