import pg from 'pg';
import type { Logger } from '../log.js';
import { DatabaseUnavailableError, describeError } from './faults.js';
import type { AvailabilityGate } from './gate.js';
import type { PostgresSettings } from './settings.js';

type Release = (err?: Error | boolean) => void;
type OnAcquired = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: Release,
) => void;

/** What every connection of this server sends at startup, besides what the URL says. */
export function connectionConfig(url: string): pg.ClientConfig {
  return {
    connectionString: url,
    // Finds a peer that vanished without closing (a failover behind a NAT) on idle sockets.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: 'kiosk-server',
  };
}

/**
 * The server's pool. Every client reports to the gate what it waits on and what breaks (a
 * permanent 'error' listener, so a connection lost while checked out and between two
 * statements can never be an unhandled 'error' event). Getting a client fails at once
 * while the gate is closed, fails when the gate closes while waiting, and otherwise waits
 * up to the acquire timeout.
 */
export function createPool(
  url: string,
  settings: PostgresSettings,
  gate: AvailabilityGate,
  log: Logger,
): pg.Pool {
  class GatedClient extends pg.Client {
    constructor(config: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: settings.connectTimeoutMs });
      gate.register(this);
      this.on('error', (err) => gate.fault(err));
    }

    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error) => void): void;
    override connect(callback?: (err: Error) => void): Promise<pg.Client> | undefined {
      const done = gate.begin(this, 'connect');
      const report = (err: unknown) => {
        done();
        if (err) gate.fault(err);
      };
      if (callback) {
        super.connect((err: Error) => {
          report(err);
          callback(err);
        });
        return undefined;
      }
      const connected = super.connect();
      connected.then(() => report(undefined), report);
      return connected;
    }

    // One body for every overload of pg's query(); the arguments go to pg untouched, but for
    // a statement's name when named statements are off (settings.ts, KIOSK_DB_PREPARE):
    // unnamed, it is parsed and planned each time, on whichever connection a pooler gives.
    // biome-ignore lint/suspicious/noExplicitAny: the overloads' types differ
    override query(...args: any[]): any {
      if (!settings.namedStatements && typeof args[0] === 'object' && args[0]?.name) {
        args[0] = { ...args[0], name: undefined };
      }
      const done = gate.begin(this, 'query');
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (...results: unknown[]) => {
          done();
          callback(...results);
        };
      }
      let result: unknown;
      try {
        result = (super.query as (...a: unknown[]) => unknown).apply(this, args);
      } catch (err) {
        done();
        throw err;
      }
      if (typeof callback !== 'function') {
        if (result instanceof Promise) result.then(done, done);
        else done();
      }
      return result;
    }
  }

  class GatedPool extends pg.Pool {
    override connect(): Promise<pg.PoolClient>;
    override connect(callback: OnAcquired): void;
    override connect(callback?: OnAcquired): Promise<pg.PoolClient> | undefined {
      const acquired = this.#acquire();
      if (!callback) return acquired;
      acquired.then(
        (client) => callback(undefined, client, client.release),
        (err: Error) => callback(err, undefined, () => {}),
      );
      return undefined;
    }

    #acquire(): Promise<pg.PoolClient> {
      const closed = gate.unavailable();
      if (closed) return Promise.reject(closed);
      return new Promise((resolve, reject) => {
        let settled = false;
        const settle = (err: Error | undefined, client?: pg.PoolClient) => {
          if (settled) {
            // Came free after its request stopped waiting: straight back to the pool.
            client?.release();
            return;
          }
          settled = true;
          clearTimeout(timer);
          stopListening();
          if (client) resolve(client);
          else reject(err);
        };
        const timer = setTimeout(
          () =>
            settle(
              new DatabaseUnavailableError(
                'acquire_timeout',
                `No database connection came free within ${settings.acquireTimeoutMs} ms.`,
              ),
            ),
          settings.acquireTimeoutMs,
        );
        const stopListening = gate.onClose((err) => settle(err));
        super.connect().then(
          (client) => settle(undefined, client),
          (err: Error) => settle(err),
        );
      });
    }
  }

  const pool = new GatedPool({
    ...connectionConfig(url),
    max: settings.poolSize,
    Client: GatedClient as unknown as new () => pg.ClientBase,
    // No pool-level connectionTimeoutMillis: pg-pool would bound connecting AND waiting in
    // its queue with that one number. Connecting is bounded by each GatedClient, waiting by
    // #acquire.
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
  });
  // An idle client whose connection dies is removed by the pool, which then emits 'error':
  // without a listener that is an uncaught exception that ends the process.
  pool.on('error', (err) => {
    if (err instanceof DatabaseUnavailableError) return; // cut by the gate, which logged it
    log.warn('idle database connection lost', describeError(err));
  });
  return pool;
}
