#!/usr/bin/env bash
# Query latency of the SQLite event store at one million events, without the hours an ingest of
# that size takes: the schema comes from `communique ingest` on the bundled sample, then
# 1,000,000 synthetic aggregated events (about 140,000 dyads over ten years) are inserted in SQL.
# Prints the wall time of each aggregate as a user runs it (process start included).
#   scripts/bench-query.sh [EVENTS] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
build=${2:-build}
bin="$build/communique"
db=${DB:-$build/bench-query-$n.db}
if [ ! -f "$db" ]; then
  "$bin" ingest examples/csto --db "$db" -q 2>/dev/null
  sqlite3 "$db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $n)
INSERT OR IGNORE INTO events(day, week, month, year, source, source_country, target, target_country,
                             cameo, cameo_root, plover, quad_class, goldstein, location, location_country,
                             num_mentions, num_sources, num_documents)
SELECT d, d - (((d + 3) % 7) + 7) % 7,
       CAST(strftime('%Y', d * 86400, 'unixepoch') AS INTEGER) * 100 + CAST(strftime('%m', d * 86400, 'unixepoch') AS INTEGER),
       CAST(strftime('%Y', d * 86400, 'unixepoch') AS INTEGER),
       s || 'GOV', s, t, t, c, substr(c, 1, 2), 'CONSULT', 1, 1.0, 'loc' || (i % 97), s, 1, 1, 1
FROM (SELECT i, 16000 + (i * 7919) % 3650 AS d,
             char(65 + (abs(random()) % 3) * (abs(random()) % 9) % 26, 65 + abs(random()) % 6, 65 + abs(random()) % 5) AS s,
             char(65 + (abs(random()) % 4) * (abs(random()) % 7) % 26, 66 + abs(random()) % 6, 65 + abs(random()) % 5) AS t,
             printf('%03d', 10 + abs(random()) % 190) AS c
      FROM n);
COMMIT;
ANALYZE;
SQL
fi
echo "store: $db, $(sqlite3 "$db" 'SELECT count(*) FROM events') events, $(sqlite3 "$db" "SELECT count(DISTINCT source || '/' || target) FROM events") dyads"
run() {
  local label=$1; shift
  local TIMEFORMAT="%R"
  local seconds
  seconds=$( { time "$bin" query --db "$db" "$@" > /dev/null; } 2>&1 )
  printf '%-44s %6s s\n' "$label" "$seconds"
}
run "top 20 dyad x month" --aggregate dyad --period month --top 20
run "one actor's dyad x month" --actor ABAGOV --aggregate dyad --period month --format csv
run "QuadClass x month" --aggregate quad --period month --format csv
run "top 20 actors" --aggregate actor --top 20
run "events page (50 rows, one actor)" --actor ABAGOV --limit 50 --format csv
run "full dyad x month listing (CSV)" --aggregate dyad --period month --format csv
