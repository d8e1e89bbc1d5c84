import { eq } from 'drizzle-orm';
import type { Tx } from '../db/index.js';
import { customers, pointsEntries, stores } from '../db/schema/index.js';
import type { Membership } from '../db/types.js';
import { hashPassword } from '../services/passwords.js';
import type { Store } from '../services/stores.js';
import { demoId } from './rows.js';

/** The demo's Gold member (docs/server/membership.md): sign in with these on the hosted page. */
export const DEMO_GOLD_MEMBER = { email: 'gold@example.com', password: 'kiosk-gold-member' };

/** Aurora's products with member prices, and the one Gold members may buy early. */
const product = (slug: string) => demoId(`aurora/product/aurora-${slug}`);

/**
 * Aurora's membership (issue 17): Silver (500 lifetime points) and Gold (2000) with member
 * prices on a few products, points multipliers, free shipping thresholds and a birthday gift;
 * early access for Gold to the wool overcoat until 2030 (a fixed date: the seed is the same on
 * every run). And a Gold shopper with a password.
 */
export async function seedMembership(tx: Tx, store: Store) {
  const membership: Membership = {
    tiers: [
      {
        name: 'Silver',
        perks: {
          percentOff: 5,
          percentOffProducts: [product('heavyweight-tee'), product('denim-jacket')],
          pointsMultiplier: 1.5,
          freeShippingOver: { USD: 7500, EUR: 7000, GBP: 6000 },
          birthdayPoints: 100,
        },
      },
      {
        name: 'Gold',
        perks: {
          percentOff: 15,
          percentOffProducts: [
            product('heavyweight-tee'),
            product('denim-jacket'),
            product('bomber-jacket'),
          ],
          pointsMultiplier: 2,
          freeShippingOver: { USD: 0, EUR: 0, GBP: 0 },
          birthdayPoints: 500,
        },
      },
    ],
    plans: [],
    earlyAccess: [
      { productId: product('wool-overcoat'), until: '2030-01-01T00:00:00.000Z', tiers: ['Gold'] },
    ],
  };
  await tx
    .update(stores)
    .set({ settings: { ...store.settings, membership } })
    .where(eq(stores.id, store.id));
  const customerId = demoId('aurora/customer/gold');
  await tx.insert(customers).values({
    id: customerId,
    storeId: store.id,
    email: DEMO_GOLD_MEMBER.email,
    name: 'Gwen Gold',
    passwordHash: await hashPassword(DEMO_GOLD_MEMBER.password),
  });
  // Gold by lifetime points: a grant that never expires.
  await tx.insert(pointsEntries).values({
    id: demoId('aurora/points/gold-welcome'),
    storeId: store.id,
    customerId,
    kind: 'adjust',
    points: 2500,
    reason: 'Demo: a Gold member',
    availableAt: new Date('2025-01-01T00:00:00.000Z'),
    expiresAt: null,
    createdAt: new Date('2025-01-01T00:00:00.000Z'),
  });
}
