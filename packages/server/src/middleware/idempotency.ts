import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.js';
import { idempotencyKeys } from '../db/schema/index.js';
import { ApiError } from '../errors.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `Idempotency-Key` on writes: the first request with a key claims it (primary key, so two
 * concurrent ones cannot both run), and its answer is stored; a repeat replays that answer.
 * A key reused for a different request is refused. Server errors release the key so the
 * client may retry. Keys are scoped to the store.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (!key || !writeMethods.has(c.req.method)) return next();
  if (key.length > 255) {
    throw new ApiError('validation_failed', 'Idempotency-Key is longer than 255 characters.');
  }
  const { db } = c.var.deps;
  const storeId = c.var.store.id;
  const body = await c.req.text();
  const fingerprint = createHash('sha256')
    .update(`${c.req.method} ${new URL(c.req.url).pathname}\n`)
    .update(`${c.req.header('authorization') ?? ''}\n`)
    .update(body)
    .digest('base64url');

  const claimed = await db
    .insert(idempotencyKeys)
    .values({ storeId, key, fingerprint })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

  if (claimed.length === 0) {
    const [previous] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.storeId, storeId), eq(idempotencyKeys.key, key)));
    if (!previous || previous.fingerprint !== fingerprint) {
      throw new ApiError(
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request.',
      );
    }
    if (previous.responseStatus === null) {
      c.header('Retry-After', '1');
      throw new ApiError('idempotency_in_progress', 'A request with this key is still running.');
    }
    c.header('Idempotent-Replayed', 'true');
    return c.json(previous.responseBody, previous.responseStatus as ContentfulStatusCode);
  }

  const release = () =>
    db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.storeId, storeId),
          eq(idempotencyKeys.key, key),
          isNull(idempotencyKeys.completedAt),
        ),
      );

  try {
    await next();
  } catch (err) {
    // A thrown ApiError is a 4xx answer like any other: settle it so repeats replay it.
    if (err instanceof ApiError && err.status < 500) {
      await settle(err.status, err.toJSON());
      throw err;
    }
    await release();
    throw err;
  }
  if (c.res.status >= 500 || c.get('idempotencyNoStore')) {
    await release();
    return;
  }
  const text = await c.res.clone().text();
  await settle(c.res.status, text ? JSON.parse(text) : null);

  async function settle(status: number, responseBody: unknown) {
    await db
      .update(idempotencyKeys)
      .set({ responseStatus: status, responseBody, completedAt: new Date() })
      .where(and(eq(idempotencyKeys.storeId, storeId), eq(idempotencyKeys.key, key!)));
  }
});
