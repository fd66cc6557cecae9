#!/usr/bin/env bash
# Installs the Debian packages communique builds, tests and benchmarks with.
# Idempotent: packages already present are left alone; safe to run again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git python3
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  libicu-dev libre2-dev libsqlite3-dev sqlite3 libpq-dev libpqxx-dev postgresql
  libcpp-httplib-dev nlohmann-json3-dev zlib1g-dev libzstd-dev libarchive-dev
  libgumbo-dev libcld2-dev libcli11-dev libfmt-dev libtbb-dev libdeflate-dev
  liblingua-en-tagger-perl wordnet-base
  clang libclang-rt-14-dev
  libxml2-dev
  chromium wrk
)

# Node.js and npm build the web page; a machine may already have them from another archive.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
