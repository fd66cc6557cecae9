#!/usr/bin/env bash
# Builds the web page served by `communique serve` into web/dist: `npm ci` from the committed
# package-lock.json, then the esbuild bundle. Each step runs only when its inputs changed, so a
# repeated call takes well under a second. Needs node and npm (scripts/setup.sh installs them)
# and, for the first `npm ci`, the npm registry.
set -euo pipefail
cd "$(dirname "$0")/../web"

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "build-web: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
fi

# Rebuild when any source is newer than the last build.
stamp=dist/BUILD
if [ ! -f "$stamp" ] || [ -n "$(find src build.mjs package-lock.json -newer "$stamp" -print -quit)" ]; then
  echo "build-web: bundling the page into web/dist"
  node build.mjs
fi
