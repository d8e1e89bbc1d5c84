import { afterEach, describe, expect, it, vi } from 'vitest';
import { admin, client, endpoint, memoryStorage, uniqueEmail } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

const refreshKey = 'kiosk:pk_test_aurora:refresh';

async function signedIn(storage = memoryStorage(), email = uniqueEmail()) {
  const kiosk = client({ storage });
  const { token } = await admin().customers.createSessionToken({ email, name: 'Ana Lima' });
  await kiosk.auth.signInWithToken(token);
  return { kiosk, storage, email };
}

describe('auth', () => {
  it('signs in with a single sign-on token, loads the balance, and merges the guest cart', async () => {
    const storage = memoryStorage();
    const kiosk = client({ storage });
    const product = (await kiosk.products.list({ first: 10 })).items.find((p) =>
      p.variants.some((v) => v.quantityAvailable > 2),
    )!;
    const variant = product.variants.find((v) => v.quantityAvailable > 2)!;
    const guest = await kiosk.cart.add(variant.id, 1);
    expect(guest?.customerId).toBeNull();

    const logins: string[] = [];
    kiosk.on('login', ({ customer }) => logins.push(customer.email));
    const email = uniqueEmail();
    const { token } = await admin().customers.createSessionToken({ email, name: 'Ana Lima' });
    const session = await kiosk.auth.signInWithToken(token);

    expect(session.customer.email).toBe(email);
    expect(kiosk.auth.$session.get()?.customer.email).toBe(email);
    expect(kiosk.points.$balance.get()).toBe(0);
    expect(logins).toEqual([email]);
    const cart = kiosk.cart.$cart.get();
    expect(cart?.customerId).toBe(session.customer.id);
    expect(cart?.lines.map((l) => l.variantId)).toContain(variant.id);
  });

  it("lists the shopper's passkeys and refuses to remove one that is not theirs", async () => {
    // Memory only: a client with storage would follow the other tests' tabs (cart channel).
    const kiosk = client();
    const { token } = await admin().customers.createSessionToken({ email: uniqueEmail() });
    await kiosk.auth.signInWithToken(token);
    expect(await kiosk.auth.passkeys()).toEqual([]);
    await expect(
      kiosk.auth.removePasskey('00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'passkey_not_found', status: 404 });
    await kiosk.auth.logout();
    await expect(kiosk.auth.passkeys()).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a used single sign-on token', async () => {
    const { token } = await admin().customers.createSessionToken({ email: uniqueEmail() });
    await client().auth.signInWithToken(token);
    await expect(client().auth.signInWithToken(token)).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    await expect(client().auth.signInWithToken('')).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('refreshes the access token before it expires, rotating the refresh token', async () => {
    const { kiosk, storage } = await signedIn();
    const firstRefresh = storage.getItem(refreshKey);
    expect(firstRefresh).toBeTruthy();
    const realNow = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(realNow + 20 * 60_000);
    await kiosk.points.refresh(); // an authenticated call
    expect(storage.getItem(refreshKey)).not.toBe(firstRefresh);
    expect(kiosk.auth.$session.get()).not.toBeNull();
  });

  it('restores the session after a reload', async () => {
    const { storage, email } = await signedIn();
    const reloaded = client({ storage });
    await reloaded.ready;
    expect(reloaded.auth.$session.get()?.customer.email).toBe(email);
  });

  it('is signed out when a rotated refresh token is replayed (reuse revokes the family)', async () => {
    const { kiosk, storage } = await signedIn();
    const stolen = storage.getItem(refreshKey)!;
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 20 * 60_000);
    await kiosk.points.refresh(); // rotates: `stolen` is now spent
    vi.restoreAllMocks();

    const replay = await fetch(`${endpoint()}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: stolen,
        client_id: 'pk_test_aurora',
      }),
    });
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('invalid_grant');

    // The family is revoked: the legitimate client's next refresh fails and it signs out.
    const reloaded = client({ storage });
    await reloaded.ready;
    expect(reloaded.auth.$session.get()).toBeNull();
  });

  it('logs out: revokes the refresh token and clears session, balance and cart', async () => {
    const { kiosk, storage } = await signedIn();
    const refresh = storage.getItem(refreshKey)!;
    await kiosk.auth.logout();
    expect(kiosk.auth.$session.get()).toBeNull();
    expect(kiosk.points.$balance.get()).toBeNull();
    expect(kiosk.cart.$cart.get()).toBeNull();
    const reuse = await fetch(`${endpoint()}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refresh,
        client_id: 'pk_test_aurora',
      }),
    });
    expect(reuse.status).toBe(400);
  });

  it('refuses login() outside a browser with a clear error', async () => {
    await expect(client().auth.login()).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('points, checkout and reviews', () => {
  it('redeems points at checkout and earns them when the order is paid', async () => {
    const { kiosk, email } = await signedIn();
    await admin().points.adjust({ email, points: 500, reason: 'welcome' });
    await kiosk.points.refresh();
    expect(kiosk.points.$balance.get()).toBe(500);

    const product = (await kiosk.products.list({ first: 20 })).items.find((p) =>
      p.variants.some((v) => v.quantityAvailable > 0),
    )!;
    await kiosk.cart.add(product.variants.find((v) => v.quantityAvailable > 0)!.id, 1);
    const withPoints = await kiosk.cart.redeemPoints(100);
    expect(withPoints?.pointsRedeemed).toBe(100);
    expect(withPoints?.discount.amount).not.toBe('0.00');
    await expect(kiosk.cart.redeemPoints(10_000)).rejects.toMatchObject({
      code: 'insufficient_points',
    });
    expect(kiosk.cart.$cart.get()?.pointsRedeemed).toBe(100);

    const { orderId } = await kiosk.cart.checkout();
    expect(kiosk.points.$balance.get()).toBe(400);
    await admin().orders.markPaid(orderId);
    await kiosk.points.refresh();
    expect(kiosk.points.$balance.get()).toBeGreaterThan(400);
    const history = await kiosk.points.history();
    expect(history.items.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['adjust', 'redeem', 'earn']),
    );
  });

  it('reads review summaries and pages, and refuses an empty review before sending it', async () => {
    const kiosk = client();
    const product = await kiosk.products.get('aurora-classic-tee');
    const summary = await kiosk.reviews.summary(product.id);
    expect(summary.count).toBeGreaterThanOrEqual(0);
    expect(Object.keys(summary.histogram).sort()).toEqual(['1', '2', '3', '4', '5']);
    const page = await kiosk.reviews.list(product.id, { sort: 'helpful', first: 2 });
    expect(page.items.length).toBeLessThanOrEqual(2);
    await expect(
      kiosk.reviews.submit(product.id, { rating: 5, title: 'Hi', body: '  ' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      kiosk.reviews.submit(product.id, { rating: 5, title: 'Hi', body: 'Great' }),
    ).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('submits a review and votes on another as a signed-in customer', async () => {
    const { kiosk } = await signedIn();
    const product = await kiosk.products.get('aurora-classic-tee');
    expect(await kiosk.reviews.mine(product.id)).toBeNull();
    const review = await kiosk.reviews.submit(product.id, {
      rating: 4,
      title: 'Soft',
      body: '<b>nice</b> fit',
    });
    expect(review.body).toBe('<b>nice</b> fit');
    expect((await kiosk.reviews.mine(product.id))?.id).toBe(review.id);

    // The seed gives the classic tee approved reviews by other shoppers.
    const [other] = (await kiosk.reviews.list(product.id, { first: 1 })).items;
    const vote = await kiosk.reviews.vote(other!.id, true);
    expect(vote.viewerVote).toBe(true);
    // The seed's counts are votes too: this one adds to them.
    expect(vote.helpfulCount).toBe(other!.helpfulCount + 1);
    const taken = await kiosk.reviews.unvote(other!.id);
    expect(taken.viewerVote).toBeNull();
    expect(taken.helpfulCount).toBe(other!.helpfulCount);
  });
});
