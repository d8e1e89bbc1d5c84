import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';

/** How many requests may run at once, wait for a turn, and for how long. */
export interface AdmissionLimits {
  running: number;
  queued: number;
  waitMs: number;
}

/**
 * Embedded PGlite runs its statements in this process, on the event loop. Under load, every
 * request that reaches it runs straight through, one after another, inside one turn of the
 * loop: at 50 connections the loop was held for up to 0.9 s at a time, nothing else (a
 * health check, a timer, a new connection) got a turn, and requests waited seconds in the
 * sockets, where no limit could see them.
 *
 * So each request first takes a place in line, and runs only on a later turn of the loop:
 * every request that arrived meanwhile has been read and counted by then. `running` run at
 * once (more only helps requests that wait on something else than the database), `queued`
 * more wait in order, each for at most `waitMs`; beyond that the answer is 503
 * `service_unavailable` with Retry-After at once, before the request has touched anything
 * (so nothing is half done). PostgreSQL needs none of this: its pool and gate bound the wait.
 */
export function admission(limits: AdmissionLimits) {
  let running = 0;
  const waiting: (() => void)[] = [];
  let pumping = false;

  const busy = () =>
    new ApiError('service_unavailable', 'The server is busy. Retry after the Retry-After delay.');

  /** Lets the next in line run, on the next turn of the loop (see above). */
  function pump() {
    if (pumping) return;
    pumping = true;
    setImmediate(() => {
      pumping = false;
      while (running < limits.running && waiting.length > 0) {
        running++;
        waiting.shift()!();
      }
    });
  }

  /** Resolves when this request may run; rejects when the line is full or the wait too long. */
  function turn(): Promise<void> {
    if (waiting.length >= limits.queued) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(go), 1);
        reject(busy());
      }, limits.waitMs);
      waiting.push(go);
      pump();
    });
  }

  return createMiddleware<AppEnv>(async (_c, next) => {
    await turn();
    try {
      await next();
    } finally {
      running--;
      pump();
    }
  });
}
