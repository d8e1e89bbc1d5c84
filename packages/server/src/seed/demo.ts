import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/index.js';
import {
  customers,
  images,
  productImages,
  products,
  reviews,
  reviewVotes,
  stores,
  variantPrices,
  variants,
} from '../db/schema/index.js';
import { createStore, type Store } from '../services/stores.js';
import {
  auroraProducts,
  borealisProducts,
  colourHex,
  merchantReplies,
  reviewTexts,
  type SeedProduct,
  seedCustomers,
  sizesFor,
} from './data.js';
import { IMAGE_SIZE, renderProductSvg } from './svg.js';
import { helpfulVotes } from './votes.js';

/** Origins of the demo site and the API's own dev servers (Vite dev, preview, the API). */
export const DEMO_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:8787',
  'http://127.0.0.1:8787',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
];

/** Units of each currency per US dollar, for deriving demo prices and points rates. */
const AURORA_RATES = { USD: 1, EUR: 0.92, GBP: 0.79, CNY: 7.2, RUB: 90, BRL: 5.2 };

/**
 * A shop-like price in minor units: whole euros and pounds, yuan ending in 9, roubles in
 * 90, reais in .90. Deterministic, never a float in the result.
 */
export function demoPriceMinor(usd: number, currency: string): number {
  switch (currency) {
    case 'USD':
      return usd * 100;
    case 'EUR':
      return Math.round(usd * 0.92) * 100;
    case 'GBP':
      return Math.round(usd * 0.79) * 100;
    case 'CNY':
      return (Math.round((usd * 7.2) / 10) * 10 - 1) * 100;
    case 'RUB':
      return (Math.round((usd * 90) / 100) * 100 - 10) * 100;
    case 'BRL':
      return Math.round(usd * 5.2) * 100 - 10;
    default:
      throw new Error(`No demo price rule for ${currency}`);
  }
}

