// `pnpm start` / scripts/start.sh with a port another program holds: one line naming the port
// and the option that picks another, exit code 1, no stack trace. The ports held here are the
// end-to-end stack's own, which Playwright's webServer keeps listening for every spec.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { freePort } from '../../../scripts/free-port.mjs';
import { apiPort, demoPort, pushPort } from './env.js';

const start = fileURLToPath(new URL('../scripts/start.mjs', import.meta.url));

/** start.mjs with these options, without the build: its exit code and what it printed. */
async function run(...args: string[]) {
  try {
    await promisify(execFile)(process.execPath, [start, '--no-build', ...args]);
    return { code: 0, stderr: '' };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
}

test('a demo port in use is named in one line, with --port to choose another', async () => {
  const { code, stderr } = await run(
    '--port',
    String(demoPort),
    '--api-port',
    String(await freePort()),
  );
  expect(code).toBe(1);
  expect(stderr).toBe(
    `Port ${demoPort} on 127.0.0.1 (the demo pages) is in use by another program: stop it, or choose another port with --port <port>.\n`,
  );
});

test('an API port in use is named in one line, with --api-port to choose another', async () => {
  const { code, stderr } = await run(
    '--port',
    String(await freePort()),
    '--api-port',
    String(apiPort),
  );
  expect(code).toBe(1);
  expect(stderr).toBe(
    `Port ${apiPort} on 127.0.0.1 (the API) is in use by another program: stop it, or choose another port with --api-port <port>.\n`,
  );
});

test('a push service port in use is named in one line, with --push-port to choose another', async () => {
  const { code, stderr } = await run(
    '--port',
    String(await freePort()),
    '--api-port',
    String(await freePort()),
    '--push-port',
    String(pushPort),
  );
  expect(code).toBe(1);
  expect(stderr).toBe(
    `Port ${pushPort} on 127.0.0.1 (the push service) is in use by another program: stop it, or choose another port with --push-port <port>.\n`,
  );
});
