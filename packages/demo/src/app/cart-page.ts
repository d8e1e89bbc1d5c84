import type { Cart, CartLine, KioskClient, Money } from '@kiosk/sdk';
import { formatMoney } from '@kiosk/widgets';

/**
 * The app's own cart page, built on the SDK's stores: it subscribes to `$cart`, changes
 * quantities with `cart.update`, removes lines, and checks out to the hosted checkout page.
 */
export function mountCartPage(kiosk: KioskClient, root: HTMLElement): void {
  const list = root.querySelector<HTMLUListElement>('#cart-lines')!;
  const empty = root.querySelector<HTMLElement>('#cart-empty')!;
  const totals = root.querySelector<HTMLElement>('#cart-totals')!;
  const status = root.querySelector<HTMLElement>('#cart-status')!;
  const checkout = root.querySelector<HTMLButtonElement>('#checkout')!;
  const count = document.querySelector<HTMLElement>('#cart-count')!;
  const locale = navigator.language || 'en';
  const money = (m: Money) => formatMoney(m, locale);

  function lineItem(line: CartLine): HTMLLIElement {
    const li = document.createElement('li');
    li.dataset.lineId = line.id;
    const title = document.createElement('span');
    title.className = 'line-title';
    title.textContent = line.variantTitle ? `${line.title} — ${line.variantTitle}` : line.title;

    const label = document.createElement('label');
    label.textContent = 'Quantity';
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.max = '999';
    input.value = String(line.quantity);
    input.setAttribute('aria-label', `Quantity of ${title.textContent}`);
    input.addEventListener('change', () => {
      const quantity = Math.max(0, Math.min(999, Math.trunc(Number(input.value) || 0)));
      kiosk.cart.update(line.id, quantity).catch((e: { message?: string }) => {
        status.textContent = e.message ?? 'Could not update the cart.';
      });
    });
    label.append(input);

    const price = document.createElement('span');
    price.textContent = money(line.lineTotal);

    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${title.textContent}`);
    remove.addEventListener('click', () => {
      kiosk.cart.remove(line.id).catch((e: { message?: string }) => {
        status.textContent = e.message ?? 'Could not remove the line.';
      });
    });
    li.append(title, label, price, remove);
    return li;
  }

  function render(cart: Cart | null): void {
    const lines = cart?.lines ?? [];
    count.textContent = String(cart?.itemCount ?? 0);
    empty.hidden = lines.length > 0;
    totals.hidden = lines.length === 0;
    checkout.disabled = lines.length === 0;
    list.replaceChildren(...lines.map(lineItem));
    if (cart && lines.length) {
      root.querySelector('#subtotal')!.textContent = money(cart.subtotal);
      root.querySelector('#discount')!.textContent = money(cart.discount);
      root.querySelector('#total')!.textContent = money(cart.total);
    }
  }

  kiosk.cart.$cart.subscribe(render);
  kiosk.cart.$pending.subscribe((pending) => {
    status.textContent =
      pending > 0 ? `Offline: ${pending} change(s) will be sent when you're back online.` : '';
  });

  checkout.addEventListener('click', async () => {
    checkout.disabled = true;
    status.textContent = 'Creating your order…';
    try {
      const { checkoutUrl } = await kiosk.cart.checkout();
      const url = new URL(checkoutUrl);
      url.searchParams.set('return_to', location.href.split('#')[0] ?? location.href);
      location.assign(url.href);
    } catch (error) {
      status.textContent = (error as { message?: string }).message ?? 'Checkout failed.';
      checkout.disabled = false;
    }
  });
}
