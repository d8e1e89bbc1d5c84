import { type AnyPgColumn, bigint, customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Primary keys are random UUIDs made by the application, so ids are unguessable. */
export const id = () => uuid('id').primaryKey();

/** Every table carries the store it belongs to (tenancy, and the shard key for Citus). */
export const storeId = () => uuid('store_id').notNull();

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Money: integer minor units (cents), never floats. */
export const minor = (name: string) => bigint(name, { mode: 'number' });

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** A required reference to the row this one belongs to: deleting that row deletes this one. */
export const ownedBy = (name: string, owner: () => AnyPgColumn) =>
  uuid(name).notNull().references(owner, { onDelete: 'cascade' });
