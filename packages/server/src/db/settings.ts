/**
 * Pool size and timeouts of the PostgreSQL connection, from the environment. The defaults
 * keep the promise that, while the database is unreachable or stalled, every request answers
 * 503 within 2 s (docs/server/running.md, "Database faults"), and that a queue for pooled
 * connections under load is not mistaken for an outage.
 */
export interface PostgresSettings {
  /** Connections per instance (`DB_POOL_SIZE`, default 10). */
  poolSize: number;
  /**
   * The gate's health check (`select 1` on its own connection, reconnecting if that was
   * lost) must answer within this, or the database counts as unreachable
   * (`KIOSK_DB_HEALTH_TIMEOUT_MS`, default 1000). With the 300 ms after which a slow connect
   * or statement triggers a check, this bounds how long an outage can hold a request.
   */
  healthTimeoutMs: number;
  /**
   * Opening a pooled connection (`KIOSK_DB_CONNECT_TIMEOUT_MS`, default 5000). A safety net:
   * a connect that hangs past 300 ms triggers a health check, which cuts it much sooner
   * when the server is unreachable; a process slowed by load is given time.
   */
  connectTimeoutMs: number;
  /**
   * How long a request may wait for a pooled connection while the database is up
   * (`KIOSK_DB_ACQUIRE_TIMEOUT_MS`, default 5000). Long on purpose: waiting here means load,
   * not an outage — outages are detected by the gate, which fails waiters at once.
   */
  acquireTimeoutMs: number;
  /** Server-side `statement_timeout` (`KIOSK_DB_STATEMENT_TIMEOUT_MS`, default 5000). */
  statementTimeoutMs: number;
  /**
   * Client-side: a statement the server has not answered in this long — not even by
   * cancelling it at its statement_timeout — means the connection is dead; it is discarded
   * (`KIOSK_DB_QUERY_TIMEOUT_MS`, default statement timeout + 1000; must be larger).
   */
  queryTimeoutMs: number;
  /**
   * Server-side `idle_in_transaction_session_timeout`: a transaction left idle this long is
   * ended by the server so its locks go (`KIOSK_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS`, default
   * 10000).
   */
  idleInTransactionTimeoutMs: number;
  /**
   * Whether statements the server prepares under a name (`db….prepare(name)`: the hot reads)
   * are kept on each connection and reused, skipping PostgreSQL's parse and plan
   * (`KIOSK_DB_PREPARE`, `on` by default). `off` sends them unnamed: needed behind a
   * transaction-pooling pooler such as pgbouncer before 1.21, which hands each transaction a
   * different server connection, where a statement prepared on another one does not exist.
   */
  namedStatements: boolean;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}".`);
  }
  return value;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new Error(`${name} must be "on" or "off", got "${raw}".`);
}

export function postgresSettings(env: NodeJS.ProcessEnv = process.env): PostgresSettings {
  const statementTimeoutMs = positiveInt(env, 'KIOSK_DB_STATEMENT_TIMEOUT_MS', 5000);
  const settings: PostgresSettings = {
    poolSize: positiveInt(env, 'DB_POOL_SIZE', 10),
    healthTimeoutMs: positiveInt(env, 'KIOSK_DB_HEALTH_TIMEOUT_MS', 1000),
    connectTimeoutMs: positiveInt(env, 'KIOSK_DB_CONNECT_TIMEOUT_MS', 5000),
    acquireTimeoutMs: positiveInt(env, 'KIOSK_DB_ACQUIRE_TIMEOUT_MS', 5000),
    statementTimeoutMs,
    queryTimeoutMs: positiveInt(env, 'KIOSK_DB_QUERY_TIMEOUT_MS', statementTimeoutMs + 1000),
    idleInTransactionTimeoutMs: positiveInt(env, 'KIOSK_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10000),
    namedStatements: onOff(env, 'KIOSK_DB_PREPARE', true),
  };
  if (settings.queryTimeoutMs <= settings.statementTimeoutMs) {
    // Otherwise a merely slow statement would be taken for a dead connection.
    throw new Error('KIOSK_DB_QUERY_TIMEOUT_MS must be larger than KIOSK_DB_STATEMENT_TIMEOUT_MS.');
  }
  return settings;
}
