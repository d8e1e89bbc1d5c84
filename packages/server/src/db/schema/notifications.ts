import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { products } from './catalog.js';
import { createdAt, id, storeId } from './columns.js';
import { customers } from './customers.js';

/** What a shopper can be told about (contract §6). */
export const NOTIFICATION_TOPICS = [
  'back-in-stock',
  'price-drop',
  'promotions',
  'points-expiry',
  'order-updates',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];
export type NotificationChannel = 'push' | 'email';

/**
 * The server's Web Push (VAPID) key pair: made on first start and kept here, so every
 * instance signs with the same key and browsers' subscriptions survive restarts.
 */
export const notificationKeys = pgTable('notification_keys', {
  /** 'vapid': one row per server. */
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: createdAt(),
});

/**
 * A shopper's opt-in to one topic (of one product, for back-in-stock and price-drop) on one
 * channel: a browser's push subscription or an email address. Email subscriptions count once
 * the double opt-in link is followed (a signed-in shopper's own address at once). Tokens are
 * kept as SHA-256 only.
 */
export const notificationSubscriptions = pgTable(
  'notification_subscriptions',
  {
    id: id(),
    storeId: storeId(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['push', 'email'] }).notNull(),
    topic: text('topic', { enum: NOTIFICATION_TOPICS }).notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    /** The email (lower-cased) or the push endpoint URL: where messages go. */
    address: text('address').notNull(),
    /** Push only: the browser's keys for RFC 8291 payload encryption. */
    pushP256dh: text('push_p256dh'),
    pushAuth: text('push_auth'),
    /** The shopper's language and IANA time zone (quiet hours), as the page said. */
    locale: text('locale').notNull(),
    timeZone: text('time_zone').notNull(),
    /** The page where they subscribed (an allowed origin of the store): the deep link's fallback. */
    landingUrl: text('landing_url'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** SHA-256 of the double opt-in token (email typed by a guest). */
    confirmHash: text('confirm_hash').unique(),
    /** SHA-256 of the one-click unsubscribe token (in every message, and kept by the device). */
    unsubscribeHash: text('unsubscribe_hash').notNull().unique(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // Subscribing twice finds the live row; a removed one can be made again.
    uniqueIndex('notification_subscriptions_live')
      .on(
        t.storeId,
        t.channel,
        t.topic,
        t.address,
        sql`coalesce(${t.productId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.removedAt} is null`),
    index('notification_subscriptions_product').on(t.storeId, t.topic, t.productId),
    index('notification_subscriptions_customer').on(t.customerId),
    // The frequency cap counts what one shopper got: all their subscriptions by address.
    index('notification_subscriptions_address').on(t.storeId, t.address),
  ],
);

/** A store's message to many shoppers (admin API), expanded into messages at `sendAt`. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    storeId: storeId(),
    /** {locale: text}: each shopper gets their language, else the store's, else English. */
    title: jsonb('title').$type<Record<string, string>>().notNull(),
    body: jsonb('body').$type<Record<string, string>>().notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    url: text('url'),
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
    sendAt: timestamp('send_at', { withTimezone: true }).notNull(),
    /** 'scheduled' until the worker expands it, then 'sent'. */
    status: text('status', { enum: ['scheduled', 'sent'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('campaigns_due').on(t.status, t.sendAt)],
);

/**
 * The outbox (docs/decisions/009): one message per subscription and cause, written in the
 * transaction of the cause and sent by the send-notifications job. `dedupe_key` names the
 * cause (`campaign:<id>`, `restock:<variant>:<n>`…): the unique key is "at most once per
 * subscription". Receipts (delivered, clicked, dismissed) land on the same row.
 */
export const notificationMessages = pgTable(
  'notification_messages',
  {
    id: id(),
    storeId: storeId(),
    /**
     * Null only after the purge (jobs/purge-notification-subscriptions.ts) deleted the
     * subscription of a campaign's message: the message stays for the campaign's counts,
     * without the shopper's address. Deleting a subscription otherwise takes its messages.
     */
    subscriptionId: uuid('subscription_id').references(() => notificationSubscriptions.id, {
      onDelete: 'cascade',
    }),
    /** When that purged subscription was removed (the campaign's `unsubscribed` count). */
    subscriptionRemovedAt: timestamp('subscription_removed_at', { withTimezone: true }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    topic: text('topic', { enum: NOTIFICATION_TOPICS }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    /** What the shopper sees, already in their language: title, body, url, image… */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', {
      enum: ['pending', 'sent', 'failed', 'dropped', 'capped'],
    }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Not before: quiet hours and retry backoff move it on. */
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    /** A worker's lease: past it, another worker may claim the row again. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    clickedAt: timestamp('clicked_at', { withTimezone: true }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    /** A short code of the last failure (never a payload or an address). */
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('notification_messages_once').on(t.subscriptionId, t.dedupeKey),
    index('notification_messages_due').on(t.status, t.notBefore),
    index('notification_messages_campaign').on(t.campaignId),
  ],
);

export type NotificationSubscriptionRow = typeof notificationSubscriptions.$inferSelect;
export type NotificationMessageRow = typeof notificationMessages.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
