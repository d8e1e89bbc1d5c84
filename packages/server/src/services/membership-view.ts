import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { customers } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import type { MembershipStatus } from '../schemas/membership.js';
import { memberStatus, perksOf } from './membership.js';
import { toMoney } from './money.js';
import type { Store } from './stores.js';

/** The shopper's membership as GET /v1/membership answers it. */
export async function membershipView(
  db: Db,
  store: Store,
  customerId: string,
  now: Date,
): Promise<MembershipStatus> {
  const status = await memberStatus(db, store, customerId, now);
  const perks = perksOf(store, status.tier);
  const [customer] = await db
    .select({ month: customers.birthdayMonth, day: customers.birthdayDay })
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.storeId, store.id)));
  return {
    tier: status.tier,
    source: status.source,
    lifetime: status.lifetime,
    nextTier: status.nextTier,
    plan: status.plan && {
      tier: status.plan.tier,
      activeUntil: status.plan.activeUntil.toISOString(),
    },
    perks: {
      ...(perks.percentOff ? { percentOff: perks.percentOff } : {}),
      pointsMultiplier: perks.pointsMultiplier ?? 1,
      ...(perks.freeShippingOver
        ? {
            freeShippingOver: Object.entries(perks.freeShippingOver).map(([currency, minor]) =>
              toMoney(minor, currency),
            ),
          }
        : {}),
      ...(perks.birthdayPoints ? { birthdayPoints: perks.birthdayPoints } : {}),
    },
    birthday:
      customer?.month != null && customer.day != null
        ? { month: customer.month, day: customer.day }
        : null,
  };
}

export async function setBirthday(
  db: Db,
  store: Store,
  customerId: string,
  birthday: { month: number; day: number },
): Promise<void> {
  const updated = await db
    .update(customers)
    .set({ birthdayMonth: birthday.month, birthdayDay: birthday.day })
    .where(and(eq(customers.id, customerId), eq(customers.storeId, store.id)))
    .returning({ id: customers.id });
  if (updated.length === 0) throw new ApiError('customer_not_found', 'No such customer.');
}
