import { describe, expect, it } from 'vitest';
import { reviews, reviewVotes } from '../src/db/schema/index.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestCustomer,
  type TestStore,
  useTestApp,
} from './harness.js';
import { aReview } from './reviews-fixtures.js';

const t = useTestApp();

async function setup(settings?: { reviewsAutoApprove: boolean }) {
  const s = await createTestStore(t.current.db, settings ? { settings } : {});
  const product = await createTestProduct(t.current.db, s.store);
  const author = await createTestCustomer(t.current, s.store);
  const review = await t.current.request(`/v1/products/${product.id}/reviews`, {
    key: s.pk,
    token: author.token,
    body: aReview,
  });
  expect(review.status).toBe(201);
  return { ...s, product, author, reviewId: review.body.id as string };
}

function vote(s: TestStore, reviewId: string, body: unknown, customer?: TestCustomer) {
  return t.current.request(`/v1/reviews/${reviewId}/votes`, {
    key: s.pk,
    ...(customer ? { token: customer.token } : {}),
    method: 'POST',
    body,
  });
}

function unvote(s: TestStore, reviewId: string, customer?: TestCustomer) {
  return t.current.request(`/v1/reviews/${reviewId}/votes`, {
    key: s.pk,
    ...(customer ? { token: customer.token } : {}),
    method: 'DELETE',
  });
}

async function listed(s: TestStore, productId: string, customer?: TestCustomer) {
  const res = await t.current.request(`/v1/products/${productId}/reviews`, {
    key: s.pk,
    ...(customer ? { token: customer.token } : {}),
  });
  return res.body.items[0];
}

describe('helpful votes', () => {
  it('counts one vote per customer; voting again changes it; DELETE removes it', async () => {
    const s = await setup();
    const a = await createTestCustomer(t.current, s.store);
    const b = await createTestCustomer(t.current, s.store);

    expect((await vote(s, s.reviewId, { helpful: true }, a)).body).toEqual({
      helpfulCount: 1,
      viewerVote: true,
    });
    // The same vote twice is still one vote.
    expect((await vote(s, s.reviewId, { helpful: true }, a)).body.helpfulCount).toBe(1);
    expect((await vote(s, s.reviewId, { helpful: true }, b)).body.helpfulCount).toBe(2);
    expect((await vote(s, s.reviewId, { helpful: false }, a)).body).toEqual({
      helpfulCount: 1,
      viewerVote: false,
    });

    expect(await listed(s, s.product.id, a)).toMatchObject({ helpfulCount: 1, viewerVote: false });
    expect(await listed(s, s.product.id, b)).toMatchObject({ viewerVote: true });
    expect(await listed(s, s.product.id)).toMatchObject({ viewerVote: null });
    expect(await listed(s, s.product.id, s.author)).toMatchObject({ viewerVote: null });

    const removed = await unvote(s, s.reviewId, b);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ helpfulCount: 0, viewerVote: null });
    // Removing a vote that is not there is harmless.
    expect((await unvote(s, s.reviewId, b)).body).toEqual({ helpfulCount: 0, viewerVote: null });
    expect(await listed(s, s.product.id, b)).toMatchObject({ helpfulCount: 0, viewerVote: null });
    expect(await t.current.db.select().from(reviewVotes)).toHaveLength(1);
  });

  it("refuses a vote on one's own review (403)", async () => {
    const s = await setup();
    for (const res of [
      await vote(s, s.reviewId, { helpful: true }, s.author),
      await unvote(s, s.reviewId, s.author),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(await t.current.db.select().from(reviewVotes)).toHaveLength(0);
  });

  it("answers 404 for pending, rejected, unknown and other stores' reviews", async () => {
    const s = await setup();
    const voter = await createTestCustomer(t.current, s.store);
    const moderated = await setup({ reviewsAutoApprove: false });
    const theirVoter = await createTestCustomer(t.current, moderated.store);
    // A pending review in its own store.
    const pending = await vote(moderated, moderated.reviewId, { helpful: true }, theirVoter);
    expect(pending.status).toBe(404);
    expect(pending.body.error.code).toBe('review_not_found');
    // Rejected.
    await t.current.request(`/admin/v1/reviews/${s.reviewId}/moderation`, {
      token: s.sk,
      body: { status: 'rejected' },
    });
    const other = await setup();
    for (const id of [
      s.reviewId,
      other.reviewId,
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
    ]) {
      for (const res of [await vote(s, id, { helpful: true }, voter), await unvote(s, id, voter)]) {
        expect(res.status, id).toBe(404);
        expect(res.body.error.code).toBe('review_not_found');
      }
    }
    expect(await t.current.db.select().from(reviewVotes)).toHaveLength(0);
  });

  it('needs a signed-in customer and a boolean', async () => {
    const s = await setup();
    const voter = await createTestCustomer(t.current, s.store);
    const guest = await vote(s, s.reviewId, { helpful: true });
    expect(guest.status).toBe(401);
    expect(guest.body.error.code).toBe('unauthenticated');
    expect((await unvote(s, s.reviewId)).status).toBe(401);
    for (const body of [{}, { helpful: 'true' }, { helpful: 1 }, { helpful: null }, []]) {
      const res = await vote(s, s.reviewId, body, voter);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const junk = await vote(s, s.reviewId, '{helpful', voter);
    expect(junk.body.error.code).toBe('invalid_json');
    expect(await t.current.db.select().from(reviewVotes)).toHaveLength(0);
  });

  it('keeps helpfulCount exact under 20 concurrent votes from different customers', async () => {
    const s = await setup();
    const voters = await Promise.all(
      Array.from({ length: 20 }, () => createTestCustomer(t.current, s.store)),
    );
    const results = await Promise.all(voters.map((v) => vote(s, s.reviewId, { helpful: true }, v)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const [row] = await t.current.db.select().from(reviews);
    expect(row!.helpfulCount).toBe(20);
    expect((await listed(s, s.product.id)).helpfulCount).toBe(20);

    // Half change their minds while the other half vote again, all at once.
    await Promise.all(voters.map((v, i) => vote(s, s.reviewId, { helpful: i % 2 === 0 }, v)));
    const [after] = await t.current.db.select().from(reviews);
    expect(after!.helpfulCount).toBe(10);
  });

  it('ends consistent when one customer flips a vote concurrently', async () => {
    const s = await setup();
    const voter = await createTestCustomer(t.current, s.store);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => vote(s, s.reviewId, { helpful: i % 2 === 0 }, voter)),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const votes = await t.current.db.select().from(reviewVotes);
    expect(votes).toHaveLength(1);
    const [row] = await t.current.db.select().from(reviews);
    expect(row!.helpfulCount).toBe(votes[0]!.helpful ? 1 : 0);
  });
});

describe('concurrent writes of one review', () => {
  it('make exactly one review: one 201, the rest edits', async () => {
    const s = await setup();
    const c = await createTestCustomer(t.current, s.store);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.current.request(`/v1/products/${s.product.id}/reviews`, {
          key: s.pk,
          token: c.token,
          body: { ...aReview, rating: (i % 5) + 1 },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    // The author's plus this one.
    expect(await t.current.db.select().from(reviews)).toHaveLength(2);
  });
});
