#!/usr/bin/env bash
# Installs what the build, the server and the tests need on Debian 12, only when missing:
# Debian packages with apt-get, front-end assets and browser-test tools with `npm ci`.
# Safe to run again; it does nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  g++ cmake ninja-build pkg-config make clang-format
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libkainjow-mustache-dev libsqlite3-dev libpq-dev libstemmer-dev libsodium-dev
  libpango1.0-dev libcairo2-dev libjpeg-dev fonts-dejavu-core libxlsxwriter-dev libzip-dev libexpat1-dev
  libgtest-dev libgmock-dev liblemon-dev
  postgresql
  nodejs npm chromium
  poppler-utils time python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# nodejs may come from another Debian-compatible source that already provides npm.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Front-end assets (DKFDS) and browser-test tools, exactly as locked.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
