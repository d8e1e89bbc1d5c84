import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  DatabaseUnavailableError,
  isConnectionFault,
  isDatabaseUnavailable,
} from '../src/db/faults.js';
import { isPostgresUrl } from '../src/db/index.js';
import { openGatedPool } from '../src/db/postgres.js';
import { type PostgresSettings, postgresSettings } from '../src/db/settings.js';
import { createLogger } from '../src/log.js';
import { type Relay, startRelay } from './relay.js';

const databaseUrl = inject('databaseUrl');

// The pool and its gate exist only for PostgreSQL (PGlite has no connections to wait for
// or lose): this block runs in the PostgreSQL run only.
describe.skipIf(!isPostgresUrl(databaseUrl))('the pool behind its availability gate', () => {
  const opened: ReturnType<typeof openGatedPool>[] = [];
  const logs: string[] = [];

  function open(url: string, overrides: Partial<PostgresSettings>) {
    const settings = { ...postgresSettings({}), poolSize: 1, ...overrides };
    const gated = openGatedPool(
      url,
      settings,
      createLogger('info', (l) => logs.push(l)),
    );
    opened.push(gated);
    return gated;
  }

  let relay: Relay | undefined;
  afterEach(async () => {
    for (const gated of opened.splice(0)) await gated.close();
    await relay?.close();
    relay = undefined;
  });

  it('waiting too long for a connection is a 503, not an outage; the late connection goes back', async () => {
    const { pool, gate } = open(databaseUrl, { acquireTimeoutMs: 300 });
    const held = await pool.connect();
    const err = await pool.query('select 1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as DatabaseUnavailableError).reason).toBe('acquire_timeout');
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(isConnectionFault(err)).toBe(false);
    expect(gate.unavailable()).toBeNull();

    held.release();
    // The abandoned wait received the client and returned it: the pool still serves.
    expect((await pool.query('select 2 as n')).rows).toEqual([{ n: 2 }]);
    expect(pool.totalCount).toBe(1);
  });

  it('a lost connection that was checked out between statements: no crash; waiters fail at once when the server is gone', async () => {
    const target = new URL(databaseUrl);
    relay = await startRelay({ host: target.hostname, port: Number(target.port || 5432) });
    const viaRelay = new URL(databaseUrl);
    viaRelay.host = `127.0.0.1:${relay.port}`;
    // A long acquire timeout: only the gate can end the wait within the test.
    const { pool, gate } = open(viaRelay.toString(), { acquireTimeoutMs: 60_000 });
    const held = await pool.connect();
    await held.query('begin');
    const waiting = pool.query('select 1').then(
      () => null,
      (e: unknown) => e,
    );

    const cutAt = performance.now();
    relay.cut();
    const err = await waiting;
    expect(performance.now() - cutAt).toBeLessThan(2000);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as DatabaseUnavailableError).reason).toBe('down');
    expect(gate.unavailable()).not.toBeNull();
    // The checked-out client's loss was an 'error' event with a listener (no uncaught
    // exception); its next statement fails, and released, it leaves the pool.
    await expect(held.query('select 1')).rejects.toSatisfy(isDatabaseUnavailable);
    held.release();

    relay.restore();
    for (let i = 0; i < 40 && gate.unavailable(); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(gate.unavailable()).toBeNull();
    expect((await pool.query('select 3 as n')).rows).toEqual([{ n: 3 }]);
    expect(logs.some((l) => l.includes('database reachable again'))).toBe(true);
  });
});
