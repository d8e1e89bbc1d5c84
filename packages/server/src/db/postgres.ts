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
  const client = new pg.Client({
    ...connectionConfig(url),
    connectionTimeoutMillis: settings.connectTimeoutMs,
    application_name: 'kiosk-server migrate',
  });
  // A lost connection also fails the statement in progress (or the next one), which fails
  // the start; without a listener it would be an uncaught exception instead.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(724311)');
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    // Ending the session releases the advisory lock.
    await client.end().catch(() => {});
  }
}
