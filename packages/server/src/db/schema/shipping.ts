import { jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { storeId } from './columns.js';

/**
 * A shipping address as the checkout validated it for its country (services/shipping/address.ts).
 * Field names follow Google's address data (libaddressinput): `area` is the state, province,
 * emirate or oblast; `cityArea` the district or neighbourhood.
 */
export interface ShippingAddress {
  country: string;
  name: string;
  company: string;
  line1: string;
  line2: string;
  city: string;
  cityArea: string;
  area: string;
  postalCode: string;
  sortingCode: string;
}

/** The shipping rate an order was given, as it was then. */
export interface ShippingChoice {
  zoneId: string;
  rateId: string;
  name: string;
  minDays: number;
  maxDays: number;
}

/**
 * A store's shipping and tax set-up (zones, rates, taxes, duties), one validated document
 * (services/shipping/config.ts) replaced whole by PUT /admin/v1/shipping.
 */
export const storeShipping = pgTable('store_shipping', {
  storeId: storeId().primaryKey(),
  config: jsonb('config').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
