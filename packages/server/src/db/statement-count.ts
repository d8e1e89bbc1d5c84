import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as DrizzleLogger } from 'drizzle-orm';

/**
 * How many SQL statements a piece of work runs: the benchmarks print it per request (so a
 * regression in the number of round trips shows beside the timings) and tests hold a path to
 * a number. Counted through drizzle's query logger, which sees every statement of either
 * driver (transaction BEGIN/COMMIT included on PostgreSQL; PGlite runs those itself), and
 * only for a database opened with `countStatements` (env KIOSK_COUNT_STATEMENTS=1).
 */
const counting = new AsyncLocalStorage<{ statements: number }>();

/** The drizzle logger that counts into the current `countStatements` call, if any. */
export const statementCounter: DrizzleLogger = {
  logQuery() {
    const counter = counting.getStore();
    if (counter) counter.statements++;
  },
};

/** Runs `work`, counting the statements it runs (zero unless the database counts). */
export async function countStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const counter = { statements: 0 };
  const result = await counting.run(counter, work);
  return { result, statements: counter.statements };
}
