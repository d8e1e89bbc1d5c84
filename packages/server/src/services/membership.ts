import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { membershipGrants } from '../db/schema/index.js';
import type { Membership, PointsRules, TierPerks } from '../db/types.js';
import { ApiError } from '../errors.js';
import { loadLedger, summarize } from './points-ledger.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;

// Membership tiers and their perks (issue 17, docs/server/membership.md): who is a member of
// which tier, and what that tier gives. The one owner of "the shopper's tier".

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function membershipOf(store: Store): Membership | undefined {
  return store.settings.membership;
}

/** A tier's rank: its place in pointsRules.tiers by minLifetime (higher is better); -1 if none. */
export function tierRank(rules: PointsRules, name: string | null): number {
  if (name === null) return -1;
  const sorted = [...rules.tiers].sort((a, b) => a.minLifetime - b.minLifetime);
  return sorted.findIndex((t) => t.name === name);
}

/** What is wrong with a membership against the points rules (tiers must be named there). */
export function membershipIssues(
  rules: PointsRules,
  membership: Membership | undefined,
): { path: string; message: string }[] {
  if (!membership) return [];
  const known = new Set(rules.tiers.map((t) => t.name));
  const problems: { path: string; message: string }[] = [];
  const check = (path: string, name: string) => {
    if (!known.has(name))
      problems.push({ path, message: `No tier named ${name} in pointsRules.tiers` });
  };
  for (const [i, t] of membership.tiers.entries()) check(`membership.tiers.${i}.name`, t.name);
  for (const [i, p] of membership.plans.entries()) check(`membership.plans.${i}.tier`, p.tier);
  for (const [i, e] of membership.earlyAccess.entries()) {
    for (const [j, t] of e.tiers.entries()) check(`membership.earlyAccess.${i}.tiers.${j}`, t);
  }
  return problems;
}

/** The perks of a tier (none for a tier the membership does not list, or no tier). */
export function perksOf(store: Store, tier: string | null): TierPerks {
  if (tier === null) return {};
  return membershipOf(store)?.tiers.find((t) => t.name === tier)?.perks ?? {};
}

/** The paid membership active at `now` (the grant that ends last), if any. */
export async function activePlan(conn: Conn, storeId: string, customerId: string, now: Date) {
  const [grant] = await conn
    .select({ tier: membershipGrants.tier, endsAt: membershipGrants.endsAt })
    .from(membershipGrants)
    .where(
      and(
        eq(membershipGrants.storeId, storeId),
        eq(membershipGrants.customerId, customerId),
        isNull(membershipGrants.revokedAt),
        lte(membershipGrants.startsAt, now),
        gt(membershipGrants.endsAt, now),
      ),
    )
    .orderBy(desc(membershipGrants.endsAt))
    .limit(1);
  // A renewal that starts later chains on: the membership lasts until the last grant's end.
  if (!grant) return null;
  const [last] = await conn
    .select({ endsAt: membershipGrants.endsAt })
    .from(membershipGrants)
    .where(
      and(
        eq(membershipGrants.storeId, storeId),
        eq(membershipGrants.customerId, customerId),
        isNull(membershipGrants.revokedAt),
        gt(membershipGrants.endsAt, now),
      ),
    )
    .orderBy(desc(membershipGrants.endsAt))
    .limit(1);
  return { tier: grant.tier, activeUntil: (last ?? grant).endsAt };
}

export interface MemberStatus {
  /** The better of the points tier and the paid plan's tier; null for no tier. */
  tier: string | null;
  source: 'points' | 'plan' | null;
  lifetime: number;
  nextTier: { name: string; pointsNeeded: number } | null;
  plan: { tier: string; activeUntil: Date } | null;
}

/** The shopper's membership at `now`: the points tier, the paid plan, the better of the two. */
export async function memberStatus(
  conn: Conn,
  store: Store,
  customerId: string,
  now: Date,
): Promise<MemberStatus> {
  const summary = summarize(await loadLedger(conn, store.id, customerId), store.pointsRules, now);
  // Read even when the store sells no plan any more: a membership paid for runs its year.
  const plan = await activePlan(conn, store.id, customerId, now);
  const byPoints = summary.tier.name;
  const rules = store.pointsRules;
  const planWins = plan !== null && tierRank(rules, plan.tier) > tierRank(rules, byPoints);
  const tier = planWins ? plan.tier : byPoints;
  return {
    tier,
    source: tier === null ? null : planWins ? 'plan' : 'points',
    lifetime: summary.lifetime,
    nextTier: summary.tier.nextTier,
    plan,
  };
}

