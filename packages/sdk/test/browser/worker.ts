// Runs in a module web worker: no DOM, no localStorage, no window.
(globalThis as { process?: unknown }).process = { env: { NODE_ENV: 'development' } };

self.addEventListener('message', async (event: MessageEvent<{ endpoint: string }>) => {
  const { createClient } = await import('../../src/index.js');
  try {
    const kiosk = createClient({ endpoint: event.data.endpoint, storeKey: 'pk_test_aurora' });
    const product = await kiosk.products.get('aurora-classic-tee');
    const variant = product.variants.find((v) => v.quantityAvailable > 0)!;
    const cart = await kiosk.cart.add(variant.id, 1);
    self.postMessage({ ok: true, title: product.title, itemCount: cart?.itemCount });
  } catch (error) {
    self.postMessage({ ok: false, error: String(error) });
  }
});
