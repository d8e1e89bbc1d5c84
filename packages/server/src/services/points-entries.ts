import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/index.js';
import { pointsAllocations, pointsEntries } from '../db/schema/index.js';
import type { PointsRules } from '../db/types.js';
import { lockCustomer } from './locks.js';
import { isExpired, type Ledger, loadLedger, lotsOf, summarize } from './points-ledger.js';
import type { Store } from './stores.js';

export const DAY_MS = 86_400_000;

// Writes. Every balance-changing write runs inside a transaction holding the customer's
// row lock, so concurrent redemptions for one customer are serialised.

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
export async function prepare(tx: Tx, store: Store, customerId: string, now: Date) {
  await lockCustomer(tx, store.id, customerId);
  const before = await loadLedger(tx, store.id, customerId);
  const expired = await applyExpiry(tx, store.id, customerId, before, now);
  const ledger = expired > 0 ? await loadLedger(tx, store.id, customerId) : before;
  return { ledger, summary: summarize(ledger, store.pointsRules, now), expired };
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
  returnId?: string | undefined;
  allocations: { lotId: string; points: number }[];
}

export async function insertDebit(tx: Tx, storeId: string, customerId: string, d: DebitInput) {
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
      returnId: d.returnId ?? null,
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

export async function insertCredit(
  tx: Tx,
  storeId: string,
  customerId: string,
  c: {
    kind: 'earn' | 'adjust' | 'reverse' | 'gift';
    points: number;
    reason: string;
    availableAt: Date;
    expiresAt: Date | null;
    now: Date;
    orderId?: string;
    reversesId?: string;
    returnId?: string | undefined;
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
      returnId: c.returnId ?? null,
      reason: c.reason,
      availableAt: c.availableAt,
      expiresAt: c.expiresAt,
      createdAt: c.now,
    })
    .onConflictDoNothing()
    .returning();
  return entry;
}

export function expiryFrom(rules: PointsRules, availableAt: Date): Date | null {
  return rules.expiryDays === null
    ? null
    : new Date(availableAt.getTime() + rules.expiryDays * DAY_MS);
}
