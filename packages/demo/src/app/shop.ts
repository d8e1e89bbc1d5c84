import type { KioskClient } from '@kiosk/sdk';
// One element, one side-effect import: only the product card's code is in this app.
import '@kiosk/widgets/product-card.js';

/** The shop view: a product card per product of `products.list`, with search and paging. */
export function mountShop(kiosk: KioskClient, root: HTMLElement): void {
  const grid = root.querySelector<HTMLElement>('#products')!;
  const more = root.querySelector<HTMLButtonElement>('#more')!;
  const form = root.querySelector<HTMLFormElement>('#search')!;
  let cursor: string | null = null;
  let query = '';

  async function load(reset: boolean): Promise<void> {
    more.disabled = true;
    try {
      const page = await kiosk.products.list({
        first: 12,
        ...(reset ? {} : cursor ? { after: cursor } : {}),
        ...(query ? { query } : {}),
      });
      if (reset) grid.replaceChildren();
      for (const product of page.items) {
        const card = document.createElement('kiosk-product-card');
        card.setAttribute('product', product.handle);
        grid.append(card);
      }
      if (reset && page.items.length === 0) {
        const empty = document.createElement('p');
        empty.className = 'muted';
        empty.textContent = `Nothing matches “${query}”.`;
        grid.append(empty);
      }
      cursor = page.nextCursor;
      more.hidden = !cursor;
    } catch (error) {
      const p = document.createElement('p');
      p.textContent = `Could not load products (${(error as { code?: string }).code ?? 'error'}).`;
      grid.replaceChildren(p);
    } finally {
      more.disabled = false;
    }
  }

  more.addEventListener('click', () => void load(false));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    query = String(new FormData(form).get('q') ?? '').trim();
    void load(true);
  });
  void load(true);
}
