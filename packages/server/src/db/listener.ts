import pg from 'pg';
import type { Logger } from '../log.js';
import { describeError } from './faults.js';
import { connectionConfig } from './pool.js';

/** How long to wait before listening again after the connection was lost. */
const RETRY_MS = 1000;

/**
 * LISTEN on a connection of its own, outside the pool: a notice arrives on the session that
 * listens, so it must be a session that stays (not a pooled connection, nor one behind a
 * transaction-pooling pgbouncer: KIOSK_DB_LISTEN_URL names a direct one). When that
 * connection is lost, notices sent meanwhile are lost with it: `onGap` says so (when lost,
 * and again once listening anew), and it reconnects every second until stopped.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  handlers: { onMessage: (payload: string) => void; onGap: () => void },
  log: Logger,
  connectTimeoutMs: number,
): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    const client = new pg.Client({
      ...connectionConfig(url),
      connectionTimeoutMillis: connectTimeoutMs,
      application_name: 'kiosk-server listen',
    });
    client.on('notification', (n) => {
      if (n.channel === channel) handlers.onMessage(n.payload ?? '');
    });
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      client.end().catch(() => {});
      throw err;
    }
    if (stopped) await client.end().catch(() => {});
    else current = client;
  };
  const lost = (client: pg.Client) => {
    if (stopped || client !== current) return;
    current = undefined;
    client.end().catch(() => {});
    log.warn('database notices lost; listening again', { channel });
    handlers.onGap();
    retry();
  };
  const retry = () => {
    timer = setTimeout(() => {
      connect().then(
        () => handlers.onGap(),
        (err: unknown) => {
          log.warn('database notices: cannot listen yet', { channel, ...describeError(err) });
          if (!stopped) retry();
        },
      );
    }, RETRY_MS);
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current?.end().catch(() => {});
    current = undefined;
  };
}
