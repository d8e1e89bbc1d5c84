import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { type IdentityProviderRow, identityProviders } from '../db/schema/index.js';
import { ApiError } from '../errors.js';

/** The slug names the provider in URLs and in `provider=`: short, lower case, URL-safe. */
export const PROVIDER_SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The issuer is where discovery is fetched from and what ID tokens must name: HTTPS, or
 * plain HTTP on loopback only (a local IdP in development and tests).
 */
function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.search || url.hash || url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/;

export const identityProviderInput = z.object({
  name: z.string().trim().min(1).max(100),
  issuer: z
    .string()
    .max(500)
    .refine(isIssuerUrl, 'Must be an https URL (http only on localhost), without query.'),
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().min(1).max(2000),
  /** `openid` is always asked for; the default also asks for the email and the name. */
  scopes: z
    .array(z.string().regex(SCOPE, 'A scope is printable ASCII without spaces or quotes.'))
    .max(20)
    .optional(),
  enabled: z
    .boolean()
    .optional()
    .describe(
      'Off keeps the configuration but takes the provider off the hosted sign-in page and ' +
        'out of `provider=`. Like the rest of the body it replaces what was there: left out, on.',
    ),
});
export type IdentityProviderInput = z.infer<typeof identityProviderInput>;

const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

/** What the admin API shows: everything but the secret, which is write-only. */
/**
 * Where a provider sends the shopper back: one URL per provider, so an answer can only come
 * back for the provider the sign-in went to (RFC 9700 §4.4: distinct redirect URIs against
 * mix-up attacks). The store registers it at the provider.
 */
export function upstreamCallbackPath(slug: string): string {
  return `/oauth/providers/${slug}/callback`;
}

/** A provider as the admin API answers it; `origin` is the server's public origin. */
export function identityProviderView(row: IdentityProviderRow, origin: string) {
  return {
    id: row.slug,
    redirectUri: `${origin}${upstreamCallbackPath(row.slug)}`,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    scopes: row.scopes,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function listIdentityProviders(db: Db, storeId: string): Promise<IdentityProviderRow[]> {
  return db
    .select()
    .from(identityProviders)
    .where(eq(identityProviders.storeId, storeId))
    .orderBy(asc(identityProviders.createdAt), asc(identityProviders.slug));
}

export async function findIdentityProvider(
  db: Db,
  storeId: string,
  slug: string,
): Promise<IdentityProviderRow | undefined> {
  if (!PROVIDER_SLUG.test(slug)) return undefined;
  const [row] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.storeId, storeId), eq(identityProviders.slug, slug)))
    .limit(1);
  return row;
}

/** A provider shoppers can sign in with now: one the store has and has not switched off. */
export async function findEnabledIdentityProvider(
  db: Db,
  storeId: string,
  slug: string,
): Promise<IdentityProviderRow | undefined> {
  const row = await findIdentityProvider(db, storeId, slug);
  return row?.enabled ? row : undefined;
}

export async function getIdentityProvider(db: Db, storeId: string, slug: string) {
  const row = await findIdentityProvider(db, storeId, slug);
  if (!row) throw new ApiError('identity_provider_not_found', 'No such identity provider.');
  return row;
}

/** Creates or replaces the provider `slug`; `created` tells which. */
export async function putIdentityProvider(
  db: Db,
  storeId: string,
  slug: string,
  input: IdentityProviderInput,
  now: Date,
): Promise<{ row: IdentityProviderRow; created: boolean }> {
  const scopes = [...new Set(['openid', ...(input.scopes ?? DEFAULT_SCOPES)])];
  const values = {
    name: input.name,
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    scopes,
    enabled: input.enabled ?? true,
    updatedAt: now,
  };
  const existed = await findIdentityProvider(db, storeId, slug);
  const [row] = await db
    .insert(identityProviders)
    .values({ storeId, slug, ...values, createdAt: now })
    .onConflictDoUpdate({
      target: [identityProviders.storeId, identityProviders.slug],
      set: values,
    })
    .returning();
  return { row: row!, created: !existed };
}

export async function deleteIdentityProvider(db: Db, storeId: string, slug: string) {
  await getIdentityProvider(db, storeId, slug);
  await db
    .delete(identityProviders)
    .where(and(eq(identityProviders.storeId, storeId), eq(identityProviders.slug, slug)));
}
