#!/bin/sh
# Accuracy of the event coder on the development gold sets (../shared/eval), scored by the
# project's scorer. Uses `communique code` when it reads JSON Lines input, else the bench/code_eval
# driver (same coder, one sentence per input line). Usage: scripts/accuracy.sh [BUILD_DIR]
set -e
cd "$(dirname "$0")/.."
BUILD=${1:-build}
EVAL=../shared/eval
if [ ! -d "$EVAL" ]; then
  echo "accuracy.sh: $EVAL not found (the evaluation data lives next to the repository)" >&2
  exit 2
fi
OUT=${TMPDIR:-/tmp}/communique-accuracy
mkdir -p "$OUT"
for set in plover-gsr conflibert; do
  if [ -x "$BUILD/communique" ] && "$BUILD/communique" code "$EVAL/$set.dev.input.jsonl" -o "$OUT/$set.jsonl" 2>"$OUT/$set.log"; then
    :
  else
    "$BUILD/bench/code_eval" "$EVAL/$set.dev.input.jsonl" -o "$OUT/$set.jsonl" 2>"$OUT/$set.log"
  fi
  echo "== $set"
  python3 "$EVAL/score.py" "$EVAL/$set.dev.jsonl" "$OUT/$set.jsonl" | sed -n '3,4p'
done
