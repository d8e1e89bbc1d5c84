import type { Tx } from '../db/index.js';
import { customers, type products, reviews, reviewVotes } from '../db/schema/index.js';
import type { Store } from '../services/stores.js';
import { merchantReplies, reviewTexts } from './data.js';
import { demoId, insertAll, prng, type Row } from './rows.js';
import { helpfulVotes } from './votes.js';

const REVIEW_EPOCH = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY = 86_400_000;

function pickRating(r: number): number {
  return r < 0.04 ? 1 : r < 0.1 ? 2 : r < 0.24 ? 3 : r < 0.55 ? 4 : 5;
}

/** Seed customers and their reviews (approved, a few pending) on the first products. */
export async function insertReviews(
  tx: Tx,
  store: Store,
  prefix: string,
  names: string[],
  productRows: Row<typeof products>[],
  reviewedProducts: number,
) {
  const customerRows = names.map((name, i) => ({
    id: demoId(`${prefix}/customer/${i}`),
    storeId: store.id,
    email: `${name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.')}@example.com`,
    name,
    createdAt: new Date(REVIEW_EPOCH - 400 * DAY),
  }));
  await tx.insert(customers).values(customerRows);

  const reviewRows: Row<typeof reviews>[] = [];
  productRows.slice(0, reviewedProducts).forEach((product, pIndex) => {
    const rand = prng(`reviews/${product.handle}`);
    const count = pIndex === 0 ? customerRows.length - 2 : 1 + Math.floor(rand() * 6);
    for (let i = 0; i < count && i < customerRows.length; i++) {
      const customer = customerRows[(pIndex + i) % customerRows.length]!;
      const rating = pickRating(rand());
      const texts = reviewTexts[rating]!;
      const [title, body] = texts[Math.floor(rand() * texts.length)]!;
      const createdAt = new Date(REVIEW_EPOCH - Math.floor(rand() * 300) * DAY - i * 3_600_000);
      const reply = rand() < 0.2;
      reviewRows.push({
        id: demoId(`${prefix}/review/${product.handle}/${i}`),
        storeId: store.id,
        productId: product.id!,
        customerId: customer.id,
        rating,
        title,
        body,
        status: 'approved',
        verified: rand() < 0.6,
        // Backed by real votes (below): a shopper's vote then adds one to what the list showed.
        helpfulCount: Math.floor(rand() * customerRows.length),
        replyBody: reply ? merchantReplies[rating >= 4 ? 0 : rating === 3 ? 2 : 1]! : null,
        repliedAt: reply ? new Date(createdAt.getTime() + 2 * DAY) : null,
        createdAt,
        updatedAt: createdAt,
      });
    }
  });

  const first = productRows[0]!;
  // On the first product the last two customers wrote nothing above: the one before the last
  // writes the test fixtures' hostile-content review (test-fixtures.ts), the last this one,
  // waiting for moderation (the store does not auto-approve).
  reviewRows.push({
    id: demoId(`${prefix}/review/${first.handle}/pending`),
    storeId: store.id,
    productId: first.id!,
    customerId: customerRows.at(-1)!.id,
    rating: 2,
    title: 'Shrank a little',
    body: 'Lost about half a size after a hot wash.',
    status: 'pending',
    verified: false,
    createdAt: new Date(REVIEW_EPOCH - 1 * DAY),
    updatedAt: new Date(REVIEW_EPOCH - 1 * DAY),
  });
  await insertAll(tx, reviews, reviewRows);
  await insertAll(
    tx,
    reviewVotes,
    reviewRows.flatMap((r) => helpfulVotes(r, customerRows)),
  );
}
