// The brand page through @kiosk/widgets/ssr (scripts/brand-page.mjs): every card and the review
// list arrive rendered on the server, in declarative shadow roots. Without JavaScript a shopper
// (or a crawler) reads each product's name, price and stock and the reviews; with it, each
// element replaces the server's rendering with its own without a frame of skeleton or empty
// box and without moving anything, and then works.
import type { Page } from '@playwright/test';
import { apiUrl } from './env.js';
import { expect, test } from './fixtures.js';

interface Product {
  handle: string;
  title: string;
}

async function products(page: Page): Promise<Product[]> {
  const handles = await page
    .locator('kiosk-product-card')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('product')!));
  const response = await fetch(`${apiUrl}/v1/products/batch?ids=${handles.join(',')}`, {
    headers: { 'x-kiosk-key': 'pk_test_aurora' },
  });
  const { items } = (await response.json()) as { items: Product[] };
  return handles.map((h) => items.find((p) => p.handle === h)!);
}

test('without JavaScript the brand page shows every product and the reviews', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/brand.html');
  const cards = page.locator('kiosk-product-card');
  await expect(cards).toHaveCount(12);
  const expected = await products(page);
  for (const [i, product] of expected.entries()) {
    const card = cards.nth(i);
    await expect(card.locator('[part=title]')).toHaveText(product.title);
    await expect(card.locator('[part=price]')).toHaveText(/\$\d+\.\d\d/);
    await expect(card.locator('.stock')).toBeVisible();
    await expect(card.locator('[part=base].skeleton')).toHaveCount(0);
  }
  const reviews = page.locator('kiosk-review-list');
  await expect(reviews.getByRole('heading', { name: 'Reviews' })).toBeVisible();
  await expect(reviews.locator('[part=count]')).toHaveText(/\d+ reviews?/);
  await expect(reviews.locator('[part=list] > li')).not.toHaveCount(0);
  await context.close();
});

test('with JavaScript each element takes over in place: no skeleton, no shift, and it works', async ({
  page,
}) => {
  // The API serving (a test before may have restarted it): a card whose first load fails
  // shows its error, then a skeleton while it retries, which is not what this test is about.
  await expect.poll(async () => (await fetch(`${apiUrl}/healthz`)).status).toBe(200);
  // From the first frame: any card or list showing a skeleton, nothing, or two renderings; and
  // every layout shift.
  await page.addInitScript(() => {
    const w = window as unknown as { problems: string[]; shift: number };
    w.problems = [];
    w.shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
        w.shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    const frame = () => {
      // Only once the page is parsed: before that the browser may paint an element whose
      // declarative shadow root has its styles and not yet its content (progressive rendering,
      // the same with or without Kiosk). The loader is deferred, so every upgrade comes after.
      for (const el of document.readyState === 'loading'
        ? []
        : document.querySelectorAll('kiosk-product-card, kiosk-review-list')) {
        if (!el.shadowRoot) continue; // a static page (the API was down when it was served)
        const shown = [...el.shadowRoot.querySelectorAll<HTMLElement>('.base')].filter(
          (b) => getComputedStyle(b).display !== 'none',
        );
        const what = shown.map((b) => b.className).join(' + ') || 'nothing';
        if (shown.length !== 1 || shown[0]!.matches('.skeleton')) {
          w.problems.push(`${el.localName} ${el.getAttribute('product')}: ${what}`);
        }
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.goto('/brand.html');
  const cards = page.locator('kiosk-product-card');
  await expect(cards).toHaveCount(12);
  // Every element has upgraded: its own rendering shows, the server's is gone from view.
  for (const el of await page.locator('kiosk-product-card, kiosk-review-list').all()) {
    await expect(el).toHaveAttribute('state', /^(ready|sold-out)$/);
    await expect(el.locator('[ssr]')).toBeHidden();
  }
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const seen = await page.evaluate(() => (window as unknown as { problems: string[] }).problems);
  expect(seen, 'frames with a skeleton, nothing or two renderings').toEqual([]);
  const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
  expect(shift, 'cumulative layout shift of the page').toBe(0);

  // And the upgraded card works: add to cart, the mini cart counts it.
  const tee = cards.first();
  await tee.getByRole('button', { name: 'Add to cart' }).click();
  await expect(tee.getByRole('status')).toContainText('Added');
  await expect(page.locator('kiosk-mini-cart [part=badge]')).toHaveText('1');
});
