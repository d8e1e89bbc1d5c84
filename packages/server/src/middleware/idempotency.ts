import { createHash } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { TypedResponse } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed, JSONValue } from 'hono/utils/types';
import type { AppContext, AppDeps, AppEnv } from '../context.js';
import type { Db } from '../db/index.js';
import { idempotencyKeys } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import type { WriteKey, WriteOutcome } from '../services/write-once.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * How long a claim holds before a retry may take it over. Safety does not depend on it (see
 * below: a superseded request cannot store its answer, so its writes roll back); it decides
 * how soon a retry after a crash runs, and how long a request may run before a retry may
 * supersede it. Writes are bounded by the database's statement timeout (a few seconds) and
 * answer within ~2 s when the database is down, so 10 s lets every live request finish
 * while a crashed one blocks its retries for seconds, not forever.
 */
const DEFAULT_CLAIM_MS = 10_000;
/** Keys are kept for replays this long, then purged (jobs/purge-idempotency-keys.ts). */
const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

export function idempotencySettings(deps: AppDeps): { claimMs: number; retentionMs: number } {
  return {
    claimMs: deps.idempotency?.claimMs ?? DEFAULT_CLAIM_MS,
    retentionMs: deps.idempotency?.retentionMs ?? DEFAULT_RETENTION_MS,
  };
}

/** What a key is bound to: a key reused for a different request is refused. */
export function requestFingerprint(
  method: string,
  path: string,
  authorization: string | undefined,
  body: string,
): string {
  return createHash('sha256')
    .update(`${method} ${path}\n`)
    .update(`${authorization ?? ''}\n`)
    .update(body)
    .digest('base64url');
}

/** Thrown inside the request's transaction to roll its writes back; says why. */
class Rollback extends Error {
  constructor(readonly reason: 'refused' | 'superseded') {
    super(reason);
  }
}

/**
 * `Idempotency-Key` on writes. The first request with a key claims it until `locked_until`
 * (primary key: two concurrent ones cannot both run); a repeat meanwhile gets 409
 * `idempotency_in_progress` with Retry-After. A claim whose request died (kill -9) expires:
 * the next repeat takes it over in one statement (`insert … on conflict do update … where
 * unfinished and expired`), so of several concurrent retries exactly one runs.
 *
 * The request runs in ONE transaction with the storing of its answer (the routes' own
 * transactions become savepoints in it): its writes commit exactly when its answer does.
 * So a crash leaves either both (a retry replays the answer) or neither (a retry runs it
 * once); never an order created whose answer was lost. The answer is stored only where
 * `locked_until` still holds the value this request wrote (each claim writes a later one),
 * so a request that outlived its claim and was superseded rolls back instead of running
 * twice. A 4xx rolls back what the request wrote and its answer is stored (a repeat gets
 * the same refusal); a 5xx rolls back and frees the key for a retry. Keys are scoped to the
 * store. Inside a keyed write a failed statement aborts the request's transaction: a route
 * that catches a database error and goes on must wrap the statement in `db.transaction`
 * (a savepoint), as createProduct (services/product-create.ts) does.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('idempotencyInRoute')) return next();
  const write = await writeKey(c);
  if (!write) return next();
  const { key, storeId, fingerprint } = write;
  const { deps } = c.var;
  const { db } = deps;
  const { claimMs } = idempotencySettings(deps);
  const thisKey = and(eq(idempotencyKeys.storeId, storeId), eq(idempotencyKeys.key, key));

  // Twice at most: a claim freed (5xx) between our two statements is claimed again.
  let lockedUntil: Date | undefined;
  for (let attempt = 0; attempt < 2 && !lockedUntil; attempt++) {
    const now = deps.now();
    const until = new Date(now.getTime() + claimMs);
    const [claimed] = await db
      .insert(idempotencyKeys)
      .values({ storeId, key, fingerprint, lockedUntil: until, createdAt: now })
      .onConflictDoUpdate({
        target: [idempotencyKeys.storeId, idempotencyKeys.key],
        set: { lockedUntil: until },
        setWhere: and(
          isNull(idempotencyKeys.completedAt),
          lt(idempotencyKeys.lockedUntil, now),
          eq(idempotencyKeys.fingerprint, fingerprint),
        ),
      })
      .returning({ lockedUntil: idempotencyKeys.lockedUntil });
    if (claimed) {
      lockedUntil = claimed.lockedUntil;
      break;
    }
    const [previous] = await db.select().from(idempotencyKeys).where(thisKey);
    if (!previous) continue;
    if (previous.fingerprint !== fingerprint) {
      throw new ApiError(
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request.',
      );
    }
    if (previous.completedAt === null || previous.responseStatus === null) {
      inProgress(c, previous.lockedUntil.getTime() - now.getTime());
    }
    c.header('Idempotent-Replayed', 'true');
    const status = previous.responseStatus as ContentfulStatusCode;
    return c.json(previous.responseBody, status);
  }
  if (!lockedUntil) inProgress(c, 1000);

  const ours = and(
    thisKey,
    eq(idempotencyKeys.lockedUntil, lockedUntil),
    isNull(idempotencyKeys.completedAt),
  );
  const release = () => db.delete(idempotencyKeys).where(ours);
  /** Stores the answer where the claim is still ours; false if a retry took it over. */
  const settle = async (conn: Db) => {
    // A route whose answer holds a secret: the key stops concurrent repeats but is not kept.
    const settled = c.get('idempotencyNoStore')
      ? await conn.delete(idempotencyKeys).where(ours).returning({ key: idempotencyKeys.key })
      : await conn
          .update(idempotencyKeys)
          .set({
            responseStatus: c.res.status,
            responseBody: await responseJson(c.res),
            completedAt: deps.now(),
          })
          .where(ours)
          .returning({ key: idempotencyKeys.key });
    return settled.length > 0;
  };

  let outcome: 'committed' | 'refused' | 'superseded';
  try {
    outcome = await db.transaction(async (tx) => {
      c.set('deps', { ...deps, db: tx });
      try {
        await next();
      } finally {
        c.set('deps', deps);
      }
      // A refusal writes nothing. Its transaction may also be aborted (a failed statement
      // answered as a 4xx), so its answer is stored after the rollback.
      if (c.res.status >= 400) throw new Rollback('refused');
      if (!(await settle(tx))) throw new Rollback('superseded');
      return 'committed' as const;
    });
  } catch (err) {
    if (!(err instanceof Rollback)) {
      // The answer could not be stored (so the writes are not committed, or, if a lost
      // COMMIT went through, the answer is stored and `ours` no longer matches): free the key
      // for a retry; if the database is gone, the claim expires instead.
      await release().catch(() => {});
      throw err;
    }
    outcome = err.reason;
  }
  if (outcome === 'committed') return;
  if (outcome === 'refused') {
    // 5xx: free the key so the client's retry runs at once. 4xx: a repeat gets the same answer.
    if (c.res.status >= 500) {
      await release();
      return;
    }
    if (await settle(db)) return;
  }
  // A retry took the key over while this request ran past its claim: ours rolled back.
  inProgress(c, claimMs);
});

