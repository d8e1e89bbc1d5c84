/**
 * A developer's app on Kiosk: the SDK for data and state, one element imported as an ES
 * module for product cards, and the app's own cart page and account button.
 */
import { mountCartPage } from './cart-page.js';
import { kiosk } from './client.js';
import { mountShop } from './shop.js';

const shop = document.querySelector<HTMLElement>('#shop')!;
const cart = document.querySelector<HTMLElement>('#cart')!;

function route(): void {
  const onCart = location.hash === '#/cart';
  shop.hidden = onCart;
  cart.hidden = !onCart;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-route]')) {
    if ((link.dataset.route === 'cart') === onCart) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
window.addEventListener('hashchange', route);
route();

mountShop(kiosk, shop);
mountCartPage(kiosk, cart);

// Account: sign-in runs in the hosted popup (call login() straight from the click).
const account = document.querySelector<HTMLElement>('#account')!;
const signIn = document.querySelector<HTMLButtonElement>('#sign-in')!;
const signOut = document.querySelector<HTMLButtonElement>('#sign-out')!;
signIn.addEventListener('click', () => {
  kiosk.auth.login().catch((e: { code?: string }) => {
    if (e.code !== 'login_cancelled') account.textContent = 'Sign-in failed.';
  });
});
signOut.addEventListener('click', () => void kiosk.auth.logout());

function renderAccount(): void {
  const session = kiosk.auth.$session.get();
  const balance = kiosk.points.$balance.get();
  signIn.hidden = !!session;
  signOut.hidden = !session;
  account.textContent = session
    ? `${session.customer.name ?? session.customer.email}${balance === null ? '' : ` · ${balance} points`}`
    : '';
}
kiosk.auth.$session.subscribe(renderAccount);
kiosk.points.$balance.subscribe(renderAccount);
