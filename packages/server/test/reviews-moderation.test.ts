import { describe, expect, it } from 'vitest';
import { createTestCustomer, useTestApp } from './harness.js';
import { aReview, reviewRoutes } from './reviews-fixtures.js';

const t = useTestApp();
const { setup, write, list } = reviewRoutes(t);

describe('moderation', () => {
  it('auto-approves every rating, low ones included, when the store says so', async () => {
    const s = await setup({ reviewsAutoApprove: true });
    for (const rating of [1, 2, 5]) {
      const c = await createTestCustomer(t.current, s.store);
      const res = await write(s, s.product.id, { ...aReview, rating }, c);
      expect(res.body.status).toBe('approved');
    }
    expect((await list(s, s.product.id)).body.items).toHaveLength(3);
  });

  it('holds every review, five stars included, when the store moderates', async () => {
    const s = await setup({ reviewsAutoApprove: false });
    const c = await createTestCustomer(t.current, s.store, { name: 'Pat Lee' });
    const res = await write(s, s.product.id, { ...aReview, rating: 5 }, c);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    expect((await list(s, s.product.id)).body.items).toEqual([]);
    const summary = await t.current.request(`/v1/products/${s.product.id}/reviews/summary`, {
      key: s.pk,
    });
    expect(summary.body.count).toBe(0);
    const mine = await t.current.request(`/v1/products/${s.product.id}/reviews/mine`, {
      key: s.pk,
      token: c.token,
    });
    expect(mine.body.status).toBe('pending');

    const queue = await t.current.request('/admin/v1/reviews?status=pending', { token: s.sk });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0]).toMatchObject({
      id: res.body.id,
      productId: s.product.id,
      status: 'pending',
      customer: { id: c.id, email: c.email },
      author: { name: 'Pat L.' },
    });

    const approve = await t.current.request(`/admin/v1/reviews/${res.body.id}/moderation`, {
      token: s.sk,
      body: { status: 'approved' },
    });
    expect(approve.status).toBe(200);
    expect(approve.body.status).toBe('approved');
    expect((await list(s, s.product.id)).body.items).toHaveLength(1);

    // An edit of an approved review goes back to the queue.
    const edit = await write(s, s.product.id, { ...aReview, body: 'Edited.' }, c);
    expect(edit.status).toBe(200);
    expect(edit.body.status).toBe('pending');
    expect((await list(s, s.product.id)).body.items).toEqual([]);

    await t.current.request(`/admin/v1/reviews/${res.body.id}/moderation`, {
      token: s.sk,
      body: { status: 'approved' },
    });
    const reject = await t.current.request(`/admin/v1/reviews/${res.body.id}/moderation`, {
      token: s.sk,
      body: { status: 'rejected' },
    });
    expect(reject.body.status).toBe('rejected');
    expect((await list(s, s.product.id)).body.items).toEqual([]);
    const rejected = await t.current.request('/admin/v1/reviews?status=rejected', {
      token: s.sk,
    });
    expect(rejected.body.items.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
  });
});
