#!/usr/bin/env bash
# Runs every reader fuzz target (text, jsonl, html, warc) for a bounded time each.
#   scripts/fuzz.sh [seconds per target, default 60] [targets...]
# Builds with clang + libFuzzer + ASan/UBSan in build-fuzz. Corpora grow in build-fuzz/corpus/<reader>
# (seeded from tests/fixtures/ingest/corpus and regressions); crashing inputs land in
# build-fuzz/crashes/<reader>/ (emptied at the start of each run). Copy each one to
# tests/fixtures/ingest/regressions/<reader>/ and fix it: tests/ingest/regression_test.cc reads
# every file there.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(text jsonl html warc)
build=build-fuzz
mkdir -p "$build"
{ cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DCOMMUNIQUE_FUZZ=ON &&
  cmake --build "$build" --target "${targets[@]/#/fuzz_}" -j2; } >"$build/build.log" 2>&1 ||
  { tail -40 "$build/build.log"; echo "fuzz build failed (full log: $build/build.log)"; exit 1; }
status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  crashes="$build/crashes/$t"
  rm -rf "$crashes"
  mkdir -p "$corpus" "$crashes"
  cp -n tests/fixtures/ingest/corpus/"$t"/* "$corpus"/ 2>/dev/null
  cp -n tests/fixtures/ingest/regressions/"$t"/* "$corpus"/ 2>/dev/null
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  log="$build/fuzz-$t.log"
  "$build/fuzz/fuzz_$t" "$corpus" "${dict[@]}" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  found=$(find "$crashes" -type f | wc -l)
  echo "fuzz_$t: ${execs:-?} executions in ${seconds}s, exit $rc, crash/timeout/oom inputs in $crashes: $found"
  [ "$rc" -ne 0 ] || [ "$found" -ne 0 ] && status=1
done
exit $status
