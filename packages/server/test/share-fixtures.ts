import { expect } from 'vitest';
import { reviews } from '../src/db/schema/index.js';
import { createTestCustomer, createTestStore, type TestApp, type TestStore } from './harness.js';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
).toString('base64');

export interface SharedProduct {
  id: string;
  handle: string;
  title: string;
  variantIds: string[];
  imageUrl: string;
}

/** A store in English, German and Arabic that sells in USD and EUR. */
export function createShareStore(t: TestApp, input: Parameters<typeof createTestStore>[1] = {}) {
  return createTestStore(t.db, { locales: ['en', 'de', 'ar'], ...input });
}

/** A product made through the admin API, with a picture, two sizes and compare-at prices. */
export async function createSharedProduct(
  t: TestApp,
  s: TestStore,
  input: {
    handle?: string;
    title?: string;
    description?: string;
    stock?: [number, number];
    status?: 'active' | 'draft';
  } = {},
): Promise<SharedProduct> {
  const title = input.title ?? 'Linen Shirt';
  const res = await t.request('/admin/v1/products', {
    token: s.sk,
    body: {
      title,
      handle: input.handle ?? 'linen-shirt',
      description: input.description ?? 'A light shirt for warm days.',
      status: input.status ?? 'active',
      options: [{ name: 'Size', values: ['S', 'M'] }],
      images: [{ contentType: 'image/png', data: png, width: 800, height: 600, alt: 'The shirt' }],
      variants: [
        {
          options: { Size: 'S' },
          stock: input.stock?.[0] ?? 20,
          prices: { USD: '1234.50', EUR: '1099.00' },
          compareAtPrices: { USD: '1500.00' },
        },
        {
          options: { Size: 'M' },
          stock: input.stock?.[1] ?? 20,
          prices: { USD: '1234.50', EUR: '1099.00' },
        },
      ],
    },
  });
  expect(res.status).toBe(201);
  return {
    id: res.body.id,
    handle: res.body.handle,
    title,
    variantIds: res.body.variants.map((v: { id: string }) => v.id),
    imageUrl: res.body.images[0].url,
  };
}

/** Approved reviews with these ratings. */
export async function addReviews(t: TestApp, s: TestStore, productId: string, ratings: number[]) {
  for (const rating of ratings) {
    const customer = await createTestCustomer(t, s.store);
    await t.db.insert(reviews).values({
      id: crypto.randomUUID(),
      storeId: s.store.id,
      productId,
      customerId: customer.id,
      rating,
      title: 'Good',
      body: 'Fine.',
      status: 'approved',
    });
  }
}

/** The content of `<meta property|name="key" content="…">` (entities of hono/html undone). */
export function meta(page: string, key: string): string | undefined {
  const m = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(page);
  return m ? unescapeHtml(m[1]!) : undefined;
}

export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The page's JSON-LD, parsed. */
export function jsonLd(page: string): any {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!);
}
