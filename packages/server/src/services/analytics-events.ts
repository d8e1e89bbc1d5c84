import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { analyticsEvents, products } from '../db/schema/index.js';
import { MAX_AMOUNT_MINOR } from '../limits.js';
import type { ClientEvent } from '../schemas/analytics.js';
import { isUuid } from '../uuid.js';
import { minorDigits } from './money.js';
import type { Store } from './stores.js';

/** How far back a page's own time (`at`) is believed: a queue flushed on the next visit. */
const TRUSTED_AGE_MS = 86_400_000;

/** The UTC day of a time, as the reports group by it (YYYY-MM-DD). */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** The page's time when it is plausible (past, within a day), else the time received. */
function occurredAt(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const time = new Date(at);
  const age = now.getTime() - time.getTime();
  return age >= 0 && age <= TRUSTED_AGE_MS ? time : now;
}

/** A GA4 amount (major units, a float) as minor units of `currency`, capped. */
function toMinorUnits(amount: number, quantity: number, currency: string): number {
  const minor = Math.round(amount * 10 ** minorDigits(currency)) * quantity;
  return Math.min(minor, MAX_AMOUNT_MINOR);
}

/** The store's products that the items name, by id or handle → product id. */
async function knownProducts(
  db: Db,
  store: Store,
  itemIds: Set<string>,
): Promise<Map<string, string>> {
  const ids = [...itemIds].filter(isUuid);
  const handles = [...itemIds].filter((i) => !isUuid(i));
  const byId = ids.length ? inArray(products.id, ids) : undefined;
  const byHandle = handles.length ? inArray(products.handle, handles) : undefined;
  const rows = await db
    .select({ id: products.id, handle: products.handle })
    .from(products)
    .where(and(eq(products.storeId, store.id), or(byId, byHandle)));
  const known = new Map<string, string>();
  for (const row of rows) {
    known.set(row.id, row.id);
    known.set(row.handle, row.id);
  }
  return known;
}

/**
 * Stores a batch as one row per event and item of the store's catalog; items it does not
 * have are dropped (a stale page, a typo), not refused, so one bad item does not lose the
 * rest of a beacon. Returns the rows stored.
 */
export async function recordEvents(
  db: Db,
  store: Store,
  events: readonly ClientEvent[],
  now: Date,
): Promise<number> {
  const itemIds = new Set(events.flatMap((e) => e.params.items.map((i) => i.item_id)));
  const known = await knownProducts(db, store, itemIds);
  const rows: (typeof analyticsEvents.$inferInsert)[] = [];
  for (const event of events) {
    const at = occurredAt(event.at, now);
    const { currency } = event.params;
    for (const item of event.params.items) {
      const productId = known.get(item.item_id);
      if (!productId) continue;
      rows.push({
        storeId: store.id,
        name: event.name,
        productId,
        ref: event.ref ?? null,
        channel: event.channel ?? null,
        day: utcDay(at),
        occurredAt: at,
        valueMinor: toMinorUnits(item.price ?? 0, item.quantity ?? 1, currency),
        currency,
      });
    }
  }
  if (rows.length) await db.insert(analyticsEvents).values(rows);
  return rows.length;
}
