// Run by test/runtimes.test.ts under Bun and Deno: the built SDK against the real server.
import { createClient } from '../dist/index.js';

const endpoint =
  globalThis.Deno?.env.get('KIOSK_ENDPOINT') ?? globalThis.process?.env.KIOSK_ENDPOINT;
const kiosk = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null });
const [tee, hoodie] = await Promise.all([
  kiosk.products.get('aurora-classic-tee'),
  kiosk.products.get('no-such-product').catch((e) => e),
]);
const variant = tee.variants.find((v) => v.quantityAvailable > 0);
const cart = await kiosk.cart.add(variant.id, 2);
console.log(JSON.stringify({ title: tee.title, missing: hoodie.code, itemCount: cart.itemCount }));
