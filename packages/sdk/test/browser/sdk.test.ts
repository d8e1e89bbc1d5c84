import { expect } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { createClient, type KioskClient } from '../../src/index.js';

declare global {
  interface Window {
    KIOSK_ENDPOINT: string;
  }
}

const endpoint = window.KIOSK_ENDPOINT;
const client = (options: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ endpoint, storeKey: 'pk_test_aurora', ...options });

const productRequests = () =>
  performance
    .getEntriesByType('resource')
    .filter(
      (e) => e.name.startsWith(endpoint) && new URL(e.name).pathname.startsWith('/v1/products'),
    );

async function until(check: () => boolean, ms = 10_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Calls `action` from a real click, so the browser grants user activation (popups). */
async function click(action: () => void) {
  const button = document.createElement('button');
  button.textContent = 'go';
  button.style.cssText =
    'position:fixed;inset-block-start:0;inset-inline-start:0;inline-size:80px;block-size:40px';
  button.addEventListener('click', action, { once: true });
  document.body.append(button);
  await sendMouse({ type: 'click', position: [20, 20] });
  button.remove();
}

describe('the SDK in Chromium', () => {
  beforeEach(() => {
    localStorage.clear();
    performance.clearResourceTimings();
  });

  it('loads twelve products with one batched request', async () => {
    const kiosk = client({ storage: null });
    const { items } = await kiosk.products.list({ first: 12 });
    performance.clearResourceTimings();
    const products = await Promise.all(items.map((p) => kiosk.products.get(p.handle)));
    expect(products).to.have.length(12);
    await until(() => productRequests().length > 0);
    expect(productRequests().map((e) => new URL(e.name).pathname)).to.deep.equal([
      '/v1/products/batch',
    ]);
  });

  it('reads past the browser HTTP cache after a write (a new review shows in the summary)', async () => {
    // Borealis publishes reviews at once; its summaries may be cached by the browser for 30 s.
    const kiosk = client({ storeKey: 'pk_test_borealis', storage: null });
    const res = await fetch(`${endpoint}/admin/v1/customers/session-tokens`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sk_test_borealis',
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify({ email: `cache-${Date.now()}@example.com`, name: 'Cache Test' }),
    });
    await kiosk.auth.signInWithToken(((await res.json()) as { token: string }).token);
    const { items } = await kiosk.products.list({ first: 1 });
    const product = items[0]!.id;
    const before = await kiosk.reviews.summary(product);
    const review = await kiosk.reviews.submit(product, { rating: 5, title: 'Fresh', body: 'New.' });
    expect(review.status).to.equal('approved');
    const after = await kiosk.reviews.summary(product);
    expect(after.count).to.equal(before.count + 1);
    expect(after.histogram[5]).to.equal(before.histogram[5] + 1);
  });

  it('reads past the browser HTTP cache on a page opened from a message (?kiosk_product=)', async () => {
    const admin = (path: string, method: string, body: unknown) =>
      fetch(`${endpoint}/admin/v1/products${path}`, {
        method,
        headers: {
          Authorization: 'Bearer sk_test_borealis',
          'Content-Type': 'application/json',
          'Idempotency-Key': crypto.randomUUID(),
        },
        body: JSON.stringify(body),
      }).then(async (r) => {
        const answer = await r.json();
        if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(answer)}`);
        return answer as { id: string; handle: string; variants: { id: string }[] };
      });
    const made = await admin('', 'POST', {
      title: 'Cache test parka',
      variants: [{ stock: 0, prices: { EUR: '90.00' } }],
    });
    const read = async () =>
      (await client({ storeKey: 'pk_test_borealis', storage: null }).products.get(made.handle))
        .variants[0]!.available;
    expect(await read(), 'sold out, and now in this browser’s HTTP cache').to.equal(false);
    await admin(`/${made.id}/variants/${made.variants[0]!.id}`, 'PATCH', { stock: 5 });
    expect(await read(), 'an ordinary page may show the cached answer (max-age)').to.equal(false);
    const page = location.href;
    history.replaceState(null, '', `?kiosk_product=${made.handle}&kiosk_campaign=back-in-stock`);
    try {
      expect(await read(), 'the message’s page reads it fresh').to.equal(true);
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('keeps two clients of one site (two tabs) on one cart through localStorage', async () => {
    const tabA = client();
    const tabB = client();
    const stop = tabB.cart.$cart.listen(() => {});
    const product = await tabA.products.get('aurora-classic-tee');
    const variant = product.variants.find((v) => v.quantityAvailable > 1)!;
    await tabA.cart.add(variant.id, 1);
    await until(() => tabB.cart.$cart.get()?.itemCount === 1);
    expect(tabB.cart.$cart.get()?.id).to.equal(tabA.cart.$cart.get()?.id);
    stop();
  });

  it('queues cart writes while the browser is offline and sends them on the online event', async () => {
    // The page's view of the network: navigator.onLine and a fetch that fails while offline.
    let offline = false;
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => !offline });
    const kiosk = client({
      fetch: (input, init) =>
        offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init),
    });
    try {
      const product = await kiosk.products.get('aurora-classic-tee');
      const variant = product.variants.find((v) => v.quantityAvailable > 2)!;
      await kiosk.cart.add(variant.id, 1);
      offline = true;
      const shown = await kiosk.cart.add(variant.id, 1);
      expect(shown?.itemCount).to.equal(2);
      expect(kiosk.cart.$pending.get()).to.equal(1);
      offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => kiosk.cart.$pending.get() === 0, 3000);
      const server = await kiosk.cart.refresh();
      expect(server?.itemCount).to.equal(2);
    } finally {
      Object.defineProperty(navigator, 'onLine', onLine);
    }
  });

  it('checks out with a way back to this page; restored from the back/forward cache after paying, the cart is empty', async () => {
    const kiosk = client({ storage: null, locale: 'fr' });
    const product = await kiosk.products.get('aurora-classic-tee');
    const variant = product.variants.find((v) => v.quantityAvailable > 0)!;
    await kiosk.cart.add(variant.id, 1);
    const { orderId, checkoutUrl } = await kiosk.cart.checkout();
    const url = new URL(checkoutUrl);
    expect(url.searchParams.get('return_to')).to.equal(location.href.split('#')[0]);
    expect(url.searchParams.get('locale')).to.equal('fr');
    const hosted = await (await fetch(checkoutUrl)).text();
    expect(hosted).to.contain('Retour à la boutique');
    // Back before paying (the page comes out of the back/forward cache): the same cart.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect((await kiosk.cart.refresh())?.itemCount).to.equal(1);

    // The store's back office marks it paid (as a payment webhook would).
    const paid = await fetch(`${endpoint}/admin/v1/orders/${orderId}/mark-paid`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_aurora' },
    });
    expect(paid.status).to.equal(200);
    expect(kiosk.cart.$cart.get()?.itemCount, 'the page does not know yet').to.equal(1);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await until(() => kiosk.cart.$cart.get() === null, 5000);
  });

  async function popupLogin(kiosk: KioskClient, dropOpener: boolean) {
    const email = `popup-${crypto.randomUUID().slice(0, 8)}@example.com`;
    let login!: ReturnType<KioskClient['auth']['login']>;
    await click(() => {
      login = kiosk.auth.login();
    });
    await executeServerCommand('complete-login-popup', {
      email,
      password: 'correct horse battery',
      dropOpener,
    });
    const session = await login;
    return { session, email };
  }

  it('signs in through the hosted page in a popup (authorization code + PKCE)', async () => {
    const kiosk = client();
    const { session, email } = await popupLogin(kiosk, false);
    expect(session.customer.email).to.equal(email);
    expect(kiosk.auth.$session.get()?.customer.email).to.equal(email);
    expect(kiosk.points.$balance.get()).to.equal(0);
    // The refresh token is an HttpOnly cookie: nothing readable by page scripts holds it.
    expect(JSON.stringify({ ...localStorage })).not.to.contain('refresh');
    expect(document.cookie).not.to.contain('kiosk_rt');

    // A reload restores the session from the cookie.
    const reloaded = client();
    await reloaded.ready;
    expect(reloaded.auth.$session.get()?.customer.email).to.equal(email);
    await reloaded.auth.logout();
    expect(reloaded.auth.$session.get()).to.equal(null);
  });

  it("opens the sign-in page in the caller's language, right-to-left for Arabic", async () => {
    const kiosk = client({ storage: null, locale: 'en' });
    // A stand-in popup: where the SDK sends it is what the shopper would see.
    const popup = { location: { href: '' }, closed: false, close() {} };
    const open = window.open;
    window.open = () => popup as unknown as Window;
    try {
      await kiosk.auth.login({ locale: 'bad tag!' }).then(
        () => expect.fail('accepted a bad locale'),
        (error) => expect(error.code).to.equal('validation_failed'),
      );
      expect(popup.location.href, 'no popup sent anywhere').to.equal('');
      void kiosk.auth.login({ locale: 'ar' });
      await until(() => popup.location.href !== '');
    } finally {
      window.open = open;
    }
    const url = new URL(popup.location.href);
    expect(url.pathname).to.equal('/oauth/authorize');
    expect(url.searchParams.get('ui_locales')).to.equal('ar');
    const page = await (await fetch(url)).text();
    expect(page).to.contain('<html lang="ar" dir="rtl">');
  });

  it('goes straight to one upstream identity provider with provider=', async () => {
    const kiosk = client({ storage: null });
    const popup = { location: { href: '' }, closed: false, close() {} };
    const open = window.open;
    window.open = () => popup as unknown as Window;
    try {
      await kiosk.auth.login({ provider: 'Not A Slug' }).then(
        () => expect.fail('accepted a bad provider'),
        (error) => expect(error.code).to.equal('validation_failed'),
      );
      expect(popup.location.href, 'no popup sent anywhere').to.equal('');
      void kiosk.auth.login({ provider: 'google' });
      await until(() => popup.location.href !== '');
    } finally {
      window.open = open;
    }
    const url = new URL(popup.location.href);
    expect(url.pathname).to.equal('/oauth/authorize');
    expect(url.searchParams.get('provider')).to.equal('google');
    expect(url.searchParams.get('response_mode')).to.equal('web_message');
  });

  it('falls back to polling when the popup loses its opener', async () => {
    const kiosk = client();
    const { session, email } = await popupLogin(kiosk, true);
    expect(session.customer.email).to.equal(email);
  });

  it('runs in a module web worker (no DOM, no storage)', async () => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const answer = await new Promise<{
      ok: boolean;
      title?: string;
      itemCount?: number;
      error?: string;
    }>((resolve) => {
      worker.addEventListener('message', (e) => resolve(e.data), { once: true });
      worker.postMessage({ endpoint });
    });
    worker.terminate();
    expect(answer.error).to.equal(undefined);
    expect(answer).to.deep.include({ ok: true, title: 'Classic Tee', itemCount: 1 });
  });

  it('signs in by redirect and removes the code from the address bar', async () => {
    const email = `redirect-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { shown, leftInUrl } = (await executeServerCommand('redirect-login', {
      email,
      password: 'correct horse battery',
    })) as { shown: string; leftInUrl: string };
    expect(shown).to.equal(email);
    expect(leftInUrl).not.to.contain('code=');
    expect(leftInUrl).not.to.contain('state=');
  });
});
