import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { customers, pointsAllocations, pointsEntries } from '../db/schema/index.js';
import type { PointsRules } from '../db/types.js';
import { ApiError } from '../errors.js';
import { afterNewest, toPage } from '../pagination.js';
import type { PointsEntryView, PointsSummary } from '../schemas/points.js';
import { pointsToEarn } from './points-pricing.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;
export type PointsEntryRow = typeof pointsEntries.$inferSelect;

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// The ledger in memory: lots (credits) and what debits consumed from them.
// ---------------------------------------------------------------------------

interface Ledger {
  entries: PointsEntryRow[];
  /** lot id → points consumed from it so far. */
  consumed: Map<string, number>;
  /** lot id → points that expired out of it. */
  expiredFrom: Map<string, number>;
}

interface Lot {
  id: string;
  points: number;
  remaining: number;
  availableAt: Date;
  expiresAt: Date | null;
}

async function loadLedger(conn: Conn, storeId: string, customerId: string): Promise<Ledger> {
  const entries = await conn
    .select()
    .from(pointsEntries)
    .where(and(eq(pointsEntries.storeId, storeId), eq(pointsEntries.customerId, customerId)));
  const allocations = await conn
    .select({
      lotId: pointsAllocations.lotId,
      points: pointsAllocations.points,
      debitKind: pointsEntries.kind,
    })
    .from(pointsAllocations)
    .innerJoin(pointsEntries, eq(pointsEntries.id, pointsAllocations.debitId))
    .where(and(eq(pointsEntries.storeId, storeId), eq(pointsEntries.customerId, customerId)));
  const consumed = new Map<string, number>();
  const expiredFrom = new Map<string, number>();
  for (const a of allocations) {
    consumed.set(a.lotId, (consumed.get(a.lotId) ?? 0) + a.points);
    if (a.debitKind === 'expire')
      expiredFrom.set(a.lotId, (expiredFrom.get(a.lotId) ?? 0) + a.points);
  }
  return { entries, consumed, expiredFrom };
}

function lotsOf(ledger: Ledger): Lot[] {
  return ledger.entries
    .filter((e) => e.points > 0)
    .map((e) => ({
      id: e.id,
      points: e.points,
      remaining: e.points - (ledger.consumed.get(e.id) ?? 0),
      availableAt: e.availableAt,
      expiresAt: e.expiresAt,
    }));
}

const isExpired = (lot: Lot, now: Date) => lot.expiresAt !== null && lot.expiresAt <= now;

/** Lots a debit may consume, in the order it consumes them: soonest expiry first. */
function spendableLots(ledger: Ledger, now: Date): Lot[] {
  return lotsOf(ledger)
    .filter((l) => l.remaining > 0 && l.availableAt <= now && !isExpired(l, now))
    .sort(
      (a, b) =>
        (a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) -
          (b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
        a.availableAt.getTime() - b.availableAt.getTime() ||
        a.id.localeCompare(b.id),
    );
}

/**
 * Balance = entries already available, minus what is left of lots past expiry (so a read
 * is right even before the expiry has been written to the ledger).
 */
function summarize(ledger: Ledger, rules: PointsRules, now: Date): PointsSummary {
  let balance = 0;
  let pending = 0;
  for (const e of ledger.entries) {
    // Debits count at once, whatever their timestamp: a concurrent request that took the lock
    // first may have stamped its debit a moment after this request's clock. Reversals keep
    // the timing of the entry they undo (a pending earn's reversal stays pending).
    if (e.availableAt <= now || (e.points < 0 && e.kind !== 'reverse')) balance += e.points;
    else pending += e.points;
  }
  const lots = lotsOf(ledger);
  for (const lot of lots) {
    if (lot.remaining > 0 && lot.availableAt <= now && isExpired(lot, now))
      balance -= lot.remaining;
  }
  // Lifetime counts what was earned or granted and is not undone by a refund; spending and
  // expiry do not reduce it, pending points do not count yet.
  const reversed = new Set(ledger.entries.map((e) => e.reversesId).filter(Boolean));
  let lifetime = 0;
  for (const e of ledger.entries) {
    if ((e.kind === 'earn' || (e.kind === 'adjust' && e.points > 0)) && e.availableAt <= now) {
      if (!reversed.has(e.id)) lifetime += e.points;
    }
  }
  const tiers = [...rules.tiers].sort((a, b) => a.minLifetime - b.minLifetime);
  const current = tiers.filter((t) => t.minLifetime <= lifetime).at(-1);
  const next = tiers.find((t) => t.minLifetime > lifetime);
  const upcoming = spendableLots(ledger, now).filter((l) => l.expiresAt !== null);
  const first = upcoming[0];
  const expiring = first
    ? {
        points: upcoming
          .filter((l) => l.expiresAt!.getTime() === first.expiresAt!.getTime())
          .reduce((s, l) => s + l.remaining, 0),
        at: first.expiresAt!.toISOString(),
      }
    : null;
  return {
    balance,
    pending,
    lifetime,
    tier: {
      name: current?.name ?? null,
      nextTier: next ? { name: next.name, pointsNeeded: next.minLifetime - lifetime } : null,
    },
    expiring,
  };
}

// ---------------------------------------------------------------------------
// Writes. Every balance-changing write runs inside a transaction holding the customer's
// row lock, so concurrent redemptions for one customer are serialised.
// ---------------------------------------------------------------------------

/** Locks the customer row; every write that depends on the balance takes this lock first. */
export async function lockCustomer(tx: Tx, storeId: string, customerId: string): Promise<void> {
  const [row] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.storeId, storeId)))
    .for('update');
  if (!row) throw new ApiError('customer_not_found', 'No such customer.');
}