/** Stable UUIDs from names, so the demo's ids are the same on every machine and run. */
export function demoId(name: string): string {
  const h = createHash('sha256').update(`kiosk-demo:${name}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small deterministic PRNG (mulberry32) seeded from a string. */
function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row<T extends PgTable> = T['$inferInsert'];

/** Multi-row inserts in chunks (PostgreSQL caps a statement at 65535 parameters). */
async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: Row<T>[], size = 400) {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size));
  }
}

interface CatalogRows {
  products: Row<typeof products>[];
  variants: Row<typeof variants>[];
  prices: Row<typeof variantPrices>[];
  images: Row<typeof images>[];
  productImages: Row<typeof productImages>[];
}

/** Stock overrides that tests and the demo script rely on (see docs/server/catalog.md). */
const FIXED_STOCK: Record<string, (title: string) => number | undefined> = {
  'aurora-classic-tee': (title) => (title === 'White / XXL' ? 0 : title === 'Navy / XS' ? 2 : 50),
};

function buildCatalog(
  store: Store,
  prefix: string,
  brand: string,
  list: SeedProduct[],
  currencies: string[],
  defaultVendor: string,
): CatalogRows {
  const out: CatalogRows = {
    products: [],
    variants: [],
    prices: [],
    images: [],
    productImages: [],
  };
  const encoder = new TextEncoder();
  list.forEach((p, index) => {
    const handle = `${prefix}-${p.slug.replace(new RegExp(`^${prefix}-`), '')}`;
    const productId = demoId(`${prefix}/product/${handle}`);
    const sizes = sizesFor(p);
    const options = [
      { name: 'Colour', values: p.colours },
      ...(sizes ? [{ name: 'Size', values: sizes }] : []),
    ];
    out.products.push({
      id: productId,
      storeId: store.id,
      handle,
      title: p.title,
      description:
        `${p.blurb} ${p.colours.length > 1 ? `Available in ${p.colours.length} colours.` : ''}`.trim(),
      vendor: p.vendor ?? defaultVendor,
      options,
      status: 'active',
    });

    // One picture per colour, in the colour order; every variant of a colour shows it.
    const pictures = new Map<string, string>();
    p.colours.forEach((colour, i) => {
      const imageId = demoId(`${prefix}/image/${handle}/${colour}`);
      const galleryId = demoId(`${prefix}/product-image/${handle}/${colour}`);
      const svg = renderProductSvg({
        kind: p.kind,
        colour: colourHex[colour]!,
        title: p.title,
        brand,
      });
      out.images.push({
        id: imageId,
        storeId: store.id,
        contentType: 'image/svg+xml',
        data: encoder.encode(svg),
        width: IMAGE_SIZE,
        height: IMAGE_SIZE,
      });
      out.productImages.push({
        id: galleryId,
        storeId: store.id,
        productId,
        imageId,
        alt: `${p.title} in ${colour}`,
        position: i,
      });
      pictures.set(colour, galleryId);
    });

    const rand = prng(handle);
    const fixed = FIXED_STOCK[handle];
    let position = 0;
    const firstVariant = out.variants.length;
    for (const colour of p.colours) {
      for (const size of sizes ?? [null]) {
        const title = size ? `${colour} / ${size}` : colour;
        const variantId = demoId(`${prefix}/variant/${handle}/${title}`);
        const r = rand();
        const stock = p.soldOut
          ? 0
          : (fixed?.(title) ??
            (r < 0.12 ? 0 : r < 0.25 ? 1 + Math.floor(rand() * 3) : 5 + Math.floor(rand() * 56)));
        out.variants.push({
          id: variantId,
          storeId: store.id,
          productId,
          title,
          options: size ? { Colour: colour, Size: size } : { Colour: colour },
          sku: `${prefix.slice(0, 3).toUpperCase()}-${String(index + 1).padStart(3, '0')}-${colour.replace(/\s+/g, '').slice(0, 4).toUpperCase()}${size ? `-${size.replace('/', '')}` : ''}`,
          stock,
          position: position++,
          imageId: pictures.get(colour)!,
        });
        for (const currency of currencies) {
          const full = demoPriceMinor(p.usd, currency);
          const sale = p.sale ? demoPriceMinor(Math.round(p.usd * 0.8), currency) : full;
          out.prices.push({
            storeId: store.id,
            variantId,
            currency,
            amountMinor: sale,
            compareAtMinor: p.sale ? full : null,
          });
        }
      }
    }

    // Only the limited parka is sold out entirely: every other product keeps one in stock.
    const own = out.variants.slice(firstVariant);
    if (!p.soldOut && own.every((v) => v.stock === 0)) own[0]!.stock = 8;
  });
  return out;
}

async function insertCatalog(tx: Tx, rows: CatalogRows) {
  // One statement for the products keeps their positions (identity) in list order.
  await tx.insert(products).values(rows.products);
  // Images before variants: a variant points at its picture.
  await insertAll(tx, images, rows.images, 50);
  await insertAll(tx, productImages, rows.productImages);
  await insertAll(tx, variants, rows.variants);
  await insertAll(tx, variantPrices, rows.prices, 1000);
}

const REVIEW_EPOCH = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY = 86_400_000;

function pickRating(r: number): number {
  return r < 0.04 ? 1 : r < 0.1 ? 2 : r < 0.24 ? 3 : r < 0.55 ? 4 : 5;
}

/** Seed customers and their reviews (approved, a few pending) on the first products. */
async function insertReviews(
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

async function seedAurora(tx: Tx) {
  const currencies = ['USD', 'EUR', 'GBP', 'CNY', 'RUB', 'BRL'];
  const { store } = await createStore(tx as unknown as Db, {
    handle: 'aurora',
    name: 'Aurora Apparel',
    publishableKey: 'pk_test_aurora',
    secretKey: 'sk_test_aurora',
    currencies,
    locales: ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt-BR', 'ar'],
    allowedOrigins: DEMO_ORIGINS,
    pointsRules: {
      baseCurrency: 'USD',
      earnPerUnit: 1,
      pointValueMinor: 1,
      rates: AURORA_RATES,
      pendingDays: 0,
      expiryDays: 365,
      maxRedeemPercent: 50,
      tiers: [
        { name: 'Member', minLifetime: 0 },
        { name: 'Silver', minLifetime: 500 },
        { name: 'Gold', minLifetime: 2000 },
      ],
    },
    settings: { reviewsAutoApprove: false },
  });
  const rows = buildCatalog(
    store,
    'aurora',
    'Aurora Apparel',
    auroraProducts,
    currencies,
    'Aurora Apparel',
  );
  await insertCatalog(tx, rows);
  await insertReviews(tx, store, 'aurora', seedCustomers, rows.products, 24);
}

async function seedBorealis(tx: Tx) {
  const currencies = ['EUR', 'USD'];
  const { store } = await createStore(tx as unknown as Db, {
    handle: 'borealis',
    name: 'Borealis Outdoor',
    publishableKey: 'pk_test_borealis',
    secretKey: 'sk_test_borealis',
    currencies,
    locales: ['en', 'de', 'fr'],
    allowedOrigins: DEMO_ORIGINS,
    pointsRules: {
      baseCurrency: 'EUR',
      earnPerUnit: 1,
      pointValueMinor: 1,
      rates: { EUR: 1, USD: 1.09 },
      pendingDays: 0,
      expiryDays: 365,
      maxRedeemPercent: 30,
      tiers: [
        { name: 'Member', minLifetime: 0 },
        { name: 'Silver', minLifetime: 500 },
        { name: 'Gold', minLifetime: 2000 },
      ],
    },
    settings: { reviewsAutoApprove: true },
  });
  const rows = buildCatalog(
    store,
    'borealis',
    'Borealis Outdoor',
    borealisProducts,
    currencies,
    'Borealis Outdoor',
  );
  await insertCatalog(tx, rows);
  await insertReviews(tx, store, 'borealis', seedCustomers.slice(0, 6), rows.products, 4);
}

/**
 * Seeds the demo stores (Aurora and Borealis, with products, customers and reviews) into an
 * empty database. Returns false when the stores are already there, so a restart keeps what
 * the demo did.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const existing = await db
    .select({ id: stores.id })
    .from(stores)
    .where(eq(stores.handle, 'aurora'))
    .limit(1);
  if (existing.length > 0) return false;
  try {
    await db.transaction(async (tx) => {
      await seedAurora(tx);
      await seedBorealis(tx);
    });
    return true;
  } catch (err) {
    // Another instance seeded at the same moment: its stores won the unique handles.
    if ((err as { code?: string }).code === '23505' || /unique|duplicate/i.test(String(err))) {
      const again = await db
        .select({ id: stores.id })
        .from(stores)
        .where(eq(stores.handle, 'aurora'))
        .limit(1);
      if (again.length > 0) return false;
    }
    throw err;
  }
}
