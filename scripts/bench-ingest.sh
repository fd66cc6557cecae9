#!/usr/bin/env bash
# Ingest throughput: builds the benchmark (Release), generates a corpus of at least 200 MB of
# plain text and a 200 MB (inflated) WARC.gz in a temporary directory, and prints MB/s per core.
#   scripts/bench-ingest.sh [MB]      (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-200}"
build=build-bench
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target ingest_bench -j2 >/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$build/bench/ingest_bench" generate "$tmp" tests/fixtures/seeds "$mb"
"$build/bench/ingest_bench" run "$tmp"
