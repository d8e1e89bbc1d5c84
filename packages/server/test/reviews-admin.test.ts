import { describe, expect, it } from 'vitest';
import { reviews } from '../src/db/schema/index.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestStore,
  useTestApp,
} from './harness.js';
import { aReview } from './reviews-fixtures.js';

const t = useTestApp();

async function setup(settings: { reviewsAutoApprove: boolean } = { reviewsAutoApprove: false }) {
  const s = await createTestStore(t.current.db, { settings });
  const product = await createTestProduct(t.current.db, s.store);
  return { ...s, product };
}

async function writeOne(s: TestStore, productId: string, rating = 4) {
  const c = await createTestCustomer(t.current, s.store);
  const res = await t.current.request(`/v1/products/${productId}/reviews`, {
    key: s.pk,
    token: c.token,
    body: { ...aReview, rating },
  });
  expect(res.status).toBe(201);
  return { customer: c, id: res.body.id as string };
}

const admin = (s: TestStore, path: string, init: { method?: string; body?: unknown } = {}) =>
  t.current.request(`/admin/v1/reviews${path}`, { token: s.sk, ...init });

describe('admin reviews list', () => {
  it("pages through this store's reviews newest first, filtered by status", async () => {
    const s = await setup();
    const other = await setup();
    await writeOne(other, other.product.id);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await writeOne(s, s.product.id)).id);
      if (i % 2 === 0) t.current.advanceClock(1000);
    }
    await admin(s, `/${made[0]}/moderation`, { body: { status: 'approved' } });
    await admin(s, `/${made[1]}/moderation`, { body: { status: 'rejected' } });

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await admin(s, `?first=2${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((r: { id: string }) => r.id));
      after = res.body.nextCursor;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(made));
    const rows = await t.current.db.select().from(reviews);
    const at = new Map(rows.map((r) => [r.id, r.createdAt.getTime()]));
    const expected = [...made].sort((a, b) => at.get(b)! - at.get(a)! || (a < b ? 1 : -1));
    expect(seen).toEqual(expected);

    const pending = await admin(s, '?status=pending');
    expect(pending.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      made.slice(2).sort(),
    );
    expect((await admin(s, '?status=approved')).body.items.map((r: any) => r.id)).toEqual([
      made[0],
    ]);
    const byProduct = await admin(s, `?productId=${other.product.id}`);
    expect(byProduct.body.items).toEqual([]);
  });

  it('refuses bad filters and requires the secret key', async () => {
    const s = await setup();
    for (const q of ['?status=deleted', '?first=0', '?productId=nope', '?after=zzz']) {
      const res = await admin(s, q);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const withPk = await t.current.request('/admin/v1/reviews', { token: s.pk });
    expect(withPk.status).toBe(401);
  });
});

describe('moderation and replies', () => {
  it("moderates: 404 for other stores' and unknown reviews, 400 for bad status", async () => {
    const s = await setup();
    const other = await setup();
    const theirs = await writeOne(other, other.product.id);
    const mine = await writeOne(s, s.product.id);
    for (const id of [theirs.id, '00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await admin(s, `/${id}/moderation`, { body: { status: 'approved' } });
      expect(res.status, id).toBe(404);
      expect(res.body.error.code).toBe('review_not_found');
    }
    for (const body of [{ status: 'pending' }, { status: 'APPROVED' }, {}, { status: true }]) {
      const res = await admin(s, `/${mine.id}/moderation`, { body });
      expect(res.status).toBe(400);
    }
    const [theirRow] = (await t.current.db.select().from(reviews)).filter(
      (r) => r.id === theirs.id,
    );
    expect(theirRow!.status).toBe('pending');
  });

  it('shows the merchant reply publicly, verbatim, and removes it', async () => {
    const s = await setup({ reviewsAutoApprove: true });
    const { id } = await writeOne(s, s.product.id, 1);
    const reply = `Sorry! <script>alert("hi")</script> & we'll fix it.`;
    t.current.advanceClock(5000);
    const put = await admin(s, `/${id}/reply`, { method: 'PUT', body: { body: `  ${reply} ` } });
    expect(put.status).toBe(200);
    expect(put.body.reply.body).toBe(reply);
    // Stamped with the app's clock, which the test moved on.
    expect(Date.parse(put.body.reply.createdAt)).toBeGreaterThanOrEqual(
      Date.parse(put.body.createdAt) + 5000,
    );

    const list = await t.current.request(`/v1/products/${s.product.id}/reviews`, { key: s.pk });
    expect(list.body.items[0].reply).toEqual({ body: reply, createdAt: put.body.reply.createdAt });

    for (const body of [{ body: '' }, { body: '   ' }, { body: 'x'.repeat(2001) }, {}]) {
      const res = await admin(s, `/${id}/reply`, { method: 'PUT', body });
      expect(res.status).toBe(400);
    }
    const replaced = await admin(s, `/${id}/reply`, { method: 'PUT', body: { body: 'Thanks' } });
    expect(replaced.body.reply.body).toBe('Thanks');

    const del = await admin(s, `/${id}/reply`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(del.body.reply).toBeNull();
    const after = await t.current.request(`/v1/products/${s.product.id}/reviews`, { key: s.pk });
    expect(after.body.items[0].reply).toBeNull();

    const other = await setup();
    const res = await t.current.request(`/admin/v1/reviews/${id}/reply`, {
      token: other.sk,
      method: 'PUT',
      body: { body: 'Hijack' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('review_not_found');
  });
});
