#!/bin/sh
# Event-coding speed: sentences per second on 1 and 2 threads, text to JSONL events, with the full
# Phoenix dictionaries, on >= 100,000 sentences (the evaluation inputs, cycled), and peak RSS.
# Usage: scripts/bench-code.sh [BUILD_DIR] [SENTENCES]
set -e
cd "$(dirname "$0")/.."
BUILD=${1:-build}
N=${2:-100000}
EVAL=../shared/eval
cmake --build "$BUILD" --target code_bench >/dev/null
if [ -d "$EVAL" ]; then
  INPUTS="$EVAL/plover-gsr.dev.input.jsonl $EVAL/conflibert.dev.input.jsonl"
else
  echo "bench-code.sh: $EVAL not found; nothing to measure" >&2
  exit 2
fi
"$BUILD/bench/code_bench" --sentences "$N" --threads 2 --data-dir data $INPUTS
