#!/usr/bin/env bash
# Sourced by start.sh and test.sh (from the repository root): puts the pnpm this repository
# pins (package.json's packageManager) first on PATH, so every pnpm they run, and each pnpm a
# package script runs, is that version whatever pnpm the machine has (pnpm 11 needs Node 22,
# pnpm 12 reads other settings). The pinned pnpm is installed once into a cache folder beside
# the user's, never over their global one. With --browser (the test script) it also installs
# what the tests use from Debian: Chromium for the element and end-to-end tests, and pgbouncer
# for the server behind a transaction-pooling pooler (packages/server/test/pgbouncer.test.ts).
KIOSK_PNPM=$(node -p "require('./package.json').packageManager.split('@')[1].split('+')[0]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$KIOSK_PNPM" ]; then
  KIOSK_TOOLS="${XDG_CACHE_HOME:-$HOME/.cache}/kiosk/pnpm@$KIOSK_PNPM"
  if [ ! -x "$KIOSK_TOOLS/bin/pnpm" ]; then
    npm install --global --prefix "$KIOSK_TOOLS" --no-audit --no-fund --loglevel=error \
      "pnpm@$KIOSK_PNPM" >/dev/null
  fi
  export PATH="$KIOSK_TOOLS/bin:$PATH"
fi
if [ "${1:-}" = "--browser" ]; then
  KIOSK_MISSING=""
  [ -x /usr/bin/chromium ] || KIOSK_MISSING="$KIOSK_MISSING chromium"
  [ -x /usr/sbin/pgbouncer ] || KIOSK_MISSING="$KIOSK_MISSING pgbouncer"
  if [ -n "$KIOSK_MISSING" ]; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $KIOSK_MISSING >/dev/null
  fi
fi
