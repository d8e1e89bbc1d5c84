import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { stores } from '../db/schema/index.js';
import {
  defaultPointsRules,
  defaultStoreSettings,
  type PointsRules,
  type StoreSettings,
} from '../db/types.js';
import { randomToken, sha256 } from './secrets.js';

export type Store = typeof stores.$inferSelect;
export type StoreMode = Store['mode'];

export interface CreateStoreInput {
  handle: string;
  name: string;
  currencies?: string[];
  locales?: string[];
  allowedOrigins?: string[];
  pointsRules?: Partial<PointsRules>;
  settings?: Partial<StoreSettings>;
  /** 'test' (the default: only the test card pays) or 'live'. */
  mode?: StoreMode;
  /** Fixed keys, for the demo seed and tests; generated when absent. */
  publishableKey?: string;
  secretKey?: string;
}

/** Creates a store. The secret key is returned only here: the database keeps its hash. */
export async function createStore(
  db: Db,
  input: CreateStoreInput,
): Promise<{ store: Store; secretKey: string }> {
  const secretKey = input.secretKey ?? `sk_live_${randomToken(24)}`;
  const currencies = input.currencies ?? ['USD'];
  const [store] = await db
    .insert(stores)
    .values({
      id: randomUUID(),
      handle: input.handle,
      name: input.name,
      publishableKey: input.publishableKey ?? `pk_live_${randomToken(18)}`,
      secretKeyHash: sha256(secretKey),
      tokenSecret: randomToken(32),
      allowedOrigins: input.allowedOrigins ?? [],
      currencies,
      locales: input.locales ?? ['en'],
      pointsRules: {
        ...defaultPointsRules,
        baseCurrency: currencies[0]!,
        rates: { [currencies[0]!]: 1 },
        ...input.pointsRules,
      },
      settings: { ...defaultStoreSettings, ...input.settings },
      ...(input.mode ? { mode: input.mode } : {}),
    })
    .returning();
  return { store: store!, secretKey };
}

export async function findStoreByPublishableKey(db: Db, key: string): Promise<Store | undefined> {
  const [store] = await db.select().from(stores).where(eq(stores.publishableKey, key)).limit(1);
  return store;
}

/** A store by its id, as a payment provider's webhook URL names it. */
export async function findStoreById(db: Db, id: string): Promise<Store | undefined> {
  const [store] = await db.select().from(stores).where(eq(stores.id, id)).limit(1);
  return store;
}

/** A store by its handle, as share pages name it (`/p/{store}/…`). */
export async function findStoreByHandle(db: Db, handle: string): Promise<Store | undefined> {
  const [store] = await db.select().from(stores).where(eq(stores.handle, handle)).limit(1);
  return store;
}

export async function findStoreBySecretKey(db: Db, key: string): Promise<Store | undefined> {
  const [store] = await db
    .select()
    .from(stores)
    .where(eq(stores.secretKeyHash, sha256(key)))
    .limit(1);
  return store;
}

/** Adds origins to every store's allow-list (the CLI's --allow-origin). */
export async function allowOriginsEverywhere(db: Db, origins: string[]): Promise<void> {
  for (const origin of origins) {
    await db
      .update(stores)
      .set({ allowedOrigins: sql`array_append(${stores.allowedOrigins}, ${origin})` })
      .where(sql`not (${origin} = any(${stores.allowedOrigins}))`);
  }
}

/**
 * `value` if it is an http(s) URL on one of the store's allowed origins (a checkout's return
 * link, a notification's landing page): never an open redirect. Null for anything else.
 */
export function urlOnAllowedOrigin(store: Store, value: string | undefined): string | null {
  if (!value || value.length > 2000) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return store.allowedOrigins.includes(url.origin) ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Whether any store allows this origin: answers CORS preflights, which carry no key. */
export async function isOriginAllowedByAnyStore(db: Db, origin: string): Promise<boolean> {
  const rows = await db
    .select({ id: stores.id })
    .from(stores)
    .where(sql`${origin} = any(${stores.allowedOrigins})`)
    .limit(1);
  return rows.length > 0;
}
