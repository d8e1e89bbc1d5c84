import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPushService } from '../src/testing/push-service.js';
import { createTestCustomer, createTestProduct, createTestStore, useTestApp } from './harness.js';
import { messagesOf, subscribe } from './notification-delivery-fixtures.js';
import { admin, paidOrder, placeOrder } from './order-fulfilment-fixtures.js';

const t = useTestApp();
let push: TestPushService;
beforeAll(async () => {
  push = await TestPushService.start();
});
afterAll(() => push.close());

describe('shipments and tracking', () => {
  it('ships lines in parcels, tracks them, and tells the shopper of shipped, out for delivery and delivered', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 5 }, { stock: 5 }],
    });
    const [a, b] = p.variantIds as [string, string];
    const shopper = await createTestCustomer(t.current, s.store);
    const sub = await subscribe(t.current.db, s.store, push, {
      topic: 'order-updates',
      customerId: shopper.id,
      locale: 'de',
    });
    const id = await paidOrder(
      t.current,
      s,
      [
        { variantId: a, quantity: 2 },
        { variantId: b, quantity: 1 },
      ],
      { customer: shopper },
    );
    const order = await t.current.request(`/v1/orders/${id}`, { key: s.pk, token: shopper.token });
    const lines = order.body.lines as { id: string; variantId: string }[];
    const lineA = lines.find((l) => l.variantId === a);
    const lineB = lines.find((l) => l.variantId === b);
    expect(order.body.shipments).toEqual([]);
    expect(order.body.returns).toEqual([]);

    const first = await admin(t.current, s, `${id}/shipments`, {
      carrier: 'DHL',
      trackingNumber: 'JD0001',
      trackingUrl: 'https://track.example/JD0001',
      lines: [{ lineId: lineA!.id, quantity: 1 }],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.shipments).toMatchObject([
      {
        carrier: 'DHL',
        trackingNumber: 'JD0001',
        trackingUrl: 'https://track.example/JD0001',
        lines: [{ lineId: lineA!.id, quantity: 1 }],
        status: null,
        events: [],
      },
    ]);
    // No lines: the rest (1 of A, 1 of B).
    const second = await admin(t.current, s, `${id}/shipments`, {
      carrier: 'UPS',
      trackingNumber: '1Z999',
    });
    expect(second.status).toBe(201);
    expect(second.body.shipments[1].lines).toEqual(
      expect.arrayContaining([
        { lineId: lineA!.id, quantity: 1 },
        { lineId: lineB!.id, quantity: 1 },
      ]),
    );
    // Nothing left: refused, nothing written.
    const third = await admin(t.current, s, `${id}/shipments`, {
      carrier: 'UPS',
      trackingNumber: '1Z998',
      lines: [{ lineId: lineB!.id, quantity: 1 }],
    });
    expect(third.status).toBe(422);
    expect(third.body.error.code).toBe('quantity_unavailable');

    const parcel = first.body.shipments[0].id as string;
    const track = (status: string, time: string, extra: Record<string, string> = {}) =>
      admin(t.current, s, `${id}/shipments/${parcel}/events`, { status, time, ...extra });
    expect(
      (await track('in_transit', '2026-12-05T08:00:00Z', { location: 'Leipzig' })).status,
    ).toBe(201);
    // Recorded late but happened earlier: events show in the carrier's order.
    expect((await track('info_received', '2026-12-04T18:00:00+01:00')).status).toBe(201);
    const out = await track('out_for_delivery', '2026-12-06T07:30:00Z', {
      description: 'Mit dem Zusteller unterwegs',
      location: 'Berlin',
    });
    expect(out.status).toBe(201);
    expect(out.body.shipments[0]).toMatchObject({ status: 'out_for_delivery' });
    expect(
      out.body.shipments[0].events.map((e: { status: string; time: string }) => [e.status, e.time]),
    ).toEqual([
      ['info_received', '2026-12-04T17:00:00.000Z'],
      ['in_transit', '2026-12-05T08:00:00.000Z'],
      ['out_for_delivery', '2026-12-06T07:30:00.000Z'],
    ]);
    expect((await track('delivered', '2026-12-06T12:00:00Z')).status).toBe(201);
    // The same status twice (a carrier repeating itself) tells once.
    expect((await track('delivered', '2026-12-06T12:01:00Z')).status).toBe(201);

    const mine = await t.current.request(`/v1/orders/${id}`, { key: s.pk, token: shopper.token });
    expect(mine.body.shipments[0].events).toHaveLength(5);
    expect(mine.body.shipments[0].events[2]).toMatchObject({
      description: 'Mit dem Zusteller unterwegs',
      location: 'Berlin',
    });

    const reference = id.slice(0, 8).toUpperCase();
    const texts = (await messagesOf(t.current.db, sub.id)).map(
      (m) => (m.payload as { body: string }).body,
    );
    expect(texts).toEqual([
      `Wir haben Ihre Zahlung für Bestellung ${reference} erhalten. Danke!`,
      `Bestellung ${reference} ist mit DHL unterwegs.`,
      `Bestellung ${reference} ist mit UPS unterwegs.`,
      `Bestellung ${reference} kommt heute an.`,
      `Bestellung ${reference} wurde zugestellt.`,
    ]);
  });

  it('ships only paid orders, keeps each store’s orders and shows a customer only their own', async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store);
    const shopper = await createTestCustomer(t.current, s.store);
    const stranger = await createTestCustomer(t.current, s.store);
    const pending = await placeOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 1 }], {
      customer: shopper,
    });
    const ship = { carrier: 'DHL', trackingNumber: 'X1' };
    const notPaid = await admin(t.current, s, `${pending}/shipments`, ship);
    expect(notPaid.status).toBe(409);
    expect(notPaid.body.error.code).toBe('order_not_paid');

    const id = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 1 }], {
      customer: shopper,
    });
    // Another store's secret key does not reach this store's order.
    const foreign = await admin(t.current, other, `${id}/shipments`, ship);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('order_not_found');
    const shipped = await admin(t.current, s, `${id}/shipments`, ship);
    expect(shipped.status).toBe(201);
    const parcel = shipped.body.shipments[0].id;
    const wrongOrder = await admin(t.current, s, `${pending}/shipments/${parcel}/events`, {
      status: 'delivered',
      time: '2026-12-06T12:00:00Z',
    });
    expect(wrongOrder.status).toBe(404);
    expect(wrongOrder.body.error.code).toBe('shipment_not_found');
    const unknown = await admin(t.current, s, `${id}/shipments/${randomUUID()}/events`, {
      status: 'delivered',
      time: '2026-12-06T12:00:00Z',
    });
    expect(unknown.status).toBe(404);
    const badInput = await admin(t.current, s, `${id}/shipments`, {
      ...ship,
      trackingUrl: 'javascript:alert(1)',
    });
    expect(badInput.status).toBe(400);

    const theirs = await t.current.request(`/v1/orders/${id}`, {
      key: s.pk,
      token: stranger.token,
    });
    expect(theirs.status).toBe(404);
    const list = await t.current.request('/v1/orders', { key: s.pk, token: stranger.token });
    expect(list.body.items).toEqual([]);
    const own = await t.current.request('/v1/orders', { key: s.pk, token: shopper.token });
    expect(own.body.items.map((o: { id: string }) => o.id)).toEqual([id, pending]);
    expect(own.body.items[0].shipments[0]).toMatchObject({ carrier: 'DHL', trackingNumber: 'X1' });
    const viaOtherStore = await t.current.request(`/v1/orders/${id}`, { key: other.pk });
    expect(viaOtherStore.status).toBe(404);
  });
});
