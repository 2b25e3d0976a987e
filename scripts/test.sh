#!/usr/bin/env bash
# Checks the formatting (clang-format), then runs every suite: unit, storage on SQLite and
# PostgreSQL (a throwaway cluster on a loopback port, removed afterwards), HTTP, raw-socket and
# browser tests. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
JOBS="${JOBS:-$(nproc)}"

echo "==> Formatting (clang-format --dry-run, .clang-format)"
find src tests bench \( -name '*.cpp' -o -name '*.hpp' \) -print0 | xargs -0 clang-format --dry-run --Werror

echo "==> Building (${BUILD_DIR})"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBROBYGGER_TESTS=ON >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"

PG_DIR="$(mktemp -d /tmp/brobygger-pg.XXXXXX)"
PG_PORT="${PG_PORT:-55432}"
cleanup() { scripts/pg-test-cluster.sh stop "$PG_DIR" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "==> Starting a throwaway PostgreSQL cluster on 127.0.0.1:${PG_PORT}"
BROBYGGER_TEST_PG_URL="$(scripts/pg-test-cluster.sh start "$PG_DIR" "$PG_PORT")"
export BROBYGGER_TEST_PG_URL

echo "==> Unit, storage (SQLite + PostgreSQL), HTTP and raw-socket tests"
# Discovered test lists depend on BROBYGGER_TEST_PG_URL: discover them afresh for this run.
find "$BUILD_DIR" -name '*_tests.cmake' -delete
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" --timeout 600

echo "==> Browser tests (Playwright + Chromium, axe-core)"
BROBYGGER_BIN="$PWD/$BUILD_DIR/src/app/brobygger" node --test --test-concurrency=1 tests/e2e/

echo "==> All tests passed"
