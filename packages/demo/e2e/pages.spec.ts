// Every demo page loads under the strict CSP (the fixture fails on any violation), and the
// developer app works (the snippet builder has its own spec: builder.spec.ts).

import { shipToNewYork } from './checkout-address.js';
import { apiUrl, demoUrl } from './env.js';
import { card, expect, test } from './fixtures.js';
import { pushSubscription, pushTo, withoutQuietHours } from './notifications.js';

for (const path of [
  '/',
  '/brand.html',
  '/influencer.html',
  '/app.html',
  '/builder.html',
  '/elements.html',
  '/merchant.html',
]) {
  test(`${path} is served with a CSP without unsafe-inline/unsafe-eval and renders`, async ({
    page,
  }) => {
    const response = await page.goto(path);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const cards = page.locator('kiosk-product-card');
    // The overview and the merchant page have no cards; the builder none until products are
    // picked (builder.spec.ts).
    if (!['/', '/builder.html', '/merchant.html'].includes(path))
      await expect(cards.first()).toHaveAttribute('state', /ready|sold-out/);
    for (const c of await cards.all())
      await expect(c).not.toHaveAttribute('state', /loading|error/);
  });
}

test('the brand page is built from the script tag alone', async ({ page }) => {
  await page.goto('/brand.html');
  // What the page's author wrote: the product JSON-LD the elements add is data, not code.
  const scripts = await page
    .locator('script:not([type="application/ld+json"])')
    .evaluateAll((list) => list.map((s) => (s as HTMLScriptElement).getAttribute('src')));
  expect(scripts).toEqual(['/cdn/kiosk.js']);
  await expect(page.locator('script[src="/cdn/kiosk.js"]')).toHaveAttribute(
    'data-endpoint',
    apiUrl,
  );
  // The loader imports each element's chunk when the element is in the page: wait for them.
  for (const tag of ['kiosk-mini-cart', 'kiosk-login-button', 'kiosk-review-list']) {
    await expect.poll(() => page.evaluate((t) => !!customElements.get(t), tag)).toBe(true);
  }
  await expect(page.locator('kiosk-review-list')).toContainText('Customer reviews');
  // The demo seed's purchase history: cards of what sells with the tee, never the tee itself.
  const recommendations = page.locator('kiosk-recommendations');
  await expect(recommendations.getByRole('heading', { level: 2 })).toHaveText(
    'Often bought with Classic Tee',
  );
  await expect(recommendations.locator('kiosk-product-card').first()).toHaveAttribute(
    'product',
    'aurora-slim-chinos',
  );
  await expect(
    recommendations.locator('kiosk-product-card[product="aurora-classic-tee"]'),
  ).toHaveCount(0);
});

test('the developer app: SDK-built cart page, quantity changes and hosted checkout', async ({
  page,
}) => {
  await page.goto('/app.html');
  const first = page.locator('#products kiosk-product-card').first();
  await expect(page.locator('#products kiosk-product-card')).toHaveCount(12);
  await expect(first).toHaveAttribute('state', 'ready');
  await first.locator('[part=button]').click();
  await expect(page.locator('#cart-count')).toHaveText('1');

  await page.getByRole('link', { name: /Cart/ }).click();
  const line = page.locator('#cart-lines li');
  await expect(line).toHaveCount(1);
  await line.getByRole('spinbutton').fill('3');
  await line.getByRole('spinbutton').press('Enter');
  await expect(page.locator('#cart-count')).toHaveText('3');
  await expect(page.locator('#total')).toHaveText(/^\$\d+\.\d{2}$/);

  await page.getByRole('button', { name: 'Check out' }).click();
  await page.waitForURL(/\/checkout\//);
  await shipToNewYork(page, 'Dev Eloper');
  await page.getByLabel('Card number').fill('4242424242424242');
  await page.getByLabel('Name on card').fill('Dev Eloper');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByText('Thank you! Your payment was received.')).toBeVisible();
  await page.getByRole('link', { name: 'Return to shop' }).click();
  await expect(page).toHaveURL(/\/app\.html/);
  await expect(page.locator('#cart-count')).toHaveText('0');
});

