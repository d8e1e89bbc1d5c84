import { endpoint } from './helpers.js';

export const elementNames = ['product-card', 'mini-cart', 'review-list', 'login-button', 'store'];

/** Adds the built CDN loader to the page as the embed snippet does, and waits for it to run. */
export function addLoader(
  type: 'classic' | 'module',
  storeKey = 'pk_test_aurora',
  data: Record<string, string> = {},
) {
  const script = document.createElement('script');
  if (type === 'module') script.type = 'module';
  script.src = '/packages/widgets/dist/cdn/kiosk.js';
  script.dataset.endpoint = endpoint;
  script.dataset.storeKey = storeKey;
  script.dataset.locale = 'auto';
  script.dataset.currency = 'auto';
  Object.assign(script.dataset, data);
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  document.head.append(script);
  return loaded;
}

/** Paths of the CDN files this page fetched. */
export const cdnFiles = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.includes('/dist/cdn/'));
