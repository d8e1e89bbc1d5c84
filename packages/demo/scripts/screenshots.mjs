#!/usr/bin/env node
// Captures every demo page at desktop (1280×800) and phone (390×844) widths into
// docs/screenshots/<page>-<width>.png, with Debian's Chromium through playwright-core, then
// the states of single elements (the functions below). Needs the demo running (pnpm start),
// or pass --base http://127.0.0.1:4173; --only pages,reviews-builder,login-button,mini-cart
// picks the groups to take.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:4173' },
    out: { type: 'string' },
    only: { type: 'string' },
  },
});
const only = values.only?.split(',');
const wanted = (group) => !only || only.includes(group);
const out = values.out ?? fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const pages = {
  index: '/',
  brand: '/brand.html',
  influencer: '/influencer.html?kiosk_ref=ana',
  app: '/app.html',
  builder: '/builder.html',
  elements: '/elements.html',
};
const widths = [
  { width: 1280, height: 800, isMobile: false },
  { width: 390, height: 844, isMobile: true },
];

/** Waits until every product card on the page has finished loading (no skeletons in the picture). */
async function cardsLoaded(page, name) {
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('kiosk-product-card')].every(
          (c) => c.getAttribute('state') && c.getAttribute('state') !== 'loading',
        ),
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => console.warn(`${name}: some cards were still loading`));
}

/**
 * Issue 10, reviews and the snippet builder: the builder with two products picked, the creator
 * code ana.lind, the sign-in option and a creator link (builder-picked-1280.png); an invalid
 * creator code with its error (builder-invalid-code-1280.png); an Arabic review list whose
 * English reviews keep their own direction (review-list-ar-1280.png).
 */
async function reviewAndBuilderStates(browser) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1100 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    colorScheme: 'light',
  });
  // A sticky header would cover what an element screenshot scrolls to.
  const unstickHeader = (page) =>
    page.evaluate(() => {
      const header = document.querySelector('header.site-header');
      if (header) header.style.position = 'static';
    });
  try {
    const page = await context.newPage();
    await page.goto(new URL('/builder.html', values.base).href, { waitUntil: 'networkidle' });
    for (const [query, title] of [
      ['classic tee', 'Classic Tee'],
      ['hoodie', 'Pullover Hoodie'],
    ]) {
      await page.getByLabel('Search products').fill(query);
      await page.getByRole('checkbox', { name: new RegExp(`^${title} `) }).check();
    }
    await page.getByLabel('Creator code').fill('ana.lind');
    await page.getByLabel(/Add a sign-in button/).check();
    await page
      .getByLabel('Page address')
      .fill('https://yourblog.example/autumn-capsule?utm_source=newsletter#picks');
    await cardsLoaded(page, 'builder-picked');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(out, 'builder-picked-1280.png') });
    console.log(join(out, 'builder-picked-1280.png'));

    await page.getByLabel('Creator code').fill('ana lind!');
    await page.locator('#ref-error').waitFor();
    await page.getByLabel('Creator code').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(out, 'builder-invalid-code-1280.png') });
    console.log(join(out, 'builder-invalid-code-1280.png'));

    await page.goto(new URL('/influencer.html?lang=ar', values.base).href, {
      waitUntil: 'networkidle',
    });
    await unstickHeader(page);
    const list = page.locator('kiosk-review-list').first();
    await page.waitForFunction(
      () => document.querySelector('kiosk-review-list')?.getAttribute('state') === 'ready',
    );
    await list.screenshot({ path: join(out, 'review-list-ar-1280.png') });
    console.log(join(out, 'review-list-ar-1280.png'));
  } finally {
    await context.close();
  }
}

/**
 * The blog's header on a phone (390px), English and Arabic: the login button signed out, then
 * signed in (single sign-on with the store's test secret key, a customer with points) with its
 * menu closed and open. Writes docs/screenshots/login-button-390-<lang>-<state>.png.
 */
async function loginButtonHeader(browser) {
  const shoppers = {
    en: { name: 'Elin Andersson', email: 'screenshots-elin@example.com' },
    ar: { name: 'ليلى حداد', email: 'screenshots-layla@example.com' },
  };
  for (const [lang, shopper] of Object.entries(shoppers)) {
    // A context each: the first shopper's session would carry over to the second page.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      colorScheme: 'light',
    });
    const page = await context.newPage();
    await page.goto(new URL(`/influencer.html?lang=${lang}`, values.base).href, {
      waitUntil: 'networkidle',
    });
    const login = page.locator('header.site-header kiosk-login-button');
    await page.locator('header.site-header kiosk-login-button[state=signed-out]').waitFor();
    await page.evaluate(() => document.fonts.ready);
    const shot = async (state, below = page.locator('header.site-header')) => {
      const box = await below.boundingBox();
      const file = join(out, `login-button-390-${lang}-${state}.png`);
      await page.screenshot({
        path: file,
        clip: { x: 0, y: 0, width: 390, height: Math.ceil(box.y + box.height + 16) },
      });
      console.log(file);
    };
    await shot('signed-out');

    // Sign in as the shopper, with 1,250 points: Silver, on the way to Gold.
    const api = await page.evaluate(
      () => document.querySelector('script[data-endpoint]').dataset.endpoint,
    );
    const admin = { authorization: 'Bearer sk_test_aurora', 'content-type': 'application/json' };
    const { token } = await fetch(`${api}/admin/v1/customers/session-tokens`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(shopper),
    }).then((r) => r.json());
    const balance = await login.evaluate(async (el, t) => {
      const client = el.kiosk.client;
      await client.auth.signInWithToken(t);
      return (await client.points.refresh())?.balance ?? 0;
    }, token);
    if (balance < 1250) {
      await fetch(`${api}/admin/v1/points/adjustments`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({
          email: shopper.email,
          points: 1250 - balance,
          reason: 'Welcome bonus',
        }),
      });
      await login.evaluate((el) => el.kiosk.client.points.refresh());
    }
    await login.locator('[part=balance]').filter({ hasNotText: /^\s*$/ }).waitFor();
    await shot('signed-in');

    await login.locator('[part~=trigger]').click();
    const menu = login.locator('[part=menu]');
    await login.locator('[part=menu][data-floating=placed]').waitFor();
    await login.locator('[part=history-entry]').first().waitFor();
    await shot('menu-open', menu);
    await context.close();
  }
}

