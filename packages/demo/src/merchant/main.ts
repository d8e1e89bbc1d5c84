/**
 * The merchant page: "send a promotion" posts the form to the demo server
 * (scripts/merchant-routes.mjs), which creates the campaign with the store's secret key, then
 * shows the campaign's counts, refreshed on demand. The product list comes from the storefront
 * API with the publishable key, as any page may read it. The Analytics section is analytics.ts.
 */
import { createClient } from '@kiosk/sdk';
import { apiEndpoint } from '../endpoint.js';
import { startAnalytics } from './analytics.js';

const COUNTS = ['targeted', 'sent', 'delivered', 'clicked', 'failed', 'unsubscribed'] as const;
type Campaign = { id: string; status: string; counts: Record<(typeof COUNTS)[number], number> };

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const form = $<HTMLFormElement>('#promotion');
const productSelect = $<HTMLSelectElement>('select[name=product]');
const productsStatus = $('#products-status');
const formError = $('#form-error');
const section = $('#campaign');
const campaignStatus = $('#campaign-status');
const countCells = [...$('#counts').children] as HTMLElement[];
const refresh = $<HTMLButtonElement>('#refresh');
let shown: string | null = null;

/** Fills the product select with Aurora's products (the first 100, by title). */
async function loadProducts() {
  const client = createClient({
    endpoint: apiEndpoint(),
    storeKey: 'pk_test_aurora',
    storage: null,
  });
  productsStatus.textContent = 'Loading products…';
  try {
    const page = await client.products.list({ first: 100 });
    for (const product of page.items) productSelect.add(new Option(product.title, product.handle));
    productsStatus.textContent = '';
  } catch (error) {
    productsStatus.textContent = `Could not load products (${(error as { code?: string }).code ?? 'error'}).`;
  }
}

/** The demo server's answer as JSON, or an Error saying what the API refused. */
async function call(path: string, init?: RequestInit): Promise<Campaign> {
  const response = await fetch(path, init);
  const data = (await response.json().catch(() => null)) as
    | (Campaign & { error?: { message?: string } })
    | null;
  if (!response.ok || !data) {
    throw new Error(data?.error?.message ?? `The server answered ${response.status}.`);
  }
  return data;
}

function show(campaign: Campaign) {
  shown = campaign.id;
  section.hidden = false;
  campaignStatus.textContent =
    campaign.status === 'sent'
      ? 'Sent: every subscriber it reached has a message.'
      : 'Scheduled: the messages are being written (refresh in a moment).';
  COUNTS.forEach((count, i) => {
    countCells[i]!.textContent = String(campaign.counts[count]);
  });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const submit = form.querySelector('button[type=submit]') as HTMLButtonElement;
  formError.textContent = '';
  submit.disabled = true;
  try {
    show(
      await call('/merchant/campaigns', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          title: data.get('title'),
          body: data.get('body'),
          product: data.get('product') || undefined,
        }),
      }),
    );
  } catch (error) {
    formError.textContent = `Not sent: ${(error as Error).message}`;
  } finally {
    submit.disabled = false;
  }
});

refresh.addEventListener('click', async () => {
  if (!shown) return;
  try {
    show(await call(`/merchant/campaigns/${encodeURIComponent(shown)}`));
  } catch (error) {
    campaignStatus.textContent = `Could not refresh: ${(error as Error).message}`;
  }
});

void loadProducts();
startAnalytics();
