import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { pointsAllocations, pointsEntries } from '../db/schema/index.js';
import type { PointsRules } from '../db/types.js';
import type { PointsSummary } from '../schemas/points.js';

type Conn = Db | Tx;
export type PointsEntryRow = typeof pointsEntries.$inferSelect;

// The ledger in memory: lots (credits) and what debits consumed from them.

export interface Ledger {
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

export async function loadLedger(conn: Conn, storeId: string, customerId: string): Promise<Ledger> {
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

export function lotsOf(ledger: Ledger): Lot[] {
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

/**
 * What 'reverse' entries undid of each entry, by its id: how many points, and whether one of
 * them undid all that was left of it (a cancel or refund of the order: nothing more to undo).
 */
export function reversalsOf(entries: PointsEntryRow[]) {
  const undone = new Map<string, { points: number; all: boolean }>();
  for (const e of entries) {
    if (!e.reversesId) continue;
    const r = undone.get(e.reversesId) ?? { points: 0, all: false };
    r.points += Math.abs(e.points);
    r.all ||= e.returnId === null;
    undone.set(e.reversesId, r);
  }
  return undone;
}

export const isExpired = (lot: Lot, now: Date) => lot.expiresAt !== null && lot.expiresAt <= now;

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
export function summarize(ledger: Ledger, rules: PointsRules, now: Date): PointsSummary {
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
  // Lifetime counts what was earned or granted and is not undone by a refund (what returns
  // took back of it, or all of it once the order is cancelled or refunded); spending and
  // expiry do not reduce it, pending points do not count yet.
  const reversals = reversalsOf(ledger.entries);
  let lifetime = 0;
  for (const e of ledger.entries) {
    if ((e.kind === 'earn' || (e.kind === 'adjust' && e.points > 0)) && e.availableAt <= now) {
      const undone = reversals.get(e.id);
      if (!undone?.all) lifetime += e.points - (undone?.points ?? 0);
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

/** Consumes `amount` from lots, preferred lot first, then soonest expiry first. */
export function allocate(ledger: Ledger, now: Date, amount: number, preferLotId?: string) {
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
