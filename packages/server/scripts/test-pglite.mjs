// Runs the server's suite on an in-memory PGlite. test/global-setup.ts picks PostgreSQL
// whenever KIOSK_TEST_DATABASE_URL is set, so it is removed for this run: otherwise CI (which
// sets it) would run PostgreSQL twice and PGlite never.
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
delete env.KIOSK_TEST_DATABASE_URL;
const { status } = spawnSync('pnpm', ['exec', 'vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(status ?? 1);
