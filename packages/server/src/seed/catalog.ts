import type { Tx } from '../db/index.js';
import { images, productImages, products, variantPrices, variants } from '../db/schema/index.js';
import type { Store } from '../services/stores.js';
import { colourHex, type SeedProduct, sizesFor } from './data.js';
import { demoId, insertAll, prng, type Row } from './rows.js';
import { IMAGE_SIZE, renderProductSvg } from './svg.js';

/** What one unit of each kind weighs packed, for the demo's rates by weight. */
const SHIPPING_GRAMS: Record<SeedProduct['kind'], number> = {
  tee: 200,
  longsleeve: 250,
  hoodie: 650,
  sweatshirt: 550,
  jacket: 900,
  cap: 120,
  beanie: 100,
  bucket: 130,
  pants: 500,
  shorts: 300,
  socks: 80,
  bag: 400,
  scarf: 180,
};

/**
 * A shop-like price in minor units: whole euros and pounds, yuan ending in 9, roubles in
 * 90, reais in .90. Deterministic, never a float in the result.
 */
export function demoPriceMinor(usd: number, currency: string): number {
  switch (currency) {
    case 'USD':
      return usd * 100;
    case 'EUR':
      return Math.round(usd * 0.92) * 100;
    case 'GBP':
      return Math.round(usd * 0.79) * 100;
    case 'CNY':
      return (Math.round((usd * 7.2) / 10) * 10 - 1) * 100;
    case 'RUB':
      return (Math.round((usd * 90) / 100) * 100 - 10) * 100;
    case 'BRL':
      return Math.round(usd * 5.2) * 100 - 10;
    default:
      throw new Error(`No demo price rule for ${currency}`);
  }
}

export interface CatalogRows {
  products: Row<typeof products>[];
  variants: Row<typeof variants>[];
  prices: Row<typeof variantPrices>[];
  images: Row<typeof images>[];
  productImages: Row<typeof productImages>[];
}

/** Stock overrides that tests and the demo script rely on (see docs/server/catalog.md). */
const FIXED_STOCK: Record<string, (title: string) => number | undefined> = {
  'aurora-classic-tee': (title) => (title === 'White / XXL' ? 0 : title === 'Navy / XS' ? 2 : 50),
};

/**
 * The store's catalog rows, priced in every currency it sells; ids derive from its handle,
 * and its name is the brand on the pictures and the vendor of products that name none.
 */
export function buildCatalog(store: Store, list: SeedProduct[]): CatalogRows {
  const { handle: prefix, name: brand, currencies } = store;
  const out: CatalogRows = {
    products: [],
    variants: [],
    prices: [],
    images: [],
    productImages: [],
  };
  const encoder = new TextEncoder();
  list.forEach((p, index) => {
    const handle = `${prefix}-${p.slug.replace(new RegExp(`^${prefix}-`), '')}`;
    const productId = demoId(`${prefix}/product/${handle}`);
    const sizes = sizesFor(p);
    const options = [
      { name: 'Colour', values: p.colours },
      ...(sizes ? [{ name: 'Size', values: sizes }] : []),
    ];
    out.products.push({
      id: productId,
      storeId: store.id,
      handle,
      title: p.title,
      description:
        `${p.blurb} ${p.colours.length > 1 ? `Available in ${p.colours.length} colours.` : ''}`.trim(),
      vendor: p.vendor ?? brand,
      options,
      status: 'active',
    });

    // One picture per colour, in the colour order; every variant of a colour shows it.
    const pictures = new Map<string, string>();
    p.colours.forEach((colour, i) => {
      const imageId = demoId(`${prefix}/image/${handle}/${colour}`);
      const galleryId = demoId(`${prefix}/product-image/${handle}/${colour}`);
      const svg = renderProductSvg({
        kind: p.kind,
        colour: colourHex[colour]!,
        title: p.title,
        brand,
      });
      out.images.push({
        id: imageId,
        storeId: store.id,
        contentType: 'image/svg+xml',
        data: encoder.encode(svg),
        width: IMAGE_SIZE,
        height: IMAGE_SIZE,
      });
      out.productImages.push({
        id: galleryId,
        storeId: store.id,
        productId,
        imageId,
        alt: `${p.title} in ${colour}`,
        position: i,
      });
      pictures.set(colour, galleryId);
    });

    const rand = prng(handle);
    const fixed = FIXED_STOCK[handle];
    let position = 0;
    const firstVariant = out.variants.length;
    for (const colour of p.colours) {
      for (const size of sizes ?? [null]) {
        const title = size ? `${colour} / ${size}` : colour;
        const variantId = demoId(`${prefix}/variant/${handle}/${title}`);
        const r = rand();
        const stock = p.soldOut
          ? 0
          : (fixed?.(title) ??
            (r < 0.12 ? 0 : r < 0.25 ? 1 + Math.floor(rand() * 3) : 5 + Math.floor(rand() * 56)));
        out.variants.push({
          id: variantId,
          storeId: store.id,
          productId,
          title,
          options: size ? { Colour: colour, Size: size } : { Colour: colour },
          sku: `${prefix.slice(0, 3).toUpperCase()}-${String(index + 1).padStart(3, '0')}-${colour.replace(/\s+/g, '').slice(0, 4).toUpperCase()}${size ? `-${size.replace('/', '')}` : ''}`,
          stock,
          grams: SHIPPING_GRAMS[p.kind],
          position: position++,
          imageId: pictures.get(colour)!,
        });
        for (const currency of currencies) {
          const full = demoPriceMinor(p.usd, currency);
          const sale = p.sale ? demoPriceMinor(Math.round(p.usd * 0.8), currency) : full;
          out.prices.push({
            storeId: store.id,
            variantId,
            currency,
            amountMinor: sale,
            compareAtMinor: p.sale ? full : null,
          });
        }
      }
    }

    // Only the limited parka is sold out entirely: every other product keeps one in stock.
    const own = out.variants.slice(firstVariant);
    if (!p.soldOut && own.every((v) => v.stock === 0)) own[0]!.stock = 8;
  });
  return out;
}

export async function insertCatalog(tx: Tx, rows: CatalogRows) {
  // One statement for the products keeps their positions (identity) in list order.
  await tx.insert(products).values(rows.products);
  // Images before variants: a variant points at its picture.
  await insertAll(tx, images, rows.images, 50);
  await insertAll(tx, productImages, rows.productImages);
  await insertAll(tx, variants, rows.variants);
  await insertAll(tx, variantPrices, rows.prices, 1000);
}
