/**
 * The write limits, per client address and store. Far above what a shopper does (one cart
 * per visit, a few lines a minute, one account, a few reviews), and far below a script: a
 * shopper who reaches one waits at most a minute for carts and lines. Behind a carrier's
 * NAT many shoppers share an address, which is why they are this generous. Override with
 * KIOSK_RATE_LIMITS (see parseRateLimits) or ServerOptions.rateLimits, e.g. to raise them
 * for a load test from one machine.
 */
export const defaultRateLimits = {
  /** POST /v1/carts */
  carts: { limit: 60, windowMs: 60_000 },
  /** POST /v1/carts/{id}/lines */
  'cart-lines': { limit: 120, windowMs: 60_000 },
  /** Accounts created on the hosted sign-in page. */
  accounts: { limit: 20, windowMs: 15 * 60_000 },
  /** Sign-in codes mailed on the hosted page, per client address. */
  'email-codes': { limit: 10, windowMs: 15 * 60_000 },
  /** Sign-in codes mailed to one address (counted per email, not per client address). */
  'email-codes-per-email': { limit: 5, windowMs: 15 * 60_000 },
  /** Passkey sign-in challenges asked for by the hosted page (one per page view). */
  'passkey-challenges': { limit: 60, windowMs: 15 * 60_000 },
  /** POST /v1/products/{product}/reviews (writes and edits). */
  reviews: { limit: 30, windowMs: 15 * 60_000 },
  /** POST /v1/notifications/subscriptions and …/subscriptions/renew, per client address. */
  'notification-subscriptions': { limit: 60, windowMs: 15 * 60_000 },
  /**
   * POST /v1/events batches: a page sends a few a minute (a flush every few seconds while
   * browsing, a beacon on leaving); many shoppers can share one address.
   */
  events: { limit: 300, windowMs: 60_000 },
  /** Double opt-in mails to one typed address (counted per email, whoever asks). */
  'notification-emails-per-email': { limit: 5, windowMs: 60 * 60_000 },
  /** POST /v1/share-links (a creator or a share sheet making short links). */
  'share-links': { limit: 60, windowMs: 60_000 },
} as const satisfies Record<string, RateLimitRule>;

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export type RateLimitName = keyof typeof defaultRateLimits;
export type RateLimits = Record<RateLimitName, RateLimitRule>;

const UNITS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/**
 * Reads `name=count/window` pairs separated by commas, e.g.
 * `carts=600/1m,cart-lines=100000/10s` (window units s, m, h). Names not given keep their
 * defaults. Throws on anything else, so a typo fails at start instead of going unnoticed.
 */
export function parseRateLimits(text: string | undefined): Partial<RateLimits> {
  const limits: Partial<RateLimits> = {};
  for (const entry of (text ?? '').split(',')) {
    if (!entry.trim()) continue;
    const match = /^\s*([a-z-]+)\s*=\s*(\d{1,9})\s*\/\s*(\d{1,6})([smh])\s*$/.exec(entry);
    const name = match?.[1];
    if (!match || !name || !(name in defaultRateLimits)) {
      throw new Error(
        `KIOSK_RATE_LIMITS: cannot read "${entry.trim()}"; expected name=count/window with ` +
          `name one of ${Object.keys(defaultRateLimits).join(', ')} and window like 30s, 1m or 2h.`,
      );
    }
    const windowMs = Number(match[3]) * UNITS[match[4] as keyof typeof UNITS];
    if (Number(match[2]) < 1 || windowMs < 1000) {
      throw new Error(`KIOSK_RATE_LIMITS: "${entry.trim()}" needs a count and a window above 0.`);
    }
    limits[name as RateLimitName] = { limit: Number(match[2]), windowMs };
  }
  return limits;
}
