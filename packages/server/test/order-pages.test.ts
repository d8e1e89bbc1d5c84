import { describe, expect, it } from 'vitest';
import { hostedLocales } from '../src/hosted/i18n.js';
import { orderPageMessages } from '../src/hosted/messages/orders.js';
import { ORDERS_LINK_MINUTES } from '../src/services/order-page-links.js';
import { createTestCustomer, createTestProduct, createTestStore, useTestApp } from './harness.js';
import { admin, paidOrder, placeOrder } from './order-fulfilment-fixtures.js';

const t = useTestApp();

const page = (path: string, headers: Record<string, string> = {}) =>
  t.current.request(path, { headers });

describe('the hosted order page', () => {
  it('shows status, items, totals and tracking in the shopper’s language, as text, under a strict CSP', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, {
      title: 'Canvas <b>Tote</b>',
      variants: [{ title: 'Natural', stock: 5, prices: { USD: 123456 } }],
    });
    const id = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 2 }]);

    // The paid page links here.
    const paid = await page(`/checkout/${id}?locale=de`);
    expect(paid.body).toContain(
      `<a id="order-page" href="/orders/${id}?locale=de">Bestellung ansehen</a>`,
    );

    const before = await page(`/orders/${id}?locale=de`);
    expect(before.status).toBe(200);
    expect(before.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(before.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(before.headers.get('cache-control')).toBe('no-store');
    expect(before.body).toContain('Noch nicht versandt.');
    expect(before.body).toContain('Canvas &lt;b&gt;Tote&lt;/b&gt;');
    expect(before.body).toMatch(/2\.469,12\s\$/);

    const shipped = await admin(t.current, s, `${id}/shipments`, {
      carrier: 'DHL',
      trackingNumber: 'JD014600006281230',
      trackingUrl: 'https://track.example/?n=JD01&x="y"',
    });
    await admin(t.current, s, `${id}/shipments/${shipped.body.shipments[0].id}/events`, {
      status: 'out_for_delivery',
      time: '2026-12-06T07:30:00Z',
      description: '<script>alert(1)</script>',
      location: 'Berlin',
    });
    const after = await page(`/orders/${id}?locale=de`);
    expect(after.body).toContain('JD014600006281230');
    expect(after.body).toContain('data-status="out_for_delivery">In Zustellung</span>');
    expect(after.body).toContain('href="https://track.example/?n=JD01&amp;x=&quot;y&quot;"');
    expect(after.body).not.toContain('<script>alert');
    expect(after.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const arabic = await page(`/orders/${id}`, { 'accept-language': 'ar-EG,ar;q=0.9' });
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('خرج للتوصيل');
  });

  it('answers 404 for an unknown or malformed order id', async () => {
    for (const path of ['/orders/00000000-0000-4000-8000-000000000000', '/orders/nope']) {
      const res = await page(path);
      expect(res.status).toBe(404);
      expect(res.body).toContain('Order not found');
    }
  });

  it('has every text in every hosted language', () => {
    const keys = Object.keys(orderPageMessages.en).sort();
    for (const locale of hostedLocales) {
      expect(Object.keys(orderPageMessages[locale]).sort(), locale).toEqual(keys);
    }
  });
});

