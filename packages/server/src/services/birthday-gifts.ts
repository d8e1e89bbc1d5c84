import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { birthdayGifts, customers, stores } from '../db/schema/index.js';
import { memberTier, perksOf } from './membership.js';
import { expiryFrom, insertCredit, prepare } from './points-entries.js';
import type { Store } from './stores.js';

/** Thrown inside a gift's transaction to undo it when the gift of the year was given already. */
class AlreadyGiven extends Error {}

/** The (month, day)s whose birthday is `now`'s UTC date: 29 February's is the 28th in other years. */
function birthdaysOn(now: Date): { month: number; day: number }[] {
  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  const year = now.getUTCFullYear();
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return month === 2 && day === 28 && !leap
    ? [
        { month, day },
        { month: 2, day: 29 },
      ]
    : [{ month, day }];
}

/**
 * Gives one customer their tier's birthday points for `now`'s year, once: under the
 * customer's row lock the year's gift is looked for, and the unique key (store, customer,
 * year) is the last word (a second gift rolls back with its ledger entry). True if given.
 */
export async function giveBirthdayGift(
  db: Db,
  store: Store,
  customerId: string,
  now: Date,
): Promise<boolean> {
  const year = now.getUTCFullYear();
  try {
    return await db.transaction(async (tx) => {
      await prepare(tx, store, customerId, now);
      const [given] = await tx
        .select({ id: birthdayGifts.id })
        .from(birthdayGifts)
        .where(
          and(
            eq(birthdayGifts.storeId, store.id),
            eq(birthdayGifts.customerId, customerId),
            eq(birthdayGifts.year, year),
          ),
        );
      if (given) return false;
      const points = perksOf(store, await memberTier(tx, store, customerId, now)).birthdayPoints;
      if (!points) return false;
      const entry = await insertCredit(tx, store.id, customerId, {
        kind: 'gift',
        points,
        reason: 'Birthday gift',
        availableAt: now,
        expiresAt: expiryFrom(store.pointsRules, now),
        now,
      });
      const inserted = await tx
        .insert(birthdayGifts)
        .values({ id: randomUUID(), storeId: store.id, customerId, year, entryId: entry!.id })
        .onConflictDoNothing()
        .returning({ id: birthdayGifts.id });
      if (inserted.length === 0) throw new AlreadyGiven();
      return true;
    });
  } catch (err) {
    if (err instanceof AlreadyGiven) return false;
    throw err;
  }
}

/** Every store's birthday gifts due on `now`'s UTC date; returns how many were given. */
export async function giveBirthdayGifts(db: Db, now: Date): Promise<number> {
  let given = 0;
  for (const store of await db.select().from(stores)) {
    const tiers = store.settings.membership?.tiers ?? [];
    if (!tiers.some((t) => t.perks.birthdayPoints)) continue;
    for (const { month, day } of birthdaysOn(now)) {
      const due = await db
        .select({ id: customers.id })
        .from(customers)
        .where(
          and(
            eq(customers.storeId, store.id),
            eq(customers.birthdayMonth, month),
            eq(customers.birthdayDay, day),
          ),
        );
      for (const { id } of due) if (await giveBirthdayGift(db, store, id, now)) given++;
    }
  }
  return given;
}
