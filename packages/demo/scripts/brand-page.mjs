// The brand page (brand.html) rendered on the server, as a brand's own server would do it with
// @kiosk/widgets/ssr: each product card and the review list arrive with their content in a
// declarative shadow root, so crawlers and shoppers without JavaScript see the products, prices
// and reviews; the loader then upgrades each one in place, with no flash and no shift.
//
//   GET /brand, /brand.html → dist/brand.html with its elements rendered
//
// The products and reviews come from the API with the page's publishable key, in one batch.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderProductCard, renderReviewSummary, styleHashes } from '@kiosk/widgets/ssr';

const CARD = /<kiosk-product-card product="([^"]+)"(?: layout="([a-z]+)")?><\/kiosk-product-card>/g;
const REVIEWS = /<kiosk-review-list product="([^"]+)" page-size="(\d+)"><\/kiosk-review-list>/g;

/** The route, `(req, res) => boolean` like the demo server's others. */
export function brandPageRoutes({ dist, apiUrl, storeKey, csp, pageUrl }) {
  async function api(path) {
    const response = await fetch(`${apiUrl}${path}`, { headers: { 'x-kiosk-key': storeKey } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  async function render() {
    const page = await readFile(join(dist, 'brand.html'), 'utf8');
    const handles = [...page.matchAll(CARD)].map(([, handle]) => handle);
    const { items } = await api(
      `/v1/products/batch?ids=${handles.map(encodeURIComponent).join(',')}`,
    );
    const products = new Map(items.map((p) => [p.handle, p]));
    const cards = await Promise.all(
      [...page.matchAll(CARD)].map(([tag, handle, layout]) => {
        const product = products.get(handle);
        // A product gone from the catalog: the element says so itself once it loads.
        return product ? renderProductCard(product, { layout, url: pageUrl }) : tag;
      }),
    );
    const lists = await Promise.all(
      [...page.matchAll(REVIEWS)].map(async ([, product, size]) => {
        const path = `/v1/products/${encodeURIComponent(product)}/reviews`;
        const [summary, reviews] = await Promise.all([
          api(`${path}/summary`),
          api(`${path}?first=${size}&sort=recent`),
        ]);
        return renderReviewSummary(product, summary, { page: reviews, pageSize: Number(size) });
      }),
    );
    let card = 0;
    let list = 0;
    const html = page.replace(CARD, () => cards[card++]).replace(REVIEWS, () => lists[list++]);
    return { html, styles: await styleHashes(html) };
  }

  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    if (req.method !== 'GET' || !/^\/brand(\.html)?$/.test(pathname)) return false;
    let rendered;
    try {
      rendered = await render();
    } catch {
      return false; // the API is down: the static page, whose elements load (or say why not) themselves
    }
    const policy = csp.replace("style-src 'self'", `style-src 'self' ${rendered.styles.join(' ')}`);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': policy,
      'Cache-Control': 'no-cache',
    });
    res.end(rendered.html);
    return true;
  };
}
