#!/usr/bin/env bash
# Text-stage throughput (Clean, Segment, FindDates, Tokenize): builds the benchmark (Release),
# generates a corpus from the seed articles in memory and prints MB/s per core.
#   scripts/bench-text.sh [MB]      (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-200}"
build=build-bench
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target text_bench -j2 >/dev/null
"$build/bench/text_bench" tests/fixtures/seeds "$mb"
