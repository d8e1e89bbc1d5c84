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

  /** One row per variant, kept across renders: a line keeps its row (and the input the
   * shopper is typing in) when the server confirms it under a new id. */
  const rows = new Map<string, { li: HTMLLIElement; update: (line: CartLine) => void }>();

  function row(line: CartLine) {
    let current = line;
    const li = document.createElement('li');
    const title = document.createElement('span');
    title.className = 'line-title';
    const label = document.createElement('label');
    label.textContent = 'Quantity';
    const input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.max = '999';
    input.addEventListener('change', () => {
      const quantity = Math.max(0, Math.min(999, Math.trunc(Number(input.value) || 0)));
      kiosk.cart.update(current.id, quantity).catch((e: { message?: string }) => {
        status.textContent = e.message ?? 'Could not update the cart.';
      });
    });
    label.append(input);
    const price = document.createElement('span');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = 'Remove';
    remove.addEventListener('click', () => {
      kiosk.cart.remove(current.id).catch((e: { message?: string }) => {
        status.textContent = e.message ?? 'Could not remove the line.';
      });
    });
    li.append(title, label, price, remove);

    const update = (next: CartLine) => {
      current = next;
      li.dataset.lineId = next.id;
      const name = next.variantTitle ? `${next.title} — ${next.variantTitle}` : next.title;
      title.textContent = name;
      input.setAttribute('aria-label', `Quantity of ${name}`);
      remove.setAttribute('aria-label', `Remove ${name}`);
      // Not while the shopper is typing a new quantity.
      if (document.activeElement !== input) input.value = String(next.quantity);
      price.textContent = money(next.lineTotal);
    };
    update(line);
    return { li, update };
  }

  function render(cart: Cart | null): void {
    const lines = cart?.lines ?? [];
    count.textContent = String(cart?.itemCount ?? 0);
    empty.hidden = lines.length > 0;
    totals.hidden = lines.length === 0;
    checkout.disabled = lines.length === 0;
    const keep = new Set(lines.map((l) => l.variantId));
    for (const [variantId, r] of rows) {
      if (!keep.has(variantId)) {
        r.li.remove();
        rows.delete(variantId);
      }
    }
    lines.forEach((line, i) => {
      const existing = rows.get(line.variantId);
      existing?.update(line);
      const r = existing ?? row(line);
      rows.set(line.variantId, r);
      // Moved only when out of place (moving a row would blur a focused input).
      if (list.children[i] !== r.li) list.insertBefore(r.li, list.children[i] ?? null);
    });
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
      // The hosted page leads back here (the SDK adds this page as return_to).
      const { checkoutUrl } = await kiosk.cart.checkout();
      location.assign(checkoutUrl);
    } catch (error) {
      status.textContent = (error as { message?: string }).message ?? 'Checkout failed.';
      checkout.disabled = false;
    }
  });
}
