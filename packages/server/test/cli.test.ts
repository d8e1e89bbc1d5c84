import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../src/app.js';
import { isPostgresUrl, openDatabase } from '../src/db/index.js';
import { createLogger } from '../src/log.js';

const run = promisify(execFile);
const cwd = new URL('..', import.meta.url).pathname;

function cli(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd,
    timeout: 50_000,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
}

describe('kiosk-server store create', () => {
  it('prints keys that then work', { timeout: 60_000 }, async () => {
    // PGlite: a fresh data folder, as a merchant would use. The PostgreSQL run uses its own
    // database (opening a folder-backed PGlite twice is the slow part of this test).
    const url = inject('databaseUrl');
    const dir = isPostgresUrl(url) ? null : mkdtempSync(join(tmpdir(), 'kiosk-cli-'));
    const target = dir ?? url;
    const handle = `cli-shop-${Date.now().toString(36)}`;
    try {
      const { stdout } = await cli([
        'store',
        'create',
        '--handle',
        handle,
        '--name',
        'CLI Shop',
        '--mode',
        'live',
        '--currency',
        'EUR',
        '--currency',
        'USD',
        '--allow-origin',
        'https://cli.example',
        '--db',
        target,
      ]);
      const printed = JSON.parse(stdout);
      expect(printed.handle).toBe(handle);
      expect(printed.mode).toBe('live');
      expect(printed.publishableKey).toMatch(/^pk_live_[\w-]+$/);
      expect(printed.secretKey).toMatch(/^sk_live_[\w-]+$/);

      const database = await openDatabase(target);
      try {
        const app = createApp({
          db: database.db,
          log: createLogger('silent'),
          now: () => new Date(),
        });
        const store = await app.request('/v1/store', {
          headers: { 'x-kiosk-key': printed.publishableKey },
        });
        expect(store.status).toBe(200);
        expect(await store.json()).toMatchObject({
          name: 'CLI Shop',
          currencies: ['EUR', 'USD'],
          mode: 'live',
        });
        const admin = await app.request('/admin/v1/store', {
          headers: { authorization: `Bearer ${printed.secretKey}` },
        });
        expect(admin.status).toBe(200);
        expect(((await admin.json()) as any).allowedOrigins).toEqual(['https://cli.example']);
      } finally {
        await database.close();
      }
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to run without --handle and --name', { timeout: 30_000 }, async () => {
    const failed = await cli(['store', 'create', '--handle', 'x']).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('--handle and --name');
    const badMode = await cli([
      'store',
      'create',
      '--handle',
      'x',
      '--name',
      'X',
      '--mode',
      'prod',
    ]).catch((e) => e);
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toContain('--mode takes "test" or "live"');
  });
});
