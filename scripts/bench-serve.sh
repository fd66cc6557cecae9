#!/usr/bin/env bash
# Load benchmark of `communique serve`: builds (once) a store of 1,000,000 generated events,
# starts the server on a free loopback port, and runs wrk against the events query and aggregate
# endpoints, each request one of a few hundred realistic queries. Prints requests/s and p50/p99
# latency per endpoint, with the response cache on (the default) and off (every request goes to
# the store). Target: >= 2,000 requests/s at p99 < 50 ms.
#
# Environment: BUILD_DIR (default build), EVENTS (1000000), DURATION seconds per run (15),
# CONNECTIONS (16), THREADS for wrk (2), DB (default $BUILD_DIR/bench-serve/events-<EVENTS>.db).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
EVENTS=${EVENTS:-1000000}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
DB=${DB:-$BUILD_DIR/bench-serve/events-$EVENTS.db}
command -v wrk >/dev/null || { echo "bench-serve: wrk is missing (sudo bash scripts/setup.sh)" >&2; exit 1; }

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" --target communique serve_store_gen -j"$(nproc)" >/dev/null

mkdir -p "$(dirname "$DB")"
if [ ! -f "$DB" ]; then
  echo "bench-serve: generating $EVENTS events into $DB (a few minutes, once)"
  "$BUILD_DIR/bench/serve_store_gen" --db "$DB.tmp" --events "$EVENTS"
  for suffix in "" -wal -shm; do [ -f "$DB.tmp$suffix" ] && mv "$DB.tmp$suffix" "$DB$suffix"; done
fi

server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT

log=$(mktemp)
start_server() {  # extra serve options...
  "$BUILD_DIR/communique" serve --db "$DB" --port 0 --no-web "$@" >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  echo "bench-serve: the server did not start:" >&2
  cat "$log" >&2
  exit 1
}

# Every distinct query once, two at a time: with the cache on, the measured run then sees the
# steady state of a server whose popular queries have been asked before; with it off, this only
# brings the database's pages into memory.
prime() {  # endpoint
  local endpoint=$1 t0=$SECONDS
  SERVE_BENCH_LIST=1 SERVE_BENCH_ENDPOINT=$endpoint wrk -t1 -c1 -d1s -s bench/serve_wrk.lua \
    "http://127.0.0.1:$port" | sed -n 's/^PATH //p' |
    xargs -P 2 -I{} curl -s -o /dev/null -m 120 "http://127.0.0.1:$port{}"
  echo "  primed $endpoint in $((SECONDS - t0)) s"
}

results=()
run() {  # label endpoint
  local label=$1 endpoint=$2 out
  prime "$endpoint"
  out=$(SERVE_BENCH_ENDPOINT=$endpoint wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    --timeout 30s -s bench/serve_wrk.lua "http://127.0.0.1:$port")
  echo "$out" | sed 's/^/    /'
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | sed -n 's/.*non-2xx answers: \([0-9]*\).*/\1/p')
  results+=("$(printf '%-10s %-22s %10s %10s %10s %8s' "$endpoint" "$label" "$rps" "$p50" "$p99" "$errors")")
}

echo "bench-serve: store $DB ($EVENTS events), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback"
start_server
echo "  cache on: $(head -1 "$log")"
run "cache on" events
run "cache on" aggregates
stop_server
start_server --cache-mb 0
echo "  cache off: $(head -1 "$log")"
run "cache off" events
run "cache off" aggregates
stop_server

echo
printf '%-10s %-22s %10s %10s %10s %8s\n' endpoint mode "req/s" p50 p99 non-2xx
printf '%s\n' "${results[@]}"
echo "target: >= 2000 req/s at p99 < 50ms"
