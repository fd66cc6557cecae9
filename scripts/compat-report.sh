#!/usr/bin/env bash
# Prints the TABARI and PETRARCH2 compatibility report: every validation record with its expected
# and coded events, then per-category pass rates. Arguments go to compat_report:
#   scripts/compat-report.sh                 # both suites, every record
#   scripts/compat-report.sh tabari --failures
#   scripts/compat-report.sh petrarch --explain SYNSET-13   # also the coder's analysis of a record
# BUILD_DIR picks the build directory (default: build).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -G Ninja >/dev/null
cmake --build "$build" --target compat_report -j2 >/dev/null
exec "$build/tests/compat/compat_report" "$@"
