import { randomUUID } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { customers } from '../db/schema/index.js';
import type { CustomerView } from '../schemas/customers.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';

export type Customer = typeof customers.$inferSelect;

export function toCustomerView(c: Customer): CustomerView {
  return {
    id: c.id,
    email: c.email,
    name: c.name,
    personalization: c.personalization,
    createdAt: c.createdAt.toISOString(),
  };
}

/** Emails are compared trimmed and lower-cased: `Ann@Example.com ` is `ann@example.com`. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. */
export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

/** This store's customer matching `condition`, if any. */
async function findOne(
  db: Db | Tx,
  storeId: string,
  condition: SQL,
): Promise<Customer | undefined> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, storeId), condition))
    .limit(1);
  return row;
}

export function findCustomer(db: Db | Tx, storeId: string, customerId: string) {
  return findOne(db, storeId, eq(customers.id, customerId));
}

export function findCustomerByEmail(db: Db | Tx, storeId: string, email: string) {
  return findOne(db, storeId, eq(customers.email, normalizeEmail(email)));
}

/** A new customer's row: a fresh id, the email normalised, the name trimmed (or empty). */
function newCustomer(
  storeId: string,
  input: { email: string; name?: string | undefined },
  now: Date,
): typeof customers.$inferInsert {
  return {
    id: randomUUID(),
    storeId,
    email: normalizeEmail(input.email),
    name: input.name?.trim() ?? '',
    createdAt: now,
  };
}

/**
 * Creates a customer with a password. Returns null when the email is taken — also by a
 * single-sign-on customer without a password: letting anyone set one would hand them the
 * account.
 */
export async function registerCustomer(
  db: Db,
  storeId: string,
  input: { email: string; name: string; password: string },
  now: Date,
): Promise<Customer | null> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(customers)
    .values({ ...newCustomer(storeId, input, now), passwordHash })
    .onConflictDoNothing({ target: [customers.storeId, customers.email] })
    .returning();
  return row ?? null;
}

/** Checks email and password; null for any mismatch (unknown email included, same timing). */
export async function authenticateCustomer(
  db: Db,
  storeId: string,
  email: string,
  password: string,
): Promise<Customer | null> {
  const customer = await findCustomerByEmail(db, storeId, email);
  const ok = await verifyPassword(password, customer?.passwordHash ?? null);
  if (!customer || !ok) return null;
  if (customer.passwordHash && needsRehash(customer.passwordHash)) {
    await db
      .update(customers)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(customers.id, customer.id));
  }
  return customer;
}

/**
 * The customer with this email, created without a password when missing (emailed code: the
 * shopper proved the address). A new account is named after the address's local part.
 */
export async function findOrCreateCustomerByEmail(
  db: Db,
  storeId: string,
  email: string,
  now: Date,
): Promise<Customer> {
  const name = normalizeEmail(email).split('@')[0]!.slice(0, 100);
  await db
    .insert(customers)
    .values(newCustomer(storeId, { email, name }, now))
    .onConflictDoNothing({ target: [customers.storeId, customers.email] });
  return (await findCustomerByEmail(db, storeId, email))!;
}

/** Replaces the customer's password (a reset proven by an emailed code). */
export async function setCustomerPassword(db: Db, customerId: string, password: string) {
  await db
    .update(customers)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(customers.id, customerId));
}

/**
 * The customer with this email, created when missing (brand single sign-on). The brand
 * owns these accounts, so a name it passes replaces the stored one.
 */
export async function upsertCustomerByEmail(
  db: Db | Tx,
  storeId: string,
  input: { email: string; name?: string | undefined },
  now: Date,
): Promise<Customer> {
  const [row] = await db
    .insert(customers)
    .values(newCustomer(storeId, input, now))
    .onConflictDoUpdate({
      target: [customers.storeId, customers.email],
      set: { name: sql`coalesce(nullif(excluded.name, ''), ${customers.name})` },
    })
    .returning();
  return row!;
}

/** What a shopper may change of their own profile (PATCH /v1/customers/me). */
export interface ProfileChange {
  name?: string | undefined;
  /** False: recommendations ignore their orders (services/recommendations.ts). */
  personalization?: boolean | undefined;
}

export async function updateProfile(
  db: Db,
  storeId: string,
  customerId: string,
  change: ProfileChange,
): Promise<Customer | undefined> {
  const [row] = await db
    .update(customers)
    .set({
      ...(change.name !== undefined ? { name: change.name.trim() } : {}),
      ...(change.personalization !== undefined ? { personalization: change.personalization } : {}),
    })
    .where(and(eq(customers.storeId, storeId), eq(customers.id, customerId)))
    .returning();
  return row;
}
