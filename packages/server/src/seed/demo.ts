import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { stores } from '../db/schema/index.js';
import { saveShippingConfig } from '../services/shipping/config.js';
import { type CreateStoreInput, createStore } from '../services/stores.js';
import { buildCatalog, insertCatalog } from './catalog.js';
import { auroraProducts, borealisProducts, type SeedProduct, seedCustomers } from './data.js';
import { seedMembership } from './membership.js';
import { auroraHistory, insertPurchaseHistory, type PastBasket } from './purchase-history.js';
import { insertReviews } from './reviews.js';
import { demoShipping } from './shipping.js';

/** Origins of the demo site and the API's own dev servers (Vite dev, preview, the API). */
export const DEMO_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:8787',
  'http://127.0.0.1:8787',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
];

/** A demo store: its settings, its catalog, who reviews it and how many products get reviews. */
interface DemoStore extends CreateStoreInput {
  products: SeedProduct[];
  /** Whether it ships physical goods (zones, rates, taxes: seed/shipping.ts). */
  ships: boolean;
  reviewers: string[];
  reviewedProducts: number;
  /** Past paid orders, as recommendation counts. */
  history?: PastBasket[];
}

/** Points rules are the defaults (1 point a unit, worth 1 minor unit) but for these. */
const DEMO_STORES: DemoStore[] = [
  {
    handle: 'aurora',
    name: 'Aurora Apparel',
    publishableKey: 'pk_test_aurora',
    secretKey: 'sk_test_aurora',
    currencies: ['USD', 'EUR', 'GBP', 'CNY', 'RUB', 'BRL'],
    locales: ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt-BR', 'ar'],
    // Units of each currency per US dollar, as the demo prices derive.
    pointsRules: {
      rates: { USD: 1, EUR: 0.92, GBP: 0.79, CNY: 7.2, RUB: 90, BRL: 5.2 },
      maxRedeemPercent: 50,
    },
    settings: { reviewsAutoApprove: false },
    products: auroraProducts,
    ships: true,
    reviewers: seedCustomers,
    reviewedProducts: 24,
    history: auroraHistory,
  },
  {
    handle: 'borealis',
    name: 'Borealis Outdoor',
    publishableKey: 'pk_test_borealis',
    secretKey: 'sk_test_borealis',
    currencies: ['EUR', 'USD'],
    locales: ['en', 'de', 'fr'],
    pointsRules: { rates: { EUR: 1, USD: 1.09 }, maxRedeemPercent: 30 },
    settings: { reviewsAutoApprove: true },
    products: borealisProducts,
    ships: true,
    reviewers: seedCustomers.slice(0, 6),
    reviewedProducts: 4,
  },
];

/** A store, its catalog and its reviews. */
async function seedStore(tx: Tx, spec: DemoStore) {
  const { products, reviewers, reviewedProducts, ships, history = [], ...input } = spec;
  const { store } = await createStore(tx as unknown as Db, {
    ...input,
    allowedOrigins: DEMO_ORIGINS,
  });
  const rows = buildCatalog(store, products);
  await insertCatalog(tx, rows);
  await insertReviews(tx, store, spec.handle, reviewers, rows.products, reviewedProducts);
  if (ships) await saveShippingConfig(tx, store.id, demoShipping(store.currencies), new Date());
  if (spec.handle === 'aurora') await seedMembership(tx, store);
  await insertPurchaseHistory(tx, store, rows.products, history);
}

/**
 * Seeds the demo stores (Aurora and Borealis, with products, customers and reviews) into an
 * empty database. Returns false when the stores are already there, so a restart keeps what
 * the demo did.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const seeded = async () =>
    (await db.select({ id: stores.id }).from(stores).where(eq(stores.handle, 'aurora')).limit(1))
      .length > 0;
  if (await seeded()) return false;
  try {
    await db.transaction(async (tx) => {
      for (const spec of DEMO_STORES) await seedStore(tx, spec);
    });
    return true;
  } catch (err) {
    // Another instance seeded at the same moment: its stores won the unique handles.
    if ((err as { code?: string }).code === '23505' || /unique|duplicate/i.test(String(err))) {
      if (await seeded()) return false;
    }
    throw err;
  }
}
