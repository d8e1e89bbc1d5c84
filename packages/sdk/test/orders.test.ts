// kiosk.orders against the real server: a signed-in shopper's orders list and one order,
// with the shipment the admin adds, a return request, and the hosted orders page link.
import { describe, expect, it } from 'vitest';
import { admin, client, memoryStorage, uniqueEmail } from './helpers.js';

async function signedIn() {
  const kiosk = client({ storage: memoryStorage() });
  const { token } = await admin().customers.createSessionToken({
    email: uniqueEmail(),
    name: 'Ana Lima',
  });
  await kiosk.auth.signInWithToken(token);
  return kiosk;
}

async function paidOrder(kiosk: Awaited<ReturnType<typeof signedIn>>) {
  const product = (await kiosk.products.list({ first: 20 })).items.find((p) =>
    p.variants.some((v) => v.quantityAvailable > 1),
  )!;
  const variant = product.variants.find((v) => v.quantityAvailable > 1)!;
  await kiosk.cart.add(variant.id, 2);
  const { orderId } = await kiosk.cart.checkout();
  await admin().orders.markPaid(orderId);
  return orderId;
}

describe('orders', () => {
  it('lists and gets the shopper’s orders, with shipments and returns', async () => {
    const kiosk = await signedIn();
    expect((await kiosk.orders.list()).items).toEqual([]);
    const id = await paidOrder(kiosk);
    const page = await kiosk.orders.list({ first: 10 });
    expect(page.items.map((o) => o.id)).toEqual([id]);
    expect(page.nextCursor).toBeNull();
    const order = await kiosk.orders.get(id);
    expect(order).toMatchObject({ id, status: 'paid', itemCount: 2, shipments: [], returns: [] });

    const shipped = await admin().orders.createShipment(id, {
      carrier: 'DHL',
      trackingNumber: 'JD0001',
    });
    await admin().orders.addTrackingEvent(id, shipped.shipments[0]!.id, {
      status: 'in_transit',
      time: new Date().toISOString(),
      location: 'Leipzig',
    });
    const tracked = await kiosk.orders.get(id);
    expect(tracked.shipments).toMatchObject([
      {
        carrier: 'DHL',
        trackingNumber: 'JD0001',
        status: 'in_transit',
        events: [{ status: 'in_transit', location: 'Leipzig' }],
      },
    ]);

    const returned = await kiosk.orders.requestReturn(id, {
      lines: [{ lineId: order.lines[0]!.id, quantity: 1 }],
      reason: 'size_or_fit',
    });
    expect(returned.returns).toMatchObject([{ status: 'requested', reason: 'size_or_fit' }]);
  });

  it('keeps another shopper’s order from them, and refuses a call without an id', async () => {
    const owner = await signedIn();
    const id = await paidOrder(owner);
    const other = await signedIn();
    await expect(other.orders.get(id)).rejects.toMatchObject({ code: 'order_not_found' });
    await expect(other.orders.get('')).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('opens the hosted orders page through a link that carries no access token', async () => {
    const kiosk = await signedIn();
    const id = await paidOrder(kiosk);
    const url = await kiosk.orders.pageUrl({ locale: 'de' });
    expect(new URL(url).pathname).toBe('/orders');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Ihre Bestellungen');
    expect(html).toContain(`/orders/${id}?locale=de`);
    const one = await fetch(new URL(`/orders/${id}?locale=de`, url));
    expect(await one.text()).toContain(`Bestellung ${id.slice(0, 8).toUpperCase()}`);
  });
});
