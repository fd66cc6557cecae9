#!/usr/bin/env bash
# Event store benchmark: ingest documents/s into SQLite and PostgreSQL (COPY bulk path), store size
# per million events, and aggregate query latency at 1,000,000 events.
#   scripts/bench-store.sh [EVENTS] [PG_EVENTS] [BUILD_DIR]
# Defaults: 1000000 events into SQLite, 200000 into PostgreSQL (a throw-away server started with
# tests/store/pg_server.sh; set PG_URI=postgresql://... to use another server instead).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
pg_events=${2:-200000}
build=${3:-build-store-bench}
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" --target store_bench -j2 >/dev/null
work=$(mktemp -d /tmp/communique-store-bench-XXXXXX)
pgdir=""
cleanup() {
  if [[ -n "$pgdir" ]]; then tests/store/pg_server.sh stop "$pgdir" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
args=(--events "$events" --sqlite "$work/bench.sqlite")
if [[ "$pg_events" != 0 ]]; then
  uri=${PG_URI:-}
  if [[ -z "$uri" ]]; then
    pgdir="/tmp/communique-pg-bench-$$"
    tests/store/pg_server.sh start "$pgdir" >/dev/null
    uri=$(cat "$pgdir/uri")
  fi
  args+=(--pg "$uri" --pg-events "$pg_events")
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$build/bench/store_bench" "${args[@]}"
