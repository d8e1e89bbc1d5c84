import { addressKey, bucketKey } from '../../rate-limit/buckets.js';
import type { Bucket, RateLimiter } from '../../rate-limit/limiter.js';

/**
 * Sign-in throttling, on the shared rate limiter so every instance sees the same counts.
 * An email is locked after 5 failures in 15 minutes (a success clears that email's count);
 * an address after 30 failures in 15 minutes, whatever succeeds in between, so an attacker
 * cannot reset their address's budget by signing in to an account of their own.
 *
 * The attempt is counted before the password is checked, in one atomic step per counter:
 * of 40 concurrent guesses for one email, 5 are checked and 35 refused. The outcome then
 * settles the counts — a success clears the email and gives the address its hit back (the
 * address counts failures only); a failure stays counted.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export type SigninAttempt =
  | { allowed: false; retryAfterSeconds: number }
  | { allowed: true; succeeded(): Promise<void> };

export async function beginSigninAttempt(
  limiter: RateLimiter,
  storeId: string,
  email: string,
  ip: string,
): Promise<SigninAttempt> {
  const byEmail: Bucket = { storeId, key: bucketKey('signin-email', email) };
  const byIp: Bucket = { storeId, key: bucketKey('signin-ip', addressKey(ip)) };
  const emailHit = await limiter.hit(byEmail, MAX_FAILURES_PER_EMAIL, LOGIN_WINDOW_MS);
  if (!emailHit.allowed) return { allowed: false, retryAfterSeconds: emailHit.retryAfterSeconds };
  const ipHit = await limiter.hit(byIp, MAX_FAILURES_PER_IP, LOGIN_WINDOW_MS);
  if (!ipHit.allowed) {
    // Not checked, so not a failure of this email.
    await limiter.refund(byEmail);
    return { allowed: false, retryAfterSeconds: ipHit.retryAfterSeconds };
  }
  return {
    allowed: true,
    async succeeded() {
      await limiter.reset(byEmail);
      await limiter.refund(byIp);
    },
  };
}
