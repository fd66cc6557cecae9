#!/usr/bin/env bash
# Sets up (Debian packages, web page assets), builds, and runs every test with ctest; then runs the
# core stages' tests (reading, text, dictionaries, coder) again under AddressSanitizer and
# UndefinedBehaviorSanitizer, where an out-of-bounds read would otherwise corrupt results silently.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"

core_tests=(text/text_tests ingest/ingest_test dict/dict_test code/code_test code/code_data_test
            code/code_clause_test code/code_golden_test code/code_seeds_test)
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOMMUNIQUE_SANITIZE=ON >/dev/null
cmake --build build-sanitize -j"$(nproc)" --target "${core_tests[@]##*/}"
# Leak checking needs ptrace, which some CI containers forbid; memory errors are what is checked.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
for t in "${core_tests[@]}"; do
  echo "== sanitizers: $t"
  "build-sanitize/tests/$t" --gtest_brief=1
done
