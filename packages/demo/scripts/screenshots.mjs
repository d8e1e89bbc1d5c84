#!/usr/bin/env node
// Captures every demo page at desktop (1280×800) and phone (390×844) widths into
// docs/screenshots/<page>-<width>.png, with Debian's Chromium through playwright-core, then
// the states of single elements (the functions below). Needs the demo running (pnpm start),
// or pass --base http://localhost:4173; --only pages,reviews-builder,login-button,hosted-ar,
// product-card,mini-cart picks the groups to take.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { contentSecurityPolicy } from './serve.mjs';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://localhost:4173' },
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
const phone = { width: 390, height: 844, isMobile: true };
const desktop = { width: 1280, height: 800, isMobile: false };
const widths = [desktop, phone];

/** A light-scheme browser context of that size, in a browser set to English (US). */
function newContext(browser, { width, height, isMobile }) {
  return browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    isMobile,
    hasTouch: isMobile,
    locale: 'en-US',
    colorScheme: 'light',
  });
}

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
  const context = await newContext(browser, { ...desktop, height: 1100 });
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
    const context = await newContext(browser, phone);
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

/**
 * The hosted sign-in and checkout pages opened from the Arabic influencer post in a browser
 * set to English: they follow the page's language, right to left
 * (hosted-signin-ar-390.png, hosted-checkout-ar-390.png).
 */
async function hostedPagesInArabic(browser) {
  const context = await newContext(browser, phone);
  const page = await context.newPage();
  await page.goto(new URL('/influencer.html?kiosk_ref=ana&lang=ar', values.base).href, {
    waitUntil: 'networkidle',
  });
  const header = page.locator('header.site-header');
  const popupPromise = page.waitForEvent('popup');
  await header.locator('kiosk-login-button').getByRole('button').click();
  const popup = await popupPromise;
  await popup.waitForLoadState('networkidle');
  await popup.setViewportSize({ width: 390, height: 844 });
  await popup.screenshot({ path: join(out, 'hosted-signin-ar-390.png') });
  console.log(join(out, 'hosted-signin-ar-390.png'));
  await popup.close();

  const tee = page.locator('kiosk-product-card[product="aurora-classic-tee"]').first();
  await tee.locator('[part=button]').click();
  const miniCart = header.locator('kiosk-mini-cart');
  await miniCart.locator('[part~=trigger]').click();
  await miniCart.locator('[part=checkout]').click();
  await page.waitForURL(/\/checkout\//);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(out, 'hosted-checkout-ar-390.png') });
  console.log(join(out, 'hosted-checkout-ar-390.png'));
  await context.close();
}

await mkdir(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const size of wanted('pages') ? widths : []) {
    const context = await newContext(browser, size);
    for (const [name, path] of Object.entries(pages)) {
      const page = await context.newPage();
      await page.goto(new URL(path, values.base).href, { waitUntil: 'networkidle' });
      await cardsLoaded(page, name);
      await page.evaluate(() => document.fonts.ready);
      const file = join(out, `${name}-${size.width}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(file);
      await page.close();
    }
    await context.close();
  }
  if (wanted('reviews-builder')) await reviewAndBuilderStates(browser);
  if (wanted('login-button')) await loginButtonHeader(browser);
  if (wanted('hosted-ar')) await hostedPagesInArabic(browser);
  if (wanted('product-card')) await hostileProductCards(browser);
  if (wanted('mini-cart')) await miniCartStates(browser);
} finally {
  await browser.close();
}

/**
 * Product cards on the hostile CMS theme of the widgets' tests (21 px root font, loose line
 * height and letter spacing, content-box sizing, loud global buttons, a sticky header with the
 * login button and mini cart) on a 390 px phone: the three layouts in German and in Arabic
 * (hostile-cards-<lang>-390.png), and a card after Add to cart ("Added · View cart",
 * product-card-added-390.png). The page is served by the test run itself (page.route) on the
 * demo's origin, under the demo's Content-Security-Policy, with the demo's API and loader.
 */
async function hostileProductCards(browser) {
  const base = new URL('/', values.base);
  const theme = await readFile(
    new URL('../../widgets/test/hostile/hostile-theme.css', import.meta.url),
    'utf8',
  );
  const context = await newContext(browser, phone);
  // A page fulfilled by page.route has no address space of its own: Chromium then asks before
  // it may call the API on loopback (Local Network Access).
  await context.grantPermissions(['local-network-access']);
  // The demo's API: the one its pages name in their loader tag.
  const probe = await context.newPage();
  await probe.goto(new URL('/elements.html', base).href);
  const api = await probe.locator('script[data-endpoint]').first().getAttribute('data-endpoint');
  await probe.close();
  const html = (lang) => `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hostile theme</title>
<link rel="stylesheet" href="/__screenshots/hostile-theme.css">
<link rel="stylesheet" href="/cdn/kiosk.css">
<script src="/cdn/kiosk.js" defer data-endpoint="${api}" data-store-key="pk_test_aurora"></script>
</head><body>
<header class="site-header"><span class="brand">Brand</span>
<kiosk-login-button></kiosk-login-button><kiosk-mini-cart></kiosk-mini-cart></header>
<div class="grid">
<kiosk-product-card product="aurora-northern-lights-graphic-tee"></kiosk-product-card>
<kiosk-product-card product="aurora-classic-tee" layout="row"></kiosk-product-card>
<kiosk-product-card product="aurora-northern-lights-graphic-tee" layout="compact"></kiosk-product-card>
<kiosk-product-card product="aurora-canvas-tote-bag" layout="compact"></kiosk-product-card>
</div></body></html>`;
  await context.route(new URL('/__screenshots/**', base).href, (route) => {
    const { pathname } = new URL(route.request().url());
    const headers = { 'Content-Security-Policy': contentSecurityPolicy(api) };
    if (pathname.endsWith('.css')) {
      return route.fulfill({ body: theme, contentType: 'text/css', headers });
    }
    const lang = pathname.match(/hostile-cards-([\w-]+)\.html$/)?.[1] ?? 'en';
    return route.fulfill({ body: html(lang), contentType: 'text/html', headers });
  });
  const open = async (lang) => {
    const page = await context.newPage();
    await page.goto(new URL(`/__screenshots/hostile-cards-${lang}.html`, base).href, {
      waitUntil: 'networkidle',
    });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('kiosk-product-card')].every(
          (c) => c.getAttribute('state') === 'ready',
        ),
      undefined,
      { timeout: 15_000 },
    );
    await page.evaluate(() => document.fonts.ready);
    return page;
  };
  try {
    for (const lang of ['de', 'ar']) {
      const page = await open(lang);
      const file = join(out, `hostile-cards-${lang}-390.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await page.close();
    }
    const page = await open('en');
    const card = page.locator('kiosk-product-card').first();
    await card.locator('[part=button]').click();
    await card.locator('[part=view-cart]').waitFor();
    // The card's foot with its status, below the header whose mini cart now counts 1.
    await card.evaluate((c) => c.scrollIntoView({ block: 'end' }));
    const file = join(out, 'product-card-added-390.png');
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  } finally {
    await context.close();
  }
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

  for (const lang of ['en', 'ar']) {
    const context = await newContext(browser, phone);
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

  for (const options of [phone, desktop]) {
    const size = String(options.width);
    const context = await newContext(browser, options);
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
