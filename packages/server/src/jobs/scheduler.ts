import type { AppDeps } from '../context.js';
import { describeError } from '../db/faults.js';

/**
 * A periodic job. Jobs run in every instance: each must be safe to run concurrently with
 * itself on another instance (conditional updates, `FOR UPDATE SKIP LOCKED`, idempotent
 * deletes), so no leader election is needed.
 */
export interface Job {
  name: string;
  everyMs: number;
  run(deps: AppDeps): Promise<unknown>;
}

/**
 * Runs each job every `everyMs` (never two runs of one job at once in this process). A
 * failing run is logged and retried at the next tick: a database outage must not stop the
 * schedule or the process. Timers are unref'd so they never keep the process alive.
 */
export function startJobs(jobs: Job[], deps: AppDeps): () => Promise<void> {
  const running = new Map<string, Promise<unknown>>();
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      if (running.has(job.name)) return;
      const run = job
        .run(deps)
        .catch((err: unknown) =>
          deps.log.warn('job failed', { job: job.name, ...describeError(err) }),
        )
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all(running.values());
  };
}

/** Rounds of one run stop after this long, so the scheduler's next tick comes round. */
const RUN_BUDGET_MS = 5_000;

/**
 * Runs `round` (which claims up to `batchSize` rows and says how many) again while full
 * batches keep coming, within the run budget. Returns how many were claimed in all.
 */
export async function inRounds(batchSize: number, round: () => Promise<number>): Promise<number> {
  const started = Date.now();
  let total = 0;
  for (;;) {
    const claimed = await round();
    total += claimed;
    if (claimed < batchSize || Date.now() - started > RUN_BUDGET_MS) return total;
  }
}