/** Writes 'expire' entries for what is left of lots past their expiry. Caller holds the lock. */
async function applyExpiry(
  tx: Tx,
  storeId: string,
  customerId: string,
  ledger: Ledger,
  now: Date,
): Promise<number> {
  let count = 0;
  for (const lot of lotsOf(ledger)) {
    if (lot.remaining <= 0 || lot.availableAt > now || !isExpired(lot, now)) continue;
    await insertDebit(tx, storeId, customerId, {
      kind: 'expire',
      points: lot.remaining,
      reason: 'Points expired',
      availableAt: lot.expiresAt!,
      now,
      allocations: [{ lotId: lot.id, points: lot.remaining }],
    });
    count++;
  }
  return count;
}

/** Locks the customer, applies due expiry and returns the fresh ledger and summary. */
async function prepare(tx: Tx, store: Store, customerId: string, now: Date) {
  await lockCustomer(tx, store.id, customerId);
  const before = await loadLedger(tx, store.id, customerId);
  const expired = await applyExpiry(tx, store.id, customerId, before, now);
  const ledger = expired > 0 ? await loadLedger(tx, store.id, customerId) : before;
  return { ledger, summary: summarize(ledger, store.pointsRules, now), expired };
}

/** Consumes `amount` from lots, preferred lot first, then soonest expiry first. */
function allocate(ledger: Ledger, now: Date, amount: number, preferLotId?: string) {
  const allocations: { lotId: string; points: number }[] = [];
  let left = amount;
  const lots = spendableLots(ledger, now);
  if (preferLotId) {
    const preferred = lotsOf(ledger).find((l) => l.id === preferLotId && l.remaining > 0);
    if (preferred) {
      lots.splice(0, lots.length, preferred, ...lots.filter((l) => l.id !== preferLotId));
    }
  }
  for (const lot of lots) {
    if (left <= 0) break;
    const take = Math.min(lot.remaining, left);
    allocations.push({ lotId: lot.id, points: take });
    left -= take;
  }
  return { allocations, unallocated: left };
}

interface DebitInput {
  kind: 'redeem' | 'expire' | 'adjust' | 'reverse';
  /** Positive: how many points the debit takes. */
  points: number;
  reason: string;
  availableAt: Date;
  now: Date;
  orderId?: string;
  reversesId?: string;
  allocations: { lotId: string; points: number }[];
}

async function insertDebit(tx: Tx, storeId: string, customerId: string, d: DebitInput) {
  const id = randomUUID();
  const [entry] = await tx
    .insert(pointsEntries)
    .values({
      id,
      storeId,
      customerId,
      kind: d.kind,
      points: -d.points,
      orderId: d.orderId ?? null,
      reversesId: d.reversesId ?? null,
      reason: d.reason,
      availableAt: d.availableAt,
      expiresAt: null,
      createdAt: d.now,
    })
    .returning();
  const rows = d.allocations
    .filter((a) => a.points > 0)
    .map((a) => ({ id: randomUUID(), storeId, lotId: a.lotId, debitId: id, points: a.points }));
  if (rows.length > 0) await tx.insert(pointsAllocations).values(rows);
  return entry!;
}

