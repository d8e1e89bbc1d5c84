/**
 * The snippet builder: search and pick a store's products (the SDK's `products.list`), see them
 * live with the mini cart (and sign-in button) inside a `<kiosk-store>`, and copy the embed
 * snippet a site owner pastes into a page, which then sells on its own. The creator code is
 * checked with the shared rule (`isAttributionCode`); the creator link section turns a page
 * address and that code into a link that credits the creator.
 */
import { createClient, isAttributionCode, type KioskClient } from '@kiosk/sdk';
import '@kiosk/widgets/login-button.js';
import '@kiosk/widgets/mini-cart.js';
import '@kiosk/widgets/product-card.js';
import '@kiosk/widgets/store.js';
import { apiEndpoint } from '../endpoint.js';
import { copyText } from './copy.js';
import { creatorLink, pageAddress } from './creator-link.js';
import { CardFallbacks } from './fallbacks.js';
import { ProductPicker } from './product-picker.js';
import { snippet } from './snippet.js';

const endpoint = apiEndpoint();
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const form = $<HTMLFormElement>('#builder');
const refInput = $<HTMLInputElement>('#ref');
const refError = $('#ref-error');
const preview = $('#preview');
const previewEmpty = $('#preview-empty');
const output = $<HTMLTextAreaElement>('#snippet');
const copy = $<HTMLButtonElement>('#copy');
const copyStatus = $('#copy-status');
const pageUrl = $<HTMLInputElement>('#page-url');
const pageUrlError = $('#page-url-error');
const link = $<HTMLInputElement>('#creator-link');
const copyLink = $<HTMLButtonElement>('#copy-link');
const copyLinkStatus = $('#copy-link-status');

const clients = new Map<string, KioskClient>();
const clientFor = (storeKey: string) => {
  let client = clients.get(storeKey);
  if (!client) {
    client = createClient({ endpoint, storeKey, storage: null });
    clients.set(storeKey, client);
  }
  return client;
};

const fallbacks = new CardFallbacks(endpoint, () => update());

const picker = new ProductPicker(
  $<HTMLInputElement>('#product-search'),
  $('#product-results'),
  $('#products-status'),
  () => update(),
);

/** Shows or clears a field's error: the text is tied to the field by aria-describedby. */
function fieldError(field: HTMLInputElement, error: HTMLElement, message: string): void {
  error.textContent = message;
  error.hidden = !message;
  field.setAttribute('aria-invalid', message ? 'true' : 'false');
}

/** The creator code if it is one the server accepts; a wrong one is shown and left out. */
function creatorCode(): string {
  const code = refInput.value.trim();
  const valid = !code || isAttributionCode(code);
  fieldError(
    refInput,
    refError,
    valid
      ? ''
      : 'A creator code has 1 to 64 letters, digits, dots, hyphens or underscores (e.g. ana.lind). It is left out of the snippet until it is fixed.',
  );
  return valid ? code : '';
}

function options() {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const chosen = {
    storeKey: value('store'),
    products: picker.chosen.map((p) => p.handle),
    locale: value('locale'),
    currency: value('currency'),
    ref: creatorCode(),
  };
  return {
    ...chosen,
    endpoint,
    layout: value('layout'),
    login: data.has('login'),
    cdn: new URL('/cdn/kiosk.js', location.href).href,
    fallbacks: fallbacks.for(clientFor(chosen.storeKey), chosen),
  };
}

function update(): void {
  const o = options();
  const text = o.products.length ? snippet(o) : '';
  // "Copied" stays until the snippet itself changes (an update that changes nothing, e.g. a
  // late input event, must not wipe the announcement).
  if (text !== output.value) copyStatus.textContent = '';
  output.value = text;
  copy.disabled = !text;
  previewEmpty.hidden = !!text;
  updateLink();
  if (!text) {
    preview.replaceChildren();
    return;
  }
  // Fresh elements per change: exactly what a page with this snippet shows.
  const store = document.createElement('kiosk-store');
  store.setAttribute('endpoint', o.endpoint);
  store.setAttribute('store-key', o.storeKey);
  if (o.locale) store.setAttribute('locale', o.locale);
  if (o.currency) store.setAttribute('currency', o.currency);
  const bar = document.createElement('div');
  bar.className = 'preview-bar';
  if (o.login) bar.append(document.createElement('kiosk-login-button'));
  bar.append(document.createElement('kiosk-mini-cart'));
  const cards = document.createElement('div');
  cards.className = 'preview-cards';
  for (const handle of o.products) {
    const card = document.createElement('kiosk-product-card');
    card.setAttribute('product', handle);
    if (o.layout !== 'card') card.setAttribute('layout', o.layout);
    if (o.ref) card.setAttribute('ref', o.ref);
    cards.append(card);
  }
  store.append(bar, cards);
  preview.replaceChildren(store);
}

function updateLink(): void {
  const page = pageUrl.value.trim();
  const code = refInput.value.trim();
  const href = page && code ? creatorLink(page, code) : null;
  let message = '';
  if (page && !pageAddress(page)) {
    message = 'Enter the page’s full address, starting with https:// (or http://).';
  } else if (page && !code) {
    message = 'Enter a creator code above: the link carries it.';
  } else if (page && !href) {
    message = 'Fix the creator code above: the link carries it.';
  }
  fieldError(pageUrl, pageUrlError, message);
  if ((href ?? '') !== link.value) copyLinkStatus.textContent = '';
  link.value = href ?? '';
  copyLink.disabled = !href;
}

form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).getAttribute('name') === 'store') void changeStore();
  else if ((event.target as HTMLElement).closest('#product-results') === null) update();
});
refInput.addEventListener('input', update);
pageUrl.addEventListener('input', updateLink);
form.addEventListener('submit', (event) => event.preventDefault());
$<HTMLFormElement>('#link-form').addEventListener('submit', (event) => event.preventDefault());

copy.addEventListener('click', () => copyText(output, copyStatus));
copyLink.addEventListener('click', () => copyText(link, copyLinkStatus));

async function changeStore(): Promise<void> {
  const loading = picker.use(clientFor(options().storeKey));
  update(); // the last store's products are gone from the preview and snippet at once
  await loading;
}

void changeStore();
