// Where one part of the shopper journey hands over to the next: the card's feedback leads to
// the cart, the cart shows the chosen variant, a dotted creator code reaches the order, and
// the hosted pages speak the page's language (not the browser's) and lead back to the page.
import { admin, card, expect, test } from './fixtures.js';

const TEE = 'aurora-classic-tee';

test.use({ locale: 'en-US' });

test('Added · View cart opens the mini cart, whose line shows the chosen variant’s own image', async ({
  page,
}) => {
  await page.goto('/influencer.html');
  const tee = card(page, TEE);
  await expect(tee).toHaveAttribute('state', 'ready');
  const image = tee.locator('[part~=image]').first();
  const firstSrc = await image.getAttribute('src');
  await tee.getByLabel('Colour').selectOption('White');
  await expect(image).not.toHaveAttribute('src', firstSrc ?? '');
  // The same picture (the card asks for a width: compare the image, not the size).
  const imageOf = (src: string | null) => new URL(src ?? '', 'http://x').pathname;
  const whiteImage = imageOf(await image.getAttribute('src'));

  const added: number[] = [];
  await page.exposeFunction('countCartChange', () => added.push(Date.now()));
  await page.evaluate(() =>
    document.addEventListener('kiosk-cart-change', () =>
      (window as unknown as { countCartChange(): void }).countCartChange(),
    ),
  );
  await tee.locator('[part=button]').click();
  const status = tee.locator('[part=status]');
  await expect(status).toContainText('Added');
  await status.getByRole('button', { name: 'View cart' }).click();

  const miniCart = page.locator('header.site-header kiosk-mini-cart');
  const panel = miniCart.getByRole('dialog');
  await expect(panel).toBeVisible();
  // Focus moved into the opened cart (its shadow root's active element is inside the dialog).
  await expect
    .poll(() =>
      miniCart.evaluate((el) => {
        const active = el.shadowRoot?.activeElement;
        return !!active && !!active.closest('[role=dialog]');
      }),
    )
    .toBe(true);
  const line = panel.locator('[part=line]').filter({ hasText: 'White' });
  await expect(line.locator('[part=line-image]')).toBeVisible();
  expect(imageOf(await line.locator('[part=line-image]').getAttribute('src'))).toBe(whiteImage);
  expect(added, 'kiosk-cart-change fires once per add').toHaveLength(1);
});

test('a dotted creator code (ana.lind) is kept across pages and reaches the order', async ({
  page,
}) => {
  await page.goto('/influencer.html?kiosk_ref=ana.lind');
  // The shopper reads on: the code stays without the query string.
  await page.goto('/influencer.html');
  const tee = card(page, TEE);
  await expect(tee).toHaveAttribute('state', 'ready');
  await tee.locator('[part=button]').click();
  await expect(tee.locator('[part=status]')).toContainText('Added');
  const miniCart = page.locator('header.site-header kiosk-mini-cart');
  await miniCart.locator('[part~=trigger]').click();
  const email = `dotted-${Date.now()}@example.test`;
  await miniCart.getByRole('dialog').getByRole('button', { name: 'Check out' }).click();
  await page.waitForURL(/\/checkout\//);
  const orderId = new URL(page.url()).pathname.split('/').pop();
  if (await page.getByLabel('Email').count()) await page.getByLabel('Email').fill(email);
  const orders = await admin<{ items: any[] }>('/admin/v1/orders?ref=ana.lind&first=100');
  const order = orders.items.find((o) => o.id === orderId);
  expect(order, 'GET /admin/v1/orders?ref=ana.lind lists the order').toBeTruthy();
  expect(order.lines.map((l: any) => l.ref)).toEqual(['ana.lind']);
});

test('an Arabic page opens Arabic, right-to-left hosted pages that lead back to it', async ({
  page,
}) => {
  await page.goto('/influencer.html?lang=ar');
  const login = page.locator('header.site-header kiosk-login-button');
  const popupPromise = page.waitForEvent('popup');
  await login.getByRole('button').first().click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  await expect(popup.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(popup.locator('html')).toHaveAttribute('dir', 'rtl');
  await popup.close();

  const tee = card(page, TEE);
  await expect(tee).toHaveAttribute('state', 'ready');
  await tee.locator('[part=button]').click();
  const miniCart = page.locator('header.site-header kiosk-mini-cart');
  await miniCart.locator('[part~=trigger]').click();
  await miniCart.getByRole('dialog').locator('[part~=checkout]').click();
  await page.waitForURL(/\/checkout\//);
  const returnTo = new URL(page.url()).searchParams.get('return_to');
  expect(returnTo && new URL(returnTo).pathname).toBe('/influencer.html');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});
