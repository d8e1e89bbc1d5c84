export interface SnippetOptions {
  endpoint: string;
  storeKey: string;
  product: string;
  layout: string;
  locale: string;
  currency: string;
  ref: string;
  /** Where kiosk.js is hosted. */
  cdn: string;
}

const attr = (name: string, value: string) =>
  value ? ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` : '';

/** The HTML a site owner pastes: the loader once per page, then the card. */
export function snippet(o: SnippetOptions): string {
  const script = `<script src="${o.cdn}" defer${attr('data-endpoint', o.endpoint)}${attr('data-store-key', o.storeKey)}></script>`;
  const card = `<kiosk-product-card${attr('product', o.product)}${o.layout === 'card' ? '' : attr('layout', o.layout)}${attr('locale', o.locale)}${attr('currency', o.currency)}${attr('ref', o.ref)}></kiosk-product-card>`;
  return `<!-- Kiosk: once per page -->\n${script}\n\n<!-- The product card -->\n${card}\n`;
}
