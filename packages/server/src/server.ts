import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { AppDeps } from './context.js';
import { type Database, openDatabase } from './db/index.js';
import { jobs } from './jobs/index.js';
import { startJobs } from './jobs/scheduler.js';
import { createLogger, type Logger, type LogLevel } from './log.js';
import { isLoopback, listenUrls, publicOrigins } from './public-origins.js';
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
  /**
   * The URLs clients reach the server at (behind a proxy, several hostnames); the first is
   * the primary. Without them, the address it listens on. Only these ever appear in answers.
   */
  publicUrls?: string[];
  /** Idempotency-Key claim expiry and retention (defaults: 10 s, 24 h). */
  idempotency?: AppDeps['idempotency'];
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
  const configured = options.publicUrls?.length ? publicOrigins(options.publicUrls) : undefined;
  const deps: AppDeps = {
    db: database.db,
    log,
    now: () => new Date(),
    ...(configured ? { publicOrigins: configured } : {}),
    ...(options.idempotency ? { idempotency: options.idempotency } : {}),
    checkDatabase: () => database.checkHealth(),
  };
  const app = createApp(deps);
  const stopJobs = startJobs(jobs, deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, (info) => {
      // The port is known only now (0 picks one); no request is served before this runs.
      deps.publicOrigins ??= publicOrigins(listenUrls(host, info.port));
      resolve(s);
    });
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info('listening', {
    url,
    publicUrl: deps.publicOrigins?.primary,
    database: database.kind,
    location: database.location,
  });
  if (!configured && !isLoopback(host)) {
    log.warn('no public URL configured: answers name this server by its listening address', {
      hint: 'set --public-url / KIOSK_PUBLIC_URL to the URL clients use',
    });
  }

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
