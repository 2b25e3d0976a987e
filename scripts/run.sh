#!/usr/bin/env bash
# Builds in release mode and starts the server with the embedded SQLite database under ./data,
# applying migrations and loading the demo data the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" --target brobygger -j "$(nproc)"
mkdir -p data
exec "$BUILD_DIR/src/app/brobygger" serve --db data/brobygger.db --data-dir data --listen "${LISTEN:-127.0.0.1:8080}" --demo