test('the elements page: each example as its snippet says, two stores that keep their carts', async ({
  page,
}) => {
  await page.goto('/elements.html');
  await expect(page.locator('kiosk-product-card[product="no-such-product"]')).toHaveAttribute(
    'state',
    'unavailable',
  );
  await expect(page.locator('kiosk-product-card[product="aurora-limited-parka"]')).toHaveAttribute(
    'state',
    'sold-out',
  );
  const german = page.locator('kiosk-product-card[locale="de"]');
  await expect(german.locator('[part~=price]').first()).toHaveText(/€/);
  // Every snippet on the page names only elements and attributes the live examples use.
  const examples = await page
    .locator('main kiosk-product-card')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('product')));
  const snippets = (await page.locator('pre code').allTextContents()).join('\n');
  for (const handle of examples) expect(snippets).toContain(`product="${handle}"`);

  const [borealis, arabic] = await page.locator('kiosk-store').all();
  await expect(arabic!.locator('kiosk-product-card')).toHaveAttribute('dir', 'rtl');
  const backpack = card(borealis!, 'borealis-trail-backpack-28l');
  await expect(backpack).toHaveAttribute('state', 'ready');
  await backpack.locator('[part=button]').click();
  await expect(borealis!.locator('kiosk-mini-cart [part=badge]')).toHaveText('1');
  await expect(arabic!.locator('kiosk-mini-cart [part=badge]')).toHaveText(/^(0|٠)$/);
});

test('the merchant page sends a promotion: the subscriber’s push is in the push inbox, the counts follow', async ({
  page,
}) => {
  // A shopper subscribed to Aurora's promotions, with a device on the demo's push service.
  const push = await pushSubscription();
  const response = await fetch(`${apiUrl}/v1/notifications/subscriptions`, {
    method: 'POST',
    headers: { 'X-Kiosk-Key': 'pk_test_aurora', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      topic: 'promotions',
      channel: 'push',
      push,
      timeZone: 'UTC',
      landingUrl: `${demoUrl}/brand.html`,
    }),
  });
  expect(response.status).toBe(201);

  await withoutQuietHours(async () => {
    await page.goto('/merchant.html');
    const form = page.locator('#promotion');
    await form.getByRole('textbox', { name: 'Title' }).fill('Hat weekend');
    await form.getByRole('textbox', { name: 'Message' }).fill('<b>Every</b> hat 20 % off.');
    await expect(form.getByRole('combobox', { name: 'Product the message opens' })).toContainText(
      'Bucket Hat',
    );
    await form
      .getByRole('combobox', { name: 'Product the message opens' })
      .selectOption({ label: 'Bucket Hat' });
    await form.getByRole('button', { name: 'Send now' }).click();
    const results = page.getByRole('region', { name: "The promotion's messages" });
    await expect(results).toBeVisible();

    const received = await pushTo(push.endpoint);
    expect(received.payload.title).toBe('Hat weekend');
    expect(new URL(received.payload.url).searchParams.get('kiosk_product')).toBe(
      'aurora-bucket-hat',
    );
    // The inbox shows it as text (the body's markup escaped) with its link.
    const inbox = await page.context().newPage();
    await inbox.goto('/push/');
    const message = inbox.getByRole('article').filter({ hasText: 'Hat weekend' });
    await expect(message).toContainText('<b>Every</b> hat 20 % off.');
    await expect(message.getByRole('link')).toHaveAttribute('href', received.payload.url);

    await expect(async () => {
      await results.getByRole('button', { name: 'Refresh counts' }).click();
      await expect(results.getByRole('row').nth(1)).toHaveText(/^\s*1\s*1\s*0\s*0\s*0\s*0\s*$/, {
        timeout: 1000,
      });
    }).toPass();
  });
});
