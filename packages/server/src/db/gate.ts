import type pg from 'pg';
import type { Logger } from '../log.js';
import { DatabaseUnavailableError, describeError, isConnectionFault } from './faults.js';

/** A connect or statement waiting on the server longer than this makes the gate check it. */
const SLOW_MS = 300;
/** How often the gate looks at what is waiting on the server. */
const TICK_MS = 100;
/** While the gate is closed, the server is checked this often. */
const RETRY_MS = 1000;
/** A check started less than this ago answers for a new one: bounds the checks' traffic. */
const CHECK_SPACING_MS = 250;

interface Activity {
  /** Connects or statements issued and not answered yet. */
  pending: number;
  kind: 'connect' | 'query';
  /** When the oldest unanswered one was issued (or the last answer came). */
  since: number;
}

/**
 * Decides whether the database is reachable, so that an outage costs each request at most
 * about 1.5 s (usually far less) and a busy pool costs nothing:
 *
 * - Anything that hints at trouble — a lost connection, a failed connect, a connect or
 *   statement waiting longer than 300 ms — makes the gate *check*: `select 1` on a
 *   connection of its own within the health timeout (health-check.ts). Waiting for a pooled
 *   connection is not a hint: under load that queue is normal.
 * - Only a check that fails for a connection reason closes the gate. Closing fails every
 *   request waiting for a connection and cuts every pooled connection, so statements stuck
 *   on a stalled server end now instead of at their query timeout. While closed, requests
 *   fail at once (503) and the server is checked every second; the first check that
 *   succeeds opens the gate again.
 * - A statement unanswered past the query timeout (longer than the server's own
 *   statement_timeout) means its connection is dead: it is cut.
 *
 * A single lost connection (`pg_terminate_backend`, a proxy dropping an idle socket) only
 * costs the request using it: the check succeeds and nothing else changes.
 */
export class AvailabilityGate {
  #closed: DatabaseUnavailableError | null = null;
  #checking: Promise<void> | null = null;
  #lastCheck: { at: number; result: Promise<void> } | null = null;
  #retry: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #waiters = new Set<(err: DatabaseUnavailableError) => void>();
  readonly #clients = new Map<pg.Client, Activity>();
  readonly #ticker: NodeJS.Timeout;

  constructor(
    private readonly options: {
      /** Runs `select 1` outside the pool; rejects when that fails. */
      probe: () => Promise<void>;
      queryTimeoutMs: number;
      log: Logger;
    },
  ) {
    this.#ticker = setInterval(() => this.#watch(), TICK_MS);
    this.#ticker.unref();
  }

  /** The error to fail with while the gate is closed; null while it is open. */
  unavailable(): DatabaseUnavailableError | null {
    return this.#closed;
  }

  /** Calls `listener` when the gate closes; returns the unsubscribe function. */
  onClose(listener: (err: DatabaseUnavailableError) => void): () => void {
    this.#waiters.add(listener);
    return () => this.#waiters.delete(listener);
  }

  /** A pooled client exists from construction until its connection ends. */
  register(client: pg.Client): void {
    this.#clients.set(client, { pending: 0, kind: 'connect', since: Date.now() });
    client.once('end', () => this.#clients.delete(client));
  }

  /** Marks a connect or statement as waiting on the server; call the result when answered. */
  begin(client: pg.Client, kind: Activity['kind']): () => void {
    const activity = this.#clients.get(client);
    if (!activity) return () => {};
    if (activity.pending === 0) activity.since = Date.now();
    activity.pending += 1;
    activity.kind = kind;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      activity.pending -= 1;
      activity.since = Date.now();
    };
  }

  /** Something failed: if it says the connection was lost, check the server. */
  fault(err: unknown): void {
    if (this.#closed || !isConnectionFault(err)) return;
    this.check().catch(() => {});
  }

  /**
   * Checks the server now (or joins the check under way): resolves when it answers, else
   * rejects with why; a failure for a connection reason closes the gate.
   */
  check(): Promise<void> {
    if (this.#checking) return this.#checking;
    if (this.#lastCheck && Date.now() - this.#lastCheck.at < CHECK_SPACING_MS) {
      return this.#lastCheck.result;
    }
    const result = this.options
      .probe()
      .then(
        () => this.#open(),
        (err: unknown) => {
          if (isConnectionFault(err)) this.#close(err);
          throw err;
        },
      )
      .finally(() => {
        this.#checking = null;
      });
    // Callers that only trigger a check do not wait for its outcome.
    result.catch(() => {});
    this.#checking = result;
    this.#lastCheck = { at: Date.now(), result };
    return result;
  }

  stop(): void {
    this.#stopped = true;
    clearInterval(this.#ticker);
    clearTimeout(this.#retry);
  }

  #watch(): void {
    const now = Date.now();
    let slow = false;
    for (const [client, activity] of this.#clients) {
      if (activity.pending === 0) continue;
      const waited = now - activity.since;
      if (waited >= SLOW_MS) slow = true;
      if (activity.kind === 'query' && waited >= this.options.queryTimeoutMs) {
        cut(
          client,
          new DatabaseUnavailableError(
            'query_timeout',
            `The database did not answer a statement within ${this.options.queryTimeoutMs} ms.`,
          ),
        );
      }
    }
    if (slow && !this.#closed) this.check().catch(() => {});
  }

  #close(cause: unknown): void {
    if (this.#closed || this.#stopped) return;
    const closed = new DatabaseUnavailableError('down', 'The database is unreachable.', {
      cause,
    });
    this.#closed = closed;
    this.options.log.warn(
      'database unreachable: answering 503 until it is back',
      describeError(cause),
    );
    for (const fail of this.#waiters) fail(closed);
    this.#waiters.clear();
    for (const client of this.#clients.keys()) cut(client, closed);
    this.#scheduleRetry();
  }

  #open(): void {
    if (!this.#closed) return;
    this.#closed = null;
    clearTimeout(this.#retry);
    this.options.log.info('database reachable again');
  }

  #scheduleRetry(): void {
    if (this.#stopped) return;
    this.#retry = setTimeout(() => {
      this.check()
        .catch(() => {})
        .finally(() => {
          if (this.#closed) this.#scheduleRetry();
        });
    }, RETRY_MS);
    this.#retry.unref();
  }
}

/**
 * Destroys a client's socket: its statement (and any queued behind it) fails with `err`
 * now, and the pool discards the client when it is released.
 */
function cut(client: pg.Client, err: Error): void {
  client.connection.stream.destroy(err);
}
