#!/usr/bin/env bash
# Dictionary benchmark: load time and RSS of the shipped dictionaries, FindActors throughput and
# spelling-tolerant matches on the dev sentences (../shared/eval when present).
# Usage: scripts/bench-dict.sh [build-dir]   (default: build-bench, a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target dict_bench -j2 >/dev/null
inputs=()
for f in ../shared/eval/*.dev.input.jsonl; do
  [[ -f "$f" ]] && inputs+=("$f")
done
"$build/bench/dict_bench" data "${inputs[@]}"
