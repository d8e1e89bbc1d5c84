import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { images, productImages } from '../src/db/schema/index.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestApp,
  useTestApp,
} from './harness.js';
import { pushSubscription } from './notifications-fixtures.js';

const t = useTestApp();

/** The public reads: cacheable when they succeed. Everything else (health included) is no-store. */
const publicReads = new Set([
  'GET /.well-known/oauth-authorization-server',
  'GET /images/{id}',
  'GET /v1/store',
  'GET /v1/products',
  'GET /v1/products/batch',
  'GET /v1/products/{idOrHandle}',
  'GET /v1/products/{product}/reviews',
  'GET /v1/products/{product}/reviews/summary',
  'GET /v1/notifications/config',
]);

/** Private route groups, each of which must answer at least one call below with a 2xx. */
const privateGroups = [
  '/v1/carts',
  '/v1/orders',
  '/v1/customers',
  '/v1/points',
  '/v1/products/{product}/reviews/mine',
  '/v1/reviews',
  '/admin/v1/store',
  '/admin/v1/products',
  '/admin/v1/customers',
  '/admin/v1/orders',
  '/admin/v1/points',
  '/admin/v1/reviews',
  '/v1/notifications/subscriptions',
  '/admin/v1/campaigns',
  '/oauth',
];

async function addImage(t: TestApp, storeId: string, productId: string): Promise<string> {
  const id = randomUUID();
  await t.db.insert(images).values({
    id,
    storeId,
    contentType: 'image/svg+xml',
    data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    width: 1,
    height: 1,
  });
  await t.db.insert(productImages).values({ id: randomUUID(), storeId, productId, imageId: id });
  return id;
}

/** A store with a product, an image, a signed-in customer with an order and a cart, a review. */
async function world(t: TestApp) {
  const s = await createTestStore(t.db);
  const p = await createTestProduct(t.db, s.store, { handle: 'tee' });
  const imageId = await addImage(t, s.store.id, p.id);
  const customer = await createTestCustomer(t, s.store);
  const as = { key: s.pk, token: customer.token };
  const variantId = p.variantIds[0]!;
  const first = await t.request('/v1/carts', { ...as, body: {} });
  await t.request(`/v1/carts/${first.body.id}/lines`, { ...as, body: { variantId } });
  const order = await t.request(`/v1/carts/${first.body.id}/checkout`, { ...as, body: {} });
  expect(order.status).toBe(201);
  const cart = await t.request('/v1/carts', { ...as, body: {} });
  const line = await t.request(`/v1/carts/${cart.body.id}/lines`, { ...as, body: { variantId } });
  // Written by someone else, so the signed-in customer may vote on it.
  const author = await createTestCustomer(t, s.store);
  const review = await t.request('/v1/products/tee/reviews', {
    key: s.pk,
    token: author.token,
    body: { rating: 5, title: 'Good', body: 'Fits well.' },
  });
  expect(review.status).toBe(201);
  return {
    s,
    p,
    imageId,
    customer,
    variantId,
    orderId: order.body.orderId as string,
    cartId: cart.body.id as string,
    lineId: line.body.lines[0].id as string,
    reviewId: review.body.id as string,
  };
}

type World = Awaited<ReturnType<typeof world>>;

function pathFor(template: string, w: World): string {
  const values: Record<string, string> = {
    idOrHandle: 'tee',
    product: 'tee',
    lineId: w.lineId,
    variantId: w.variantId,
  };
  const idFor = template.startsWith('/images')
    ? w.imageId
    : template.includes('/carts/')
      ? w.cartId
      : template.includes('/orders/')
        ? w.orderId
        : template.includes('/reviews/')
          ? w.reviewId
          : w.p.id;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? idFor);
}

/** A valid body (or query) for the operations where `{}` would only get a 400. */
function bodyFor(op: string, w: World): unknown {
  const bodies: Record<string, unknown> = {
    'POST /v1/carts/{id}/lines': { variantId: w.variantId, quantity: 1 },
    'PATCH /v1/carts/{id}/lines/{lineId}': { quantity: 2 },
    'PUT /v1/carts/{id}/points': { points: 0 },
    'PATCH /v1/customers/me': { name: 'Renamed' },
    'POST /v1/products/{product}/reviews': { rating: 4, title: 'Edit', body: 'Edited.' },
    'POST /v1/reviews/{id}/votes': { helpful: true },
    'POST /admin/v1/customers/session-tokens': { email: w.customer.email },
    'POST /admin/v1/points/adjustments': { email: w.customer.email, points: 5, reason: 'Gift' },
    'POST /admin/v1/reviews/{id}/moderation': { status: 'approved' },
    'PUT /admin/v1/reviews/{id}/reply': { body: 'Thanks!' },
    'POST /v1/notifications/subscriptions': {
      topic: 'promotions',
      channel: 'push',
      push: pushSubscription(),
    },
    'POST /v1/notifications/subscriptions/lookup': { tokens: [] },
    'POST /admin/v1/campaigns': { title: { en: 'Sale' }, body: { en: '20 % off' } },
  };
  return bodies[op] ?? {};
}

