import type { Tx } from '../db/index.js';
import { productPairs, productSales } from '../db/schema/index.js';
import type { Store } from '../services/stores.js';

/** Orders the demo store was paid for before the demo starts: which products, how often, in what. */
export interface PastBasket {
  /** Product slugs, as in data.ts. */
  products: string[];
  orders: number;
  currency: string;
}

/** Aurora's history: enough for "Often bought with Classic Tee" on the brand page. */
export const auroraHistory: PastBasket[] = [
  { products: ['classic-tee', 'slim-chinos'], orders: 14, currency: 'USD' },
  { products: ['classic-tee', 'classic-baseball-cap'], orders: 9, currency: 'USD' },
  { products: ['classic-tee', 'relaxed-jeans'], orders: 6, currency: 'EUR' },
  { products: ['classic-tee', 'crew-socks-3-pack'], orders: 5, currency: 'EUR' },
  { products: ['classic-tee', 'heavyweight-tee'], orders: 4, currency: 'GBP' },
  { products: ['pullover-hoodie', 'fleece-joggers'], orders: 11, currency: 'USD' },
  { products: ['packable-rain-shell', 'everyday-backpack'], orders: 6, currency: 'EUR' },
  { products: ['ribbed-beanie', 'lambswool-scarf'], orders: 8, currency: 'EUR' },
  { products: ['merino-crew-sweater', 'wool-overcoat'], orders: 4, currency: 'GBP' },
];

/**
 * The recommendation counts those orders would have left (services/recommendation-counts.ts
 * keeps them for real orders): a sale per product and currency, a pair per two products.
 */
export async function insertPurchaseHistory(
  tx: Tx,
  store: Store,
  products: { id: string; handle: string }[],
  history: PastBasket[],
) {
  const idOf = (slug: string) => {
    const found = products.find((p) => p.handle === `${store.handle}-${slug}`);
    if (!found) throw new Error(`No seeded product ${slug} in ${store.handle}`);
    return found.id;
  };
  const sales = new Map<string, number>();
  const pairs = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) =>
    map.set(key, (map.get(key) ?? 0) + n);
  for (const basket of history) {
    const ids = basket.products.map(idOf);
    for (const a of ids) {
      add(sales, `${basket.currency} ${a}`, basket.orders);
      for (const b of ids) if (a !== b) add(pairs, `${a} ${b}`, basket.orders);
    }
  }
  if (!sales.size) return;
  await tx.insert(productSales).values(
    [...sales].map(([key, orders]) => {
      const [currency, productId] = key.split(' ') as [string, string];
      return { storeId: store.id, currency, productId, orders };
    }),
  );
  await tx.insert(productPairs).values(
    [...pairs].map(([key, orders]) => {
      const [productId, otherId] = key.split(' ') as [string, string];
      return { storeId: store.id, productId, otherId, orders };
    }),
  );
}
