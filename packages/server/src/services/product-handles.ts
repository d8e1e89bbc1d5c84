import { and, eq, sql } from 'drizzle-orm';
import { slugify } from 'transliteration';
import { z } from 'zod';
import type { Tx } from '../db/index.js';
import { products } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { isUuid } from '../uuid.js';

const HANDLE_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Path words under /v1/products that a handle must not shadow. */
const RESERVED_HANDLES = new Set(['batch']);
/** Reserved path words, and ids: /v1/products/{idOrHandle} must never be ambiguous. */
const isReservedHandle = (h: string) => RESERVED_HANDLES.has(h) || isUuid(h);

export const handleSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(HANDLE_RE, 'Lower-case letters, digits and single hyphens')
  .refine((h) => !isReservedHandle(h), 'This handle is reserved');

/**
 * A product's handle from its title, in Latin letters whatever the title's script
 * ("Straße Hoodie" → strasse-hoodie, "Футболка классика" → futbolka-klassika, "经典T恤" →
 * jing-dian-txu); "product" when nothing of the title can be spelled so (emoji only).
 */
export function handleFromTitle(title: string): string {
  const handle = slugify(title, { lowercase: true, separator: '-', allowedChars: 'a-zA-Z0-9' })
    .slice(0, 80)
    .replace(/-+$/, '');
  return handle || 'product';
}

/** `base`, or `base-2`, `base-3`… whichever is free in this store. */
export async function freeHandle(tx: Tx, storeId: string, base: string): Promise<string> {
  const taken = await tx
    .select({ handle: products.handle })
    .from(products)
    .where(
      and(
        eq(products.storeId, storeId),
        sql`(${products.handle} = ${base} or ${products.handle} like ${`${base}-%`})`,
      ),
    );
  const set = new Set(taken.map((t) => t.handle));
  if (!set.has(base) && !isReservedHandle(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * What a failed product write throws: a unique violation there is the handle being taken
 * (the one unique column a merchant sets); anything else as it came.
 */
export function handleConflictOr(err: unknown): unknown {
  const e = err as { code?: string; cause?: { code?: string } };
  if (e?.code !== '23505' && e?.cause?.code !== '23505') return err;
  return new ApiError('conflict', 'Another product of this store has this handle.', [
    { path: 'handle', message: 'Taken' },
  ]);
}
