import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { type Database, openDatabase } from './db/index.js';
import { jobs } from './jobs/index.js';
import { startJobs } from './jobs/scheduler.js';
import { createLogger, type Logger, type LogLevel } from './log.js';
import { seedDemo } from './seed/demo.js';
import { allowOriginsEverywhere } from './services/stores.js';

export interface ServerOptions {
  /** PostgreSQL URL, PGlite data folder, or 'memory://'. */
  db: string;
  port?: number;
  host?: string;
  /** Seed the demo stores (only into an empty database). */
  seed?: 'demo';
  /** Origins added to every store's allow-list. */
  allowOrigins?: string[];
  publicUrl?: string;
  logLevel?: LogLevel;
  log?: Logger;
}

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/** Opens (and migrates) the database, seeds it if asked, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? createLogger(options.logLevel ?? 'info');
  const database = await openDatabase(options.db, { log });
  if (options.seed === 'demo') {
    const seeded = await seedDemo(database.db);
    if (seeded) log.info('seeded demo stores', { stores: ['aurora', 'borealis'] });
  }
  if (options.allowOrigins?.length) await allowOriginsEverywhere(database.db, options.allowOrigins);

  const host = options.host ?? '127.0.0.1';
  const deps = {
    db: database.db,
    log,
    now: () => new Date(),
    checkDatabase: () => database.checkHealth(),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  };
  const app = createApp(deps);
  const stopJobs = startJobs(jobs, deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info('listening', { url, database: database.kind, location: database.location });

  return {
    url,
    database,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopJobs();
      await database.close();
    },
  };
}
