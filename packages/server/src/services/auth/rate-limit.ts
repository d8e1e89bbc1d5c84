import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, lt, max } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { loginAttempts } from '../../db/schema/index.js';

/**
 * Sign-in throttling, kept in the database so every instance sees the same counts.
 * An email is locked after 5 failures in 15 minutes (a success clears that email's count);
 * an IP after 30 failures in 15 minutes, whatever succeeds in between, so an attacker
 * cannot reset their IP budget by signing in to an account of their own.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;
const KEEP_MS = 24 * 60 * 60 * 1000;

export async function isLoginThrottled(
  db: Db,
  storeId: string,
  email: string,
  ip: string,
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [lastSuccess] = await db
    .select({ at: max(loginAttempts.createdAt) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.storeId, storeId),
        eq(loginAttempts.email, email),
        eq(loginAttempts.succeeded, true),
      ),
    );
  const emailSince = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.storeId, storeId),
        eq(loginAttempts.email, email),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, emailSince),
      ),
    );
  if ((byEmail?.n ?? 0) >= MAX_FAILURES_PER_EMAIL) return true;
  const [byIp] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.storeId, storeId),
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, since),
      ),
    );
  return (byIp?.n ?? 0) >= MAX_FAILURES_PER_IP;
}

export async function recordLoginAttempt(
  db: Db,
  storeId: string,
  email: string,
  ip: string,
  succeeded: boolean,
  now: Date,
): Promise<void> {
  await db
    .insert(loginAttempts)
    .values({ id: randomUUID(), storeId, email, ip, succeeded, createdAt: now });
  // Old rows are useless; prune them now and then rather than with a job.
  if (Math.random() < 0.02) {
    await db
      .delete(loginAttempts)
      .where(
        and(
          eq(loginAttempts.storeId, storeId),
          lt(loginAttempts.createdAt, new Date(now.getTime() - KEEP_MS)),
        ),
      );
  }
}
