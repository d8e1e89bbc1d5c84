import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { analyticsShop, event, markPaid, order, sendEvents, today } from './analytics-fixtures.js';
import { createTestCustomer, type TestStore, useTestApp } from './harness.js';

const t = useTestApp();
const DAY = 86_400_000;

async function linkFor(s: TestStore, ref: string) {
  const res = await t.current.request(`/admin/v1/creators/${ref}/link`, {
    token: s.sk,
    method: 'POST',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const url = new URL(res.body.url);
  return { url, token: url.hash.replace(/^#t=/, ''), expiresAt: res.body.expiresAt as string };
}

function ownReport(token: string) {
  const day = today(t.current);
  return t.current.request(`/v1/creator/report?from=${day}&to=${day}`, { token });
}

describe('creator links', () => {
  it("open a page whose token stays in the fragment and shows that creator's row only", async () => {
    const s = await analyticsShop(t.current);
    await sendEvents(t.current, s, [
      event('view_item_list', ['mug', 'tee'], { ref: 'ana.lind' }),
      event('view_item', ['mug'], { ref: 'someone.else' }),
    ]);
    await markPaid(
      t.current,
      s,
      await order(t.current, s, [{ product: s.mug, quantity: 1, ref: 'ana.lind' }]),
    );
    await markPaid(
      t.current,
      s,
      await order(t.current, s, [{ product: s.tee, quantity: 5, ref: 'someone.else' }]),
    );

    const link = await linkFor(s, 'ana.lind');
    expect(link.url.origin + link.url.pathname).toBe('http://localhost/creator');
    expect(link.url.search).toBe('');
    expect(Date.parse(link.expiresAt) - t.current.now().getTime()).toBeGreaterThan(89 * DAY);

    const res = await ownReport(link.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ timeZone: 'UTC', commissionPercent: 10 });
    expect(res.body.creator).toEqual({
      ref: 'ana.lind',
      impressions: 2,
      clicks: 0,
      addToCarts: 0,
      orders: 1,
      revenue: [{ amount: '19.99', currency: 'USD' }],
      commission: [{ amount: '2.00', currency: 'USD' }],
    });

    // A creator with nothing yet gets zeros, not another creator's row.
    const quiet = await ownReport((await linkFor(s, 'new.creator')).token);
    expect(quiet.body.creator).toMatchObject({ ref: 'new.creator', impressions: 0, orders: 0 });
  });

  it('serves the hosted page with a strict CSP and its script', async () => {
    const page = await t.current.request('/creator', { headers: { 'accept-language': 'de' } });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).toContain('<html lang="de"');
    expect(page.body).toContain('Deine Zahlen');
    expect(page.body).toContain('<script src="/assets/creator-report.js" defer></script>');
    const arabic = await t.current.request('/creator?lang=ar');
    expect(arabic.body).toContain('dir="rtl"');
    const script = await t.current.request('/assets/creator-report.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.body).toContain("Authorization: 'Bearer '");
  });

  it('refuse a tampered, expired, foreign or wrong-kind token', async () => {
    const a = await analyticsShop(t.current);
    const b = await analyticsShop(t.current);
    const { token } = await linkFor(a, 'ana.lind');
    const refuse = async (label: string, bad: string) => {
      const res = await ownReport(bad);
      expect(res.status, label).toBe(401);
      expect(res.body.error.code, label).toBe('invalid_token');
    };

    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, ref: 'someone.else' })).toString(
      'base64url',
    );
    await refuse('another ref, same signature', `${header}.${forged}.${signature}`);
    await refuse('signature changed', `${header}.${payload}.${signature.slice(0, -2)}AA`);
    await refuse('not a token', 'sk_not_a_jwt');
    // Signed by store B but naming store A: A's secret does not verify it.
    const bKey = Buffer.from(b.store.tokenSecret, 'base64url');
    const crossStore = await new SignJWT({ store: a.store.id, ref: 'ana.lind' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('kiosk:creator-report')
      .setExpirationTime('1d')
      .sign(bKey);
    await refuse('signed by another store', crossStore);
    // A shopper's access token is for another audience.
    await refuse('customer token', (await createTestCustomer(t.current, a.store)).token);
    // The store's secret key is no creator token either.
    await refuse('secret key', a.sk);
    const none = await t.current.request(
      `/v1/creator/report?from=${today(t.current)}&to=${today(t.current)}`,
    );
    expect(none.status).toBe(401);

    expect((await ownReport(token)).status).toBe(200);
    t.current.advanceClock(91 * DAY);
    await refuse('expired', token);
  });

  it('are made only for a valid ref with the secret key', async () => {
    const s = await analyticsShop(t.current);
    const bad = await t.current.request('/admin/v1/creators/ana%20lind/link', {
      token: s.sk,
      method: 'POST',
    });
    expect(bad.status).toBe(400);
    const withPk = await t.current.request('/admin/v1/creators/ana/link', {
      key: s.pk,
      method: 'POST',
    });
    expect(withPk.status).toBe(401);
  });
});
