// The same influencer post in Arabic (right to left) and German (formats), through the blog's
// own language switcher, which only sets <html lang>: the widgets follow it.
import { addToCart, card, expect, test } from './fixtures.js';

test.describe('in Arabic', () => {
  test.use({ locale: 'ar-EG' });

  test('widgets render right to left with Arabic strings', async ({ page }) => {
    await page.goto('/influencer.html?kiosk_ref=ana&lang=ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const tee = card(page, 'aurora-classic-tee');
    await expect(tee).toHaveAttribute('dir', 'rtl');
    await expect(tee.locator('[part=button]')).toHaveText('أضف إلى السلة');
    const header = page.locator('header.site-header');
    await expect(header.locator('kiosk-login-button').getByRole('button')).toHaveText(
      'تسجيل الدخول',
    );
    await expect(page.locator('kiosk-review-list').first()).toContainText('مراجعات العملاء');

    const miniCart = header.locator('kiosk-mini-cart');
    await expect(miniCart.locator('[part~=trigger]')).toHaveAccessibleName('السلة، لا توجد منتجات');
    await miniCart.locator('[part~=trigger]').click();
    const panel = miniCart.getByRole('dialog');
    await expect(panel).toContainText('سلتك');
    await expect(panel).toContainText('سلتك فارغة');
    await expect(miniCart).toHaveAttribute('dir', 'rtl');

    // Right to left for real: in the row layout the image sits at the inline start, the right.
    const image = await tee.locator('[part=image]').first().boundingBox();
    const title = await tee.locator('[part=title]').boundingBox();
    expect(image && title).toBeTruthy();
    expect(image!.x).toBeGreaterThan(title!.x + title!.width - 1);
  });

  test('an Arabic-speaking shopper can add to cart (currency auto → EGP, which the store does not sell)', async ({
    page,
  }) => {
    // With currency "auto", ar-EG resolves to EGP, which aurora doesn't sell: the cart falls
    // back to the store's default currency, as product reads do.
    await page.goto('/influencer.html?kiosk_ref=ana&lang=ar');
    const tee = card(page, 'aurora-classic-tee');
    await expect(tee).toHaveAttribute('state', 'ready');
    await tee.locator('[part=button]').click();
    const trigger = page.locator('header.site-header kiosk-mini-cart [part~=trigger]');
    // "Cart, 1 item" in Arabic (the singular form names no number).
    await expect(trigger).toHaveAccessibleName('السلة، منتج واحد', { timeout: 5_000 });
  });
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('switching the page to German translates the widgets and formats prices', async ({
    page,
  }) => {
    await page.goto('/influencer.html?kiosk_ref=ana');
    const tee = card(page, 'aurora-classic-tee');
    await expect(tee.locator('[part=button]')).toHaveText('Add to cart');

    await page.getByLabel('Language').selectOption('de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(tee.locator('[part=button]')).toHaveText('In den Warenkorb');
    // German money: decimal comma, currency sign after the amount (de-DE → EUR).
    await expect(tee.locator('[part~=price]').first()).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}\s€$/);
    await expect(page.locator('kiosk-review-list').first()).toContainText('Kundenbewertungen');
    const header = page.locator('header.site-header');
    await expect(header.locator('kiosk-login-button').getByRole('button')).toHaveText('Anmelden');

    await addToCartGerman(tee);
    const miniCart = header.locator('kiosk-mini-cart');
    await miniCart.locator('[part~=trigger]').click();
    const summary = miniCart.locator('[part~=summary]');
    await expect(summary).toContainText(/\d,\d{2}\s€/);
  });
});

async function addToCartGerman(tee: ReturnType<typeof card>) {
  await tee.locator('[part=button]').click();
  await expect(tee.locator('[part=status]')).toContainText('Warenkorb');
}

// English pages keep English (the helper above is German; this one is the shared English one).
test('an English page in an English browser stays English', async ({ page }) => {
  await page.goto('/brand.html');
  await addToCart(page, 'aurora-ribbed-beanie');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
