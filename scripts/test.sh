#!/usr/bin/env bash
# Installs what the tests need and runs every test: lint, types, build, server (PGlite,
# and PostgreSQL when KIOSK_TEST_DATABASE_URL is set; Redis rate limits when
# KIOSK_TEST_REDIS_URL is set), SDK, elements, end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh --browser
pnpm install --frozen-lockfile
if [ -n "${KIOSK_TEST_DATABASE_URL:-}" ]; then
  node packages/server/scripts/check-postgres.mjs
fi
if [ -n "${KIOSK_TEST_REDIS_URL:-}" ]; then
  node packages/server/scripts/check-redis.mjs
fi
pnpm build
pnpm test