await mkdir(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const { width, height, isMobile } of wanted('pages') ? widths : []) {
    const context = await browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: 1,
      isMobile,
      hasTouch: isMobile,
      locale: 'en-US',
      colorScheme: 'light',
    });
    for (const [name, path] of Object.entries(pages)) {
      const page = await context.newPage();
      await page.goto(new URL(path, values.base).href, { waitUntil: 'networkidle' });
      await cardsLoaded(page, name);
      await page.evaluate(() => document.fonts.ready);
      const file = join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(file);
      await page.close();
    }
    await context.close();
  }
  if (wanted('reviews-builder')) await reviewAndBuilderStates(browser);
  if (wanted('login-button')) await loginButtonHeader(browser);
  if (wanted('mini-cart')) await miniCartStates(browser);
} finally {
  await browser.close();
}

/**
 * The open mini cart (`--only mini-cart`): on a phone (390px) the sheet holding 12 lines, its
 * totals and Check out in view, in English and Arabic; then the points part for a signed-in
 * shopper (single sign-on with the store's test secret key), on the phone and anchored to the
 * trigger on a wide screen. Writes docs/screenshots/mini-cart-<width>-<lang>-<state>.png.
 */
async function miniCartStates(browser) {
  const admin = { authorization: 'Bearer sk_test_aurora', 'content-type': 'application/json' };
  const open = async (page, cart) => {
    await cart.evaluate((el) => {
      el.open = true;
    });
    await cart.locator('dialog[open] [part=checkout]').waitFor();
    await page.evaluate(() => document.fonts.ready);
  };
  const shot = async (page, name) => {
    const file = join(out, `mini-cart-${name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  };
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const desktop = { viewport: { width: 1280, height: 800 }, isMobile: false };

  for (const lang of ['en', 'ar']) {
    const context = await browser.newContext({ ...phone, deviceScaleFactor: 1, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(new URL(`/influencer.html?lang=${lang}`, values.base).href, {
      waitUntil: 'networkidle',
    });
    const cart = page.locator('header.site-header kiosk-mini-cart');
    // Twelve lines: one of each of the first variants in stock.
    await cart.evaluate(async (el) => {
      const client = el.kiosk.client;
      const { items } = await client.products.list({ first: 10 });
      const variants = items.flatMap((p) => p.variants.filter((v) => v.available)).slice(0, 12);
      for (const v of variants) await client.cart.add(v.id, 1);
    });
    await open(page, cart);
    await shot(page, `390-${lang}-sheet`);
    await context.close();
  }

  for (const [size, options] of [
    ['390', phone],
    ['1280', desktop],
  ]) {
    const context = await browser.newContext({ ...options, deviceScaleFactor: 1, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(new URL('/influencer.html?lang=en', values.base).href, {
      waitUntil: 'networkidle',
    });
    const cart = page.locator('header.site-header kiosk-mini-cart');
    const api = await page.evaluate(
      () => document.querySelector('script[data-endpoint]').dataset.endpoint,
    );
    // A shopper with 2,400 points (Gold) and two tees in the cart.
    const email = `screenshots-points-${size}@example.com`;
    const { token } = await fetch(`${api}/admin/v1/customers/session-tokens`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ email, name: 'Elin Andersson' }),
    }).then((r) => r.json());
    await fetch(`${api}/admin/v1/points/adjustments`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ email, points: 2400, reason: 'Welcome bonus' }),
    });
    await cart.evaluate(async (el, t) => {
      const client = el.kiosk.client;
      await client.auth.signInWithToken(t);
      const tee = await client.products.get('aurora-classic-tee');
      const variants = tee.variants.filter((v) => v.available).slice(0, 2);
      for (const v of variants) await client.cart.add(v.id, 1);
    }, token);
    await open(page, cart);
    await cart.locator('#points-worth').waitFor();
    const input = cart.locator('#points-input');
    await input.fill('300');
    // The points part in view (on the phone it sits below the lines, above the sticky footer).
    await cart.locator('[part=points]').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shot(page, `${size}-en-points`);
    await context.close();
  }
}
