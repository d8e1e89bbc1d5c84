import type { Image, Product, Variant } from '@kiosk/sdk';
import { html } from 'lit';
import type { ProductCardLayout } from './product-card.js';

const widths = [240, 480, 720, 960];
const sizes: Record<ProductCardLayout, string> = {
  card: '(min-width: 48rem) 20rem, 90vw',
  row: '7rem',
  compact: '3.5rem',
};

function withWidth(url: string, width: number): string {
  try {
    const u = new URL(url);
    u.searchParams.set('w', String(width));
    return u.href;
  } catch {
    return url;
  }
}

/**
 * The picture of the selected variant: its own when the store gave it one (the White tee shows
 * the white one), else the product's first. A cart line follows the same rule, so the card and
 * the cart show the same picture. The variant's image is one of the product's: its size comes
 * from there.
 */
export function imageFor(product: Product, variant: Variant | undefined): Image | undefined {
  const own = variant?.image;
  if (!own) return product.images[0];
  return product.images.find((i) => i.url === own.url) ?? { ...own, width: 800, height: 800 };
}

/** The card's image box; an empty box when the product has no picture (the size stays). */
export function renderImage(product: Product, variant: Variant | undefined, layout: string) {
  const image = imageFor(product, variant);
  if (!image) return html`<div class="media"></div>`;
  return html`<div class="media">
    <img
      part="image"
      src=${withWidth(image.url, 480)}
      srcset=${widths.map((w) => `${withWidth(image.url, w)} ${w}w`).join(', ')}
      sizes=${sizes[layout as ProductCardLayout] ?? sizes.card}
      alt=${image.alt || product.title}
      width=${image.width}
      height=${image.height}
      loading="lazy"
      decoding="async"
    />
  </div>`;
}