async function insertCredit(
  tx: Tx,
  storeId: string,
  customerId: string,
  c: {
    kind: 'earn' | 'adjust' | 'reverse';
    points: number;
    reason: string;
    availableAt: Date;
    expiresAt: Date | null;
    now: Date;
    orderId?: string;
    reversesId?: string;
  },
) {
  const [entry] = await tx
    .insert(pointsEntries)
    .values({
      id: randomUUID(),
      storeId,
      customerId,
      kind: c.kind,
      points: c.points,
      orderId: c.orderId ?? null,
      reversesId: c.reversesId ?? null,
      reason: c.reason,
      availableAt: c.availableAt,
      expiresAt: c.expiresAt,
      createdAt: c.now,
    })
    .onConflictDoNothing()
    .returning();
  return entry;
}

function expiryFrom(rules: PointsRules, availableAt: Date): Date | null {
  return rules.expiryDays === null
    ? null
    : new Date(availableAt.getTime() + rules.expiryDays * DAY_MS);
}

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
  order: { id: string; customerId: string | null; totalMinor: number; currency: string },
  paidAt: Date,
  now: Date,
): Promise<void> {
  const rules = store.pointsRules;
  const points = pointsToEarn(rules, order);
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
 * Undoes an order's ledger entries (cancel, refund), each by a 'reverse' entry pointing at
 * it. A reversed redemption gives the points back as a new lot that expires when the
 * latest lot it consumed would have. A reversed earn takes back what did not already
 * expire: first from the earned lot itself, then from other lots soonest-expiry first;
 * if the customer already spent those points and has too few left, the balance goes
 * negative (only this reversal can do that) and later earnings pay it off.
 */
export async function reverseOrderEntries(
  tx: Tx,
  store: Store,
  order: { id: string; customerId: string | null },
  reason: string,
  now: Date,
): Promise<void> {
  if (!order.customerId) return;
  const customerId = order.customerId;
  const { ledger } = await prepare(tx, store, customerId, now);
  const reversed = new Set(ledger.entries.map((e) => e.reversesId).filter(Boolean));
  const toReverse = ledger.entries.filter(
    (e) => e.orderId === order.id && e.kind !== 'reverse' && !reversed.has(e.id),
  );
  const allocationsOf = async (debitId: string) =>
    tx
      .select({ lotId: pointsAllocations.lotId, points: pointsAllocations.points })
      .from(pointsAllocations)
      .where(eq(pointsAllocations.debitId, debitId));

  for (const entry of toReverse) {
    if (entry.points < 0) {
      const used = await allocationsOf(entry.id);
      const lotIds = new Set(used.map((a) => a.lotId));
      const lots = ledger.entries.filter((e) => lotIds.has(e.id));
      const expiresAt =
        lots.length === 0 || lots.some((l) => l.expiresAt === null)
          ? expiryFrom(store.pointsRules, now)
          : new Date(Math.max(...lots.map((l) => l.expiresAt!.getTime())));
      await insertCredit(tx, store.id, customerId, {
        kind: 'reverse',
        points: -entry.points,
        reason,
        availableAt: now,
        expiresAt,
        now,
        orderId: order.id,
        reversesId: entry.id,
      });
    } else {
      const takeBack = entry.points - (ledger.expiredFrom.get(entry.id) ?? 0);
      if (takeBack <= 0) continue;
      // A still-pending earn is undone in the pending column: same availability moment.
      const availableAt = entry.availableAt > now ? entry.availableAt : now;
      const { allocations } =
        entry.availableAt > now
          ? { allocations: [{ lotId: entry.id, points: takeBack }] }
          : allocate(ledger, now, takeBack, entry.id);
      await insertDebit(tx, store.id, customerId, {
        kind: 'reverse',
        points: takeBack,
        reason,
        availableAt,
        now,
        orderId: order.id,
        reversesId: entry.id,
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
