#!/usr/bin/env node
// The `kiosk-server` command. A file of its own, not dist/cli.js itself, so that pnpm can link
// the bin into the workspace before the build writes dist (a fresh install warned otherwise).
import '../dist/cli.js';
