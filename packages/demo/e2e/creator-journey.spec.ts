// A creator's journey through the demo pages and the real server: a creator code in the snippet
// builder → the card's share page with ?ref= → a shopper buys there (buy form → hosted
// checkout → test card) → the merchant page's creators report shows the ref with its order and
// revenue → the creator's own link (/creator#t=…), made on the merchant page, shows the same.
// And the share page without JavaScript: heading, price and a buy button that works.

import { shipToNewYork } from './checkout-address.js';
import { apiUrl } from './env.js';
import { expect, test } from './fixtures.js';

// Products no other spec buys: the e2e server's stock is shared by every spec in the run.
const POLO = 'aurora-pique-polo';
const CAP = 'aurora-trucker-cap';

/** A creator code of this run only, so its row holds this test's figures alone. */
const code = (prefix: string) => `${prefix}.${Date.now().toString(36)}`;

/** Money as the merchant page and the creator page write it (en, USD). */
const usd = (cents: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(cents / 100);

test('a creator code → share page → paid order → the merchant report and the creator link show it', async ({
  page,
  context,
}) => {
  const CODE = code('cj');
  let shareUrl = '';

  await test.step('the builder: pick a product, enter the creator code; the card links to its share page with the ref', async () => {
    await page.goto('/builder.html');
    await expect(page.locator('#products-status')).toHaveText(/^\d+ products$/);
    await page.getByLabel('Search products').fill('polo');
    await expect(page.locator('#products-status')).toContainText(/match(es)? “polo”/);
    const box = page.getByRole('checkbox', { name: /^Piqué Polo / });
    await box.check();
    await page.getByLabel('Creator code').fill(CODE);
    await expect(page.getByLabel('Creator code')).toHaveAttribute('aria-invalid', 'false');
    const snippet = page.locator('#snippet');
    // The card's fallback, written once the product's price is read: its share page, with the code.
    await expect(snippet).toHaveValue(
      new RegExp(`product="${POLO}" ref="${CODE}"><a href="[^"]+">Piqué Polo — `),
    );
    shareUrl = /<a href="([^"]+)">/.exec(await snippet.inputValue())![1]!.replaceAll('&amp;', '&');
    expect(shareUrl).toBe(`${apiUrl}/p/aurora/${POLO}?ref=${CODE}`);
  });

  await test.step('a page with the card counts an impression and a click for the code (POST /v1/events)', async () => {
    // What the card would send on a creator's page (the widgets' own tests cover that they
    // do): one list view and one product view, with the code.
    const status = await page.evaluate(
      async ({ api, ref, handle }) => {
        const item = { item_id: handle, price: 1, quantity: 1 };
        const response = await fetch(`${api}/v1/events`, {
          method: 'POST',
          headers: { 'X-Kiosk-Key': 'pk_test_aurora', 'Content-Type': 'application/json' },
          body: JSON.stringify({
            events: [
              {
                name: 'view_item_list',
                ref,
                channel: 'creator',
                params: { currency: 'USD', items: [item] },
              },
              {
                name: 'view_item',
                ref,
                channel: 'creator',
                params: { currency: 'USD', items: [item] },
              },
            ],
          }),
        });
        return response.status;
      },
      { api: apiUrl, ref: CODE, handle: POLO },
    );
    expect(status).toBe(202);
  });

  let cents = 0;
  await test.step('the shopper opens the share page and buys there: buy form → hosted checkout → test card', async () => {
    const shop = await context.newPage();
    await shop.goto(shareUrl);
    await expect(shop.getByRole('heading', { level: 1 })).toHaveText(/Polo/);
    const amount = await shop
      .locator('meta[property="product:price:amount"]')
      .getAttribute('content');
    cents = Math.round(Number(amount) * 100);
    // The product card, rendered on the server (declarative shadow DOM), shows that price.
    const price = shop.locator('kiosk-product-card').getByText(`$${Number(amount).toFixed(2)}`);
    await expect(price).toBeVisible();
    expect(cents).toBeGreaterThan(0);
    await shop.getByRole('button', { name: 'Buy now' }).click();
    await shop.waitForURL(/\/checkout\/[^/?#]+/);
    await shipToNewYork(shop);
    await shop.getByLabel('Card number').fill('4242 4242 4242 4242');
    await shop.getByLabel('Name on card').fill('Sam Shopper');
    await shop.getByRole('button', { name: /^Pay / }).click();
    await expect(shop.getByText('Thank you! Your payment was received.')).toBeVisible();
    await shop.close();
  });

  const commission = Math.round(cents / 10); // the default 10 %, half up (whole cents here)
  const analytics = page.getByRole('region', { name: 'Analytics' });
  await test.step("the merchant page's creators report shows the code with 1 order and its revenue", async () => {
    await page.goto('/merchant.html');
    const row = analytics
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: CODE }) });
    await expect(async () => {
      await analytics.getByRole('button', { name: 'Show' }).click();
      // Impressions: the one posted above, and the share page's own card when the shopper
      // looked at it for the second an impression takes (a busy machine makes that happen).
      await expect(row.getByRole('cell')).toHaveText(
        [/^[12]$/, '1', '0', '1', usd(cents), usd(commission), 'Creator link'],
        { timeout: 1000 },
      );
    }).toPass();
    // The funnel: the purchase is on today's row under the creator channel, in the table the
    // charts stand for, and the charts' text says so too.
    const today = new Date().toISOString().slice(0, 10);
    await analytics.getByText('The funnel as a table').click();
    const creatorToday = analytics
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: today }) })
      .filter({ hasText: 'creator' });
    await expect(creatorToday.getByRole('cell').nth(5)).not.toHaveText('0');
    await expect(page.locator('#channels-chart')).toHaveAttribute('aria-label', /creator [1-9]/);
    await expect(page.locator('#funnel-chart canvas')).toBeVisible();
  });

  await test.step('a period the API refuses (from after to) says why and keeps the last figures', async () => {
    await analytics.getByLabel('From', { exact: true }).fill('2026-12-31');
    await analytics.getByLabel('To', { exact: true }).fill('2026-01-01');
    await analytics.getByRole('button', { name: 'Show' }).click();
    await expect(page.locator('#analytics-status')).toHaveText(/^Could not load the reports: .+/);
    await expect(
      analytics.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CODE }) }),
    ).toHaveCount(1);
  });

  await test.step("the creator link made on the merchant page shows the creator's own figures, the same", async () => {
    await analytics.getByRole('button', { name: `Creator link for ${CODE}` }).click();
    const link = analytics.locator('#creator-link a');
    await expect(link).toHaveAttribute('href', new RegExp(`^${apiUrl}/creator#t=`));
    const url = (await link.getAttribute('href'))!;
    // The token is in the fragment only: nothing of it in the path or query.
    expect(new URL(url).search).toBe('');
    const creator = await context.newPage();
    await creator.goto(url);
    await expect(creator.getByRole('heading', { level: 1 })).toHaveText('Your figures');
    const figure = (key: string) => creator.locator(`[data-figure="${key}"]`);
    await expect(figure('orders')).toHaveText('1');
    await expect(figure('impressions')).toHaveText(/^[12]$/); // as in the merchant's report
    await expect(figure('clicks')).toHaveText('1');
    await expect(figure('revenue')).toHaveText(usd(cents));
    await expect(figure('commission')).toHaveText(usd(commission));
    await creator.close();
  });

  await test.step('a link for a code not in the report yet: checked first, then its page shows zeros', async () => {
    const field = analytics.getByRole('textbox', { name: 'Creator code' });
    await field.fill('not a code!');
    await analytics.getByRole('button', { name: 'Make a creator link' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#creator-link')).toHaveText('“not a code!” is not a creator code.');
    const fresh = code('new');
    await field.fill(fresh);
    await analytics.getByRole('button', { name: 'Make a creator link' }).click();
    await expect(page.locator('#creator-link')).toContainText(`${fresh}'s own figures:`);
    const creator = await context.newPage();
    await creator.goto((await analytics.locator('#creator-link a').getAttribute('href'))!);
    await expect(creator.locator('[data-figure="orders"]')).toHaveText('0');
    await expect(creator.locator('[data-figure="revenue"]')).toHaveText('0');
    await creator.close();
  });
});

test('the share page without JavaScript: heading, price and a buy button that reaches checkout', async ({
  browser,
}) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  const response = await page.goto(`${apiUrl}/p/aurora/${CAP}?ref=${code('nojs')}`);
  expect(response?.status()).toBe(200);
  // No script may run there at all.
  expect(response?.headers()['content-security-policy']).not.toContain('script-src');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trucker Cap');
  // The product card, rendered on the server: its price, with no script at all.
  await expect(page.locator('kiosk-product-card [part=price]')).toHaveText(/^\$\d+\.\d\d$/);
  await page.getByRole('button', { name: 'Buy now' }).click();
  await page.waitForURL(/\/checkout\/[^/?#]+/);
  await expect(page.getByText('Trucker Cap')).toBeVisible();
  await noScript.close();
});
