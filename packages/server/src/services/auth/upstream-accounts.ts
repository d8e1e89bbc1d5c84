import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { customerIdentities } from '../../db/schema/index.js';
import {
  type Customer,
  findCustomer,
  findCustomerByEmail,
  isPlausibleEmail,
  normalizeEmail,
  upsertCustomerByEmail,
} from '../customers.js';

/** What a validated ID token says about the shopper. */
export interface UpstreamClaims {
  issuer: string;
  subject: string;
  email?: unknown;
  emailVerified?: unknown;
  name?: unknown;
}

async function linkedCustomer(db: Db, storeId: string, issuer: string, subject: string) {
  const [link] = await db
    .select({ customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .where(
      and(
        eq(customerIdentities.storeId, storeId),
        eq(customerIdentities.issuer, issuer),
        eq(customerIdentities.subject, subject),
      ),
    )
    .limit(1);
  return link ? findCustomer(db, storeId, link.customerId) : undefined;
}

/**
 * The customer an upstream account signs in as: the one it is linked to; else the account
 * with the same email, which it is linked to — only if the provider verified that email;
 * else a new account from the claims. An email the provider has not verified is refused
 * (null) rather than given a new account: anyone can type an address at some providers,
 * and an account holding it would lock its real owner out of signing up.
 */
export async function customerForUpstream(
  db: Db,
  storeId: string,
  claims: UpstreamClaims,
  now: Date,
): Promise<Customer | null> {
  const { issuer, subject } = claims;
  const known = await linkedCustomer(db, storeId, issuer, subject);
  if (known) return known;
  // Some providers (older Apple tokens) send the flag as a string.
  const verified = claims.emailVerified === true || claims.emailVerified === 'true';
  const email = typeof claims.email === 'string' ? normalizeEmail(claims.email) : '';
  if (!verified || !isPlausibleEmail(email)) return null;
  const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 100) : '';
  const customer =
    (await findCustomerByEmail(db, storeId, email)) ??
    (await upsertCustomerByEmail(db, storeId, { email, name }, now));
  await db
    .insert(customerIdentities)
    .values({ storeId, issuer, subject, customerId: customer.id, createdAt: now })
    .onConflictDoNothing();
  // Two callbacks of the same upstream account at once: the first link wins.
  return (await linkedCustomer(db, storeId, issuer, subject)) ?? customer;
}