/**
 * Marks a route that keeps its Idempotency-Key in its own write transaction
 * (services/write-once.ts: the cart line writes, the hot path) so the middleware leaves the
 * key to it. Every other write keeps the middleware: one mechanism for rare writes whose
 * routes need no change, and the other where a write's cost matters.
 */
export const keyedInRoute = createMiddleware<AppEnv>(async (c, next) => {
  c.set('idempotencyInRoute', true);
  await next();
});

/** The request's Idempotency-Key bound to the request, or null when a write has none. */
export async function writeKey(c: AppContext): Promise<WriteKey | null> {
  const key = c.req.header('idempotency-key');
  if (!key || !writeMethods.has(c.req.method)) return null;
  if (key.length > 255) {
    throw new ApiError('validation_failed', 'Idempotency-Key is longer than 255 characters.');
  }
  const fingerprint = requestFingerprint(
    c.req.method,
    new URL(c.req.url).pathname,
    c.req.header('authorization'),
    await c.req.text(),
  );
  return { storeId: c.var.store.id, key, fingerprint };
}

/** Answers a keyed write as the middleware would: replays say so, a held key is 409. */
export function answerWrite<T extends object>(
  c: AppContext,
  outcome: WriteOutcome<T>,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  if (outcome.kind === 'in-progress') inProgress(c, outcome.waitMs);
  if (outcome.kind === 'replayed') c.header('Idempotent-Replayed', 'true');
  // A replay's status is a write's success, which is 200 for every route keyed this way.
  return c.json(
    outcome.body as JSONValue,
    outcome.kind === 'done' ? 200 : (outcome.status as 200),
  ) as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}

function inProgress(c: AppContext, waitMs: number): never {
  c.header('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
  throw new ApiError('idempotency_in_progress', 'A request with this key is still running.');
}

async function responseJson(res: Response): Promise<unknown> {
  const text = await res.clone().text();
  return text ? JSON.parse(text) : null;
}
