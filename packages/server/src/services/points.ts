import { and, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { customers, pointsAllocations, pointsEntries } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { afterNewest, toPage } from '../pagination.js';
import type { PointsEntryView, PointsSummary } from '../schemas/points.js';
import { DAY_MS, expiryFrom, insertCredit, insertDebit, prepare } from './points-entries.js';
import {
  allocate,
  loadLedger,
  type PointsEntryRow,
  reversalsOf,
  summarize,
} from './points-ledger.js';
import { earningBaseMinor, pointsToEarn } from './points-pricing.js';
import type { Store } from './stores.js';

/** The customer's balance inside a transaction, after expiry, under their row lock. */
export async function lockedBalance(tx: Tx, store: Store, customerId: string, now: Date) {
  return (await prepare(tx, store, customerId, now)).summary.balance;
}

/** Redeems points for an order (checkout). Refuses what the balance does not cover. */
export async function redeemForOrder(
  tx: Tx,
  store: Store,
  customerId: string,
  orderId: string,
  points: number,
  now: Date,
): Promise<void> {
  const { ledger, summary } = await prepare(tx, store, customerId, now);
  if (points > summary.balance) {
    throw new ApiError('insufficient_points', 'Not enough points for this redemption.', {
      balance: Math.max(0, summary.balance),
      requested: points,
    });
  }
  const { allocations } = allocate(ledger, now, points);
  await insertDebit(tx, store.id, customerId, {
    kind: 'redeem',
    points,
    reason: 'Redeemed at checkout',
    availableAt: now,
    now,
    orderId,
    allocations,
  });
}

/**
 * Earns an order's points once (a partial unique index on (order_id, kind) makes a second
 * earn a no-op, whatever the concurrency). Pending for `pendingDays`, then a lot that
 * expires `expiryDays` later.
 */
export async function earnForOrder(
  tx: Tx,
  store: Store,
  order: {
    id: string;
    customerId: string | null;
    subtotalMinor: number;
    discountMinor: number;
    currency: string;
  },
  paidAt: Date,
  now: Date,
  /** The member tier's points multiplier (membership.ts); whole points, rounded down. */
  multiplier = 1,
): Promise<void> {
  const rules = store.pointsRules;
  const points = pointsToEarn(rules, { ...order, totalMinor: earningBaseMinor(order) }, multiplier);
  if (points <= 0 || !order.customerId) return;
  const availableAt = new Date(paidAt.getTime() + rules.pendingDays * DAY_MS);
  await insertCredit(tx, store.id, order.customerId, {
    kind: 'earn',
    points,
    reason: 'Order paid',
    availableAt,
    expiresAt: expiryFrom(rules, availableAt),
    now,
    orderId: order.id,
  });
}

/**
 * A returned part of an order: its share of each of the order's entries is what the returned
 * units are of the order's value at list prices (`before` → `after`, of `whole`, minor units),
 * as the money refunded is (services/returns.ts). Shares are cut with the running total
 * rounded down, so the parts of every return add up to the whole entry exactly.
 */
export interface ReturnedPart {
  returnId: string;
  before: number;
  after: number;
  whole: number;
}

function shareOf(points: number, part: ReturnedPart) {
  const upTo = (value: number) => (BigInt(points) * BigInt(value)) / BigInt(part.whole);
  return Number(upTo(part.after) - upTo(part.before));
}

/**
 * Undoes an order's ledger entries, each by a 'reverse' entry pointing at it: all that is left
 * of them (cancel, refund), or a returned part's share (`part`, once per return). A reversed
 * redemption gives the points back as a new lot that expires when the latest lot it consumed
 * would have. A reversed earn takes back what did not already expire: first from the earned
 * lot itself, then from other lots soonest-expiry first; if the customer already spent those
 * points and has too few left, the balance goes negative (only a reversal can do that) and
 * later earnings pay it off.
 */
export async function reverseOrderEntries(
  tx: Tx,
  store: Store,
  order: { id: string; customerId: string | null },
  reason: string,
  now: Date,
  part?: ReturnedPart,
): Promise<void> {
  if (!order.customerId) return;
  const customerId = order.customerId;
  const { ledger } = await prepare(tx, store, customerId, now);
  const reversals = reversalsOf(ledger.entries);
  const toReverse = ledger.entries.filter(
    (e) => e.orderId === order.id && e.kind !== 'reverse' && !reversals.get(e.id)?.all,
  );
  const allocationsOf = async (debitId: string) =>
    tx
      .select({ lotId: pointsAllocations.lotId, points: pointsAllocations.points })
      .from(pointsAllocations)
      .where(eq(pointsAllocations.debitId, debitId));

  for (const entry of toReverse) {
    const undone = reversals.get(entry.id)?.points ?? 0;
    const share = part ? shareOf(Math.abs(entry.points), part) : Math.abs(entry.points) - undone;
    const reversal = {
      reason,
      now,
      orderId: order.id,
      reversesId: entry.id,
      returnId: part?.returnId,
    };
    if (entry.points < 0) {
      if (share <= 0) continue;
      const used = await allocationsOf(entry.id);
      const lotIds = new Set(used.map((a) => a.lotId));
      const lots = ledger.entries.filter((e) => lotIds.has(e.id));
      const expiresAt =
        lots.length === 0 || lots.some((l) => l.expiresAt === null)
          ? expiryFrom(store.pointsRules, now)
          : new Date(Math.max(...lots.map((l) => l.expiresAt!.getTime())));
      await insertCredit(tx, store.id, customerId, {
        ...reversal,
        kind: 'reverse',
        points: share,
        availableAt: now,
        expiresAt,
      });
    } else {
      const unexpired = entry.points - (ledger.expiredFrom.get(entry.id) ?? 0) - undone;
      const takeBack = Math.min(share, unexpired);
      if (takeBack <= 0) continue;
      // A still-pending earn is undone in the pending column: same availability moment.
      const availableAt = entry.availableAt > now ? entry.availableAt : now;
      const { allocations } =
        entry.availableAt > now
          ? { allocations: [{ lotId: entry.id, points: takeBack }] }
          : allocate(ledger, now, takeBack, entry.id);
      await insertDebit(tx, store.id, customerId, {
        ...reversal,
        kind: 'reverse',
        points: takeBack,
        availableAt,
        allocations,
      });
    }
  }
}

/** Admin grant (+) or deduction (−); a deduction cannot take the balance below zero. */
export async function adjustPoints(
  db: Db,
  store: Store,
  input: { email: string; points: number; reason: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.storeId, store.id), eq(customers.email, input.email.toLowerCase())));
    if (!customer) throw new ApiError('customer_not_found', 'No customer with this email.');
    const { ledger, summary } = await prepare(tx, store, customer.id, now);
    if (input.points > 0) {
      const entry = await insertCredit(tx, store.id, customer.id, {
        kind: 'adjust',
        points: input.points,
        reason: input.reason,
        availableAt: now,
        expiresAt: expiryFrom(store.pointsRules, now),
        now,
      });
      return entry!;
    }
    const take = -input.points;
    if (take > summary.balance) {
      throw new ApiError('insufficient_points', 'The deduction is larger than the balance.', {
        balance: Math.max(0, summary.balance),
        requested: take,
      });
    }
    return insertDebit(tx, store.id, customer.id, {
      kind: 'adjust',
      points: take,
      reason: input.reason,
      availableAt: now,
      now,
      allocations: allocate(ledger, now, take).allocations,
    });
  });
}