describe('the order page’s return form', () => {
  const post = (
    path: string,
    fields: Record<string, string>,
    origin: string | null = 'http://localhost',
  ) =>
    t.current.request(path, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(origin ? { origin } : {}),
      },
    });

  it('asks to return lines while the window is open, and says how it went', async () => {
    const s = await createTestStore(t.current.db, {
      settings: { returns: { windowDays: 14 } },
    } as never);
    const p = await createTestProduct(t.current.db, s.store, {
      title: 'Mug',
      variants: [{ stock: 5, prices: { USD: 1200 } }],
    });
    const pending = await placeOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 1 }]);
    expect((await page(`/orders/${pending}`)).body).not.toContain('kiosk-return');

    const id = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 2 }]);
    const shown = await page(`/orders/${id}?locale=de`);
    expect(shown.body).toContain('<form id="kiosk-return" method="post"');
    expect(shown.body).toContain('Mug: Menge zur Rücksendung');
    const line = /name="qty_([0-9a-f-]+)"/.exec(shown.body)![1]!;

    const crossSite = await post(
      `/orders/${id}/returns`,
      { [`qty_${line}`]: '1', reason: 'damaged' },
      'https://evil.example',
    );
    expect(crossSite.status).toBe(400);
    const nothing = await post(`/orders/${id}/returns?locale=de`, {
      [`qty_${line}`]: '0',
      reason: 'damaged',
    });
    expect(nothing.status).toBe(303);
    expect(nothing.headers.get('location')).toBe(`/orders/${id}?locale=de&result=nothing`);

    const sent = await post(`/orders/${id}/returns?locale=de`, {
      [`qty_${line}`]: '2',
      reason: 'damaged',
      comment: '<b>chipped</b>',
    });
    expect(sent.headers.get('location')).toBe(`/orders/${id}?locale=de&result=sent`);
    const after = await page(sent.headers.get('location')!);
    expect(after.body).toContain('Ihre Rücksendeanfrage wurde gesendet.');
    expect(after.body).toContain('data-return="requested"');
    // Every unit is asked for: nothing left to return, no form.
    expect(after.body).not.toContain('kiosk-return');
    const order = await t.current.request(`/v1/orders/${id}`, { key: s.pk });
    expect(order.body.returns).toMatchObject([
      {
        status: 'requested',
        reason: 'damaged',
        comment: '<b>chipped</b>',
        lines: [{ lineId: line, quantity: 2 }],
      },
    ]);
    const again = await post(`/orders/${id}/returns`, { [`qty_${line}`]: '1', reason: 'other' });
    expect(again.headers.get('location')).toBe(`/orders/${id}?locale=en&result=unavailable`);

    const late = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 1 }]);
    const lateLine = /name="qty_([0-9a-f-]+)"/.exec((await page(`/orders/${late}`)).body)![1]!;
    t.current.advanceClock(15 * 86_400_000);
    expect((await page(`/orders/${late}`)).body).not.toContain('kiosk-return');
    const closed = await post(`/orders/${late}/returns`, {
      [`qty_${lateLine}`]: '1',
      reason: 'other',
    });
    expect(closed.headers.get('location')).toBe(`/orders/${late}?locale=en&result=closed`);
  });
});

describe('the signed-in shopper’s orders list', () => {
  it('opens through a short-lived signed link the API mints, listing only that shopper’s orders', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store);
    const shopper = await createTestCustomer(t.current, s.store);
    const other = await createTestCustomer(t.current, s.store);
    const mine = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 1 }], {
      customer: shopper,
    });
    const theirs = await placeOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 1 }], {
      customer: other,
    });

    const guest = await t.current.request('/v1/orders/page-link', { key: s.pk, method: 'POST' });
    expect(guest.status).toBe(401);
    const link = await t.current.request('/v1/orders/page-link', {
      key: s.pk,
      token: shopper.token,
      method: 'POST',
    });
    expect(link.status).toBe(201);
    const url = new URL(link.body.url);
    expect(url.pathname).toBe('/orders');
    // The access token never travels in the link.
    expect(link.body.url).not.toContain(shopper.token);

    const list = await page(`${url.pathname}${url.search}&locale=fr`);
    expect(list.status).toBe(200);
    expect(list.body).toContain('Vos commandes');
    expect(list.body).toContain(`href="/orders/${mine}?locale=fr"`);
    expect(list.body).not.toContain(theirs);

    const tampered = new URL(url);
    tampered.searchParams.set(
      'access',
      url.searchParams.get('access')!.replace(shopper.id, other.id),
    );
    expect((await page(`${tampered.pathname}${tampered.search}`)).status).toBe(404);
    expect((await page('/orders')).status).toBe(404);

    t.current.advanceClock((ORDERS_LINK_MINUTES + 1) * 60_000);
    const expired = await page(`${url.pathname}${url.search}`);
    expect(expired.status).toBe(401);
    expect(expired.body).toContain('Link expired');
  });
});
