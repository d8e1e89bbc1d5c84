import pg from 'pg';
import { DatabaseUnavailableError } from './faults.js';
import { connectionConfig } from './pool.js';
import type { PostgresSettings } from './settings.js';

export interface HealthCheck {
  /** `select 1` within the health timeout; rejects with why not. One at a time. */
  run(): Promise<void>;
  close(): void;
}

/**
 * The gate's check: `select 1` on a connection of its own, outside the pool (so a busy pool
 * does not look like an outage). The connection is kept between checks, so a check is one
 * round trip: a process slowed by load then cannot pass for an unreachable database as
 * easily as with the several round trips of a new connection. A lost connection is
 * replaced by the next check, within the same timeout.
 */
export function createHealthCheck(url: string, settings: PostgresSettings): HealthCheck {
  let open: pg.Client | null = null;
  const forget = (client: pg.Client) => {
    if (open === client) open = null;
  };

  function connection(): pg.Client {
    const client = new pg.Client({
      ...connectionConfig(url),
      application_name: 'kiosk-server health',
    });
    // Failures also reach the check's connect() or query(); afterwards a new one is opened.
    client.on('error', () => forget(client));
    client.once('end', () => forget(client));
    return client;
  }

  return {
    async run() {
      const client = open ?? connection();
      let answered = false;
      // setImmediate: when the event loop was blocked past the deadline, an answer already
      // waiting in the socket is read first (timers run before I/O), so a busy process is
      // not taken for a dead database.
      const deadline = setTimeout(
        () =>
          setImmediate(() => {
            if (answered) return;
            client.connection.stream.destroy(
              new DatabaseUnavailableError(
                'query_timeout',
                `The database did not answer a health check within ${settings.healthTimeoutMs} ms.`,
              ),
            );
          }),
        settings.healthTimeoutMs,
      );
      try {
        if (client !== open) {
          await client.connect();
          open = client;
        }
        await client.query('select 1');
        answered = true;
      } catch (err) {
        forget(client);
        client.connection.stream.destroy();
        throw err;
      } finally {
        clearTimeout(deadline);
      }
    },
    close() {
      const client = open;
      open = null;
      if (!client) return;
      // A clean goodbye, or a cut if the server does not take it.
      const force = setTimeout(() => client.connection.stream.destroy(), settings.healthTimeoutMs);
      force.unref();
      void client
        .end()
        .catch(() => {})
        .then(() => clearTimeout(force));
    },
  };
}