/** Writes due expiry for every customer of the store; returns how many lots expired. */
export async function expireAll(db: Db, store: Store, now: Date): Promise<number> {
  const due = await db
    .selectDistinct({ customerId: pointsEntries.customerId })
    .from(pointsEntries)
    .where(
      and(
        eq(pointsEntries.storeId, store.id),
        isNotNull(pointsEntries.expiresAt),
        lte(pointsEntries.expiresAt, now),
        sql`${pointsEntries.points} > 0`,
      ),
    );
  let total = 0;
  for (const { customerId } of due) {
    total += await db.transaction(
      async (tx) => (await prepare(tx, store, customerId, now)).expired,
    );
  }
  return total;
}

/** The balance, pending points, lifetime, tier and next expiry (read only). */
export async function pointsSummary(
  db: Db,
  store: Store,
  customerId: string,
  now: Date,
): Promise<PointsSummary> {
  const ledger = await loadLedger(db, store.id, customerId);
  return summarize(ledger, store.pointsRules, now);
}

export function entryView(e: PointsEntryRow): PointsEntryView {
  return {
    id: e.id,
    kind: e.kind,
    points: e.points,
    reason: e.reason,
    orderId: e.orderId,
    createdAt: e.createdAt.toISOString(),
    availableAt: e.availableAt.toISOString(),
    expiresAt: e.expiresAt?.toISOString() ?? null,
  };
}

/** The customer's ledger, newest first, in cursor pages. */
export async function pointsHistory(
  db: Db,
  store: Store,
  customerId: string,
  first: number,
  after: string | undefined,
) {
  const conditions = [
    eq(pointsEntries.storeId, store.id),
    eq(pointsEntries.customerId, customerId),
  ];
  if (after) conditions.push(afterNewest(after, pointsEntries.createdAt, pointsEntries.id));
  const rows = await db
    .select()
    .from(pointsEntries)
    .where(and(...conditions))
    .orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id))
    .limit(first + 1);
  const page = toPage(rows, first, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map(entryView), nextCursor: page.nextCursor };
}
