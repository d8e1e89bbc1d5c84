// The snippet builder: search and pick products with the keyboard, a creator code checked with
// the shared rule, a live preview, a snippet that sells on its own (pasted into a fresh page, a
// shopper buys from it and the order credits the creator), and the creator link generator.
import type { BrowserContext, Page } from '@playwright/test';
import { shipToNewYork } from './checkout-address.js';
import { apiUrl, demoUrl } from './env.js';
import { addToCart, admin, card, expect, servePage, test } from './fixtures.js';

// Products no other spec buys: the e2e server's stock is shared by every spec in the run.
const TEE = 'aurora-waffle-henley';
const HOODIE = 'aurora-zip-hoodie';
const CODE = 'ana.lind';

async function openBuilder(page: Page, context: BrowserContext) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoUrl });
  await page.goto('/builder.html');
  await expect(page.locator('#products-status')).toHaveText(/^\d+ products$/);
  await expect(page.locator('#product-results')).not.toHaveAttribute('aria-busy', 'true');
}

/** Searches, then picks the product from the results with the keyboard (Tab, Space). */
async function pick(page: Page, query: string, title: string) {
  const search = page.getByLabel('Search products');
  await search.fill(query);
  await expect(page.locator('#products-status')).toContainText(new RegExp(`match(es)? “${query}”`));
  const box = page.getByRole('checkbox', { name: new RegExp(`^${title} `) });
  await expect(box).toBeVisible();
  // From the search field, Tab walks the list (chosen products first, then the results).
  await search.focus();
  for (let i = 0; i < 50 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(box).toBeFocused();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

async function copied(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('two products and a dotted creator code: the pasted snippet sells on its own and the order credits the creator', async ({
  page,
  context,
}) => {
  await openBuilder(page, context);
  const snippet = page.locator('#snippet');
  await expect(page.getByRole('button', { name: 'Copy snippet' })).toBeDisabled();

  await test.step('search and pick two products; the first stays picked through the second search', async () => {
    await pick(page, 'henley', 'Waffle Henley');
    await pick(page, 'zip hoodie', 'Zip Hoodie');
    await expect(page.getByRole('checkbox', { name: /^Waffle Henley / })).toBeChecked();
    await page.getByLabel('Creator code').fill(CODE);
    await expect(page.getByLabel('Creator code')).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('#ref-error')).toBeHidden();
    await page.getByLabel(/Add a sign-in button/).check();
  });

  await test.step('the live preview shows the cards, the mini cart and the sign-in button', async () => {
    const preview = page.locator('#preview');
    await expect(preview.locator('kiosk-product-card')).toHaveCount(2);
    await expect(card(preview, TEE)).toHaveAttribute('state', 'ready');
    await expect(card(preview, HOODIE)).toHaveAttribute('ref', CODE);
    await expect(preview.locator('kiosk-mini-cart [part~=trigger]')).toBeVisible();
    await expect(preview.locator('kiosk-login-button')).toHaveCount(1);
  });

  // Each card's fallback comes with its product's price, read after the pick.
  await expect(snippet).toHaveValue(/Zip Hoodie — /);
  const text = await copied(page, 'Copy snippet');
  await test.step('the snippet: the loader, the cart and sign-in, the two cards with the code', async () => {
    expect(text).toBe(await snippet.inputValue());
    await expect(page.locator('#copy-status')).toHaveText('Copied to the clipboard.');
    expect(text).toContain(`<script src="${demoUrl}/cdn/kiosk.js" defer`);
    expect(text).toContain('data-store-key="pk_test_aurora"');
    expect(text).toContain('<kiosk-login-button></kiosk-login-button>');
    expect(text).toContain('<kiosk-mini-cart></kiosk-mini-cart>');
    expect(text.match(/<kiosk-product-card [^>]*>/g)).toEqual([
      `<kiosk-product-card product="${TEE}" ref="${CODE}">`,
      `<kiosk-product-card product="${HOODIE}" ref="${CODE}">`,
    ]);
    // Inside each: its name and price, linked to its share page with the code.
    expect(text.match(/<a href="[^"]*">[^<]*<\/a><\/kiosk-product-card>/g)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^<a href="${apiUrl}/p/aurora/${TEE}\\?ref=${CODE}">Waffle Henley — \\$\\d+\\.\\d\\d</a>`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^<a href="${apiUrl}/p/aurora/${HOODIE}\\?ref=${CODE}">Zip Hoodie — \\$\\d+\\.\\d\\d</a>`,
        ),
      ),
    ]);
  });

  // A fresh page with nothing but the pasted snippet, served for this test on the demo's origin
  // (an allowed origin of the store, where the snippet's kiosk.js lives) under the demo's CSP.
  const path = await servePage(
    'pasted-post.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My two favourites</title></head>
<body><h1>My two favourites</h1><p>What I wore all summer.</p>
${text}
</body></html>`,
  );
  await test.step('without JavaScript the pasted page shows each product, priced, linked to its share page', async () => {
    const noScript = await context.browser()!.newContext({ javaScriptEnabled: false });
    const reader = await noScript.newPage();
    await reader.goto(demoUrl + path);
    const link = reader.getByRole('link', { name: /^Zip Hoodie — \$\d+\.\d\d$/ });
    await expect(link).toBeVisible();
    await expect(reader.getByRole('link', { name: /^Waffle Henley — / })).toBeVisible();
    await link.click();
    await expect(reader).toHaveURL(`${apiUrl}/p/aurora/${HOODIE}?ref=${CODE}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Zip Hoodie');
    await noScript.close();
  });

  const post = await context.newPage();
  const response = await post.goto(path);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

  let orderId = '';
  await test.step('on the pasted page: add both to the cart, open the mini cart, check out, pay', async () => {
    await addToCart(post, TEE);
    await addToCart(post, HOODIE);
    const trigger = post.locator('kiosk-mini-cart [part~=trigger]');
    await expect(trigger).toHaveAccessibleName(/2 items/);
    await trigger.click();
    const panel = post.locator('kiosk-mini-cart').getByRole('dialog');
    await expect(panel).toContainText('Waffle Henley');
    await expect(panel).toContainText('Zip Hoodie');
    await panel.getByRole('button', { name: 'Check out' }).click();
    await post.waitForURL(/\/checkout\/[^/?#]+/);
    orderId = new URL(post.url()).pathname.split('/').pop()!;
    await shipToNewYork(post, 'Pat Pasted');
    await post.getByLabel('Card number').fill('4242 4242 4242 4242');
    await post.getByLabel('Name on card').fill('Pat Pasted');
    await post.getByRole('button', { name: /^Pay / }).click();
    await expect(post.getByText('Thank you! Your payment was received.')).toBeVisible();
  });

  await test.step('the order (admin API) is paid and every line carries ref ana.lind', async () => {
    const orders = await admin<{ items: any[] }>(`/admin/v1/orders?ref=${CODE}&first=100`);
    const order = orders.items.find((o) => o.id === orderId);
    expect(order, `GET /admin/v1/orders?ref=${CODE} lists the order`).toBeTruthy();
    expect(order.status).toBe('paid');
    expect(order.lines).toHaveLength(2);
    expect(order.lines.map((l: any) => l.ref)).toEqual([CODE, CODE]);
  });
});