const pkce = createHash('sha256').update('v'.repeat(43)).digest('base64url');

describe('Cache-Control', () => {
  it('is no-store on every private operation of the OpenAPI document; public reads stay cacheable', {
    timeout: 60_000,
  }, async () => {
    const w = await world(t.current);
    const doc = (await t.current.request('/openapi.json')).body;
    const succeeded = new Set<string>();
    const seen: string[] = [];
    for (const [template, operations] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const op = `${method.toUpperCase()} ${template}`;
        seen.push(op);
        const schemes = new Set((operation.security ?? []).flatMap((s: object) => Object.keys(s)));
        let path = pathFor(template, w);
        if (op === 'GET /oauth/authorize') {
          path += `?${new URLSearchParams({
            response_type: 'code',
            client_id: w.s.pk,
            redirect_uri: 'https://shop.example/callback',
            code_challenge: pkce,
            code_challenge_method: 'S256',
            state: 'state-cache-test',
          })}`;
        }
        const res = await t.current.request(path, {
          method: method.toUpperCase(),
          ...(schemes.has('storeKey') ? { key: w.s.pk } : {}),
          ...(schemes.has('customerToken') ? { token: w.customer.token } : {}),
          ...(schemes.has('secretKey') ? { token: w.s.sk } : {}),
          ...(method === 'get' ? {} : { body: bodyFor(op, w) }),
        });
        const cacheControl = res.headers.get('cache-control') ?? '';
        const ok = res.status >= 200 && res.status < 300;
        if (publicReads.has(op) && ok) {
          expect(cacheControl, op).toMatch(/public|max-age/);
          expect(cacheControl, op).not.toMatch(/no-store/);
        } else {
          expect(cacheControl, `${op} → ${res.status}`).toMatch(/\bno-store\b/);
        }
        const group = privateGroups.find((g) => template === g || template.startsWith(`${g}/`));
        if (ok && group && !publicReads.has(op)) succeeded.add(group);
      }
    }
    expect(seen.length).toBeGreaterThan(40);
    expect([...succeeded].sort()).toEqual([...privateGroups].sort());
  });

  it('is no-store on the hosted checkout page (order data), errors and unknown routes', async () => {
    const w = await world(t.current);
    for (const path of [
      `/checkout/${w.orderId}`,
      '/v1/products/no-such-product',
      '/no-such-route',
      '/openapi.json',
    ]) {
      const res = await t.current.request(path, { key: w.s.pk });
      expect(res.headers.get('cache-control') ?? '', path).toMatch(/\bno-store\b/);
    }
  });
});

describe('Vary: Origin on public reads', () => {
  function varyTokens(res: { headers: Headers }): string[] {
    return (res.headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
  }

  it('is on every public read, with or without Origin, on 200, 304 and errors, once', async () => {
    const w = await world(t.current);
    const reads = [
      '/v1/store',
      '/v1/products?first=5',
      `/v1/products/batch?ids=tee`,
      '/v1/products/tee',
      '/v1/products/tee/reviews',
      '/v1/products/tee/reviews/summary',
      `/images/${w.imageId}`,
      '/.well-known/oauth-authorization-server',
      '/v1/products/missing',
    ];
    for (const path of reads) {
      for (const origin of [undefined, 'https://shop.example', 'https://other.example']) {
        const headers: Record<string, string> = origin ? { origin } : {};
        const res = await t.current.request(path, { key: w.s.pk, headers });
        expect(
          varyTokens(res).filter((v) => v === 'origin'),
          `${path} ${origin}`,
        ).toHaveLength(1);
        const etag = res.headers.get('etag');
        if (!etag) continue;
        const notModified = await t.current.request(path, {
          key: w.s.pk,
          headers: { ...headers, 'if-none-match': etag },
        });
        expect(notModified.status, path).toBe(304);
        expect(varyTokens(notModified), `${path} 304`).toContain('origin');
        if (origin === 'https://shop.example') {
          expect(notModified.headers.get('access-control-allow-origin')).toBe(origin);
        }
      }
    }
    // The product reads also vary on the key and the customer token: a guest's answer, kept by
    // a browser, is not the one its shopper sees once signed in (member prices).
    const product = await t.current.request('/v1/products/tee', { key: w.s.pk });
    expect(varyTokens(product)).toEqual(['x-kiosk-key', 'origin', 'authorization']);
  });
});
