#!/usr/bin/env bash
# Installs everything and starts the API with the demo on the embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
pnpm install --frozen-lockfile
pnpm start