test('an invalid creator code shows an error tied to the field and is left out of the snippet', async ({
  page,
  context,
}) => {
  await openBuilder(page, context);
  await pick(page, 'henley', 'Waffle Henley');
  const code = page.getByLabel('Creator code');
  await code.fill('ana lind!');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(/A creator code has 1 to 64 letters/);
  await expect(page.locator('#ref-error')).toBeVisible();
  const snippet = page.locator('#snippet');
  await expect(snippet).toHaveValue(new RegExp(`<kiosk-product-card product="${TEE}">`));
  // Neither on the card nor in its fallback's link.
  expect(await snippet.inputValue()).not.toMatch(/ ref=|[?&]ref=/);
  await expect(page.locator('#preview kiosk-product-card')).not.toHaveAttribute('ref', /.*/);

  // Fixed, it is back in the snippet and the error goes.
  await code.fill(CODE);
  await expect(snippet).toHaveValue(new RegExp(`product="${TEE}" ref="${CODE}"`));
  await expect(code).toHaveAttribute('aria-invalid', 'false');
  await expect(page.locator('#ref-error')).toBeHidden();
});

test('the creator link keeps the page’s own query and fragment and is copied; a bad address says why', async ({
  page,
  context,
}) => {
  await openBuilder(page, context);
  await page.getByLabel('Creator code').fill(CODE);
  const address = page.getByLabel('Page address');
  const link = page.getByLabel('Link to share');
  await address.fill('https://brand.example/lookbook?season=fall&kiosk_ref=old#tees');
  await expect(link).toHaveValue(
    `https://brand.example/lookbook?season=fall&kiosk_ref=${CODE}#tees`,
  );
  expect(await copied(page, 'Copy link')).toBe(
    `https://brand.example/lookbook?season=fall&kiosk_ref=${CODE}#tees`,
  );
  await expect(page.locator('#copy-link-status')).toHaveText('Copied to the clipboard.');

  await address.fill('brand.example/lookbook');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(/full address, starting with https:\/\//);
  await expect(link).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeDisabled();

  // The link carries only a valid code.
  await address.fill('https://brand.example/post');
  await page.getByLabel('Creator code').fill('ana lind!');
  await expect(link).toHaveValue('');
  await expect(address).toHaveAccessibleDescription(/Fix the creator code/);
});

test('store, layout, language and currency: the preview and the snippet agree', async ({
  page,
  context,
}) => {
  await openBuilder(page, context);
  await page.getByLabel('Store').selectOption('pk_test_borealis');
  await expect(page.locator('#products-status')).toHaveText('10 products');
  await pick(page, 'backpack', 'Trail Backpack 28 L');
  await page.getByLabel('Layout').selectOption('row');
  await page.getByLabel('Language').selectOption('de');
  await page.getByLabel('Currency').selectOption('EUR');

  const preview = page.locator('#preview kiosk-product-card');
  await expect(preview).toHaveAttribute('layout', 'row');
  await expect(preview.locator('[part=button]')).toHaveText('In den Warenkorb');
  await expect(preview.locator('[part~=price]').first()).toHaveText(/€/);

  const snippet = page.locator('#snippet');
  await expect(snippet).toHaveValue(
    /data-store-key="pk_test_borealis" data-locale="de" data-currency="EUR"><\/script>/,
  );
  // The fallback in the snippet's language and currency, and its share page's too.
  await expect(snippet).toHaveValue(
    /<kiosk-product-card product="borealis-trail-backpack-28l" layout="row"><a href="[^"]*\/p\/borealis\/borealis-trail-backpack-28l\?lang=de&amp;currency=EUR">Trail Backpack 28 L — \d+,\d\d\s€<\/a><\/kiosk-product-card>/,
  );
  expect(await snippet.inputValue()).not.toContain('kiosk-login-button');
});
