/**
 * What a database error means, in one place: whether the database cannot serve right now
 * (the request answers 503 with Retry-After and the client retries), whether the connection
 * itself is gone (the availability gate then checks the server), and which parts of an
 * error may reach the logs.
 */

/** Seconds a client should wait before retrying a 503: about one gate re-check. */
export const RETRY_AFTER_SECONDS = 1;

export type UnavailableReason =
  /** The availability gate is closed: its health check could not reach the server. */
  | 'down'
  /** No pooled connection came free in time while the database was reachable (overload). */
  | 'acquire_timeout'
  /** The server did not answer a statement, not even with its own statement timeout. */
  | 'query_timeout';

/** Our own "the database cannot serve this now" errors. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Socket errors that mean the server is unreachable or the connection broke. */
const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * node-postgres' own messages for a connection that broke or never came up ("Connection
 * terminated unexpectedly", "… due to connection timeout", the client connect timeout's
 * "timeout expired", "Client has encountered a connection error and is not queryable").
 */
const brokenConnectionMessage =
  /^(Connection terminated|timeout expired$|Client has encountered a connection error|Client was closed and is not queryable|Query read timeout)/;

/** pg-pool's message when no client came free within its connectionTimeoutMillis. */
const poolAcquireTimeoutMessage = 'timeout exceeded when trying to connect';

/**
 * SQLSTATEs that mean this connection is gone: class 08 (connection exception), and the
 * server shutting down, crashing or starting up (57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now).
 */
function isConnectionLostState(state: string): boolean {
  return state.startsWith('08') || state === '57P01' || state === '57P02' || state === '57P03';
}

/**
 * SQLSTATEs where the server is alive but cannot serve this request now: 53300
 * too_many_connections, 57014 query_canceled (our statement_timeout).
 */
const busyStates = new Set(['53300', '57014']);

/** An error the PostgreSQL server sent (node-postgres and PGlite both give these fields). */
interface ServerError extends Error {
  severity: string;
  code: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  routine?: string;
}

function isServerError(e: unknown): e is ServerError {
  return (
    e instanceof Error &&
    typeof (e as Partial<ServerError>).severity === 'string' &&
    typeof (e as Partial<ServerError>).code === 'string'
  );
}

/** drizzle's wrapper: its message is "Failed query: <sql>\nparams: <values>". */
interface QueryError extends Error {
  query: string;
  params: unknown;
}

function isQueryError(e: unknown): e is QueryError {
  return (
    e instanceof Error && typeof (e as Partial<QueryError>).query === 'string' && 'params' in e
  );
}

/** The error and its causes, outermost first (bounded: a cause cycle cannot loop). */
function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e !== undefined && e !== null && chain.length < 8; ) {
    if (chain.includes(e)) break;
    chain.push(e);
    e = e instanceof Error ? e.cause : undefined;
  }
  return chain;
}

function isConnectionLost(e: unknown): boolean {
  if (e instanceof DatabaseUnavailableError) return e.reason !== 'acquire_timeout';
  if (isServerError(e)) return isConnectionLostState(e.code);
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && networkErrorCodes.has(code)) return true;
  return brokenConnectionMessage.test(e.message);
}

/**
 * The connection broke or the server did not answer: the availability gate should check
 * the server. (A busy server, or a pool with no free client, is not a lost connection.)
 */
export function isConnectionFault(err: unknown): boolean {
  return causes(err).some(isConnectionLost);
}

/**
 * Failed because the availability gate is closed (refused at once, or cut when it closed):
 * the gate logged the outage once, so the request need not log it again.
 */
export function isRefusedByGate(err: unknown): boolean {
  return causes(err).some((e) => e instanceof DatabaseUnavailableError && e.reason === 'down');
}

/** The database cannot serve this request now: answer 503 with Retry-After, not 500. */
export function isDatabaseUnavailable(err: unknown): boolean {
  return causes(err).some(
    (e) =>
      isConnectionLost(e) ||
      e instanceof DatabaseUnavailableError ||
      (isServerError(e) && busyStates.has(e.code)) ||
      (e instanceof Error && e.message === poolAcquireTimeoutMessage),
  );
}

/**
 * A server message with every quoted part blanked unless it is one of the error's own
 * identifiers: PostgreSQL quotes values too ('invalid input syntax for type uuid:
 * "ann@example.com"'), and shows bytes of a bad string as hex.
 */
function redactServerMessage(e: ServerError): string {
  const names = new Set(
    [e.schema, e.table, e.column, e.dataType, e.constraint].filter((n): n is string => !!n),
  );
  return e.message
    .replace(/"([^"]*)"/g, (quoted, inner: string) => (names.has(inner) ? quoted : '"…"'))
    .replace(/0x[0-9a-f]{2}(\s+0x[0-9a-f]{2})*/gi, '0x…');
}

/** The stack's frames only: its first lines repeat the message, which may hold values. */
function stackFrames(err: unknown): string | undefined {
  if (!(err instanceof Error) || !err.stack) return undefined;
  const frames = err.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length ? frames.join('\n') : undefined;
}

const MAX_QUERY_LOG_CHARS = 500;

/**
 * The fields of an error that may be logged. For database errors: the SQLSTATE, the
 * table/column/constraint names, the server's message with values blanked, the SQL text
 * (placeholders only) — never the parameters, nor the server's `detail` ("Key
 * (email)=(ann@example.com) already exists"), `where` or `hint`. With `stack`, the stack's
 * frames only. Every error log line is built from this.
 */
export function describeError(
  err: unknown,
  options: { stack?: boolean } = {},
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const messages: string[] = [];
  for (const e of causes(err)) {
    if (isServerError(e)) {
      messages.push(redactServerMessage(e));
      fields.sqlState ??= e.code;
      for (const key of ['table', 'column', 'constraint', 'dataType', 'routine'] as const) {
        if (e[key]) fields[key] ??= e[key];
      }
    } else if (isQueryError(e)) {
      // Its message carries the parameters: only the SQL text is kept.
      fields.query ??= e.query.slice(0, MAX_QUERY_LOG_CHARS);
    } else if (e instanceof Error) {
      const code = (e as { code?: unknown }).code;
      messages.push(`${e.name}: ${e.message}`);
      if (typeof code === 'string') fields.code ??= code;
    } else {
      messages.push(String(e));
    }
  }
  fields.error = messages.join(' ← ') || 'Failed query';
  const stack = options.stack ? stackFrames(err) : undefined;
  if (stack) fields.stack = stack;
  return fields;
}
