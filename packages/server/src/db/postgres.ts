import type { Logger as DrizzleLogger } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Logger } from '../log.js';
import { DatabaseUnavailableError } from './faults.js';
import { AvailabilityGate } from './gate.js';
import { createHealthCheck } from './health-check.js';
import type { Database, Db } from './index.js';
import { listenPostgres } from './listener.js';
import { connectionConfig, createPool } from './pool.js';
import * as schema from './schema/index.js';
import { type PostgresSettings, postgresSettings } from './settings.js';

/**
 * Migrates, then opens the pool behind its availability gate. Migrations run on a
 * connection of their own: no statement timeout (a migration may rewrite a big table),
 * and an advisory lock so that of several instances starting at once one migrates while
 * the others wait.
 */
export async function openPostgres(
  url: string,
  migrationsFolder: string,
  log: Logger,
  settings: PostgresSettings = postgresSettings(),
  logger?: DrizzleLogger,
  /** Where LISTEN connects (KIOSK_DB_LISTEN_URL): a session that stays; default `url`. */
  listenUrl: string = url,
): Promise<Omit<Database, 'location'>> {
  await migrateWithLock(url, migrationsFolder, settings);
  const gated = openGatedPool(url, settings, log);
  return {
    db: drizzle({ client: gated.pool, schema, ...(logger ? { logger } : {}) }) as unknown as Db,
    kind: 'postgres',
    checkHealth: () =>
      gated.gate.check().catch((err: unknown) => {
        throw new DatabaseUnavailableError('down', 'The database did not answer a health check.', {
          cause: err,
        });
      }),
    listen: (channel, handlers) =>
      listenPostgres(listenUrl, channel, handlers, log, settings.connectTimeoutMs),
    close: gated.close,
  };
}

/** The pool behind its availability gate, and the gate's health check. */
export function openGatedPool(url: string, settings: PostgresSettings, log: Logger) {
  const health = createHealthCheck(url, settings);
  const gate = new AvailabilityGate({
    probe: () => health.run(),
    queryTimeoutMs: settings.queryTimeoutMs,
    log,
  });
  const pool = createPool(url, settings, gate, log);
  return {
    pool,
    gate,
    async close() {
      gate.stop();
      health.close();
      await pool.end();
    },
  };
}

async function migrateWithLock(url: string, migrationsFolder: string, settings: PostgresSettings) {
  const connect = async (name: string) => {
    const client = new pg.Client({
      ...connectionConfig(url),
      connectionTimeoutMillis: settings.connectTimeoutMs,
      application_name: `kiosk-server ${name}`,
    });
    // A lost connection also fails the statement in progress (or the next one), which fails
    // the start; without a listener it would be an uncaught exception instead.
    client.on('error', () => {});
    await client.connect();
    return client;
  };
  // The lock is a transaction's, held open on a connection of its own while another runs the
  // migrations: behind a transaction-pooling pgbouncer a session lock would stay on whichever
  // server connection took it, after this client is gone, and the next start would wait on it
  // for ever; a transaction keeps its server connection until it ends, which frees the lock.
  const lock = await connect('migrate lock');
  const client = await connect('migrate');
  try {
    await lock.query('begin');
    // The migrations may take longer than a role's idle-in-transaction timeout.
    await lock.query('set local idle_in_transaction_session_timeout = 0');
    await lock.query('select pg_advisory_xact_lock(724311)');
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await lock.query('commit').catch(() => {});
    await Promise.all([lock.end().catch(() => {}), client.end().catch(() => {})]);
  }
}
