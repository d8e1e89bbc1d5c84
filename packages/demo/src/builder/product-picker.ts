import type { KioskClient } from '@kiosk/sdk';

export interface PickedProduct {
  handle: string;
  title: string;
}

const PAGE = 100;
/** Typing pauses this long before a search goes out (one request per pause, not per key). */
const SEARCH_DELAY_MS = 150;

/**
 * Search and pick several products: a search field lists a store's products (the SDK's
 * `products.list({ query })`) as a list of checkboxes, operable with Tab and Space. The chosen
 * ones stay at the top of the list, in the order they were picked, whatever the search, so they
 * can always be seen and unpicked.
 */
export class ProductPicker {
  /** The chosen products, in the order they were picked. */
  chosen: PickedProduct[] = [];
  private client: KioskClient | undefined;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly search: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly status: HTMLElement,
    private readonly onChange: () => void,
  ) {
    search.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.load(), SEARCH_DELAY_MS);
    });
    // Enter in the search field searches at once (and never submits the form).
    search.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      clearTimeout(this.timer);
      void this.load();
    });
    list.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      const handle = box.value;
      this.chosen = box.checked
        ? [...this.chosen, { handle, title: box.dataset.title ?? handle }]
        : this.chosen.filter((p) => p.handle !== handle);
      this.onChange();
    });
  }

  /** Another store: nothing of the last one's products stays chosen. */
  use(client: KioskClient): Promise<void> {
    this.client = client;
    this.chosen = [];
    this.search.value = '';
    return this.load();
  }

  private async load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const seq = ++this.seq;
    const query = this.search.value.trim();
    this.list.setAttribute('aria-busy', 'true');
    this.status.textContent = 'Loading products…';
    try {
      const page = await client.products.list({ first: PAGE, ...(query ? { query } : {}) });
      if (seq !== this.seq) return; // a newer search or store answers instead
      this.render(page.items);
      this.status.textContent = summary(page.items.length, query, page.nextCursor !== null);
    } catch (error) {
      if (seq !== this.seq) return;
      this.status.textContent = `Could not load products (${(error as { code?: string }).code ?? 'error'}).`;
    } finally {
      if (seq === this.seq) this.list.removeAttribute('aria-busy');
    }
  }

  private render(found: readonly PickedProduct[]): void {
    const chosen = new Set(this.chosen.map((p) => p.handle));
    const rows = [...this.chosen, ...found.filter((p) => !chosen.has(p.handle))];
    this.list.replaceChildren(...rows.map((p) => item(p, chosen.has(p.handle))));
  }
}

function item(product: PickedProduct, checked: boolean): HTMLLIElement {
  const li = document.createElement('li');
  const label = document.createElement('label');
  label.className = 'check';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.value = product.handle;
  box.checked = checked;
  box.dataset.title = product.title;
  const title = document.createElement('span');
  title.textContent = product.title;
  const handle = document.createElement('span');
  handle.className = 'muted handle';
  handle.textContent = product.handle;
  label.append(box, title, ' ', handle);
  li.append(label);
  return li;
}

function summary(count: number, query: string, more: boolean): string {
  if (!query)
    return more ? `The first ${count} products: search to find others` : `${count} products`;
  if (!count) return `No products match “${query}”.`;
  if (more) return `The first ${count} products matching “${query}”`;
  return count === 1 ? `1 product matches “${query}”` : `${count} products match “${query}”`;
}
