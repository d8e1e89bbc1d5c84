// Lints the OpenAPI document with `redocly lint` (recommended rules, redocly.yaml beside
// this package) and fails on any error. Offline: telemetry and update checks are off.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi.mjs';

const config = fileURLToPath(new URL('../redocly.yaml', import.meta.url));
const manifest = createRequire(import.meta.url).resolve('@redocly/cli/package.json');
const cli = join(dirname(manifest), 'bin/cli.js');

const dir = mkdtempSync(join(tmpdir(), 'kiosk-openapi-'));
try {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(await openApiDocument(), null, 2));
  const { status } = spawnSync(process.execPath, [cli, 'lint', file, '--config', config], {
    stdio: 'inherit',
    env: {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    },
  });
  process.exitCode = status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
