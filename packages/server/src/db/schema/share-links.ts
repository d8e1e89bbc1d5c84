import { pgTable, text, unique } from 'drizzle-orm/pg-core';
import { products } from './catalog.js';
import { createdAt, id, ownedBy, storeId } from './columns.js';

/**
 * Short links to a product's share page (/s/{code} → /p/{store}/{handle}), made by
 * POST /v1/share-links. One link per (store, product, ref, channel): asking again, even
 * concurrently, answers the same code (the unique constraint decides, nulls counting as equal).
 */
export const shareLinks = pgTable(
  'share_links',
  {
    id: id(),
    storeId: storeId(),
    /** Random base62, unguessable: the short URL is the only thing shared. */
    code: text('code').notNull().unique('share_links_code'),
    productId: ownedBy('product_id', () => products.id),
    /** The creator's attribution code the share page and its buy path keep. */
    ref: text('ref'),
    /** Where the link is shared (services/share-links.ts lists the channels). */
    channel: text('channel'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('share_links_target').on(t.storeId, t.productId, t.ref, t.channel).nullsNotDistinct(),
  ],
);
