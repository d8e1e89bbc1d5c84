#!/usr/bin/env bash
# Installs everything and starts the API with the demo on the embedded database, with the
# pinned pnpm. Options go to the demo's start script: bash scripts/start.sh --port 5000.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh
pnpm install --frozen-lockfile
pnpm start "$@"
