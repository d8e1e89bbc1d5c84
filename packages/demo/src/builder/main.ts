/**
 * The snippet builder: lists a store's products with the SDK (`products.list`), renders a
 * live `<kiosk-product-card>` inside a `<kiosk-store>` for the chosen options, and writes the
 * embed snippet a site owner pastes into their page.
 */
import { createClient, isAttributionCode, type KioskClient } from '@kiosk/sdk';
import '@kiosk/widgets/product-card.js';
import '@kiosk/widgets/store.js';
import { apiEndpoint } from '../endpoint.js';
import { snippet } from './snippet.js';

const endpoint = apiEndpoint();
const form = document.querySelector<HTMLFormElement>('#builder')!;
const productSelect = form.elements.namedItem('product') as HTMLSelectElement;
const productsStatus = document.querySelector<HTMLElement>('#products-status')!;
const preview = document.querySelector<HTMLElement>('#preview')!;
const output = document.querySelector<HTMLTextAreaElement>('#snippet')!;
const copy = document.querySelector<HTMLButtonElement>('#copy')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;

const clients = new Map<string, KioskClient>();
const clientFor = (storeKey: string) => {
  let client = clients.get(storeKey);
  if (!client) {
    client = createClient({ endpoint, storeKey, storage: null });
    clients.set(storeKey, client);
  }
  return client;
};

function options() {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const ref = value('ref');
  return {
    endpoint,
    storeKey: value('store'),
    product: value('product'),
    layout: value('layout'),
    locale: value('locale'),
    currency: value('currency'),
    ref: isAttributionCode(ref) ? ref : '',
    cdn: new URL('/cdn/kiosk.js', location.href).href,
  };
}

function update(): void {
  const o = options();
  const text = o.product ? snippet(o) : '';
  // "Copied" stays true until the snippet itself changes (an update that changes nothing,
  // e.g. a late input event, must not wipe the announcement).
  if (text !== output.value) copyStatus.textContent = '';
  output.value = text;
  copy.disabled = !o.product;
  if (!o.product) {
    preview.replaceChildren();
    return;
  }
  // A fresh element per change: exactly what a page with this snippet would show.
  const store = document.createElement('kiosk-store');
  store.setAttribute('endpoint', o.endpoint);
  store.setAttribute('store-key', o.storeKey);
  const card = document.createElement('kiosk-product-card');
  card.setAttribute('product', o.product);
  card.setAttribute('layout', o.layout);
  if (o.locale) card.setAttribute('locale', o.locale);
  if (o.currency) card.setAttribute('currency', o.currency);
  if (o.ref) card.setAttribute('ref', o.ref);
  store.append(card);
  preview.replaceChildren(store);
}

async function loadProducts(): Promise<void> {
  const storeKey = options().storeKey;
  const client = clientFor(storeKey);
  productSelect.setAttribute('aria-busy', 'true');
  productsStatus.textContent = 'Loading products…';
  try {
    const items: { handle: string; title: string }[] = [];
    let after: string | null = null;
    do {
      const page = await client.products.list({ first: 100, ...(after ? { after } : {}) });
      items.push(...page.items);
      after = page.nextCursor;
    } while (after);
    if (options().storeKey !== storeKey) return; // the store changed meanwhile
    productSelect.replaceChildren(
      ...items.map((p) => new Option(`${p.title} (${p.handle})`, p.handle)),
    );
    productsStatus.textContent = `${items.length} products`;
  } catch (error) {
    productSelect.replaceChildren(new Option('—', ''));
    productsStatus.textContent = `Could not load products (${(error as { code?: string }).code ?? 'error'}).`;
  } finally {
    productSelect.removeAttribute('aria-busy');
  }
  update();
}

form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).getAttribute('name') === 'store') void loadProducts();
  else update();
});
form.addEventListener('input', (event) => {
  if ((event.target as HTMLElement).getAttribute('name') === 'ref') update();
});
form.addEventListener('submit', (event) => event.preventDefault());

copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(output.value);
    copyStatus.textContent = 'Copied to the clipboard.';
  } catch {
    output.select();
    copyStatus.textContent = 'Select the text and copy it (Ctrl+C / ⌘C).';
  }
});

void loadProducts();
