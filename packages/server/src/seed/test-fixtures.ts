import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { reviews, reviewVotes, stores } from '../db/schema/index.js';
import { seedCustomers } from './data.js';
import { demoId } from './rows.js';
import { helpfulVotes } from './votes.js';

const REVIEW_AT = new Date(Date.UTC(2025, 4, 27, 12, 0, 0));

/**
 * Hostile content for the tests, on top of the demo seed (`seedDemo`) and never part of it:
 * the demo pages show the demo stores, and these are not reviews a shopper should read.
 * Today one approved review of `aurora-classic-tee` whose title and body hold markup and a
 * `<script>` tag: widgets must render it as text. Adding them again changes nothing.
 */
export async function seedTestFixtures(db: Db): Promise<void> {
  const [aurora] = await db
    .select({ id: stores.id })
    .from(stores)
    .where(eq(stores.handle, 'aurora'))
    .limit(1);
  if (!aurora) throw new Error('seedTestFixtures needs the demo stores: run seedDemo first');
  const customers = seedCustomers.map((_, i) => ({ id: demoId(`aurora/customer/${i}`) }));
  const markup = {
    id: demoId('aurora/review/aurora-classic-tee/markup'),
    storeId: aurora.id,
    productId: demoId('aurora/product/aurora-classic-tee'),
    // The one seed customer who has no review of the tee and no pending one (demo.ts).
    customerId: customers.at(-2)!.id,
    rating: 4,
    title: 'Nice <b>tee</b>',
    body: 'Great shirt. <script>alert(1)</script> If you can read the tag, rendering is text-only.',
    status: 'approved' as const,
    verified: true,
    helpfulCount: 3,
    createdAt: REVIEW_AT,
    updatedAt: REVIEW_AT,
  };
  await db.transaction(async (tx) => {
    const added = await tx.insert(reviews).values(markup).onConflictDoNothing().returning();
    if (added.length) await tx.insert(reviewVotes).values(helpfulVotes(markup, customers));
  });
}
