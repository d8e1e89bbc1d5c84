import { describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY, type Product } from '../src/index.js';
import { admin, client, memoryStorage, recordingFetch, until } from './helpers.js';

async function inStock(
  kiosk: ReturnType<typeof client>,
  min = 3,
): Promise<{ product: Product; variantId: string; stock: number }> {
  const { items } = await kiosk.products.list({ first: 30 });
  for (const product of items) {
    const variant = product.variants.find((v) => v.quantityAvailable >= min);
    if (variant)
      return {
        product: await kiosk.products.get(product.handle),
        variantId: variant.id,
        stock: variant.quantityAvailable,
      };
  }
  throw new Error('no product in stock');
}

describe('cart', () => {
  it('adds, updates and removes lines, with totals from the server', async () => {
    const kiosk = client();
    const { variantId } = await inStock(kiosk);
    // A creator handle with a dot: the SDK and the server share one attribution code rule.
    const cart = await kiosk.cart.add(variantId, 2, { ref: 'ana.lind' });
    expect(cart?.lines).toHaveLength(1);
    expect(cart?.lines[0]).toMatchObject({ variantId, quantity: 2, ref: 'ana.lind' });
    expect(kiosk.cart.$cart.get()?.itemCount).toBe(2);

    const lineId = cart!.lines[0]!.id;
    const updated = await kiosk.cart.update(lineId, 1);
    expect(updated?.itemCount).toBe(1);
    expect(updated?.total.amount).toBe(updated!.lines[0]!.unitPrice.amount);

    const emptied = await kiosk.cart.remove(lineId);
    expect(emptied?.lines).toHaveLength(0);
  });

  it("shows the variant's own image on its line, at once and from the server", async () => {
    const kiosk = client();
    const tee = await kiosk.products.get('aurora-classic-tee');
    const white = tee.variants.find((v) => v.title === 'White / M')!;
    // Not the product's first picture: the White tee's own.
    expect(white.image).toMatchObject({ alt: 'Classic Tee in White' });
    expect(white.image?.url).not.toBe(tee.images[0]?.url);
    const added = kiosk.cart.add(white.id, 1);
    expect(kiosk.cart.$cart.get()?.lines[0]?.image, 'optimistic line').toMatchObject(white.image!);
    const cart = await added;
    expect(cart?.lines[0]?.image).toEqual(white.image);
  });

  it('changes a line the server has not confirmed yet (an update right after an add)', async () => {
    const kiosk = client();
    const { variantId } = await inStock(kiosk);
    const added = kiosk.cart.add(variantId, 1);
    const pending = kiosk.cart.$cart.get()!.lines[0]!;
    expect(pending.id).toMatch(/^pending:/);
    const updated = kiosk.cart.update(pending.id, 3);
    expect(kiosk.cart.$cart.get()?.itemCount).toBe(3); // optimistic, before either answer
    await added;
    expect(kiosk.cart.$cart.get()?.itemCount, 'still 3 between the two answers').toBe(3);
    const cart = await updated;
    expect(cart?.lines).toHaveLength(1);
    expect(cart?.lines[0]).toMatchObject({ variantId, quantity: 3 });
    expect((await kiosk.cart.refresh())?.itemCount, 'the server has it').toBe(3);
  });

  it('sends an Idempotency-Key with every write', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const { variantId } = await inStock(kiosk);
    await kiosk.cart.add(variantId);
    const writes = net.calls.filter((c) => c.method !== 'GET');
    expect(writes.length).toBeGreaterThanOrEqual(2); // create cart + add line
    for (const w of writes) expect(w.headers.get('idempotency-key')).toBeTruthy();
  });

  it('shows an add at once and rolls it back when the server refuses it', async () => {
    const kiosk = client();
    const { variantId, stock } = await inStock(kiosk);
    await kiosk.cart.add(variantId, 1);
    const seen: number[] = [];
    const stop = kiosk.cart.$cart.subscribe((c) => seen.push(c?.itemCount ?? 0));
    const refused = kiosk.cart.add(variantId, stock + 5);
    expect(kiosk.cart.$cart.get()?.itemCount).toBe(stock + 6); // optimistic
    await expect(refused).rejects.toMatchObject({ code: 'out_of_stock', status: 422 });
    expect(kiosk.cart.$cart.get()?.itemCount).toBe(1); // rolled back
    expect(seen).toContain(stock + 6);
    stop();
  });

  it('queues writes made offline and sends them once, in order, when back online', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const { variantId } = await inStock(kiosk);
    const first = await kiosk.cart.add(variantId, 1);
    const lineId = first!.lines[0]!.id;

    net.state.offline = true;
    const queued = await kiosk.cart.update(lineId, 3);
    expect(queued?.itemCount).toBe(3); // shown while offline
    await kiosk.cart.update(lineId, 2);
    expect(kiosk.cart.$cart.get()?.itemCount).toBe(2);

    expect(kiosk.cart.$pending.get()).toBe(2);

    net.state.offline = false;
    await until(() => kiosk.cart.$pending.get() === 0);
    const server = await kiosk.cart.refresh();
    expect(server!.lines[0]!.quantity).toBe(2);
    const patches = net.calls.filter((c) => c.method === 'PATCH');
    const sent = [
      ...new Map(patches.map((c) => [c.headers.get('idempotency-key'), c.body])).values(),
    ];
    expect(sent).toEqual([JSON.stringify({ quantity: 3 }), JSON.stringify({ quantity: 2 })]);
  });

  it('applies a write once when its answer is lost and it is retried', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const { variantId } = await inStock(kiosk);
    await kiosk.cart.add(variantId, 1); // the cart exists
    net.state.loseResponses = 1;
    const other = await inStock(kiosk, 2);
    await kiosk.cart.add(other.variantId === variantId ? variantId : other.variantId, 1);
    const cart = await kiosk.cart.refresh();
    expect(cart?.itemCount).toBe(2);
    const adds = net.calls.filter((c) => c.method === 'POST' && c.url.pathname.endsWith('/lines'));
    expect(new Set(adds.slice(1).map((c) => c.headers.get('idempotency-key'))).size).toBe(1);
  });

  it('keeps two tabs of one site on the same cart', async () => {
    const storage = memoryStorage();
    const tabA = client({ storage });
    const tabB = client({ storage });
    const { variantId } = await inStock(tabA);
    const stop = tabB.cart.$cart.listen(() => {});
    await tabA.cart.add(variantId, 2);
    await until(() => tabB.cart.$cart.get()?.itemCount === 2);
    expect(tabB.cart.$cart.get()?.id).toBe(tabA.cart.$cart.get()?.id);
    stop();
  });

  it('keeps the cart across a reload (storage)', async () => {
    const storage = memoryStorage();
    const before = client({ storage });
    const { variantId } = await inStock(before);
    const cart = await before.cart.add(variantId, 1);
    const after = client({ storage });
    expect(after.cart.$cart.get()?.id).toBe(cart?.id);
  });

  it('rejects wrong arguments before any request, leaving the cart as it was', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    await expect(kiosk.cart.add('v', -1)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(kiosk.cart.add('v', 1.5)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(kiosk.cart.add('', 1)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(kiosk.cart.add('v', 1, { ref: 'has space' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(kiosk.cart.add('v', MAX_LINE_QUANTITY + 1)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(kiosk.cart.update('line', -2)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(kiosk.cart.redeemPoints(10)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(net.calls).toHaveLength(0);
    expect(kiosk.cart.$cart.get()).toBeNull();
  });

  it('rejects an unknown variant with the server code and no cart change', async () => {
    const kiosk = client();
    const { variantId } = await inStock(kiosk);
    await kiosk.cart.add(variantId, 1);
    const before = kiosk.cart.$cart.get();
    await expect(kiosk.cart.add('00000000-0000-4000-8000-000000000000', 1)).rejects.toMatchObject({
      code: 'variant_not_found',
    });
    expect(kiosk.cart.$cart.get()).toEqual(before);
  });

  it('checks out into a pending order and keeps the cart until it is paid', async () => {
    const kiosk = client({ locale: 'de' });
    const { variantId } = await inStock(kiosk);
    const added = await kiosk.cart.add(variantId, 1);
    const { orderId, checkoutUrl } = await kiosk.cart.checkout();
    expect(orderId).toMatch(/[0-9a-f-]{36}/);
    const url = new URL(checkoutUrl);
    expect(url.pathname).toBe(`/checkout/${orderId}`);
    // The hosted page speaks the client's language; outside a page there is nothing to return to.
    expect(url.searchParams.get('locale')).toBe('de');
    expect(url.searchParams.has('return_to')).toBe(false);
    expect(kiosk.cart.$cart.get()?.id).toBe(added?.id);
    expect(kiosk.cart.$cart.get()?.itemCount).toBe(1);
    // Checking out the unchanged cart again leads to the same order.
    const again = await kiosk.cart.checkout({ returnTo: 'http://localhost:5173/shop' });
    expect(again.orderId).toBe(orderId);
    expect(new URL(again.checkoutUrl).searchParams.get('return_to')).toBe(
      'http://localhost:5173/shop',
    );
    const page = await fetch(again.checkoutUrl);
    expect(await page.text()).toContain('href="http://localhost:5173/shop"');
  });

  it("opens checkout in the caller's language and currency (a widget on an Arabic page)", async () => {
    const net = recordingFetch();
    const kiosk = client({ locale: 'en-US', currency: 'USD', fetch: net.fetch });
    const { variantId } = await inStock(kiosk);
    await kiosk.cart.add(variantId, 1);
    // Wrong options are refused before any request.
    const before = net.calls.length;
    await expect(kiosk.cart.checkout({ locale: 'not a tag!' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(kiosk.cart.checkout({ currency: 'euros' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(net.calls.length).toBe(before);

    const { checkoutUrl } = await kiosk.cart.checkout({ locale: 'ar', currency: 'eur' });
    const url = new URL(checkoutUrl);
    expect(url.searchParams.get('locale')).toBe('ar');
    expect(url.searchParams.get('currency')).toBe('EUR');
    const page = await (await fetch(checkoutUrl)).text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    // The page showed euros; the cart, and so the order, is in dollars: the page says so.
    expect(page).toContain('data-charged-in="USD"');
  });

  it('back from the payment page: unpaid, the cart is as it was; paid, a new cart starts', async () => {
    const storage = memoryStorage();
    const shop = client({ storage });
    const { variantId } = await inStock(shop);
    const cart = await shop.cart.add(variantId, 2);
    const { orderId } = await shop.cart.checkout();

    // The shopper comes back without paying (a new page load with the same storage).
    const unpaid = client({ storage });
    const stopUnpaid = unpaid.cart.$cart.listen(() => {});
    const refreshed = await unpaid.cart.refresh();
    expect(refreshed?.id).toBe(cart?.id);
    expect(refreshed?.itemCount).toBe(2);
    stopUnpaid();

    await admin().orders.markPaid(orderId);
    const paid = client({ storage });
    const seen: (string | null)[] = [];
    const stop = paid.cart.$cart.subscribe((c) => seen.push(c?.id ?? null));
    await until(() => paid.cart.$cart.get() === null);
    expect(seen[0], 'first the stored cart').toBe(cart?.id);
    expect(await paid.cart.refresh()).toBeNull();
    const next = await paid.cart.add(variantId, 1);
    expect(next?.id).not.toBe(cart?.id);
    expect(next?.itemCount).toBe(1);
    stop();
  });

  it('refuses to check out a cart paid for elsewhere, and drops it', async () => {
    const kiosk = client();
    const { variantId } = await inStock(kiosk);
    await kiosk.cart.add(variantId, 1);
    const { orderId } = await kiosk.cart.checkout();
    await admin().orders.markPaid(orderId);
    await expect(kiosk.cart.checkout()).rejects.toMatchObject({ code: 'cart_not_active' });
    expect(kiosk.cart.$cart.get()).toBeNull();
  });

  it('puts an add into a new cart when the cart was paid for in another tab', async () => {
    const kiosk = client();
    const { variantId } = await inStock(kiosk);
    const first = await kiosk.cart.add(variantId, 1);
    const { orderId } = await kiosk.cart.checkout();
    await admin().orders.markPaid(orderId);
    // This tab has not heard of it: its next add finds the cart ordered, and succeeds in a
    // new cart.
    const next = await kiosk.cart.add(variantId, 3);
    expect(next?.id).not.toBe(first?.id);
    expect(next?.lines.map((l) => [l.variantId, l.quantity])).toEqual([[variantId, 3]]);
    // A change to a line of the paid cart cannot follow it: refused, and the new cart stays.
    await expect(kiosk.cart.update(first!.lines[0]!.id, 5)).rejects.toMatchObject({
      code: 'line_not_found',
    });
    expect(kiosk.cart.$cart.get()?.itemCount).toBe(3);
  });
});
