#!/usr/bin/env bash
# Sets up, builds, and runs the main job on the bundled sample: the five CSTO articles in
# examples/csto are coded into events, stored in an SQLite file, and the CSTO's timeline is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
db=${DB:-csto.db}
./build/communique code examples/csto -o csto-events.jsonl
echo "events written to csto-events.jsonl"
if ./build/communique --help | grep -q ' ingest'; then
  ./build/communique ingest examples/csto --db "$db"
  ./build/communique timeline IGOEURCSTO --db "$db"
fi
