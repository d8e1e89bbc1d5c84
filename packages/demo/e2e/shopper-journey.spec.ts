// The whole shopper journey on the influencer post, through the widgets only: creator link →
// cart → mini-cart → sign-up popup → merged cart → points → hosted checkout → back to the cart
// unpaid → checkout again → paid → back to the post with an empty cart → points earned →
// verified review → moderation → published. The admin API plays the brand's back office.

import { shipToNewYork } from './checkout-address.js';
import { addToCart, admin, expect, newShopper, signUpInPopup, test } from './fixtures.js';

const TEE = 'aurora-classic-tee';
const HOODIE = 'aurora-pullover-hoodie';

test('a shopper from a creator link buys, earns points and reviews; the order credits the creator', async ({
  page,
}) => {
  const shopper = newShopper('Elin Berg');
  await page.goto('/influencer.html?kiosk_ref=ana');
  const header = page.locator('header.site-header');
  const miniCart = header.locator('kiosk-mini-cart');
  const login = header.locator('kiosk-login-button');
  const trigger = miniCart.locator('[part~=trigger]');

  await test.step('add two products from the post', async () => {
    await addToCart(page, TEE);
    await addToCart(page, HOODIE);
    await expect(trigger).toHaveAccessibleName(/2 items/);
  });

  await test.step('open the mini-cart and change quantities', async () => {
    await trigger.click();
    const panel = miniCart.getByRole('dialog');
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: /Increase quantity of Classic Tee/ }).click();
    await expect(trigger).toHaveAccessibleName(/3 items/);
    await panel.getByRole('button', { name: /Increase quantity of Pullover Hoodie/ }).click();
    await expect(trigger).toHaveAccessibleName(/4 items/);
    await panel.getByRole('button', { name: /Decrease quantity of Pullover Hoodie/ }).click();
    await expect(trigger).toHaveAccessibleName(/3 items/);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });

  await test.step('sign up in the hosted popup; the guest cart merges into the account', async () => {
    await signUpInPopup(
      page,
      () => login.getByRole('button', { name: 'Sign in' }).click(),
      shopper,
    );
    await expect(login.getByRole('button', { name: /^Elin/ })).toBeVisible();
    // Same lines, same quantities, now in the customer's cart.
    await expect(trigger).toHaveAccessibleName(/3 items/);
  });

  await test.step('redeem points granted by the store', async () => {
    await admin('/admin/v1/points/adjustments', {
      body: { email: shopper.email, points: 500, reason: 'Welcome bonus (e2e)' },
    });
    // The page learns the new balance when it next loads it (here: a reload).
    await page.reload();
    // The signed-in button is named for the shopper and their balance (the menu loads on opening).
    await expect(login.getByRole('button', { name: /, 500 points$/ })).toBeVisible();
    await trigger.click();
    const panel = miniCart.getByRole('dialog');
    await expect(panel).toContainText('You have 500 points');
    await panel.getByLabel('Points to use').fill('200');
    await panel.getByRole('button', { name: 'Use points' }).click();
    await expect(panel.getByRole('status').first()).toContainText('200 points applied');
    await expect(panel.locator('[part~=summary]')).toContainText('Discount');
  });

  let orderPage = '';
  await test.step('check out, then come back without paying: the cart is as it was', async () => {
    const panel = miniCart.getByRole('dialog');
    await panel.getByRole('button', { name: 'Check out' }).click();
    await page.waitForURL(/\/checkout\//);
    orderPage = new URL(page.url()).pathname;
    await expect(page.getByText('Test mode — no real payment')).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/influencer\.html/);
    await expect(trigger).toHaveAccessibleName(/3 items/);
    // Restored from the back/forward cache the panel is still open; after a reload, closed.
    if (!(await panel.isVisible())) await trigger.click();
    await expect(panel).toContainText('Classic Tee');
    await expect(panel.locator('[part~=summary]')).toContainText('Discount');
  });

  await test.step('check out again (the same order) and pay on the hosted checkout page', async () => {
    await miniCart.getByRole('dialog').getByRole('button', { name: 'Check out' }).click();
    await page.waitForURL(/\/checkout\//);
    expect(new URL(page.url()).pathname, 'the unchanged cart keeps its order').toBe(orderPage);
    await shipToNewYork(page, shopper.name);
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Name on card').fill(shopper.name);
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByText('Thank you! Your payment was received.')).toBeVisible();
    await expect(page.getByText(/^Points earned with this order: [\d,]+\.$/)).toBeVisible();
  });

  const orders = await admin<{ items: any[] }>('/admin/v1/orders?ref=ana&first=100');
  const order = orders.items.find((o) => o.email === shopper.email);

  await test.step('the order is the customer’s, paid, and every line carries the creator code', () => {
    expect(order, 'GET /admin/v1/orders?ref=ana lists the order').toBeTruthy();
    expect(order.status).toBe('paid');
    expect(order.customerId).toBeTruthy();
    expect(order.pointsRedeemed).toBe(200);
    expect(order.pointsEarned).toBeGreaterThan(0);
    expect(order.lines.map((l: any) => [l.quantity, l.ref])).toEqual(
      expect.arrayContaining([
        [2, 'ana'],
        [1, 'ana'],
      ]),
    );
    expect(order.lines).toHaveLength(2);
  });

  await test.step('the paid page says the points and leads back to the post: the cart is empty', async () => {
    await expect(
      page.getByText(
        `Points earned with this order: ${order.pointsEarned.toLocaleString('en-US')}.`,
      ),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Return to shop' }).click();
    await expect(page).toHaveURL(/\/influencer\.html\?kiosk_ref=ana$/);
    const balance = (500 - 200 + order.pointsEarned).toLocaleString('en-US');
    await expect(login.getByRole('button', { name: `Elin Berg, ${balance} points` })).toBeVisible();
    await expect(trigger).toHaveAccessibleName(/0 items/);
  });

  await test.step('Back after paying shows the paid order, never a resubmission; forward again', async () => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(orderPage));
    await expect(page.getByText('This order is paid.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0);
    await page.reload();
    await expect(page.getByText('This order is paid.')).toBeVisible();
    expect(dialogs, 'no "confirm form resubmission"').toBe(0);
    await page.goForward();
    await expect(page).toHaveURL(/\/influencer\.html/);
    await expect(trigger).toHaveAccessibleName(/0 items/);
    const again = await admin<{ items: any[] }>('/admin/v1/orders?ref=ana&first=100');
    expect(again.items.filter((o) => o.email === shopper.email)).toHaveLength(1);
  });

  const title = `Lives up to the hype ${Date.now()}`;
  await test.step('write a review of the bought tee (verified buyer)', async () => {
    const reviews = page.locator(`kiosk-review-list[product="${TEE}"]`);
    const form = reviews.locator('[part~=write]');
    // The page may have been loaded afresh (private API answers are no-store, which keeps
    // Chromium from restoring it from the back/forward cache): the write section is a
    // placeholder until the shopper's own review is looked up, then "Write a review", which
    // loads and opens the form.
    await form.getByRole('button', { name: 'Write a review' }).click();
    await expect(form.getByRole('button', { name: 'Submit review' })).toBeVisible();
    await form.scrollIntoViewIfNeeded();
    await form.locator('label[for="rate-5"]').click();
    await form.getByLabel('Title').fill(title);
    await form
      .getByLabel('Your review')
      .fill('Soft, holds its shape after many washes. Bought two.');
    await form.getByRole('button', { name: 'Submit review' }).click();
    await expect(reviews).toContainText('Thanks — your review will appear after moderation.');
    // Their review shows in place of the form, awaiting moderation, ready to edit.
    await expect(reviews.locator('[part=own-review]')).toContainText(title);
    await expect(reviews.locator('[part=own-status]')).toContainText('Awaiting moderation');
  });

  await test.step('the store approves it; it shows on the page with the verified badge', async () => {
    const pending = await admin<{ items: any[] }>('/admin/v1/reviews?status=pending&first=100');
    const review = pending.items.find((r) => r.title === title);
    expect(review, 'the review waits in the moderation queue').toBeTruthy();
    expect(review.verified).toBe(true);
    await admin(`/admin/v1/reviews/${review.id}/moderation`, { body: { status: 'approved' } });
    await page.reload();
    const reviews = page.locator(`kiosk-review-list[product="${TEE}"]`);
    // In the public list (the shopper's own review in the write section is another article).
    const published = reviews.locator('article[part="review"]').filter({ hasText: title });
    await expect(published).toBeVisible();
    await expect(published).toContainText('Verified buyer');
  });
});