/** The shopper's tier, or null for a guest or a store without member perks (no reads then). */
export async function memberTier(
  conn: Conn,
  store: Store,
  customerId: string | null,
  now: Date,
): Promise<string | null> {
  if (!customerId || !membershipOf(store)) return null;
  return (await memberStatus(conn, store, customerId, now)).tier;
}

/** The perks the checkout and the points ledger apply for one shopper's tier. */
export interface MemberPerks {
  tier: string | null;
  /** Points earned are multiplied by this (1 without a tier). */
  pointsMultiplier: number;
  /** Free shipping from this order amount, minor units per currency (the shipping rule's override). */
  freeShippingOver?: Record<string, number>;
}

export function perksForTier(store: Store, tier: string | null): MemberPerks {
  const perks = perksOf(store, tier);
  return {
    tier,
    pointsMultiplier: perks.pointsMultiplier ?? 1,
    ...(perks.freeShippingOver ? { freeShippingOver: perks.freeShippingOver } : {}),
  };
}

/**
 * The signed-in shopper's perks at `now` (for the shipping rule: `freeShippingOver` of the
 * order's currency overrides the store's threshold when lower).
 */
export async function memberPerks(
  conn: Conn,
  store: Store,
  customerId: string | null,
  now: Date,
): Promise<MemberPerks> {
  return perksForTier(store, await memberTier(conn, store, customerId, now));
}

/** The points multiplier of the shopper's tier (1, with no read, when no tier has one). */
export async function earnMultiplier(
  conn: Conn,
  store: Store,
  customerId: string | null,
  now: Date,
): Promise<number> {
  if (!customerId || !membershipOf(store)?.tiers.some((t) => t.perks.pointsMultiplier)) return 1;
  return (await memberPerks(conn, store, customerId, now)).pointsMultiplier;
}

/** The early access window of a product still closed to others at `now`, if any. */
export function earlyAccessOf(store: Store, productId: string, now: Date) {
  const window = membershipOf(store)?.earlyAccess.find((e) => e.productId === productId);
  return window && new Date(window.until) > now ? window : undefined;
}

/**
 * Paid plans: a paid order with a plan product makes its customer a member of the plan's tier
 * for a year per unit, from the payment, or from the end of the membership it renews. In the
 * payment's transaction (the customer is locked); one grant per order (unique), so a second
 * payment notice grants nothing. Guest orders grant nothing: there is no one to make a member.
 */
export async function grantPaidMembership(
  tx: Tx,
  store: Store,
  order: { id: string; customerId: string | null },
  lines: { productId: string; quantity: number }[],
  paidAt: Date,
): Promise<void> {
  const plans = membershipOf(store)?.plans ?? [];
  if (!order.customerId || plans.length === 0) return;
  const rules = store.pointsRules;
  let best: { tier: string; years: number } | undefined;
  for (const line of lines) {
    const plan = plans.find((p) => p.productId === line.productId);
    if (!plan) continue;
    if (!best || tierRank(rules, plan.tier) > tierRank(rules, best.tier))
      best = { tier: plan.tier, years: line.quantity };
  }
  if (!best) return;
  const current = await activePlan(tx, store.id, order.customerId, paidAt);
  const startsAt = current && current.activeUntil > paidAt ? current.activeUntil : paidAt;
  await tx
    .insert(membershipGrants)
    .values({
      id: crypto.randomUUID(),
      storeId: store.id,
      customerId: order.customerId,
      orderId: order.id,
      tier: best.tier,
      startsAt,
      endsAt: new Date(startsAt.getTime() + best.years * YEAR_MS),
    })
    .onConflictDoNothing({ target: membershipGrants.orderId });
}

/** A refunded or cancelled paid order takes back the membership it granted. */
export async function revokePaidMembership(tx: Tx, storeId: string, orderId: string, now: Date) {
  await tx
    .update(membershipGrants)
    .set({ revokedAt: now })
    .where(
      and(
        eq(membershipGrants.storeId, storeId),
        eq(membershipGrants.orderId, orderId),
        isNull(membershipGrants.revokedAt),
      ),
    );
}

/**
 * Refuses (`early_access`) a product whose early access window is open at `now` to a shopper
 * whose tier is not among the window's tiers (a guest has none).
 */
export async function checkEarlyAccess(
  conn: Conn,
  store: Store,
  customerId: string | null,
  productIds: string[],
  now: Date,
): Promise<void> {
  const windows = productIds
    .map((id) => earlyAccessOf(store, id, now))
    .filter((w) => w !== undefined);
  if (windows.length === 0) return;
  const tier = await memberTier(conn, store, customerId, now);
  const closed = windows.find((w) => tier === null || !w.tiers.includes(tier));
  if (closed) {
    throw new ApiError('early_access', `Members only until ${closed.until}.`, {
      productId: closed.productId,
      until: closed.until,
      tiers: closed.tiers,
    });
  }
}
