import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { endpoint } from './helpers.js';

const run = promisify(execFile);
const bin = (name: string) =>
  fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const script = fileURLToPath(new URL('./runtime-smoke.mjs', import.meta.url));

// The same built SDK, unchanged, in the other runtimes the contract names.
describe.each([
  ['Bun', 'bun', ['run', script]],
  ['Deno', 'deno', ['run', '--allow-net', '--allow-env', '--allow-read', script]],
])('in %s', (_name, runtime, args) => {
  it('loads a product, reports a missing one as KioskError, and writes to a cart', async () => {
    const { stdout } = await run(bin(runtime), args as string[], {
      env: { ...process.env, KIOSK_ENDPOINT: endpoint(), NO_COLOR: '1' },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      title: 'Classic Tee',
      missing: 'product_not_found',
      itemCount: 2,
    });
  });
});
