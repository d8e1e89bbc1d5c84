import type { Product, Variant } from '@kiosk/sdk';

/**
 * schema.org Product + Offer (+ AggregateRating when there are reviews) for search engines,
 * as the text of a `<script type="application/ld+json">` (a data block: never executed, so
 * it needs no CSP allowance). `<` is escaped so the text can't close the script element.
 */
export function productJsonLd(product: Product, variant: Variant | undefined, url: string): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description,
    image: product.images.map((i) => i.url),
    productID: product.id,
    ...(product.vendor ? { brand: { '@type': 'Brand', name: product.vendor } } : {}),
  };
  if (variant) {
    data.sku = variant.id;
    data.offers = {
      '@type': 'Offer',
      price: variant.price.amount,
      priceCurrency: variant.price.currency,
      availability: variant.available
        ? 'https://schema.org/InStock'
        : 'https://schema.org/OutOfStock',
      url,
    };
  }
  if (product.rating.count > 0) {
    data.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: product.rating.average,
      reviewCount: product.rating.count,
      bestRating: 5,
      worstRating: 1,
    };
  }
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/**
 * Keeps the host's own `<script type="application/ld+json" data-kiosk="<kind>">` (light DOM,
 * where search engines read it) at `text`: created when missing, removed when `text` is null,
 * written only when it changed.
 */
export function writeJsonLd(host: HTMLElement, kind: string, text: string | null): void {
  let script = host.querySelector<HTMLScriptElement>(
    `:scope > script[type="application/ld+json"][data-kiosk="${kind}"]`,
  );
  if (text === null) {
    script?.remove();
    return;
  }
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.kiosk = kind;
    host.append(script);
  }
  if (script.textContent !== text) script.textContent = text;
}
