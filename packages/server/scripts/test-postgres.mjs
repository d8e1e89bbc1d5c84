// Runs the server's suite against PostgreSQL when KIOSK_TEST_DATABASE_URL points at a
// server. CI sets it and checks the server is reachable first, so this never skips there.
import { spawnSync } from 'node:child_process';

if (!process.env.KIOSK_TEST_DATABASE_URL) {
  console.log(
    'KIOSK_TEST_DATABASE_URL is not set: PostgreSQL run not requested (PGlite run done).',
  );
  process.exit(0);
}
const { status } = spawnSync('pnpm', ['exec', 'vitest', 'run'], { stdio: 'inherit' });
process.exit(status ?? 1);
