import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Logger as DrizzleLogger, ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { createLogger, type Logger } from '../log.js';
import { openPostgres } from './postgres.js';
import * as schema from './schema/index.js';
import { statementCounter } from './statement-count.js';

export { schema };
export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath (PGlite or node-postgres). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where it lives: a data folder, 'memory://', or the URL without its password. */
  location: string;
  /**
   * Resolves when the database answers `select 1` (PostgreSQL: outside the pool, within the
   * health timeout); else rejects with a DatabaseUnavailableError.
   */
  checkHealth(): Promise<void>;
  /**
   * Calls `onMessage` with each notice any session sends on `channel` (`pg_notify`), and
   * `onGap` when notices may have been missed (the listening connection was lost). Resolves
   * once listening, with the function that stops.
   */
  listen(
    channel: string,
    handlers: { onMessage: (payload: string) => void; onGap: () => void },
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

/**
 * Opens the database and applies pending migrations. `target` is a PostgreSQL URL, a
 * PGlite data folder, or 'memory://' for a throwaway in-memory PGlite. `log` receives the
 * database's own events (connections lost, outages and recoveries).
 */
export async function openDatabase(
  target: string,
  options: { log?: Logger; countStatements?: boolean; listenUrl?: string } = {},
): Promise<Database> {
  // Counting costs a call per statement: only where asked (statement-count.ts).
  const logger = options.countStatements ? statementCounter : undefined;
  if (isPostgresUrl(target)) {
    const log = options.log ?? createLogger('silent');
    return {
      ...(await openPostgres(target, migrationsFolder, log, undefined, logger, options.listenUrl)),
      location: redactUrl(target),
    };
  }
  return openPglite(target, logger);
}

async function openPglite(dataDir: string, logger?: DrizzleLogger): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // pg_trgm backs the storefront search's index (migration 0008_product_search).
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema, ...(logger ? { logger } : {}) }) as unknown as Db;
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    // In the process: nothing between the server and its data can break.
    checkHealth: async () => {
      await client.query('select 1');
    },
    // One process, one database: its notices cannot be missed.
    listen: async (channel, { onMessage }) => client.listen(channel, onMessage),
    close: () => client.close(),
  };
}

export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
