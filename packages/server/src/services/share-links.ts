import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { AnalyticsChannel } from '../analytics.js';
import type { Db } from '../db/index.js';
import { products, shareLinks, stores } from '../db/schema/index.js';
import type { Store } from './stores.js';

/**
 * Where a short link is shared; kept with the link and passed on to the share page. Channels
 * of the analytics (one vocabulary: a link's visits are reported under its channel).
 */
export const SHARE_CHANNELS = [
  'share',
  'creator',
  'campaign',
  'qr',
] as const satisfies readonly AnalyticsChannel[];
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

export const isShareChannel = (value: string | undefined): value is ShareChannel =>
  SHARE_CHANNELS.some((c) => c === value);

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 10 base62 characters: about 59.5 bits, far past guessing one link among a store's. */
export const SHARE_CODE_LENGTH = 10;
export const SHARE_CODE = /^[0-9A-Za-z]{10}$/;

/** A new random code; randomInt draws each character uniformly (no modulo bias). */
function newCode(): string {
  let code = '';
  for (let i = 0; i < SHARE_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export interface ShareTarget {
  productId: string;
  ref: string | null;
  channel: ShareChannel | null;
}

/**
 * The short link of a (store, product, ref, channel), made on first ask. Idempotent under
 * concurrency: the insert yields to an existing row of the same target (the unique
 * constraint share_links_target, nulls equal), and the row that won is read back. An insert
 * that lost only to a code collision (no row of its target) tries again with a new code.
 */
export async function shareLinkFor(
  db: Db,
  store: Store,
  target: ShareTarget,
  now: Date,
): Promise<{ code: string; created: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [inserted] = await db
      .insert(shareLinks)
      .values({
        id: randomUUID(),
        storeId: store.id,
        code: newCode(),
        productId: target.productId,
        ref: target.ref,
        channel: target.channel,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ code: shareLinks.code });
    if (inserted) return { code: inserted.code, created: true };
    const [existing] = await db
      .select({ code: shareLinks.code })
      .from(shareLinks)
      .where(
        and(
          eq(shareLinks.storeId, store.id),
          eq(shareLinks.productId, target.productId),
          sql`${shareLinks.ref} is not distinct from ${target.ref}`,
          sql`${shareLinks.channel} is not distinct from ${target.channel}`,
        ),
      );
    if (existing) return { code: existing.code, created: false };
  }
  throw new Error('No free share link code after 5 attempts.');
}

/** What a short link points at: the store's and the product's handles, the ref and channel. */
export async function findShareLink(db: Db, code: string) {
  if (!SHARE_CODE.test(code)) return undefined;
  const [row] = await db
    .select({
      code: shareLinks.code,
      ref: shareLinks.ref,
      channel: shareLinks.channel,
      storeHandle: stores.handle,
      productHandle: products.handle,
    })
    .from(shareLinks)
    .innerJoin(stores, eq(stores.id, shareLinks.storeId))
    .innerJoin(
      products,
      and(eq(products.id, shareLinks.productId), eq(products.storeId, shareLinks.storeId)),
    )
    .where(eq(shareLinks.code, code));
  return row;
}

/** The share page's path for a store and product handle (both URL-encoded). */
export function sharePagePath(storeHandle: string, productHandle: string): string {
  return `/p/${encodeURIComponent(storeHandle)}/${encodeURIComponent(productHandle)}`;
}
